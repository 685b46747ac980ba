package no.nav.ia.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;

/**
 * Refuses a field a {@link ClosedBody} does not have; any other type skips it, as Jackson's default
 * (tolerant readers of events and of other services' answers).
 */
final class UnknownFields extends DeserializationProblemHandler {

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext context,
      JsonParser parser,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
    if (!type.isAnnotationPresent(ClosedBody.class)) {
      return false;
    }
    throw UnrecognizedPropertyException.from(
        parser, beanOrClass, propertyName, deserializer.getKnownPropertyNames());
  }
}
