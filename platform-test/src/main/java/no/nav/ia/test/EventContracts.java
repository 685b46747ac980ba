package no.nav.ia.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event samples against AsyncAPI documents, with a real JSON Schema validator (networknt, draft
 * 7 as AsyncAPI 3.0 reads it), and the committed AsyncAPI documents ({@code
 * asyncapi/<producer>.json} beside the samples): what each producer generates, pinned so that a
 * change of the public contract shows as a change of that file.
 */
public final class EventContracts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private EventContracts() {}

  /** The committed AsyncAPI document of a producing service. */
  public static JsonNode committed(String producer) {
    JsonNode document = read(producer);
    if (document == null) {
      throw new IllegalArgumentException("no committed AsyncAPI document for " + producer);
    }
    return document;
  }

  private static JsonNode read(String producer) {
    try (InputStream in =
        EventContracts.class.getResourceAsStream("/asyncapi/" + producer + ".json")) {
      return in == null ? null : JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether {@code generated} is the committed document; if not, it is written to {@code
   * target/asyncapi/} to be compared and, when the change is meant, copied over the committed one.
   */
  public static boolean isCommitted(String producer, JsonNode generated) {
    if (generated.equals(read(producer))) {
      return true;
    }
    try {
      Path written = Path.of("target", "asyncapi", producer + ".json");
      Files.createDirectories(written.getParent());
      Files.writeString(
          written, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return false;
  }

  /** The event types a document has a message for. */
  public static Set<String> types(JsonNode document) {
    Set<String> types = new TreeSet<>();
    document.path("components").path("messages").fieldNames().forEachRemaining(types::add);
    return types;
  }

  /** Why an envelope does not fit its type's message in the document; empty when it fits. */
  public static List<String> violations(JsonNode document, JsonNode envelope) {
    String type = envelope.path("type").asText();
    JsonNode payload = document.path("components").path("messages").path(type).path("payload");
    if (!payload.isObject()) {
      return List.of("the document has no message for type '" + type + "'");
    }
    Schema schema = SCHEMAS.getSchema(payload);
    return schema.validate(envelope).stream().map(Object::toString).toList();
  }

  /**
   * Copies of {@code envelope}, each without one field its message's schema requires, by the
   * field's path ({@code payload.delivery.service}): every one of them must be refused.
   */
  public static Map<String, ObjectNode> withoutEachRequiredField(
      JsonNode document, ObjectNode envelope) {
    JsonNode schema =
        document.path("components").path("messages").path(envelope.path("type").asText());
    List<List<String>> paths = new ArrayList<>();
    requiredPaths(schema.path("payload"), envelope, List.of(), paths);
    Map<String, ObjectNode> copies = new LinkedHashMap<>();
    for (List<String> path : paths) {
      ObjectNode copy = envelope.deepCopy();
      JsonNode parent = copy;
      for (String name : path.subList(0, path.size() - 1)) {
        parent = parent.get(name);
      }
      ((ObjectNode) parent).remove(path.get(path.size() - 1));
      copies.put(String.join(".", path), copy);
    }
    return copies;
  }

  private static void requiredPaths(
      JsonNode schema, JsonNode instance, List<String> at, List<List<String>> into) {
    if (!instance.isObject()) {
      return;
    }
    for (JsonNode name : schema.path("required")) {
      List<String> path = new ArrayList<>(at);
      path.add(name.asText());
      into.add(path);
      JsonNode property = schema.path("properties").path(name.asText());
      requiredPaths(property, instance.path(name.asText()), path, into);
    }
  }
}
