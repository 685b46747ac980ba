package no.nav.ia.platform.rest;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Tells {@link BodyLimits} that RESTEasy has read a request's body whole, before the resource
 * method runs: from then on the request takes as long as its work does, whatever the body's
 * deadline. If the deadline came first the client has its 408 ("nothing was done"), so the method
 * must not run: the read fails instead.
 */
@Provider
public class BodyReceived implements ReaderInterceptor {

  @Inject RoutingContext routing;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object entity = context.proceed();
    if (!BodyLimits.received(routing)) {
      throw new IOException("The request's time for its body was up before it was read");
    }
    return entity;
  }
}
