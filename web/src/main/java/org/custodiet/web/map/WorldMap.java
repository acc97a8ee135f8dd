package org.custodiet.web.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Country outlines as SVG paths, decoded from the bundled world-atlas TopoJSON (Natural Earth
 * 1:110m) and projected once with Equal Earth. Antarctica is left out: no claim concerns it and it
 * would take a fifth of the map.
 */
public final class WorldMap {
  /** Where the TopoJSON sits on the classpath; see the NOTICE beside it for its origin. */
  public static final String RESOURCE = "/assets/map/countries-110m.json";

  /** The map's width in SVG user units; the height follows from the projection. */
  static final double WIDTH = 1000;

  private static final String ANTARCTICA = "010";

  /**
   * Features the atlas carries without an ISO numeric id. Kosovo and Somaliland have user-assigned
   * codes in our country table; Northern Cyprus has none and stays unshaded.
   */
  private static final Map<String, String> UNNUMBERED =
      Map.of("Kosovo", "XKX", "Somaliland", "XSL");

  /** One country outline; {@code iso3} is null where no code applies. */
  public record Shape(String iso3, String name, String path) {}

  private final List<Shape> shapes;
  private final String viewBox;

  private WorldMap(List<Shape> shapes, String viewBox) {
    this.shapes = List.copyOf(shapes);
    this.viewBox = viewBox;
  }

  private static final class Holder {
    static final WorldMap INSTANCE = load(Iso3166.numericToAlpha3());
  }

  /** The map, built on first use and shared by every request. */
  public static WorldMap get() {
    return Holder.INSTANCE;
  }

  public List<Shape> shapes() {
    return shapes;
  }

  public String viewBox() {
    return viewBox;
  }

  static WorldMap load(Map<String, String> numericToAlpha3) {
    try (InputStream in = WorldMap.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("map data missing from the classpath: " + RESOURCE);
      }
      return decode(new ObjectMapper().readTree(in), numericToAlpha3);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Decodes a quantized TopoJSON topology whose "countries" object holds the outlines. */
  static WorldMap decode(JsonNode topology, Map<String, String> numericToAlpha3) {
    JsonNode transform = topology.path("transform");
    double sx = transform.path("scale").path(0).asDouble(1);
    double sy = transform.path("scale").path(1).asDouble(1);
    double tx = transform.path("translate").path(0).asDouble(0);
    double ty = transform.path("translate").path(1).asDouble(0);
    List<double[][]> arcs = new ArrayList<>();
    for (JsonNode arc : topology.path("arcs")) {
      double[][] points = new double[arc.size()][];
      long x = 0;
      long y = 0;
      for (int i = 0; i < arc.size(); i++) {
        // Positions are delta-encoded: each one is an offset from the previous.
        x += arc.get(i).get(0).asLong();
        y += arc.get(i).get(1).asLong();
        points[i] = new double[] {x * sx + tx, y * sy + ty};
      }
      arcs.add(points);
    }
    JsonNode geometries = topology.path("objects").path("countries").path("geometries");
    List<String> names = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<List<List<double[]>>> outlines = new ArrayList<>();
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (JsonNode geometry : geometries) {
      String numeric = geometry.path("id").asText(null);
      if (ANTARCTICA.equals(numeric)) {
        continue;
      }
      String name = geometry.path("properties").path("name").asText("");
      String iso3 = numeric != null ? numericToAlpha3.get(numeric) : UNNUMBERED.get(name);
      List<List<double[]>> rings = new ArrayList<>();
      List<JsonNode> polygons = new ArrayList<>();
      if (geometry.path("type").asText().equals("Polygon")) {
        polygons.add(geometry.path("arcs"));
      } else {
        geometry.path("arcs").forEach(polygons::add);
      }
      for (JsonNode polygon : polygons) {
        for (JsonNode ring : polygon) {
          List<double[]> points = project(unwrap(ring(ring, arcs)));
          for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
          }
          rings.add(points);
        }
      }
      names.add(name);
      codes.add(iso3);
      outlines.add(rings);
    }
    double scale = WIDTH / (maxX - minX);
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i < outlines.size(); i++) {
      shapes.add(new Shape(codes.get(i), names.get(i), path(outlines.get(i), minX, maxY, scale)));
    }
    String viewBox =
        String.format(Locale.ROOT, "0 0 %.0f %.0f", WIDTH, Math.ceil((maxY - minY) * scale));
    return new WorldMap(shapes, viewBox);
  }

  /** Joins a ring's arcs; a negative index ~i means arc i reversed. Shared end points drop. */
  private static List<double[]> ring(JsonNode arcIndexes, List<double[][]> arcs) {
    List<double[]> points = new ArrayList<>();
    for (JsonNode index : arcIndexes) {
      int i = index.asInt();
      double[][] arc = arcs.get(i >= 0 ? i : ~i);
      for (int k = 0; k < arc.length; k++) {
        double[] p = arc[i >= 0 ? k : arc.length - 1 - k];
        if (k > 0 || points.isEmpty()) {
          points.add(p);
        }
      }
    }
    return points;
  }

  /**
   * The atlas does not cut rings at the antimeridian (Chukotka, Fiji): a ring that jumps across it
   * is drawn continuing east past 180 degrees, instead of a stripe across the whole map.
   */
  private static List<double[]> unwrap(List<double[]> ring) {
    boolean crosses = false;
    for (int i = 1; i < ring.size() && !crosses; i++) {
      crosses = Math.abs(ring.get(i)[0] - ring.get(i - 1)[0]) > 180;
    }
    if (!crosses) {
      return ring;
    }
    List<double[]> shifted = new ArrayList<>(ring.size());
    for (double[] p : ring) {
      shifted.add(p[0] < 0 ? new double[] {p[0] + 360, p[1]} : p);
    }
    return shifted;
  }

  private static List<double[]> project(List<double[]> ring) {
    List<double[]> projected = new ArrayList<>(ring.size());
    for (double[] p : ring) {
      projected.add(EqualEarth.project(p[0], p[1]));
    }
    return projected;
  }

  /** SVG path data with y flipped (SVG's y points down) and one decimal, duplicates dropped. */
  private static String path(List<List<double[]>> rings, double minX, double maxY, double scale) {
    StringBuilder d = new StringBuilder();
    for (List<double[]> ring : rings) {
      String previous = null;
      int written = 0;
      for (double[] p : ring) {
        String point =
            String.format(Locale.ROOT, "%.1f,%.1f", (p[0] - minX) * scale, (maxY - p[1]) * scale);
        if (point.equals(previous)) {
          continue;
        }
        d.append(written == 0 ? 'M' : 'L').append(point);
        previous = point;
        written++;
      }
      d.append('Z');
    }
    return d.toString();
  }
}
