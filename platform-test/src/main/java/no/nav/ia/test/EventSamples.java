package no.nav.ia.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The committed event samples ({@code events/<Type>.json}): the wire contract both the producing
 * and the consuming service test against.
 */
public final class EventSamples {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Objects whose keys are data (county codes), not field names: their keys are not part of the
   * shape.
   */
  private static final Set<String> MAPS = Set.of("payload.dueByCounty");

  private EventSamples() {}

  /** A fresh copy of the sample, with a new event id. */
  public static ObjectNode sample(String type) {
    try (InputStream in = EventSamples.class.getResourceAsStream("/events/" + type + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no sample for " + type);
      }
      ObjectNode envelope = (ObjectNode) JSON.readTree(in);
      envelope.put("eventId", UUID.randomUUID().toString());
      return envelope;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every field path of a JSON tree ({@code payload.delivery.countyCode}, ...), to compare shapes.
   */
  public static Set<String> paths(JsonNode node) {
    Set<String> paths = new TreeSet<>();
    collect("", node, paths);
    return paths;
  }

  private static void collect(String prefix, JsonNode node, Set<String> into) {
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        String path = prefix.isEmpty() ? name : prefix + "." + name;
        into.add(path);
        if (!MAPS.contains(path)) {
          collect(path, node.get(name), into);
        }
      }
    }
  }

  public static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
