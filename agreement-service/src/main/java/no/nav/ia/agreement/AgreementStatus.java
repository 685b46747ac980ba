package no.nav.ia.agreement;

/** Whether the enterprise is an IA enterprise under this agreement now. */
public enum AgreementStatus {
  ACTIVE,
  ENDED
}
