package no.nav.ia.scorecard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deliveries counted by direction and form, and the rule of the 2/3 target: which deliveries the
 * system-directed share is taken over, and when it is met. Cards, trend months and advisers all
 * count with this class, so changing which forms count towards the share is a change here and in
 * its test only.
 */
public final class Tally {

  public static final String DIRECT = "DIRECT";

  /** The forms of API.md, in the order a card lists them. */
  public static final List<String> FORMS = List.of(DIRECT, "COURSE", "INFORMATION");

  /** The forms' Norwegian names, for pages and files people read. */
  public static final Map<String, String> FORM_NAMES =
      Map.of(
          DIRECT, "Direkte i virksomheten", "COURSE", "Kurs", "INFORMATION", "Informasjonsarbeid");

  /**
   * The forms the share and the target are computed over. Seed 000 keeps information work and open
   * courses apart from the direct processes with enterprises, so only those count.
   */
  static final Set<String> SHARE_FORMS = Set.of(DIRECT);

  /**
   * The target, compared exactly: at least {@code 2/3} of the share's deliveries system-directed.
   */
  public static final double SYSTEM_SHARE_MIN = 0.6667;

  private final Map<String, Long> system = new TreeMap<>();
  private final Map<String, Long> individual = new TreeMap<>();

  /**
   * Counts {@code n} deliveries (negative to remove) of a direction and form; a delivery recorded
   * without a form is a direct one.
   */
  public Tally add(String direction, String form, long n) {
    String f = form == null ? DIRECT : form;
    ("SYSTEM".equals(direction) ? system : individual).merge(f, n, Long::sum);
    return this;
  }

  public Tally add(Tally other) {
    other.system.forEach((form, n) -> system.merge(form, n, Long::sum));
    other.individual.forEach((form, n) -> individual.merge(form, n, Long::sum));
    return this;
  }

  /** Every delivery, whatever its form. */
  public long total() {
    return system() + individual();
  }

  public long system() {
    return sum(system);
  }

  public long individual() {
    return sum(individual);
  }

  /** Deliveries per form: every form of the contract (0 when none), then any other seen. */
  public Map<String, Long> byForm() {
    Map<String, Long> byForm = new LinkedHashMap<>();
    FORMS.forEach(form -> byForm.put(form, 0L));
    system.forEach((form, n) -> byForm.merge(form, n, Long::sum));
    individual.forEach((form, n) -> byForm.merge(form, n, Long::sum));
    return byForm;
  }

  /** The deliveries the share is taken over (the direct ones). */
  public long shareBase() {
    return shareSystem() + countedIn(individual);
  }

  /** System-directed share of {@link #shareBase()}, or null when that is empty. */
  public Double systemShare() {
    long base = shareBase();
    return base == 0 ? null : (double) shareSystem() / base;
  }

  /**
   * At least 2/3 system-directed, compared exactly (3 * system >= 2 * base); null without a
   * delivery the share counts.
   */
  public Boolean targetMet() {
    long base = shareBase();
    return base == 0 ? null : 3 * shareSystem() >= 2 * base;
  }

  private long shareSystem() {
    return countedIn(system);
  }

  private static long countedIn(Map<String, Long> byForm) {
    return byForm.entrySet().stream()
        .filter(e -> SHARE_FORMS.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static long sum(Map<String, Long> byForm) {
    return byForm.values().stream().mapToLong(Long::longValue).sum();
  }
}
