package org.custodiet.store.screening;

import java.util.ArrayList;
import java.util.List;
import org.custodiet.store.ImportException;
import org.custodiet.store.ImportException.Problem;
import org.custodiet.store.ImportException.Reason;

/** The problems found in one list file, so that one run reports them all (up to a limit). */
final class Findings {
  static final int LIMIT = 200;

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private int total;

  Findings(String file) {
    this.file = file;
  }

  void invalid(long line, String pointer, String field, String message) {
    total++;
    if (problems.size() < LIMIT) {
      problems.add(new Problem(file, line, 0, pointer, field, message));
    }
  }

  /** Throws when anything was found; nothing has been written at this point. */
  void throwIfAny() {
    if (total > 0) {
      throw new ImportException(Reason.INVALID, problems, total);
    }
  }
}
