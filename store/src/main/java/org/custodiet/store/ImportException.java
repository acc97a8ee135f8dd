package org.custodiet.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A seed or import file was refused. Nothing was written. Carries every problem found (up to a
 * limit), each naming the file, line (and column or JSON pointer where known) and field.
 */
public final class ImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the file was refused; the command line maps these to exit codes. */
  public enum Reason {
    /** The file is larger than the configured limit; it was not read. */
    TOO_LARGE,
    /** The file could not be read (missing, unreadable). */
    UNREADABLE,
    /** Not valid UTF-8, not well-formed CSV/JSON, or truncated. */
    MALFORMED,
    /** Well-formed, but a value is invalid or refers to something unknown. */
    INVALID,
    /** The file contradicts what the database already holds. */
    CONFLICT
  }

  /**
   * One problem. {@code line} and {@code column} are 1-based, 0 when unknown; {@code pointer} is a
   * JSON pointer for JSON files, null otherwise; {@code field} may be null for whole-file problems.
   */
  public record Problem(
      String file, long line, long column, String pointer, String field, String message) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(file == null ? "<input>" : file);
      if (line > 0) {
        b.append(':').append(line);
        if (column > 0) {
          b.append(':').append(column);
        }
      }
      if (pointer != null) {
        b.append(" (").append(pointer.isEmpty() ? "/" : pointer).append(')');
      }
      b.append(": ");
      if (field != null) {
        b.append(field).append(": ");
      }
      return b.append(message).toString();
    }
  }

  private final Reason reason;
  private final List<Problem> problems;
  private final int totalProblems;

  public ImportException(Reason reason, List<Problem> problems, int totalProblems) {
    super(describe(problems, totalProblems));
    this.reason = reason;
    this.problems = List.copyOf(problems);
    this.totalProblems = totalProblems;
  }

  public ImportException(Reason reason, Problem problem) {
    this(reason, List.of(problem), 1);
  }

  public ImportException(Reason reason, Problem problem, Throwable cause) {
    this(reason, List.of(problem), 1);
    initCause(cause);
  }

  private static String describe(List<Problem> problems, int total) {
    String head =
        problems.stream().limit(20).map(Problem::toString).collect(Collectors.joining("\n"));
    return total > 20 ? head + "\n... and " + (total - 20) + " more problems" : head;
  }

  public Reason reason() {
    return reason;
  }

  /** The problems found, in file order, at most {@code Problems.LIMIT} of them. */
  public List<Problem> problems() {
    return problems;
  }

  /** How many problems were found in all, which may exceed {@code problems().size()}. */
  public int totalProblems() {
    return totalProblems;
  }

  public String file() {
    return problems.get(0).file();
  }

  public long line() {
    return problems.get(0).line();
  }

  public String field() {
    return problems.get(0).field();
  }

  /**
   * What went wrong at the bottom of a chain of causes, in words a curator can act on: readers wrap
   * a decoding or parsing failure in several layers.
   */
  public static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof java.nio.charset.CharacterCodingException) {
      return "the file is not valid UTF-8";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
