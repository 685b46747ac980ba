package no.nav.ia.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** The messages a logger (and its children) writes while open: what a test may read of the log. */
public final class LogLines implements AutoCloseable {

  public final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger logger;
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(((ExtLogRecord) record).getFormattedMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogLines(String name) {
    logger = Logger.getLogger(name);
    logger.addHandler(capture);
  }

  /** Lines of the named logger; "" for every logger. */
  public static LogLines of(String name) {
    return new LogLines(name);
  }

  @Override
  public void close() {
    logger.removeHandler(capture);
  }
}
