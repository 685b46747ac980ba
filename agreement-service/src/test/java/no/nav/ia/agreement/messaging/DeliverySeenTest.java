package no.nav.ia.agreement.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.agreement.DeliverySeen;
import no.nav.ia.agreement.DeliverySeen.Version;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.rest.Api;
import no.nav.ia.agreement.service.DeliverySeenCounties;
import no.nav.ia.test.PlatformTestResource;
import org.junit.jupiter.api.Test;

/**
 * The delivery events' set-wise take: a poll's versions in one statement keep the rule of one at a
 * time (the newest wins, a late older one changes nothing).
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class DeliverySeenTest {

  static final LocalDate DAY = LocalDate.parse("2024-04-02");

  @Inject DeliverySeenCounties counties;

  static void take(Version... versions) {
    QuarkusTransaction.requiringNew().run(() -> DeliverySeen.takeAll(List.of(versions)));
  }

  static DeliverySeen seen(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> DeliverySeen.findById(id));
  }

  @Test
  void theNewestVersionInABatchWinsWhateverItsPlace() {
    String org = Fixtures.orgNumber();
    UUID voidedLast = UUID.randomUUID();
    UUID voidedFirst = UUID.randomUUID();
    take(
        new Version(voidedLast, 1, org, "03", DAY, "SICK_LEAVE", true, null),
        new Version(voidedFirst, 2, org, "03", DAY.plusDays(1), "SICK_LEAVE", false, null),
        new Version(voidedLast, 2, org, "03", DAY, "SICK_LEAVE", false, null),
        new Version(voidedFirst, 1, org, "03", DAY, "SICK_LEAVE", true, null));
    assertThat(seen(voidedLast).version).isEqualTo(2);
    assertThat(seen(voidedLast).live).isFalse();
    assertThat(seen(voidedFirst).version).isEqualTo(2);
    assertThat(seen(voidedFirst).deliveredOn).isEqualTo(DAY.plusDays(1));
    assertThat(seen(voidedFirst).live).isFalse();
  }

  @Test
  void theMomentADeliveryWasRecordedStaysThroughItsCorrectionsInABatchOrLater() {
    String org = Fixtures.orgNumber();
    UUID inOneBatch = UUID.randomUUID();
    UUID correctedLater = UUID.randomUUID();
    java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2024-06-03T08:00:00Z");
    take(
        new Version(inOneBatch, 1, org, "03", DAY, "SICK_LEAVE", true, at),
        new Version(inOneBatch, 2, org, "03", DAY, "RECRUITMENT", true, null),
        new Version(correctedLater, 1, org, "03", DAY, "SICK_LEAVE", true, at.plusHours(1)));
    take(new Version(correctedLater, 2, org, "03", DAY, "RECRUITMENT", false, null));
    assertThat(seen(inOneBatch).service).isEqualTo("RECRUITMENT");
    assertThat(seen(inOneBatch).recordedAt.toInstant()).isEqualTo(at.toInstant());
    assertThat(seen(correctedLater).live).isFalse();
    assertThat(seen(correctedLater).recordedAt.toInstant()).isEqualTo(at.plusHours(1).toInstant());
    // Its first version read after a later one (a correction moved it to this enterprise, keyed by
    // it): the later version's facts stay, the time it was recorded is taken.
    UUID movedHere = UUID.randomUUID();
    take(new Version(movedHere, 2, org, "03", DAY, "RECRUITMENT", true, null));
    take(new Version(movedHere, 1, Fixtures.orgNumber(), "03", DAY, "SICK_LEAVE", true, at));
    assertThat(seen(movedHere).version).isEqualTo(2);
    assertThat(seen(movedHere).orgNumber).isEqualTo(org);
    assertThat(seen(movedHere).service).isEqualTo("RECRUITMENT");
    assertThat(seen(movedHere).recordedAt.toInstant()).isEqualTo(at.toInstant());
  }

  @Test
  void anOlderOrTheSameVersionArrivingLaterChangesNothing() {
    String org = Fixtures.orgNumber();
    UUID id = UUID.randomUUID();
    take(new Version(id, 3, org, "03", DAY, "WORK_ENVIRONMENT", true, null));
    take(
        new Version(id, 2, org, "03", DAY.minusDays(9), "SICK_LEAVE", false, null),
        new Version(id, 3, org, "03", DAY.minusDays(3), "SICK_LEAVE", false, null));
    DeliverySeen kept = seen(id);
    assertThat(kept.version).isEqualTo(3);
    assertThat(kept.deliveredOn).isEqualTo(DAY);
    assertThat(kept.service).isEqualTo("WORK_ENVIRONMENT");
    assertThat(kept.live).isTrue();
    take(new Version(id, 4, org, "03", DAY.plusDays(2), "SICK_LEAVE", true, null));
    assertThat(seen(id).deliveredOn).isEqualTo(DAY.plusDays(2));
    assertThat(DeliverySeen.latest(org, Optional.empty()).map(s -> s.deliveryId)).contains(id);
  }

  @Test
  void aDeliverySeenWithoutItsCountyTakesThatOfTheAgreementOfItsDay() {
    String org = Fixtures.orgNumber();
    String before = register(org, "15", "2011-03-01");
    Api.terminate(before, LocalDate.parse("2020-06-30"), "Flyttet");
    register(org, "46", "2021-01-01");
    UUID underTheFirst = UUID.randomUUID();
    UUID underTheSecond = UUID.randomUUID();
    UUID beforeAny = UUID.randomUUID();
    UUID known = UUID.randomUUID();
    take(
        new Version(
            underTheFirst, 1, org, null, LocalDate.parse("2015-05-05"), "SICK_LEAVE", true, null),
        new Version(
            underTheSecond, 1, org, null, LocalDate.parse("2022-02-02"), "SICK_LEAVE", true, null),
        new Version(
            beforeAny, 1, org, null, LocalDate.parse("2010-01-01"), "SICK_LEAVE", true, null),
        new Version(known, 1, org, "03", LocalDate.parse("2022-03-03"), "SICK_LEAVE", true, null));

    assertThat(counties.fill()).isGreaterThanOrEqualTo(2);

    assertThat(seen(underTheFirst).countyCode).isEqualTo("15");
    assertThat(seen(underTheSecond).countyCode).isEqualTo("46");
    assertThat(seen(beforeAny).countyCode).as("before any agreement of its enterprise").isNull();
    assertThat(seen(known).countyCode).as("kept as its event said").isEqualTo("03");
    assertThat(counties.fill()).as("nothing more to fill").isZero();
  }

  private static String register(String org, String county, String signedOn) {
    Map<String, Object> body = new HashMap<>(Fixtures.agreement(org, county));
    body.put("signedOn", signedOn);
    return Api.register(body);
  }
}
