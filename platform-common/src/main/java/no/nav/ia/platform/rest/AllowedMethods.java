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

  /** One resource method: its path template as a pattern, and its HTTP method. */
  record Route(Pattern path, String method) {}

  private static final Pattern PARAMETER =
      Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*([^}]*))?}");

  private volatile List<Route> routes;

  /** The methods {@code path} takes, as an {@code Allow} value; empty when no resource has it. */
  public Optional<String> of(String path) {
    Set<String> methods = new TreeSet<>();
    String normalised = normalise(path);
    for (Route route : routes()) {
      if (route.path().matcher(normalised).matches()) {
        methods.add(route.method());
      }
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
        found.add(new Route(pattern(template), http));
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

  /** A path template ({@code /api/v1/agreements/{id}}, {@code {path: .+}}) as a pattern. */
  static Pattern pattern(String template) {
    String path = normalise(template);
    StringBuilder regex = new StringBuilder();
    Matcher parameter = PARAMETER.matcher(path);
    int at = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(path.substring(at, parameter.start())));
      String own = parameter.group(1);
      regex.append('(').append(own == null ? "[^/]+" : own.strip()).append(')');
      at = parameter.end();
    }
    regex.append(Pattern.quote(path.substring(at)));
    return Pattern.compile(regex.toString());
  }

  /** One slash between segments, none at the end. */
  private static String normalise(String path) {
    String single = ("/" + path).replaceAll("/{2,}", "/");
    return single.length() > 1 && single.endsWith("/")
        ? single.substring(0, single.length() - 1)
        : single;
  }
}
