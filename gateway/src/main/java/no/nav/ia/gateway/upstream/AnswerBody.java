package no.nav.ia.gateway.upstream;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.codec.spi.BodyStream;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.codec.BodyCodec;

/**
 * Buffers a service's answer whole, as {@code BodyCodec.buffer()} does, and notes when the answer
 * began (its head came): a connection lost after that lost a request the service had done.
 */
final class AnswerBody implements io.vertx.ext.web.codec.BodyCodec<io.vertx.core.buffer.Buffer> {

  private final io.vertx.ext.web.codec.BodyCodec<io.vertx.core.buffer.Buffer> buffer =
      io.vertx.ext.web.codec.BodyCodec.buffer();

  private volatile boolean began;

  /** Called by the web client when the answer's head has come, before its body. */
  @Override
  public void create(Handler<AsyncResult<BodyStream<io.vertx.core.buffer.Buffer>>> handler) {
    began = true;
    buffer.create(handler);
  }

  boolean began() {
    return began;
  }

  /** This codec for the Mutiny web client. */
  BodyCodec<Buffer> codec() {
    return BodyCodec.newInstance(
        this,
        new io.smallrye.mutiny.vertx.TypeArg<>(
            o -> Buffer.newInstance((io.vertx.core.buffer.Buffer) o), Buffer::getDelegate));
  }
}
