package no.nav.ia.platform.domain;

/**
 * The service portfolio ("Standard for oppfølging av IA-virksomheter"), DOMAIN.md: the codes a
 * delivery names, its events carry and the scorecard counts by, in one place for every service,
 * each with the name an adviser or a manager knows it by.
 */
public enum ServiceCode {
  IA_GUIDANCE("IA-veiledning"),
  GOALS_ACTION_PLAN("Mål- og handlingsplan"),
  SICK_LEAVE("Forebygge og redusere sykefravær"),
  /** Sub-goal 2. */
  RECRUITMENT("Rekruttere nye medarbeidere"),
  /** Sub-goal 3. */
  SENIOR_LIFE_PHASE("Senior- og livsfasearbeid"),
  MEASURE_EVALUATE("Måle og evaluere"),
  /** The contact-person role itself, delivered as a service. */
  CONTACT_PERSON("Kontaktpersonrollen");

  private final String label;

  ServiceCode(String label) {
    this.label = label;
  }

  /** The service's Norwegian name, for pages and files people read (the code is for programs). */
  public String label() {
    return label;
  }

  /** The Norwegian name of a service code, or the code itself when it names none. */
  public static String labelOf(String code) {
    for (ServiceCode s : values()) {
      if (s.name().equals(code)) {
        return s.label;
      }
    }
    return code;
  }
}
