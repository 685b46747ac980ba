package no.nav.ia.platform.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * What a cache may do with an answer. Every answer says {@code Cache-Control: no-store} unless its
 * resource says otherwise: answers hold free text (notes, report sections) and what one caller may
 * see, and a browser or proxy keeping them would show them to the next user of the machine. An
 * answer whose form follows the {@code Accept} header (JSON or CSV, JSON or HTML) says {@code Vary:
 * Accept}, so that no cache hands one form to a client that asked for the other.
 */
public class ResponseCaching {

  @ServerResponseFilter
  public void caching(ContainerResponseContext response, SimpleResourceInfo resource) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
      headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    if (!headers.containsKey(HttpHeaders.VARY) && negotiates(resource)) {
      headers.putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }
  }

  private static boolean negotiates(SimpleResourceInfo resource) {
    if (resource == null || resource.getResourceClass() == null) {
      return false;
    }
    Produces produces = null;
    try {
      produces =
          resource
              .getResourceClass()
              .getMethod(resource.getMethodName(), resource.parameterTypes())
              .getAnnotation(Produces.class);
    } catch (NoSuchMethodException e) {
      // A method the class does not declare itself: its class's annotation decides.
    }
    if (produces == null) {
      produces = resource.getResourceClass().getAnnotation(Produces.class);
    }
    return produces != null && produces.value().length > 1;
  }
}
