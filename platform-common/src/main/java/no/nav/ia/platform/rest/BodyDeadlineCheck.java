package no.nav.ia.platform.rest;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BadRequestException;

/**
 * Tells {@link BodyLimits} that a request's body was read whole as its resource method is called
 * (RESTEasy reads and maps the body before it calls the method): from then on the request takes as
 * long as its work does, whatever the body's deadline. If the deadline came first the client has
 * its 408 ("nothing was done"), so the method must not run.
 *
 * <p>A CDI interceptor rather than a JAX-RS {@code ReaderInterceptor}: with a reader interceptor
 * registered, RESTEasy Reactive hands every body's reader the resource method's parameter
 * annotations, which the JDK parses from the class file on every call. That cost delivery-service
 * about 65 us a delivery and the gateway about 17 (docs/performance.md, session 50).
 */
@BodyDeadline
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class BodyDeadlineCheck {

  @Inject RoutingContext routing;

  @AroundInvoke
  Object beforeTheMethod(InvocationContext invocation) throws Exception {
    if (!BodyLimits.received(routing)) {
      throw new BadRequestException("The request's time for its body was up before it was read");
    }
    return invocation.proceed();
  }
}
