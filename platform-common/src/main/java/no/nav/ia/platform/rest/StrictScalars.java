package no.nav.ia.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A JSON value of the wrong kind is the client's mistake (400 naming the field), not something to
 * guess at: {@code 1.5} employees is not one, {@code 5} or {@code true} is no text, and {@code 6}
 * or {@code "6"} is no service code. Jackson would otherwise cut the fraction, turn the scalar into
 * a string, or take the enum's constant at that position, and the result would be stored. A key
 * given twice in one object is refused too (Jackson would keep the last, the client may have meant
 * the first), and a {@link ClosedBody} takes no field it does not have.
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
  }
}
