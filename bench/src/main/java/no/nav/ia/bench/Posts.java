package no.nav.ia.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs for the fixed-rate harnesses (open-loop, the lag probe's background), over a pool of
 * kept-alive connections on one Vert.x event loop. The load generator shares the platform's two
 * cores: the JDK's client took about 0.5 ms of CPU per request at 400 requests/s, which the
 * platform's latency then paid for; this one a fraction of that.
 */
final class Posts implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClient client;
  private final Context context;
  private final String path;
  private final long timeoutMillis;

  Posts(URI url, int connections, Duration timeout) {
    this.path = url.getRawPath();
    this.timeoutMillis = timeout.toMillis();
    this.context = vertx.getOrCreateContext();
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost(url.getHost())
                .setDefaultPort(port(url))
                .setSsl("https".equals(url.getScheme()))
                .setKeepAlive(true)
                .setConnectTimeout(5000),
            new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  private static int port(URI url) {
    return url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
  }

  /**
   * Sends the body with the headers; the answer's status once its body has been read.
   *
   * <p>Every request starts on the one context the connections belong to. Started from the caller's
   * thread, each request had a context of its own, its response head reached it a turn of the event
   * loop after the connection had read the whole (empty) response, and {@code body()} then waited
   * for an end that had already passed: about one answer in 30 never came when the machine was
   * busy, and the request's timeout, disarmed by the head, did not end the wait.
   */
  CompletableFuture<Integer> post(Map<String, String> headers, String body) {
    RequestOptions options =
        new RequestOptions().setMethod(HttpMethod.POST).setURI(path).setTimeout(timeoutMillis);
    headers.forEach(options::addHeader);
    CompletableFuture<Integer> answer = new CompletableFuture<>();
    context.runOnContext(
        ignored ->
            client
                .request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(b -> response.statusCode()))
                .onSuccess(answer::complete)
                .onFailure(answer::completeExceptionally));
    return answer;
  }

  @Override
  public void close() {
    client.close();
    vertx.close();
  }
}
