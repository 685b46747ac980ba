package no.nav.ia.platform.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * What a cache may do with an answer. Every answer says {@code Cache-Control: no-store} unless its
 * resource says otherwise (the route filters' refusals too: ProblemMappers.end): answers hold free
 * text (notes, report sections) and what one caller may see, and a browser or proxy keeping them
 * would show them to the next user of the machine. An answer whose form follows the {@code Accept}
 * header (JSON or CSV, JSON or HTML) says {@code Vary: Accept}, so that no cache hands one form to
 * a client that asked for the other.
 */
public class ResponseCaching {

  @ServerResponseFilter
  public void caching(ContainerResponseContext response, ResourceInfo resource) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
      headers.putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
    }
    if (!headers.containsKey(HttpHeaders.VARY)
        && !writtenAlready(HttpHeaders.VARY)
        && negotiates(resource)) {
      headers.putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }
  }

  /**
   * Whether {@code Vary: Accept} is on the HTTP answer already, outside the JAX-RS headers:
   * RESTEasy Reactive's {@code Request.selectVariant} (the reports' overview negotiates with it)
   * writes {@code Vary} there, and this filter's own was then sent as a second {@code Vary:
   * Accept}. (A response filter cannot take the request's context as a parameter; the current
   * request's is the same.)
   */
  private static boolean writtenAlready(String header) {
    ServerRequestContext request = CurrentRequestManager.get();
    String written = request == null ? null : request.serverResponse().getResponseHeader(header);
    // Another Vary (Origin, say) is not this one.
    return written != null && written.toLowerCase(java.util.Locale.ROOT).contains("accept");
  }

  /** The value of {@code Cache-Control} on every answer, also those of the route filters. */
  public static final String NO_STORE = "no-store";

  /**
   * Whether the matched resource method (or its class) produces more than one type. The method is
   * RESTEasy Reactive's, looked up once per resource method and kept, whatever its visibility.
   */
  private static boolean negotiates(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return false;
    }
    Produces produces = method.getAnnotation(Produces.class);
    if (produces == null) {
      produces = method.getDeclaringClass().getAnnotation(Produces.class);
    }
    return produces != null && produces.value().length > 1;
  }
}
