package no.nav.ia.delivery;

/** A direct process inside the enterprise, an open course, or information work. */
public enum Form {
  DIRECT,
  COURSE,
  INFORMATION
}
