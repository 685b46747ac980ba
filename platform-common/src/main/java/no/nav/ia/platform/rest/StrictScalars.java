package no.nav.ia.platform.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;

/**
 * A JSON value of the wrong kind is the client's mistake (400 naming the field), not something to
 * guess at: {@code 1.5} employees is not one, {@code 5} or {@code true} is no text, {@code "5"} no
 * number, {@code "true"} no truth value, {@code "2020-01-01T23:30:00"} no date, and {@code 6} or
 * {@code "6"} is no service code. Jackson would otherwise cut the fraction, turn the scalar into a
 * string, or take the enum's constant at that position, and the result would be stored. A key given
 * twice in one object is refused too (Jackson would keep the last, the client may have meant the
 * first), a {@link ClosedBody} takes no field it does not have, and a body is one JSON value
 * (anything after it is refused, not ignored).
 */
@Singleton
public class StrictScalars implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.addHandler(new UnknownFields());
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // Nor is "5" a number or "true" a truth value.
    for (LogicalType kind : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(kind).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    // A date is a date: "2020-01-01T23:30:00" is not one whose time Jackson may drop.
    mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
    // One JSON value per body: {"employees":22} {"employees":99} is not the first with noise.
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
