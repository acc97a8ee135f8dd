package org.custodiet.web.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodiet.web.map.WorldMap;

/**
 * One map layer ready to draw: every outline with its colour step, link and hover text, the legend,
 * and the same numbers as rows for the table beside the map.
 */
public record Choropleth(
    String title,
    String viewBox,
    List<Region> regions,
    List<Step> legend,
    List<Region> rows,
    List<Region> unmapped) {

  /** Steps 1 to 5 of the sequential palette; 0 is "none recorded". */
  static final int STEPS = 5;

  /** One outline. {@code step} 0 means nothing recorded; {@code href} is null without a page. */
  public record Region(
      String iso3, String name, String path, String href, int value, int step, String tip) {
    public String cssClass() {
      return "s" + step;
    }
  }

  /** One legend entry. */
  public record Step(String cssClass, String label) {}

  /**
   * Colours countries by a count: steps 1-4 are the counts themselves, step 5 anything higher. A
   * layer that is only yes or no ({@code binary}) uses one strong step.
   */
  static Choropleth of(
      String title,
      View view,
      Map<String, Integer> values,
      Map<String, String> details,
      String unit,
      boolean binary) {
    WorldMap map = WorldMap.get();
    List<Region> regions = new ArrayList<>();
    for (WorldMap.Shape shape : map.shapes()) {
      String iso3 = shape.iso3();
      int value = iso3 == null ? 0 : values.getOrDefault(iso3, 0);
      String name = view.hasCountry(iso3) ? view.countryName(iso3) : shape.name();
      String detail = iso3 == null ? null : details.get(iso3);
      String tip =
          value == 0
              ? name + ": none recorded"
              : name
                  + ": "
                  + (binary ? unit : value + " " + unit)
                  + (detail == null ? "" : " (" + detail + ")");
      int step = value == 0 ? 0 : binary ? 4 : Math.min(value, STEPS);
      regions.add(
          new Region(
              iso3,
              name,
              shape.path(),
              view.hasCountry(iso3) ? view.countryHref(iso3) : null,
              value,
              step,
              tip));
    }
    List<Step> legend = new ArrayList<>();
    legend.add(new Step("s0", "none recorded"));
    if (binary) {
      legend.add(new Step("s4", unit));
    } else {
      for (int i = 1; i <= STEPS; i++) {
        legend.add(new Step("s" + i, i < STEPS ? Integer.toString(i) : STEPS + " or more"));
      }
    }
    Set<String> drawn = new HashSet<>();
    map.shapes().forEach(shape -> drawn.add(shape.iso3()));
    List<Region> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> e : values.entrySet()) {
      if (e.getValue() > 0) {
        String iso3 = e.getKey();
        rows.add(
            new Region(
                iso3,
                view.countryName(iso3),
                null,
                view.countryHref(iso3),
                e.getValue(),
                Math.min(e.getValue(), STEPS),
                details.getOrDefault(iso3, "")));
      }
    }
    rows.sort(Comparator.comparingInt(Region::value).reversed().thenComparing(Region::name));
    List<Region> unmapped = rows.stream().filter(r -> !drawn.contains(r.iso3())).toList();
    return new Choropleth(title, map.viewBox(), regions, legend, rows, unmapped);
  }
}
