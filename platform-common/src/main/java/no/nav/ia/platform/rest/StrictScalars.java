package no.nav.ia.platform.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * A JSON value of the wrong kind is the client's mistake (400 naming the field), not something to
 * guess at: {@code 1.5} employees is not one, {@code 5} or {@code true} is no text, {@code "5"} no
 * number, {@code "true"} no truth value, {@code "2020-01-01T23:30:00"} no date, and {@code 6} or
 * {@code "6"} is no service code, nor is {@code "SICK_LEAVE "} one or {@code "2012-09-03 "} a date
 * (Jackson trims the text of codes and dates, and of other values read from text such as UUIDs,
 * which no request body carries yet; a new one needs the same wrapping). Jackson would otherwise
 * cut the fraction, turn the scalar into a string, or take the enum's constant at that position,
 * and the result would be stored. A key given twice in one object is refused too (Jackson would
 * keep the last, the client may have meant the first), a {@link ClosedBody} takes no field it does
 * not have, and a body is one JSON value (anything after it is refused, not ignored).
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
    mapper.registerModule(new SimpleModule("Unpadded").setDeserializerModifier(new Unpadded()));
    // One JSON value per body: {"employees":22} {"employees":99} is not the first with noise.
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Codes (enums) and dates and times (java.time) are read as sent: spaces around them refused. */
  static final class Unpadded extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(
        DeserializationConfig config,
        JavaType type,
        BeanDescription beanDesc,
        JsonDeserializer<?> deserializer) {
      return new AsSent(deserializer);
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(
        DeserializationConfig config, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
      return beanDesc.getBeanClass().getPackageName().equals("java.time")
          ? new AsSent(deserializer)
          : deserializer;
    }
  }

  /** Refuses a text with a space (or other blank) at either end before the delegate trims it. */
  static final class AsSent extends DelegatingDeserializer {

    AsSent(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new AsSent(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING) && padded(p.getText())) {
        return ctxt.handleWeirdStringValue(
            handledType(), p.getText(), "has blanks before or after the value");
      }
      if (p.hasToken(JsonToken.VALUE_STRING)
          && handledType() == LocalDate.class
          && !Params.isDay(p.getText())) {
        // ISO's signed and longer years (+999999998-12-31) parse, and reach the database (a 500).
        return ctxt.handleWeirdStringValue(
            handledType(), p.getText(), "is not a date as YYYY-MM-DD");
      }
      return super.deserialize(p, ctxt);
    }

    private static boolean padded(String text) {
      return !text.isEmpty() && (blank(text.charAt(0)) || blank(text.charAt(text.length() - 1)));
    }

    private static boolean blank(char c) {
      return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
  }
}
