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

  /** Whether each form of {@link #FORMS}, by its index, counts towards the share. */
  private static final boolean[] IN_SHARE = new boolean[FORMS.size()];

  static {
    for (int i = 0; i < IN_SHARE.length; i++) {
      IN_SHARE[i] = SHARE_FORMS.contains(FORMS.get(i));
    }
  }

  // A national card adds up hundreds of these (each code's period and its 24 months) and asks each
  // for its share several times: counts of the contract's forms are kept by their index, not in
  // maps of boxed numbers, and summed with loops, not streams.
  private final long[] system = new long[FORMS.size()];
  private final long[] individual = new long[FORMS.size()];

  /** Forms outside the contract's (an event from a newer producer), by name; null until one. */
  private Map<String, Long> otherSystem;

  private Map<String, Long> otherIndividual;

  /**
   * Counts {@code n} deliveries (negative to remove) of a direction and form; a delivery recorded
   * without a form is a direct one.
   */
  public Tally add(String direction, String form, long n) {
    String f = form == null ? DIRECT : form;
    boolean isSystem = "SYSTEM".equals(direction);
    int i = FORMS.indexOf(f);
    if (i >= 0) {
      (isSystem ? system : individual)[i] += n;
    } else if (isSystem) {
      otherSystem = merged(otherSystem, f, n);
    } else {
      otherIndividual = merged(otherIndividual, f, n);
    }
    return this;
  }

  public Tally add(Tally other) {
    for (int i = 0; i < system.length; i++) {
      system[i] += other.system[i];
      individual[i] += other.individual[i];
    }
    if (other.otherSystem != null) {
      other.otherSystem.forEach((form, n) -> otherSystem = merged(otherSystem, form, n));
    }
    if (other.otherIndividual != null) {
      other.otherIndividual.forEach(
          (form, n) -> otherIndividual = merged(otherIndividual, form, n));
    }
    return this;
  }

  /** Every delivery, whatever its form. */
  public long total() {
    return system() + individual();
  }

  public long system() {
    return sum(system, otherSystem);
  }

  public long individual() {
    return sum(individual, otherIndividual);
  }

  /** Deliveries per form: every form of the contract (0 when none), then any other seen. */
  public Map<String, Long> byForm() {
    Map<String, Long> byForm = new LinkedHashMap<>();
    for (int i = 0; i < system.length; i++) {
      byForm.put(FORMS.get(i), system[i] + individual[i]);
    }
    for (Map<String, Long> other : List.of(others(otherSystem), others(otherIndividual))) {
      other.forEach((form, n) -> byForm.merge(form, n, Long::sum));
    }
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

  /** The share's forms are the contract's (TallyTest checks): no other form counts. */
  private static long countedIn(long[] byForm) {
    long counted = 0;
    for (int i = 0; i < byForm.length; i++) {
      if (IN_SHARE[i]) {
        counted += byForm[i];
      }
    }
    return counted;
  }

  private static long sum(long[] byForm, Map<String, Long> other) {
    long sum = 0;
    for (long n : byForm) {
      sum += n;
    }
    if (other != null) {
      for (long n : other.values()) {
        sum += n;
      }
    }
    return sum;
  }

  private static Map<String, Long> merged(Map<String, Long> other, String form, long n) {
    Map<String, Long> map = other == null ? new TreeMap<>() : other;
    map.merge(form, n, Long::sum);
    return map;
  }

  private static Map<String, Long> others(Map<String, Long> other) {
    return other == null ? Map.of() : other;
  }
}
