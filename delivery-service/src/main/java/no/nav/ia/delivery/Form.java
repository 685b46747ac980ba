package no.nav.ia.delivery;

/** A direct process inside the enterprise, an open course, or information work. */
public enum Form {
  DIRECT,
  COURSE,
  INFORMATION;

  /** A delivery that names no form is a direct one, as the scorecard counts it. */
  public static boolean isDirect(Form form) {
    return form == null || form == DIRECT;
  }
}
