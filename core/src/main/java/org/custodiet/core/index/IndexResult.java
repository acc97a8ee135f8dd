package org.custodiet.core.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The figures computed for one {@link IndexQuery}, with the rules version that produced them. */
public record IndexResult(
    IndexQuery query,
    String rulesVersion,
    List<Figure> figures,
    List<Inconsistency> inconsistencies) {
  public IndexResult {
    figures = List.copyOf(figures);
    inconsistencies = List.copyOf(inconsistencies);
  }

  public LocalDate asOf() {
    return query.asOf();
  }

  public Optional<Figure> figure(String id) {
    return figures.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** Value of a figure, 0 when the figure does not exist (nothing counted). */
  public int value(String id) {
    return figure(id).map(Figure::value).orElse(0);
  }
}
