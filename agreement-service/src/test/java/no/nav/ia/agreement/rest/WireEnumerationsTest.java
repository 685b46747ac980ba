package no.nav.ia.agreement.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import no.nav.ia.agreement.AgreementChange;
import no.nav.ia.agreement.AgreementStatus;
import no.nav.ia.agreement.ResigningStatus;
import no.nav.ia.platform.domain.ServiceCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The values the OpenAPI document lists for text fields that carry an enum's name are the enum's
 * values: a status added to the enum and not to the document would be refused by generated clients.
 */
class WireEnumerationsTest {

  @Test
  void statusFieldsListTheirEnumsValues() throws Exception {
    assertThat(listed(AgreementResource.AgreementVersion.class, "status"))
        .containsExactly(names(AgreementStatus.values()));
    assertThat(listed(EnterpriseResource.AgreementRef.class, "status"))
        .containsExactly(names(AgreementStatus.values()));
    assertThat(listed(EnterpriseResource.ResigningRef.class, "status"))
        .containsExactly(names(ResigningStatus.values()));
  }

  @Test
  void aStatusChangeListsTheMovesFromPending() throws Exception {
    String[] moves = ResigningStatus.PENDING.next().stream().map(Enum::name).toArray(String[]::new);
    assertThat(listed(CampaignRecords.ChangeStatus.class, "status")).containsExactly(moves);
    assertThat(CampaignResource.SETTABLE).isEqualTo("must be one of " + String.join(", ", moves));
  }

  @Test
  void aVersionsActionListsWhatMakesAVersion() throws Exception {
    assertThat(listed(AgreementResource.AgreementVersion.class, "action"))
        .containsExactly(names(AgreementChange.Action.values()));
  }

  @Test
  void theLatestDeliverysServiceListsThePortfolio() throws Exception {
    assertThat(listed(EnterpriseResource.LatestDelivery.class, "service"))
        .containsExactly(names(ServiceCode.values()));
  }

  /** The annotation on a record component lands on its field. */
  private static String[] listed(Class<? extends Record> type, String field) throws Exception {
    return type.getDeclaredField(field).getAnnotation(Schema.class).enumeration();
  }

  private static String[] names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
  }
}
