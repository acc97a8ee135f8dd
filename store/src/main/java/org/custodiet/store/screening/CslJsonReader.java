package org.custodiet.store.screening;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodiet.store.ImportException;
import org.custodiet.store.ImportException.Reason;

/**
 * The Consolidated Screening List in its published JSON layout: {@code {"results": [ ... ]}}, each
 * result carrying the CSV's fields, with lists as arrays and addresses as objects with a {@code
 * country}. Read as a stream, one result at a time.
 */
final class CslJsonReader {
  static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(64)
                      .maxStringLength(EntryDraft.MAX_VALUE * 10)
                      .build())
              .build());

  private CslJsonReader() {}

  static ParsedList read(ListFile file, String listId, CountryCodes codes) {
    Findings findings = new Findings(file.name);
    List<StoredEntry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    long line = 1;
    try (JsonParser p = MAPPER.createParser(file.reader())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed(file, p, "", "expected a JSON object with a \"results\" array");
      }
      boolean sawResults = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!field.equals("results")) {
          p.skipChildren();
          continue;
        }
        sawResults = true;
        if (value != JsonToken.START_ARRAY) {
          throw malformed(file, p, "/results", "\"results\" must be an array");
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          line = p.currentLocation().getLineNr();
          String pointer = "/results/" + index;
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw malformed(file, p, pointer, "each result must be a JSON object");
          }
          JsonNode result = MAPPER.readTree(p);
          StoredEntry e =
              CslCsvReader.entry(flatten(result), findings, codes, line, listId, ids, pointer);
          if (e != null) {
            entries.add(e);
          }
          index++;
        }
      }
      if (!sawResults) {
        throw ListFile.failure(
            Reason.MALFORMED, file.name, 1, "", "results", "the \"results\" array is missing");
      }
      file.drain();
    } catch (JsonProcessingException e) {
      throw ListFile.failure(
          Reason.MALFORMED,
          file.name,
          e.getLocation() == null ? line : e.getLocation().getLineNr(),
          null,
          null,
          "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ListFile.failure(
          Reason.MALFORMED, file.name, line, null, null, ImportException.rootCause(e));
    }
    findings.throwIfAny();
    return new ParsedList(file.name, file.sha256(), entries, Map.of());
  }

  /** The result's fields as the CSV would carry them, so one set of checks serves both layouts. */
  static Map<String, String> flatten(JsonNode result) {
    Map<String, String> values = new LinkedHashMap<>();
    result
        .fields()
        .forEachRemaining(
            f -> {
              String key = f.getKey().equals("id") ? "_id" : f.getKey();
              JsonNode v = f.getValue();
              if (key.equals("addresses") && v.isArray()) {
                List<String> addresses = new ArrayList<>();
                for (JsonNode a : v) {
                  addresses.add(address(a));
                }
                values.put(key, String.join("; ", addresses));
              } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
                values.put(key, String.join("; ", items));
              } else if (!v.isNull()) {
                values.put(key, v.isValueNode() ? v.asText() : v.toString());
              }
            });
    return values;
  }

  private static String address(JsonNode a) {
    if (!a.isObject()) {
      return a.asText();
    }
    List<String> parts = new ArrayList<>();
    for (String k : List.of("address", "city", "state", "postal_code")) {
      if (a.hasNonNull(k) && !a.get(k).asText().isBlank()) {
        parts.add(a.get(k).asText().replace(';', ','));
      }
    }
    // The country goes last, where the CSV layout keeps it, even when it is empty.
    parts.add(a.hasNonNull("country") ? a.get("country").asText() : "");
    return String.join(", ", parts);
  }

  private static RuntimeException malformed(
      ListFile file, JsonParser p, String pointer, String message) {
    return ListFile.failure(
        Reason.MALFORMED, file.name, p.currentLocation().getLineNr(), pointer, null, message);
  }
}
