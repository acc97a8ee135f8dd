package org.custodiet.web.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A country's claims on a time axis by the date each was first reported, one dot per claim, dots of
 * the same year stacked; coloured by status. The table beside it carries the same list.
 */
public record Timeline(int width, int height, List<Tick> ticks, List<Mark> marks) {
  static final int WIDTH = 760;
  static final int LEFT = 20;
  static final int DOT = 9;
  static final int AXIS_GAP = 26;

  /** A year label on the axis. */
  public record Tick(int x, String label) {}

  /** One claim on the axis. */
  public record Mark(int x, int y, String cssClass, String tip, String href) {}

  /** One claim to place: when, which status class, what it says and its anchor on the page. */
  public record Entry(LocalDate date, String cssClass, String tip, String href) {}

  static Timeline of(List<Entry> entries) {
    if (entries.isEmpty()) {
      return new Timeline(WIDTH, 0, List.of(), List.of());
    }
    int from = entries.stream().mapToInt(e -> e.date().getYear()).min().orElseThrow();
    int to =
        Math.max(
            from + 1, entries.stream().mapToInt(e -> e.date().getYear()).max().orElseThrow() + 1);
    double perYear = (WIDTH - 2.0 * LEFT) / (to - from);
    Map<Integer, Integer> stacked = new HashMap<>();
    List<Mark> marks = new ArrayList<>();
    int tallest = 0;
    for (Entry e : entries) {
      int year = e.date().getYear();
      int level = stacked.merge(year, 1, Integer::sum) - 1;
      tallest = Math.max(tallest, level + 1);
      double within = (e.date().getDayOfYear() - 1) / 366.0;
      int x = (int) Math.round(LEFT + (year - from + within) * perYear);
      marks.add(new Mark(x, level, e.cssClass(), e.tip(), e.href()));
    }
    int base = tallest * DOT + 8;
    List<Mark> placed = new ArrayList<>();
    for (Mark m : marks) {
      placed.add(new Mark(m.x(), base - m.y() * DOT - DOT / 2, m.cssClass(), m.tip(), m.href()));
    }
    int step = Math.max(1, (to - from) / 10);
    List<Tick> ticks = new ArrayList<>();
    for (int year = from; year <= to; year += step) {
      ticks.add(new Tick((int) Math.round(LEFT + (year - from) * perYear), Integer.toString(year)));
    }
    return new Timeline(WIDTH, base + AXIS_GAP, ticks, placed);
  }

  /** Where the axis line sits. */
  public int axisY() {
    return height - AXIS_GAP + 4;
  }
}
