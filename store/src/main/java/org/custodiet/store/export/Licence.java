package org.custodiet.store.export;

import java.util.List;

/**
 * The licence and attribution an export carries: a statement, one credit per source that states a
 * licence or asks for attribution, and notes on material from other parties.
 */
public record Licence(String statement, List<Credit> credits, List<String> notes) {
  public Licence {
    credits = List.copyOf(credits);
    notes = List.copyOf(notes);
  }

  /** A source's licence (may be null) and how to cite it (may be null). */
  public record Credit(String sourceId, String licence, String attribution) {}

  /** The licence as plain text, one paragraph or credit per line. */
  public String text() {
    StringBuilder b = new StringBuilder(statement).append("\n\n");
    for (Credit c : credits) {
      b.append("- ").append(c.sourceId());
      if (c.licence() != null) {
        b.append(" (").append(c.licence()).append(')');
      }
      if (c.attribution() != null) {
        b.append(": ").append(c.attribution());
      }
      b.append('\n');
    }
    b.append('\n');
    for (String note : notes) {
      b.append(note).append('\n');
    }
    return b.toString();
  }
}
