package no.nav.ia.agreement;

/** What the closing of its campaign did to a due agreement. */
public enum ClosingOutcome {
  /** Not re-signed: ended on the deadline with reason NOT_RESIGNED. */
  ENDED,
  /** Re-signed (itself or with its group): its new period starts on its resignedOn. */
  RESIGNED,
  /** It had already ended before the closing; left as it was. */
  UNCHANGED
}
