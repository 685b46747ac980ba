package no.nav.ia.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The dependency rules of a service, as tests: its domain core (the service's root package, e.g.
 * {@code no.nav.ia.agreement}: entities, value types, policies) knows nothing of HTTP or of the
 * layers around it. A rule refuses with a DomainException; the rest layer and ProblemMappers speak
 * HTTP.
 */
public final class Architecture {

  private Architecture() {}

  /** The classes imported per package, for the rules that read the same one. */
  private static final java.util.Map<String, JavaClasses> IMPORTED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A package's classes, tests left out, imported once per test run: importing every class under
   * {@code no.nav.ia} takes seconds, and two rules read them.
   */
  private static JavaClasses classesIn(String packageName) {
    return IMPORTED.computeIfAbsent(
        packageName,
        name ->
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(name));
  }

  /**
   * Fails, naming each call, if a class of the service publishes an event by a type name of its own
   * instead of through its topic's contract ({@code Outbox.publish(EventTopic, key, payload)}):
   * every type that goes out must be one the AsyncAPI document describes.
   */
  public static void eventsGoOutUnderTheirTopicsContract(String servicePackage) {
    JavaClasses classes = classesIn(servicePackage);
    noClasses()
        .that()
        .resideInAPackage(servicePackage + "..")
        .should()
        .callMethod(
            "no.nav.ia.platform.events.Outbox",
            "publish",
            String.class.getName(),
            String.class.getName(),
            String.class.getName(),
            Object.class.getName())
        .because("an event type outside the topic's contract would be missing from AsyncAPI")
        .check(classes);
  }

  /**
   * Fails, naming each call, if a class registers a meter with one of MeterRegistry's shorthands
   * ({@code counter}, {@code timer}, {@code summary}, {@code gauge...}), which take no description:
   * the metric's HELP line, which an on-call engineer reads in the metric browser, was empty (the
   * gateway's upstream failures). {@code Counter.builder(name).description(...)} instead.
   * Micrometer's and Quarkus' own classes are not this project's and are not checked.
   */
  public static void metersSayWhatTheyCount() {
    JavaClasses classes = classesIn("no.nav.ia");
    noClasses()
        .should()
        .callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a MeterRegistry shorthand, which takes no description",
                call ->
                    call.getTargetOwner()
                            .isAssignableTo("io.micrometer.core.instrument.MeterRegistry")
                        && java.util.Set.of(
                                "counter",
                                "timer",
                                "summary",
                                "gauge",
                                "gaugeCollectionSize",
                                "gaugeMapSize")
                            .contains(call.getName())))
        .because("every metric of ours says what it counts (its HELP line)")
        .check(classes);
  }

  /**
   * Fails, naming each class, if a JAX-RS resource class of ours (one with {@code @Path}; a REST
   * client's interface is none) lacks {@code @BodyDeadline}: its methods would run for a request
   * already answered 408 because its body came too late, and one that outlasts the body's deadline
   * would be answered 408 while at work. Every class on the classpath under {@code no.nav.ia}: the
   * service's and the platform's it runs (platform-events' resources).
   */
  public static void resourcesKeepTheBodysDeadline() {
    JavaClasses classes = classesIn("no.nav.ia");
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .areAnnotatedWith("jakarta.ws.rs.Path")
        .and()
        .areNotInterfaces()
        .should()
        .beAnnotatedWith("no.nav.ia.platform.rest.BodyDeadline")
        .because("a resource's method runs only for a body that came within its deadline")
        .check(classes);
  }

  /**
   * Fails, naming each offending dependency, if a class of the domain core depends on HTTP or an
   * outer layer.
   */
  public static void domainKnowsNoHttp(String domainPackage) {
    JavaClasses classes = classesIn(domainPackage);
    noClasses()
        .that()
        .resideInAPackage(domainPackage)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.ws.rs..",
            "org.jboss.resteasy..",
            "io.vertx..",
            "io.quarkus.vertx..",
            "no.nav.ia.platform.problem..",
            "no.nav.ia.platform.security..",
            domainPackage + ".rest..",
            domainPackage + ".service..",
            domainPackage + ".messaging..")
        .because(
            "the domain core holds the rules and knows nothing of HTTP or the layers around it (README, where a rule lives)")
        .check(classes);
  }
}
