package org.custodiet.core.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tables bundled beside the screening classes: UTF-8, '#' comments, tab columns. */
final class Resources {
  private Resources() {}

  static List<String[]> rows(String name, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled table " + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != columns) {
          throw new IllegalStateException(
              name + " line " + number + ": expected " + columns + " columns, got " + cells.length);
        }
        rows.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
    return rows;
  }
}
