package org.custodiet.store;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodiet.store.ImportException.Problem;
import org.custodiet.store.ImportException.Reason;

/** Collects the problems found in one file, so that one run reports them all (up to a limit). */
final class Problems {
  static final int LIMIT = 200;

  private final List<Problem> list = new ArrayList<>();
  private final Set<Reason> reasons = EnumSet.noneOf(Reason.class);
  private int total;

  void add(Reason reason, Problem problem) {
    reasons.add(reason);
    total++;
    if (list.size() < LIMIT) {
      list.add(problem);
    }
  }

  void invalid(String file, long line, String pointer, String field, String message) {
    add(Reason.INVALID, new Problem(file, line, 0, pointer, field, message));
  }

  void conflict(String file, long line, String pointer, String field, String message) {
    add(Reason.CONFLICT, new Problem(file, line, 0, pointer, field, message));
  }

  int total() {
    return total;
  }

  boolean isEmpty() {
    return total == 0;
  }

  /** Throws if anything was found: INVALID/MALFORMED win over CONFLICT. */
  void throwIfAny() {
    if (total == 0) {
      return;
    }
    Reason reason =
        reasons.contains(Reason.MALFORMED)
            ? Reason.MALFORMED
            : reasons.contains(Reason.INVALID) ? Reason.INVALID : Reason.CONFLICT;
    throw new ImportException(reason, list, total);
  }
}
