package no.nav.ia.platform.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.ia.platform.events.EventField;

/**
 * The JSON Schema (draft 7, as AsyncAPI 3.0 reads it) of an event record, by reflection over its
 * components as Jackson writes them: every component is a required key, null only where {@link
 * EventField#nullable()} says so; dates are {@code date}, timestamps {@code date-time}, UUIDs
 * {@code uuid}, enums and {@link EventField#values()} their constant names, collections arrays,
 * maps with string keys objects, nested records objects. A type it does not know is an error, not a
 * guess.
 */
public final class RecordSchemas {

  /** What every object says about fields it does not list (API.md: extend freely). */
  static final String TOLERANT =
      "Fields may be added to this object; a consumer ignores those it does not know. Removing or"
          + " renaming a field takes a new topic (-v2).";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RecordSchemas() {}

  /**
   * The schema of a record: an object with every component as a required property, but one {@link
   * EventField#addedLater()}.
   */
  public static ObjectNode of(Class<? extends Record> type) {
    ObjectNode schema = JSON.objectNode();
    schema.put("title", type.getSimpleName());
    schema.put("description", TOLERANT);
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = schema.putArray("required");
    for (RecordComponent component : type.getRecordComponents()) {
      ObjectNode property = schemaOf(component.getGenericType());
      EventField field = component.getAnnotation(EventField.class);
      if (field != null) {
        refine(property, field, component);
      }
      properties.set(component.getName(), property);
      if (field == null || !field.addedLater()) {
        required.add(component.getName());
      }
    }
    schema.put("additionalProperties", true);
    return schema;
  }

  @SuppressWarnings("unchecked")
  static ObjectNode schemaOf(Type type) {
    if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
      Type[] arguments = generic.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        ObjectNode array = typed("array");
        array.set("items", schemaOf(arguments[0]));
        if (Set.class.isAssignableFrom(raw)) {
          array.put("uniqueItems", true);
        }
        return array;
      }
      if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
        ObjectNode map = typed("object");
        map.set("additionalProperties", schemaOf(arguments[1]));
        return map;
      }
    }
    if (type instanceof Class<?> c) {
      if (c == String.class) {
        return typed("string");
      }
      if (c == UUID.class) {
        return typed("string").put("format", "uuid");
      }
      if (c == LocalDate.class) {
        return typed("string").put("format", "date");
      }
      if (c == OffsetDateTime.class || c == Instant.class) {
        return typed("string").put("format", "date-time");
      }
      if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
        return typed("integer");
      }
      if (c == double.class || c == Double.class || c == BigDecimal.class) {
        return typed("number");
      }
      if (c == boolean.class || c == Boolean.class) {
        return typed("boolean");
      }
      if (c.isEnum()) {
        return enumeration(typed("string"), (Class<? extends Enum<?>>) c);
      }
      if (c.isRecord()) {
        return of((Class<? extends Record>) c);
      }
      if (JsonNode.class.isAssignableFrom(c)) {
        return JSON.objectNode();
      }
    }
    throw new IllegalArgumentException(
        "no JSON Schema for " + type.getTypeName() + " (RecordSchemas knows the types events use)");
  }

  /** What the component's {@link EventField} adds to the schema of its type. */
  private static void refine(ObjectNode property, EventField field, RecordComponent component) {
    if (field.values() != EventField.NoValues.class) {
      if (component.getType() != String.class) {
        throw new IllegalArgumentException(component + ": values() is for strings");
      }
      enumeration(property, field.values());
    }
    if (!field.pattern().isEmpty()) {
      property.put("pattern", field.pattern());
    }
    if (!field.description().isEmpty()) {
      property.put("description", field.description());
    }
    boolean list = Collection.class.isAssignableFrom(component.getType());
    if (field.minimum() != Long.MIN_VALUE || field.maximum() != Long.MAX_VALUE) {
      ObjectNode numbers = list ? (ObjectNode) property.get("items") : property;
      if (!"integer".equals(numbers.path("type").asText())) {
        throw new IllegalArgumentException(
            component + ": minimum() and maximum() are for integers");
      }
      if (field.minimum() != Long.MIN_VALUE) {
        numbers.set("minimum", number(field.minimum()));
      }
      if (field.maximum() != Long.MAX_VALUE) {
        numbers.set("maximum", number(field.maximum()));
      }
    }
    if (field.minItems() != 0 || field.distinct()) {
      if (!list) {
        throw new IllegalArgumentException(component + ": minItems() and distinct() are for lists");
      }
      if (field.minItems() != 0) {
        property.put("minItems", field.minItems());
      }
      if (field.distinct()) {
        property.put("uniqueItems", true);
      }
    }
    if (field.nullable()) {
      if (component.getType().isPrimitive()) {
        throw new IllegalArgumentException(component + ": a primitive is never null");
      }
      JsonNode type = property.get("type");
      if (type == null) {
        return; // any JSON value, null among them
      }
      property.set("type", JSON.arrayNode().add(type).add("null"));
      if (property.has("enum")) {
        ((ArrayNode) property.get("enum")).addNull();
      }
    }
  }

  private static ObjectNode enumeration(ObjectNode schema, Class<? extends Enum<?>> type) {
    ArrayNode values = schema.putArray("enum");
    for (Enum<?> constant : type.getEnumConstants()) {
      values.add(constant.name());
    }
    return schema;
  }

  /** A bound as JSON reads it back (an int where it fits), so a document equals its reading. */
  private static JsonNode number(long value) {
    return value == (int) value ? JSON.numberNode((int) value) : JSON.numberNode(value);
  }

  private static ObjectNode typed(String type) {
    return JSON.objectNode().put("type", type);
  }
}
