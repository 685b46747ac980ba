package no.nav.ia.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
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
    withCallId(
        header != null ? new String(header.value(), StandardCharsets.UTF_8) : envelope.callId(),
        work);
  }

  /**
   * Runs {@code work} with {@code callId} in the MDC (none if null), and puts back the one it had.
   * An id not safe to log (events written before the edge checked call ids, or by another producer,
   * may carry anything) is replaced by a fresh one, so that what the work writes (its events, its
   * audit lines) still shares one id.
   */
  static void withCallId(String callId, Runnable work) {
    String outer = CallId.currentOrNull();
    if (CallId.safe(callId)) {
      CallId.set(callId);
    } else if (callId != null) {
      CallId.set(CallId.generate());
    } else {
      CallId.clear();
    }
    try {
      work.run();
    } finally {
      if (outer != null) {
        CallId.set(outer);
      } else {
        CallId.clear();
      }
    }
  }

  /** The call id every event of a batch shares (a group's, a bulk load's), else null. */
  static String sharedCallId(List<EventEnvelope> events) {
    String first = events.get(0).callId();
    return events.stream().allMatch(e -> Objects.equals(e.callId(), first)) ? first : null;
  }
}
