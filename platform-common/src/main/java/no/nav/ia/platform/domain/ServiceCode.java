package no.nav.ia.platform.domain;

/**
 * The service portfolio ("Standard for oppfølging av IA-virksomheter"), DOMAIN.md: the codes a
 * delivery names, its events carry and the scorecard counts by, in one place for every service.
 */
public enum ServiceCode {
  /** IA-veiledning. */
  IA_GUIDANCE,
  /** Mål- og handlingsplan. */
  GOALS_ACTION_PLAN,
  /** Forebygge og redusere sykefravær. */
  SICK_LEAVE,
  /** Rekruttere nye medarbeidere (sub-goal 2). */
  RECRUITMENT,
  /** Senior- og livsfasearbeid (sub-goal 3). */
  SENIOR_LIFE_PHASE,
  /** Måle og evaluere. */
  MEASURE_EVALUATE,
  /** The contact-person role itself, delivered as a service. */
  CONTACT_PERSON
}
