package no.nav.ia.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.nav.ia.platform.problem.FieldError;
import no.nav.ia.platform.problem.ProblemMappers;

/**
 * Text with the NUL character (U+0000) is refused where the request is read, with 400 naming the
 * field, in the gateway and in every service; so is a JSON string with half a character ({@link
 * #HALF_CHARACTER}). JSON and URLs may carry it (the escape backslash-u-0000, {@code %00});
 * PostgreSQL's text cannot, so it used to reach the database and come back as a 500.
 *
 * <p>Bodies: every JSON string is read through {@link Refusing} ({@link InJson}), so a record's
 * field, a list's item and a batch item read from a tree alike; the error carries the field's path
 * like any other unreadable value ({@link ProblemMappers}). Query and path: a route filter before
 * anything else reads them.
 */
@Singleton
public class NulCharacters {

  public static final String MESSAGE =
      "contains the NUL character (U+0000), which text here cannot hold";

  /**
   * Half of a character outside the basic plane (an unpaired UTF-16 surrogate, such as the escape
   * backslash-u-d83d alone: a client that cut an emoji in two): UTF-8, which the database stores,
   * has no such thing, so it came back as "?" after a 201 that showed it.
   */
  public static final String HALF_CHARACTER =
      "contains half of a character (an unpaired UTF-16 surrogate), which text here cannot hold";

  /**
   * After the call id, the gateway's access log and its browser headers (so that the refusal
   * carries the one, is in the other and has the third), before the body limits and authentication.
   */
  static final int ORDER = Integer.MIN_VALUE + 35;

  private final ProblemMappers problems;

  NulCharacters(ProblemMappers problems) {
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    String uri = ctx.request().uri();
    if (uri == null || !uri.contains("%00")) {
      ctx.next();
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    int query = uri.indexOf('?');
    if ((query < 0 ? uri : uri.substring(0, query)).contains("%00")) {
      errors.add(new FieldError("path", MESSAGE));
    }
    try {
      ctx.queryParams()
          .forEach(
              (name, value) -> {
                if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                  // The parameter's name only when it is a name: the client chose it, and the
                  // answer may be logged on its way back.
                  errors.add(
                      new FieldError(ProblemMappers.sayable(name) ? name : "query", MESSAGE));
                }
              });
    } catch (RuntimeException undecodable) {
      // A query Vert.x cannot decode is refused later, as before; here it names no field.
    }
    if (errors.isEmpty()) {
      errors.add(new FieldError("query", MESSAGE));
    }
    problems.endInvalid(ctx, errors);
  }

  /**
   * Every JSON string read through {@link Refusing}. A bean of its own: the object mapper is built
   * with it, and {@link ProblemMappers}, which the route filter needs, needs the object mapper.
   */
  @Singleton
  public static class InJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
      mapper.registerModule(
          new SimpleModule("ia-nul-characters").addDeserializer(String.class, new Refusing()));
    }
  }

  /** Thrown for a JSON string with U+0000 or half a character in it; its message says which. */
  public static final class Refused extends MismatchedInputException {
    Refused(JsonParser parser, String message) {
      super(parser, message, String.class);
    }
  }

  /** Whether the text has a UTF-16 surrogate without its other half. */
  static boolean hasHalfCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Jackson's own reading of a string, then the check. */
  static final class Refusing extends StdScalarDeserializer<String> {
    Refusing() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        throw new Refused(parser, MESSAGE);
      }
      if (value != null && hasHalfCharacter(value)) {
        throw new Refused(parser, HALF_CHARACTER);
      }
      return value;
    }

    // As Jackson's own string deserializer answers these.
    @Override
    public Object getEmptyValue(DeserializationContext context)
        throws com.fasterxml.jackson.databind.JsonMappingException {
      return StringDeserializer.instance.getEmptyValue(context);
    }

    @Override
    public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
      return StringDeserializer.instance.logicalType();
    }

    @Override
    public boolean isCachable() {
      return true;
    }
  }
}
