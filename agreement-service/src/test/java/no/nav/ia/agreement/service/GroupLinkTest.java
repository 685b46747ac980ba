package no.nav.ia.agreement.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.rest.Api;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import org.junit.jupiter.api.Test;

/**
 * The link from a unit to its group's agreement, set when the group's agreement is registered, is
 * not written back empty by an edit of the unit that read it before: an update writes only what it
 * changed.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class GroupLinkTest {

  @Test
  void aUnitAndItsGroupRegisteredAtTheSameMomentAreLinked() throws Exception {
    String groupOrg = Fixtures.orgNumber();
    Map<String, Object> unitBody = Fixtures.agreement(Fixtures.orgNumber(), "03");
    unitBody.put("groupOrgNumber", groupOrg);
    var background = java.util.concurrent.Executors.newFixedThreadPool(2);
    try (java.sql.Connection events = Infra.connection("agreement")) {
      // Both registrations have written their rows and wait to write their events, uncommitted:
      // neither saw the other's agreement when it looked.
      events.setAutoCommit(false);
      events.createStatement().execute("lock table outbox_event in exclusive mode");
      var unit = background.submit(() -> Api.register(unitBody));
      Infra.awaitLockWaits(events, "insert into outbox_event%", 1);
      var group = background.submit(() -> Api.register(Fixtures.agreement(groupOrg, "03")));
      Infra.awaitLockWaits(events, "%", 2);
      events.commit();
      UUID unitId = UUID.fromString(unit.get(30, java.util.concurrent.TimeUnit.SECONDS));
      UUID groupId = UUID.fromString(group.get(30, java.util.concurrent.TimeUnit.SECONDS));
      Agreement after =
          QuarkusTransaction.requiringNew().call(() -> Agreement.<Agreement>findById(unitId));
      assertThat(after.groupAgreementId)
          .as("the unit's link to its group's agreement")
          .isEqualTo(groupId);
    } finally {
      background.shutdownNow();
    }
  }

  @Test
  void anEditReadBeforeTheGroupsAgreementCameKeepsTheLinkItGot() {
    String groupOrg = Fixtures.orgNumber();
    Map<String, Object> unitBody = Fixtures.agreement(Fixtures.orgNumber(), "03");
    unitBody.put("groupOrgNumber", groupOrg);
    UUID unit = UUID.fromString(Api.register(unitBody));
    String[] group = new String[1];

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              // An edit of the unit has read it (no link yet) ...
              Agreement read = Agreement.findById(unit);
              assertThat(read.groupAgreementId).isNull();
              // ... when the group's agreement is registered and links it (committed).
              group[0] = Api.register(Fixtures.agreement(groupOrg, "03"));
              read.name = "Endret navn AS";
            });

    Agreement after =
        QuarkusTransaction.requiringNew().call(() -> Agreement.<Agreement>findById(unit));
    assertThat(after.name).isEqualTo("Endret navn AS");
    assertThat(after.groupAgreementId)
        .as("the link the group's registration made")
        .isEqualTo(UUID.fromString(group[0]));
  }
}
