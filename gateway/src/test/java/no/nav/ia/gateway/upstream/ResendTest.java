package no.nav.ia.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ResendTest {

  private static final Throwable CLOSED = new HttpClosedException("Connection was closed");
  private static final Throwable RESET = new SocketException("Connection reset");

  @Test
  void aLostRequestIsSentOnceMoreOnlyIfASecondSendingChangesNothing() {
    for (String method : new String[] {"GET", "HEAD", "OPTIONS", "DELETE"}) {
      assertThat(Resend.allowed(method, CLOSED, false)).as(method).isTrue();
      assertThat(Resend.allowed(method, RESET, false)).as(method).isTrue();
    }
    for (String method : new String[] {"POST", "PUT", "PATCH"}) {
      assertThat(Resend.allowed(method, CLOSED, false)).as(method).isFalse();
      assertThat(Resend.allowed(method, RESET, false)).as(method).isFalse();
    }
  }

  @Test
  void aRequestWhoseAnswerHadBegunIsSentAgainOnlyIfSafe() {
    assertThat(Resend.allowed("GET", CLOSED, true)).isTrue();
    assertThat(Resend.allowed("HEAD", RESET, true)).isTrue();
    assertThat(Resend.allowed("DELETE", CLOSED, true)).isFalse();
    assertThat(Resend.allowed("POST", CLOSED, true)).isFalse();
  }

  @Test
  void aRequestThatFailedOtherwiseIsNotSentAgain() {
    assertThat(Resend.allowed("GET", new TimeoutException(), false)).isFalse();
    assertThat(Resend.allowed("GET", new ConnectException("refused"), false)).isFalse();
    assertThat(Resend.allowed("GET", new IllegalStateException("bad answer"), false)).isFalse();
    assertThat(Resend.allowed("GET", new VertxException(RESET), false)).isTrue();
  }
}
