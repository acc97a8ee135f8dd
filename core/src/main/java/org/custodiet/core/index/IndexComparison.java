package org.custodiet.core.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one set of figures differs from another (the living index against a release): per figure, the
 * countries gained and lost and the claims that account for the gain.
 */
public final class IndexComparison {
  private IndexComparison() {}

  /** One figure's movement from {@code base} to {@code other}. */
  public record FigureChange(
      String id,
      String label,
      int baseValue,
      int otherValue,
      List<String> countriesAdded,
      List<String> countriesRemoved,
      List<String> claimsAdded) {
    public int delta() {
      return otherValue - baseValue;
    }
  }

  public static List<FigureChange> compare(IndexResult base, IndexResult other) {
    Map<String, Figure> baseById =
        base.figures().stream().collect(Collectors.toMap(Figure::id, Function.identity()));
    Set<String> ids = new LinkedHashSet<>();
    base.figures().forEach(f -> ids.add(f.id()));
    other.figures().forEach(f -> ids.add(f.id()));
    Map<String, Figure> otherById =
        other.figures().stream().collect(Collectors.toMap(Figure::id, Function.identity()));
    List<FigureChange> changes = new ArrayList<>();
    for (String id : ids) {
      Figure b = baseById.get(id);
      Figure o = otherById.get(id);
      List<String> bc = b == null ? List.of() : b.countries();
      List<String> oc = o == null ? List.of() : o.countries();
      List<String> added = oc.stream().filter(c -> !bc.contains(c)).toList();
      List<String> removed = bc.stream().filter(c -> !oc.contains(c)).toList();
      if (added.isEmpty() && removed.isEmpty()) {
        continue;
      }
      Set<String> baseClaims = b == null ? Set.of() : Set.copyOf(b.claims());
      List<String> newClaims =
          o == null ? List.of() : o.claims().stream().filter(c -> !baseClaims.contains(c)).toList();
      changes.add(
          new FigureChange(
              id,
              (o != null ? o : b).label(),
              b == null ? 0 : b.value(),
              o == null ? 0 : o.value(),
              added,
              removed,
              newClaims));
    }
    return changes;
  }
}
