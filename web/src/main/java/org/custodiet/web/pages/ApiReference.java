package org.custodiet.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The API's endpoints for the /api page, read once from the OpenAPI document the API itself serves,
 * so that the page and the API cannot disagree.
 */
public final class ApiReference {
  static final String RESOURCE = "/api/openapi.json";
  static final String BASE = "/api/v1";

  /** One query or path parameter. */
  public record Parameter(String name, String in, boolean required, String description) {}

  /** One GET endpoint. */
  public record Endpoint(String path, String summary, List<Parameter> parameters) {
    /** The endpoint's full path, ready to follow when it takes no path parameter. */
    public String href() {
      return path.contains("{") ? null : BASE + path;
    }
  }

  private ApiReference() {}

  private static final class Holder {
    static final List<Endpoint> ENDPOINTS = load();
  }

  static List<Endpoint> endpoints() {
    return Holder.ENDPOINTS;
  }

  private static List<Endpoint> load() {
    try (InputStream in = ApiReference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("API description missing from the classpath: " + RESOURCE);
      }
      return read(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static List<Endpoint> read(JsonNode document) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      JsonNode get = path.getValue().path("get");
      if (get.isMissingNode()) {
        continue;
      }
      List<Parameter> parameters = new ArrayList<>();
      for (JsonNode p : get.path("parameters")) {
        JsonNode resolved = resolve(document, p);
        parameters.add(
            new Parameter(
                resolved.path("name").asText(),
                resolved.path("in").asText(),
                resolved.path("required").asBoolean(false),
                resolved.path("description").asText("")));
      }
      endpoints.add(new Endpoint(path.getKey(), get.path("summary").asText(""), parameters));
    }
    return List.copyOf(endpoints);
  }

  /** Follows a local reference such as "#/components/parameters/AsOf". */
  private static JsonNode resolve(JsonNode document, JsonNode node) {
    String ref = node.path("$ref").asText(null);
    if (ref == null || !ref.startsWith("#/")) {
      return node;
    }
    return document.at(ref.substring(1));
  }
}
