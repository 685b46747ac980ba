package no.nav.ia.platform.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.ia.platform.callid.CallId;
import no.nav.ia.platform.problem.HttpErrors;
import no.nav.ia.platform.problem.ProblemMappers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body that is larger than its path takes with 413 problem+json, from the {@code
 * Content-Length} header, before anything parses it (in the gateway and in every service). One item
 * (a delivery, an agreement, a report's sections) takes at most {@code ia.http.body-limit}; the
 * bulk paths take up to {@code quarkus.http.limits.max-body-size}.
 *
 * <p>Why: a 3 MB string in a single-item request was read, copied and parsed before validation
 * refused it, and a few of them at a time sent the 64 MB heap into full collections.
 *
 * <p>HTTP/1.1: a body within {@code max-body-size} is read and dropped as it arrives, without being
 * kept, and the answer comes after it, so the connection stays usable and a client still writing
 * its body reads the answer instead of a reset connection. A larger one is answered at once and the
 * connection closed, as Quarkus does. HTTP/2: the stream is answered at once and the rest of its
 * body dropped; one over {@code max-body-size} is cancelled.
 *
 * <p>A body sent in HTTP/1.1's chunked encoding, without {@code Content-Length}, is read here and
 * counted as it arrives: within its path's limit it is handed on whole on the routing context
 * (RESTEasy's blocking readers read it from there; the gateway's proxy takes it from there), over
 * it it is refused with the same 413 problem, when it ends or, past {@code max-body-size}, at once.
 * Quarkus's own reading stopped at the limit too, but after its bare 413 the reader's failure
 * logged two stack traces per request.
 */
@Singleton
public class BodyLimits {

  /** After the call id and the gateway's access log, before Quarkus's own limit (order -2). */
  static final int ORDER = Integer.MIN_VALUE + 40;

  /**
   * Where Quarkus's handler leaves the limit for reading a body without Content-Length (its {@code
   * HttpServerCommonHandlers.enforceMaxBodySize}; RESTEasy Reactive's {@code VertxInputStream}
   * reads it).
   */
  static final String READ_LIMIT_KEY = "io.quarkus.max-request-size";

  /**
   * Bytes of chunked bodies held here at once, all requests together, and the most they may be:
   * four of the largest a path takes. A client that sends slowly holds its part until its body ends
   * or its time is up ({@code ia.http.body-timeout}).
   */
  private final AtomicLong held = new AtomicLong();

  private final long heldLimit;

  /** HTTP/2's CANCEL error code (RFC 9113, 7). */
  private static final long HTTP2_CANCEL = 0x8;

  private final long bodyLimit;
  private final long maxBodySize;
  private final BodyLimitsConfig config;
  private final ProblemMappers problems;

  BodyLimits(
      BodyLimitsConfig config,
      ProblemMappers problems,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size")
          Optional<MemorySize> maxBodySize) {
    this.config = config;
    this.problems = problems;
    this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    this.bodyLimit = Math.min(config.bodyLimit().asLongValue(), this.maxBodySize);
    this.heldLimit = this.maxBodySize == Long.MAX_VALUE ? Long.MAX_VALUE : 4 * this.maxBodySize;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
    // A request whose 408 is sent fails afterwards where its body was being read (the reader sees
    // the connection close; RESTEasy's answer to that finds the 408 written): nothing to report.
    router
        .route()
        .order(ORDER)
        .failureHandler(
            ctx -> {
              if (timedOut(ctx) && ctx.response().ended()) {
                return;
              }
              ctx.next();
            });
    // After Quarkus's own handler (order -2), which sets the global limit for the reading of a body
    // without Content-Length: a chunked body is held to its path's limit as it is read.
    router
        .route()
        .order(-1)
        .handler(
            ctx -> {
              ctx.put(READ_LIMIT_KEY, limitFor(ctx.normalizedPath()));
              ctx.next();
            });
  }

  /** The largest body a request to this path may carry. */
  long limitFor(String path) {
    return config.bulkPaths().contains(path) ? maxBodySize : bodyLimit;
  }

  private void check(RoutingContext ctx) {
    long length = contentLength(ctx.request());
    long limit = limitFor(ctx.normalizedPath());
    if (length < 0 && hasUnsizedBody(ctx.request())) {
      awaitBody(ctx);
      new UnsizedBody(ctx, limit).read();
      return;
    }
    if (length > 0) {
      // Without a length or the chunked encoding (above) an HTTP/1.1 request has no body to wait
      // for: a GET is never timed here, however long its answer takes.
      awaitBody(ctx);
    }
    if (length <= limit) {
      ctx.next();
      return;
    }
    String detail = "The body is " + length + " bytes; this path takes at most " + limit;
    HttpServerRequest request = ctx.request();
    // A client that goes away while its body is read and dropped is not answered; the access log
    // still sees a 413.
    ctx.response().setStatusCode(413);
    request.exceptionHandler(gone -> {});
    if (request.isEnded()) {
      refuse(ctx, detail);
    } else if (request.version() == HttpVersion.HTTP_2) {
      // One stream of a shared connection, which stays open: answered at once, and what the client
      // still sends is dropped (flow control keeps that to a window at a time). A body over
      // max-body-size is not waited for: the stream is cancelled after the answer.
      request.handler(dropped -> {});
      request.resume();
      refuse(ctx, detail);
      if (length > maxBodySize) {
        ctx.response().reset(HTTP2_CANCEL);
      }
    } else if (length > maxBodySize || request.headers().contains(HttpHeaders.EXPECT)) {
      refuseAndClose(ctx, 413, HttpErrors.PAYLOAD_TOO_LARGE, "Payload too large", detail);
    } else {
      request.handler(dropped -> {});
      request.endHandler(
          end -> {
            if (received(ctx)) {
              refuse(ctx, detail);
            }
          });
      request.resume();
    }
  }

  /**
   * A body whose length is not announced: HTTP/1.1's chunked encoding, from a caller with a token.
   * (HTTP/2 streams without {@code content-length} are left to Quarkus's counting: RESTEasy pauses
   * the request as it starts, which HTTP/2 refuses once the stream has ended, so such a body cannot
   * be read here first.)
   */
  private static boolean hasUnsizedBody(HttpServerRequest request) {
    // Only for a request that carries a token (checked after this, in RESTEasy): one without is
    // refused 401 before its body is read, as before, and not held here first.
    return request.version() != HttpVersion.HTTP_2
        && !request.isEnded()
        && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
        && request.headers().contains(HttpHeaders.AUTHORIZATION);
  }

  /**
   * Reads a chunked body, counting it against its path's limit: handed on whole within it; over it,
   * refused when it ends (so the client reads the answer rather than a reset), or at once, the
   * connection closed, when it passes {@code max-body-size}.
   */
  private final class UnsizedBody {
    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final long limit;
    private Buffer body = Buffer.buffer();
    private long read;
    private long holding;
    private boolean refused;
    private boolean answered;

    UnsizedBody(RoutingContext ctx, long limit) {
      this.ctx = ctx;
      this.request = ctx.request();
      this.limit = limit;
    }

    void read() {
      // A client that goes away before its body ends is not answered (nor logged); what it sent
      // is let go when the exchange ends, however it ends.
      request.exceptionHandler(gone -> {});
      ctx.addEndHandler(done -> release());
      request.handler(this::chunk);
      request.endHandler(end -> ended());
      if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
        ctx.response().writeContinue();
        // Answered here: RESTEasy would send a second 100 Continue after the body.
        request.headers().remove(HttpHeaders.EXPECT);
      }
      request.resume();
    }

    private void chunk(Buffer chunk) {
      read += chunk.length();
      if (!answered && timedOut(ctx)) {
        // Answered 408 (awaitBody): what still comes before the close is neither held nor used.
        answered = true;
        release();
      }
      if (answered) {
        return;
      }
      if (!refused && read <= limit) {
        if (held.addAndGet(chunk.length()) > heldLimit) {
          // Bodies of this size from many clients at once (or clients that stall): not held.
          held.addAndGet(-chunk.length());
          answered = true;
          release();
          ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
          refuseAndClose(
              ctx,
              503,
              HttpErrors.BUSY,
              "Service busy",
              "Too many bodies are being read; send it again");
          return;
        }
        holding += chunk.length();
        body.appendBuffer(chunk);
        return;
      }
      if (!refused) {
        refused = true;
        release();
        ctx.response().setStatusCode(413);
      }
      if (read > maxBodySize) {
        answered = true;
        refuseAndClose(ctx, 413, HttpErrors.PAYLOAD_TOO_LARGE, "Payload too large", tooLarge());
      }
    }

    private void ended() {
      if (answered || !received(ctx)) {
        return;
      }
      if (!refused) {
        ctx.setBody(body);
        ctx.next();
      } else {
        answered = true;
        refuse(ctx, tooLarge());
      }
    }

    /** What this body holds of the budget is let go (once). */
    private void release() {
      held.addAndGet(-holding);
      holding = 0;
      body = refused || answered ? null : body;
    }

    private String tooLarge() {
      return "The body, sent without Content-Length, is over "
          + limit
          + " bytes, the most this path takes";
    }
  }

  /**
   * Gives the request's body {@code ia.http.body-timeout} to arrive: one not received whole by then
   * (a client that stalled, or sends a byte now and then) is answered 408 problem+json and its
   * connection closed (an HTTP/2 stream cancelled, its connection left to the others). Before, the
   * gateway waited for such a body without end and a service closed the connection after 60 s
   * without a word (an HTTP review): a client could not tell a refused upload from one at work.
   *
   * <p>Received means read to its end by whoever reads it: this filter ({@link UnsizedBody}, a body
   * over the limit drained), or RESTEasy's reader, which reads it before the resource method is
   * called ({@link BodyDeadlineCheck} settles it as the method is called; a method that takes no
   * body settles it too, so it is not answered 408 while at work because of a body it never reads).
   * {@code HttpServerRequest.isEnded()} alone does not say it: a body RESTEasy reads on a worker
   * thread (over 10 KB) leaves the request paused, not ended, to its end (a diff review). Body and
   * timer settle it once ({@link #BODY_STATE}): so a request the 408 answered never runs, and one
   * whose body came runs as long as its work takes.
   */
  private void awaitBody(RoutingContext ctx) {
    long millis = config.bodyTimeout().toMillis();
    HttpServerRequest request = ctx.request();
    if (millis <= 0 || request.isEnded()) {
      return;
    }
    AtomicReference<BodyState> state = new AtomicReference<>(BodyState.AWAITED);
    ctx.put(BODY_STATE, state);
    long timer = ctx.vertx().setTimer(millis, fired -> timeUp(ctx, state));
    ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
  }

  private void timeUp(RoutingContext ctx, AtomicReference<BodyState> state) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded()
        || ctx.response().headWritten()
        || ctx.response().closed()
        || !state.compareAndSet(BodyState.AWAITED, BodyState.TIMED_OUT)) {
      return;
    }
    String detail =
        "The body did not arrive within "
            + config.bodyTimeout().toSeconds()
            + " s of the request's headers; nothing was done";
    try {
      if (request.version() == HttpVersion.HTTP_2) {
        // One stream of a shared connection (no Connection header in HTTP/2): answered, and the
        // rest of its body cancelled.
        CallId.set(ctx.get(CallId.MDC_KEY));
        problems.end(ctx, 408, HttpErrors.REQUEST_TIMEOUT, "Request timeout", detail);
        ctx.response().reset(HTTP2_CANCEL);
      } else {
        refuseAndClose(ctx, 408, HttpErrors.REQUEST_TIMEOUT, "Request timeout", detail);
      }
    } catch (IllegalStateException answeredMeanwhile) {
      // A worker thread answered between the check and the write without calling a resource method
      // (a filter's refusal, or a route outside the resources such as a health check): that answer
      // stands.
    }
  }

  /** What a request's body has come to: read whole, or refused for taking too long. */
  enum BodyState {
    AWAITED,
    RECEIVED,
    TIMED_OUT
  }

  /** Where {@link #awaitBody} keeps the request's {@link BodyState}. */
  static final String BODY_STATE = "ia.http.body-state";

  /**
   * Records that the request's body has been read whole; false when its time was up before (the
   * client has its 408: nothing more may be done with the request). True when no deadline was set.
   */
  static boolean received(RoutingContext ctx) {
    AtomicReference<BodyState> state = ctx.get(BODY_STATE);
    return state == null
        || state.compareAndSet(BodyState.AWAITED, BodyState.RECEIVED)
        || state.get() == BodyState.RECEIVED;
  }

  private static boolean timedOut(RoutingContext ctx) {
    AtomicReference<BodyState> state = ctx.get(BODY_STATE);
    return state != null && state.get() == BodyState.TIMED_OUT;
  }

  /** Answers 413 with this request's call id (the MDC may hold another request's by now). */
  private void refuse(RoutingContext ctx, String detail) {
    CallId.set(ctx.get(CallId.MDC_KEY));
    problems.end(ctx, 413, HttpErrors.PAYLOAD_TOO_LARGE, "Payload too large", detail);
  }

  /** Answers at once and closes the connection after it: the rest of the body is not read. */
  private void refuseAndClose(
      RoutingContext ctx, int status, HttpErrors code, String title, String detail) {
    ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    ctx.addEndHandler(done -> ctx.request().connection().close());
    CallId.set(ctx.get(CallId.MDC_KEY));
    problems.end(ctx, status, code, title, detail);
  }

  /** The announced length; -1 without one, or with one that is no number. */
  static long contentLength(HttpServerRequest request) {
    String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException unreadable) {
      return -1;
    }
  }
}
