package no.nav.ia.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.ia.platform.callid.CallId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EnvelopesTest {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  static ConsumerRecord<String, String> record(String value) {
    return new ConsumerRecord<>("ia.delivery-events-v1", 0, 7L, "974760673", value);
  }

  static final String ENVELOPE =
      "{\"eventId\":\"2b8e7c1d-4f5a-4b6c-9d8e-7f6a5b4c3d21\",\"type\":\"DeliveryRecorded\","
          + "\"occurredAt\":\"2012-05-15T08:30:00Z\",\"callId\":\"from-the-envelope\",\"payload\":{}}";

  @Test
  void anEnvelopeIsReadAndAnythingElseIsUnreadable() {
    assertThat(Envelopes.read(record(ENVELOPE), JSON).type()).isEqualTo("DeliveryRecorded");
    assertThatThrownBy(() -> Envelopes.read(record("not json"), JSON))
        .isInstanceOf(Envelopes.Unreadable.class);
    assertThatThrownBy(() -> Envelopes.read(record("{\"type\":\"DeliveryRecorded\"}"), JSON))
        .isInstanceOf(Envelopes.Unreadable.class)
        .hasMessageContaining("eventId");
    assertThatThrownBy(() -> Envelopes.read(record("null"), JSON))
        .isInstanceOf(Envelopes.Unreadable.class);
  }

  @Test
  void theWorkRunsUnderTheRecordsCallIdAndLeavesNoneBehind() {
    EventEnvelope envelope = Envelopes.read(record(ENVELOPE), JSON);
    AtomicReference<String> seen = new AtomicReference<>();
    Envelopes.withCallId(record(ENVELOPE), envelope, () -> seen.set(CallId.currentOrNull()));
    assertThat(seen).hasValue("from-the-envelope");
    ConsumerRecord<String, String> withHeader = record(ENVELOPE);
    withHeader.headers().add(CallId.HEADER, "from-the-header".getBytes(StandardCharsets.UTF_8));
    Envelopes.withCallId(withHeader, envelope, () -> seen.set(CallId.currentOrNull()));
    assertThat(seen).hasValue("from-the-header");
    assertThat(CallId.currentOrNull()).isNull();
  }

  @Test
  void aBatchRunsUnderTheCallIdItsEventsShareAndEachEventUnderItsOwnWithin() {
    EventEnvelope a = Envelopes.read(record(ENVELOPE), JSON);
    EventEnvelope b = Envelopes.read(record(ENVELOPE.replace("from-the-envelope", "other")), JSON);
    assertThat(Envelopes.sharedCallId(java.util.List.of(a, a))).isEqualTo("from-the-envelope");
    assertThat(Envelopes.sharedCallId(java.util.List.of(a, b))).isNull();
    java.util.List<String> seen = new java.util.ArrayList<>();
    Envelopes.withCallId(
        "batch",
        () -> {
          Envelopes.withCallId(b.callId(), () -> seen.add(CallId.currentOrNull()));
          Envelopes.withCallId(null, () -> seen.add(CallId.currentOrNull()));
          seen.add(CallId.currentOrNull());
        });
    assertThat(seen).containsExactly("other", null, "batch");
    assertThat(CallId.currentOrNull()).isNull();
  }

  @Test
  void aCallIdNotSafeToLogIsReplacedForTheWholeWork() {
    java.util.List<String> seen = new java.util.ArrayList<>();
    ConsumerRecord<String, String> record = record(ENVELOPE);
    record.headers().add(CallId.HEADER, "case-01019010046".getBytes(StandardCharsets.UTF_8));
    Envelopes.withCallId(
        record,
        Envelopes.read(record, JSON),
        () -> {
          seen.add(CallId.currentOrNull());
          seen.add(CallId.current());
        });
    // One id of ours for all the work does, never the client's.
    assertThat(seen.get(0)).isNotNull().doesNotContain("01019010046").isEqualTo(seen.get(1));
    assertThat(java.util.UUID.fromString(seen.get(0)).version()).isEqualTo(4);
    Envelopes.withCallId("line\nbreak", () -> seen.add(CallId.currentOrNull()));
    assertThat(seen.get(2)).isNotEqualTo("line\nbreak").hasSize(36);
    assertThat(CallId.currentOrNull()).isNull();
  }
}
