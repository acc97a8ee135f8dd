package org.custodiet.web.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A two-column network drawn server-side: supplier companies on the left, the countries they supply
 * on the right, one curve per company-country pair. Rows are sorted by how many links each node has
 * so that the big suppliers sit at the top.
 */
public record SupplierChart(
    int width, int height, List<Node> companies, List<Node> countries, List<Link> links) {
  static final int WIDTH = 900;

  /** Labels longer than this are shortened; the full name stays in the hover text and table. */
  static final int LABEL = 30;

  static final int ROW = 18;
  static final int TOP = 24;
  public static final int LEFT_X = 290;
  public static final int RIGHT_X = 600;

  /** One labelled node; {@code y} is the centre of its row. */
  public record Node(String id, String label, String href, int degree, int y, List<String> peers) {
    public String shortLabel() {
      return label.length() <= LABEL ? label : label.substring(0, LABEL - 1).strip() + "…";
    }
  }

  /** One company-country pair. */
  public record Link(String path, String tip) {}

  /**
   * Builds the chart from company-to-countries pairs. {@code names} and {@code hrefs} turn ids into
   * labels and links.
   */
  static SupplierChart of(
      Map<String, TreeSet<String>> countriesByCompany,
      Function<String, String> companyName,
      Function<String, String> companyHref,
      Function<String, String> countryName,
      Function<String, String> countryHref) {
    Map<String, TreeSet<String>> companiesByCountry = new LinkedHashMap<>();
    countriesByCompany.forEach(
        (company, countries) ->
            countries.forEach(
                c -> companiesByCountry.computeIfAbsent(c, k -> new TreeSet<>()).add(company)));
    int rows = Math.max(countriesByCompany.size(), companiesByCountry.size());
    List<Node> left = nodes(countriesByCompany, companyName, companyHref, rows);
    List<Node> right = nodes(companiesByCountry, countryName, countryHref, rows);
    Map<String, Integer> rightY = new LinkedHashMap<>();
    right.forEach(n -> rightY.put(n.id(), n.y()));
    List<Link> links = new ArrayList<>();
    for (Node company : left) {
      for (String country : company.peers()) {
        int y2 = rightY.get(country);
        int mid = (LEFT_X + RIGHT_X) / 2;
        links.add(
            new Link(
                String.format(
                    Locale.ROOT,
                    "M%d,%dC%d,%d %d,%d %d,%d",
                    LEFT_X + 6,
                    company.y(),
                    mid,
                    company.y(),
                    mid,
                    y2,
                    RIGHT_X - 6,
                    y2),
                company.label() + " supplies " + countryName.apply(country)));
      }
    }
    return new SupplierChart(WIDTH, TOP + rows * ROW + ROW, left, right, links);
  }

  private static List<Node> nodes(
      Map<String, TreeSet<String>> peers,
      Function<String, String> name,
      Function<String, String> href,
      int rows) {
    List<Map.Entry<String, TreeSet<String>>> entries = new ArrayList<>(peers.entrySet());
    entries.sort(
        Comparator.comparingInt((Map.Entry<String, TreeSet<String>> e) -> -e.getValue().size())
            .thenComparing(e -> name.apply(e.getKey())));
    List<Node> nodes = new ArrayList<>();
    // The shorter column is spread over the height of the longer one.
    double spacing = entries.isEmpty() ? ROW : (double) rows * ROW / entries.size();
    for (int i = 0; i < entries.size(); i++) {
      Map.Entry<String, TreeSet<String>> e = entries.get(i);
      nodes.add(
          new Node(
              e.getKey(),
              name.apply(e.getKey()),
              href.apply(e.getKey()),
              e.getValue().size(),
              (int) Math.round(TOP + spacing * (i + 0.5)),
              List.copyOf(e.getValue())));
    }
    return nodes;
  }
}
