package org.custodiet.core.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Recognises legal forms (Ltd, LLC, GmbH, AG = Aktiengesellschaft, ООО, 有限公司...) at the start or
 * end of a normalised name and takes them off, so that they never count as name words. The form's
 * class (ltd, llc, jsc, inc; see legal-forms.tsv) feeds a separate, small feature. Thread-safe.
 */
final class LegalForms {
  /** What stripping left and what it took off. */
  record Stripped(List<String> tokens, List<String> forms, List<String> classes) {}

  private record Form(String cls, String[] tokens, boolean opensNames) {}

  private final List<Form> forms;
  private final java.util.Map<String, List<Form>> byLastToken;
  private final java.util.Map<String, List<Form>> byFirstToken;

  LegalForms() {
    List<Form> loaded = new ArrayList<>();
    for (String[] row : Resources.rows("legal-forms.tsv", 3)) {
      loaded.add(new Form(row[0], row[1].split(" "), "both".equals(row[2])));
    }
    loaded.sort(Comparator.comparingInt((Form f) -> f.tokens().length).reversed());
    this.forms = List.copyOf(loaded);
    java.util.Map<String, List<Form>> last = new java.util.HashMap<>();
    java.util.Map<String, List<Form>> first = new java.util.HashMap<>();
    for (Form form : forms) {
      last.computeIfAbsent(form.tokens()[form.tokens().length - 1], k -> new ArrayList<>())
          .add(form);
      first.computeIfAbsent(form.tokens()[0], k -> new ArrayList<>()).add(form);
    }
    this.byLastToken = last;
    this.byFirstToken = first;
  }

  /**
   * Takes legal forms off the end, and those that also open names off the start, longest form
   * first, as often as they occur. A name made only of legal forms keeps its tokens: there would be
   * nothing left to match on.
   */
  Stripped strip(List<String> tokens) {
    if (onlyLegalForms(tokens)) {
      return new Stripped(List.copyOf(tokens), List.of(), List.of());
    }
    int start = 0;
    int end = tokens.size();
    List<String> found = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    boolean progress = true;
    while (progress && end - start > 1) {
      progress = false;
      List<Form> candidates =
          new ArrayList<>(byLastToken.getOrDefault(tokens.get(end - 1), List.of()));
      candidates.addAll(byFirstToken.getOrDefault(tokens.get(start), List.of()));
      for (Form form : candidates) {
        int len = form.tokens().length;
        if (len < end - start && matchesAt(tokens, end - len, form.tokens())) {
          found.add(0, String.join(" ", form.tokens()));
          classes.add(form.cls());
          end -= len;
          progress = true;
          break;
        }
        if (form.opensNames() && len < end - start && matchesAt(tokens, start, form.tokens())) {
          found.add(String.join(" ", form.tokens()));
          classes.add(form.cls());
          start += len;
          progress = true;
          break;
        }
      }
    }
    return new Stripped(List.copyOf(tokens.subList(start, end)), found, classes);
  }

  /** True when every token of the name is a legal form (e.g. "Co., Ltd."). */
  boolean onlyLegalForms(List<String> tokens) {
    int i = 0;
    outer:
    while (i < tokens.size()) {
      for (Form form : byFirstToken.getOrDefault(tokens.get(i), List.of())) {
        if (matchesAt(tokens, i, form.tokens())) {
          i += form.tokens().length;
          continue outer;
        }
      }
      return false;
    }
    return !tokens.isEmpty();
  }

  private static boolean matchesAt(List<String> tokens, int at, String[] form) {
    if (at < 0 || at + form.length > tokens.size()) {
      return false;
    }
    for (int k = 0; k < form.length; k++) {
      if (!tokens.get(at + k).equals(form[k])) {
        return false;
      }
    }
    return true;
  }
}
