package no.nav.ia.agreement.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A register search's query that is an org number, as people write one. */
class OrgNumberQueryTest {

  @Test
  void nineDigitsInGroupsWithSpacesDotsOrHyphensOrAsAnInvoicePrintsThemAreAnOrgNumber() {
    for (String q :
        new String[] {
          "974760673",
          " 974 760 673 ",
          "974\u00a0760\t673",
          "974.760.673",
          "974-760-673",
          "NO 974 760 673 MVA",
          "no974760673mva",
          "NO974760673",
          "974760673 MVA"
        }) {
      assertThat(EnterpriseSearch.orgNumberIn(q)).as(q).contains("974760673");
    }
  }

  @Test
  void namesAndOtherNumbersAreNoOrgNumber() {
    for (String q :
        new String[] {
          "97476067",
          "9747606731",
          "NORD 974760673",
          "974760673 AS",
          "NO",
          "MVA",
          "bygg",
          "",
          "NO-MVA"
        }) {
      assertThat(EnterpriseSearch.orgNumberIn(q)).as(q).isEmpty();
    }
    assertThat(EnterpriseSearch.orgNumberIn(null)).isEmpty();
  }
}
