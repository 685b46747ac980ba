package no.nav.ia.platform.rest;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods a path takes, for the {@code Allow} header a 405 must carry (RFC 9110, 15.5.6), which
 * RESTEasy Reactive's own 405 leaves out: read once from the application's resource classes (their
 * {@code @Path} templates and HTTP method annotations).
 */
@ApplicationScoped
public class AllowedMethods {

  /**
   * One resource method: its path template as a pattern, its HTTP method, and how specific the
   * template is (its literal characters and its parameters, as JAX-RS ranks templates).
   */
  record Route(Pattern path, String method, int literals, int parameters) {

    /** JAX-RS's order (3.7.2): more literal characters first, then more parameters. */
    static final Comparator<Route> SPECIFICITY =
        Comparator.comparingInt(Route::literals).thenComparingInt(Route::parameters);
  }

  private static final Pattern PARAMETER =
      Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*([^}]*))?}");

  private volatile List<Route> routes;

  /**
   * The methods {@code path} takes, as an {@code Allow} value; empty when no resource has it. A
   * path that several templates match is served by the most specific one, as JAX-RS matches: {@code
   * /deliveries/batch} takes the methods of that path, not those of {@code /deliveries/{id}}.
   */
  public Optional<String> of(String path) {
    Set<String> methods = new TreeSet<>();
    for (Route route : served(routes(), normalise(path))) {
      methods.add(route.method());
    }
    if (methods.isEmpty()) {
      return Optional.empty();
    }
    if (methods.contains(HttpMethod.GET)) {
      methods.add(HttpMethod.HEAD);
    }
    methods.add(HttpMethod.OPTIONS);
    return Optional.of(String.join(", ", methods));
  }

  /** The routes of the most specific templates {@code path} matches (none when it matches none). */
  static List<Route> served(List<Route> routes, String path) {
    List<Route> matching =
        routes.stream().filter(route -> route.path().matcher(path).matches()).toList();
    return matching.stream()
        .max(Route.SPECIFICITY)
        .map(
            best -> matching.stream().filter(r -> Route.SPECIFICITY.compare(r, best) == 0).toList())
        .orElse(List.of());
  }

  private List<Route> routes() {
    List<Route> known = routes;
    if (known == null) {
      known = new ArrayList<>();
      for (Bean<?> bean :
          Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
        known.addAll(routesOf(bean.getBeanClass()));
      }
      routes = known;
    }
    return known;
  }

  /** The routes of a resource class; none for a class that is no resource. */
  static List<Route> routesOf(Class<?> type) {
    Path root = type.getAnnotation(Path.class);
    if (root == null) {
      return List.of();
    }
    List<Route> found = new ArrayList<>();
    for (Method method : type.getMethods()) {
      String http = httpMethod(method);
      if (http != null) {
        Path sub = method.getAnnotation(Path.class);
        String template = root.value() + "/" + (sub == null ? "" : sub.value());
        found.add(route(template, http));
      }
    }
    return found;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** A path template ({@code /api/v1/agreements/{id}}, {@code {path: .+}}) as a route. */
  static Route route(String template, String method) {
    String path = normalise(template);
    StringBuilder regex = new StringBuilder();
    Matcher parameter = PARAMETER.matcher(path);
    int at = 0;
    int literals = 0;
    int parameters = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(path.substring(at, parameter.start())));
      literals += parameter.start() - at;
      parameters++;
      String own = parameter.group(1);
      regex.append('(').append(own == null ? "[^/]+" : own.strip()).append(')');
      at = parameter.end();
    }
    regex.append(Pattern.quote(path.substring(at)));
    literals += path.length() - at;
    return new Route(Pattern.compile(regex.toString()), method, literals, parameters);
  }

  /** One slash between segments, none at the end. */
  private static String normalise(String path) {
    String single = ("/" + path).replaceAll("/{2,}", "/");
    return single.length() > 1 && single.endsWith("/")
        ? single.substring(0, single.length() - 1)
        : single;
  }
}
