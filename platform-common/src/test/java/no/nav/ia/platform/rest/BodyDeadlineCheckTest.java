package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.ext.web.RoutingContext;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BadRequestException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.ia.platform.rest.BodyLimits.BodyState;
import org.junit.jupiter.api.Test;

/** A resource method runs only for a body that came within its deadline, and settles it. */
class BodyDeadlineCheckTest {

  private final Map<String, Object> data = new HashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final BodyDeadlineCheck check = new BodyDeadlineCheck();

  BodyDeadlineCheckTest() {
    check.routing =
        (RoutingContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {RoutingContext.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("get") && args.length == 1) {
                    return data.get((String) args[0]);
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
  }

  private Object call() throws Exception {
    InvocationContext invocation =
        (InvocationContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {InvocationContext.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("proceed")) {
                    calls.incrementAndGet();
                    return "answer";
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return check.beforeTheMethod(invocation);
  }

  @Test
  void aBodyWhoseTimeWasUpNeverReachesTheMethod() {
    // The client has its 408 ("nothing was done"): the method must not run after all.
    data.put(BodyLimits.BODY_STATE, new AtomicReference<>(BodyState.TIMED_OUT));
    assertThatThrownBy(this::call).isInstanceOf(BadRequestException.class);
    assertThat(calls).hasValue(0);
  }

  @Test
  void aBodyThatCameRunsTheMethodAndNoLater408CanAnswerIt() throws Exception {
    AtomicReference<BodyState> state = new AtomicReference<>(BodyState.AWAITED);
    data.put(BodyLimits.BODY_STATE, state);
    assertThat(call()).isEqualTo("answer");
    assertThat(calls).hasValue(1);
    // The timer's compareAndSet from AWAITED now fails: the request runs as long as its work.
    assertThat(state).hasValue(BodyState.RECEIVED);
    assertThat(call()).isEqualTo("answer");
  }

  @Test
  void aRequestWithoutADeadlineRuns() throws Exception {
    assertThat(call()).isEqualTo("answer");
    assertThat(calls).hasValue(1);
  }
}
