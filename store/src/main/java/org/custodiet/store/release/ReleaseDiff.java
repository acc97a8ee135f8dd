package org.custodiet.store.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodiet.store.release.FrozenState.FrozenClaim;
import org.custodiet.store.release.FrozenState.FrozenFigure;

/**
 * What changed from one release ({@code from}) to another ({@code to}): claims added, removed and
 * changed (with the fields that differ), and the movement of every headline figure.
 */
public record ReleaseDiff(
    String from,
    String to,
    List<ClaimEntry> added,
    List<ClaimEntry> removed,
    List<ClaimChange> changed,
    List<FigureMovement> figures) {
  public ReleaseDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
    figures = List.copyOf(figures);
  }

  /** A claim present on one side only, with its status there. */
  public record ClaimEntry(String id, String status, boolean counts) {}

  /** A claim on both sides whose content differs: which fields, and its status before and after. */
  public record ClaimChange(
      String id, List<String> fields, String statusBefore, String statusAfter) {
    public ClaimChange {
      fields = List.copyOf(fields);
    }

    public boolean statusChanged() {
      return !statusBefore.equals(statusAfter);
    }
  }

  /** One figure before and after; a figure absent on a side counts as 0 there, as in the index. */
  public record FigureMovement(String id, String label, int before, int after) {
    public int delta() {
      return after - before;
    }
  }

  /** Figures whose value moved. */
  public List<FigureMovement> moved() {
    return figures.stream().filter(f -> f.delta() != 0).toList();
  }

  public static ReleaseDiff between(
      String fromName, FrozenState from, String toName, FrozenState to) {
    Map<String, FrozenClaim> before = byId(from.claims(), FrozenClaim::id);
    Map<String, FrozenClaim> after = byId(to.claims(), FrozenClaim::id);
    List<ClaimEntry> added = new ArrayList<>();
    List<ClaimChange> changed = new ArrayList<>();
    for (FrozenClaim c : to.claims()) {
      FrozenClaim old = before.get(c.id());
      if (old == null) {
        added.add(new ClaimEntry(c.id(), c.status(), c.counts()));
      } else if (!old.content().equals(c.content())) {
        changed.add(
            new ClaimChange(
                c.id(), changedFields(old.fields(), c.fields()), old.status(), c.status()));
      }
    }
    List<ClaimEntry> removed =
        from.claims().stream()
            .filter(c -> !after.containsKey(c.id()))
            .map(c -> new ClaimEntry(c.id(), c.status(), c.counts()))
            .toList();
    Map<String, FrozenFigure> figuresBefore = byId(from.figures(), FrozenFigure::id);
    Map<String, FrozenFigure> figuresAfter = byId(to.figures(), FrozenFigure::id);
    Set<String> ids = new LinkedHashSet<>(figuresAfter.keySet());
    ids.addAll(figuresBefore.keySet());
    List<FigureMovement> figures = new ArrayList<>();
    for (String id : ids) {
      FrozenFigure b = figuresBefore.get(id);
      FrozenFigure a = figuresAfter.get(id);
      figures.add(
          new FigureMovement(
              id,
              (a != null ? a : b).label(),
              b == null ? 0 : b.value(),
              a == null ? 0 : a.value()));
    }
    return new ReleaseDiff(fromName, toName, added, removed, changed, figures);
  }

  private static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    return keys.stream()
        .filter(k -> !Objects.equals(before.get(k), after.get(k)))
        .sorted()
        .collect(Collectors.toList());
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(i -> map.put(id.apply(i), i));
    return map;
  }
}
