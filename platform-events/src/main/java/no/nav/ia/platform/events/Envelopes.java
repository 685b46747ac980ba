package no.nav.ia.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import no.nav.ia.platform.callid.CallId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reading a record's envelope, and running work under the call id it carries. */
final class Envelopes {

  private Envelopes() {}

  /** A record that holds no envelope: parked at once, no attempt can change it. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The record's envelope; {@link Unreadable} if it is not one. */
  static EventEnvelope read(ConsumerRecord<String, String> record, ObjectMapper json) {
    EventEnvelope envelope;
    try {
      envelope = json.readValue(record.value(), EventEnvelope.class);
    } catch (Exception e) {
      throw new Unreadable(e.getClass().getSimpleName());
    }
    if (envelope == null || envelope.eventId() == null || envelope.type() == null) {
      throw new Unreadable("envelope lacks eventId or type");
    }
    return envelope;
  }

  /** Runs {@code work} with the record's Nav-Call-Id (header, else the envelope's) in the MDC. */
  static void withCallId(
      ConsumerRecord<String, String> record, EventEnvelope envelope, Runnable work) {
    Header header = record.headers().lastHeader(CallId.HEADER);
    String callId =
        header != null ? new String(header.value(), StandardCharsets.UTF_8) : envelope.callId();
    if (callId != null) {
      CallId.set(callId);
    }
    try {
      work.run();
    } finally {
      CallId.clear();
    }
  }
}
