package no.nav.ia.agreement;

import java.util.EnumSet;
import java.util.Set;

/** Where an agreement stands in a re-signing campaign, and which moves are allowed from there. */
public enum ResigningStatus {
  PENDING,
  CONTACTED,
  RESIGNED,
  DECLINED,
  /** Waiting for the central signing of the corporate group (konsern). */
  AWAITING_GROUP,
  NO_RESPONSE;

  /** The statuses one may move to from this one. RESIGNED is final. */
  public Set<ResigningStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(CONTACTED, RESIGNED, DECLINED, AWAITING_GROUP, NO_RESPONSE);
      // Contacting again is a new attempt: it restarts the reminder clock.
      case CONTACTED -> EnumSet.of(CONTACTED, RESIGNED, DECLINED, AWAITING_GROUP, NO_RESPONSE);
      case NO_RESPONSE -> EnumSet.of(CONTACTED, RESIGNED, DECLINED, AWAITING_GROUP);
      case AWAITING_GROUP -> EnumSet.of(CONTACTED, RESIGNED, DECLINED, NO_RESPONSE);
      // An enterprise that declined may change its mind.
      case DECLINED -> EnumSet.of(CONTACTED, RESIGNED);
      case RESIGNED -> EnumSet.noneOf(ResigningStatus.class);
    };
  }

  /** Not re-signed and still being worked on: what the follow-up lists show. */
  public boolean isOutstanding() {
    return this != RESIGNED && this != DECLINED;
  }
}
