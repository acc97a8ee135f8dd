package org.custodiet.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A headline figure as a report published it ("at least 50"), kept to compare against what the
 * index computes. {@code figureId} uses the index's figure ids where one corresponds.
 */
public record PublishedFigure(
    String release,
    String figureId,
    String label,
    String publishedValue,
    Integer value,
    List<String> sourceUrls,
    String note) {
  public PublishedFigure {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(figureId, "figure id");
    sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
  }
}
