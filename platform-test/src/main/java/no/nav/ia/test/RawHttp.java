package no.nav.ia.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 on a plain socket, for what an HTTP client library hides: an announced {@code
 * Content-Length} with a body sent later or never, and several requests on one connection.
 */
public final class RawHttp implements AutoCloseable {

  /** One answer: the status line's code, the headers (names in lower case) and the body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /**
   * Sends a request head: the request line, {@code Host} and headers (each without its line end).
   */
  public RawHttp head(String requestLine, String... headers) throws IOException {
    String[] withHost = new String[headers.length + 1];
    withHost[0] = "Host: 127.0.0.1";
    System.arraycopy(headers, 0, withHost, 1, headers.length);
    return headWithoutHost(requestLine, withHost);
  }

  /**
   * Sends a request head with only these headers, {@code Host} too only when given. A character is
   * sent as the one byte of its ISO-8859-1 code: text holding a UTF-8 string's bytes one per
   * character (new String(utf8, ISO_8859_1)) sends those bytes raw, as a client that does not
   * percent-encode does.
   */
  public RawHttp headWithoutHost(String requestLine, String... headers) throws IOException {
    StringBuilder head = new StringBuilder(requestLine).append("\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return this;
  }

  /** Sends body bytes, all of them or a part. */
  public RawHttp body(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Sends a whole body in the chunked encoding, in chunks of 64 KB, and its last chunk. */
  public RawHttp chunked(byte[] bytes) throws IOException {
    chunks(bytes);
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return this;
  }

  /**
   * Sends bytes of a body in the chunked encoding, in chunks of 64 KB, without its last chunk: a
   * client that has not finished its body (a slow one, or one that stalls).
   */
  public RawHttp chunks(byte[] bytes) throws IOException {
    for (int from = 0; from < bytes.length; from += 64 * 1024) {
      int length = Math.min(64 * 1024, bytes.length - from);
      out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, from, length);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.flush();
    return this;
  }

  /**
   * Reads one answer (its body by Content-Length, in chunks, or to the connection's end; a 1xx has
   * none).
   */
  public Answer answer() throws IOException {
    String statusLine = line();
    Map<String, String> headers = new TreeMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    String length = headers.get("content-length");
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    byte[] body;
    if (status < 200) {
      body = new byte[0]; // 100 Continue: a head alone
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunks();
    } else {
      body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** A chunked body: each chunk's size line, its bytes and line end, until the empty chunk. */
  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      body.write(in.readNBytes(size));
      line();
    }
    for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
      // Trailers are not kept.
    }
    return body.toByteArray();
  }

  private int chunkSize() throws IOException {
    String line = line();
    int extension = line.indexOf(';');
    return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
  }

  /** Whether an answer (or its first bytes) has come and waits to be read, without waiting. */
  public boolean answerWaiting() throws IOException {
    return in.available() > 0;
  }

  /** Whether the server has closed the connection (nothing more to read). */
  public boolean closedByServer() throws IOException {
    return in.read() == -1;
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("the connection ended inside an answer's head");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
