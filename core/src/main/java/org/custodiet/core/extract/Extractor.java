package org.custodiet.core.extract;

import java.util.List;

/**
 * Reads one document's text and proposes claims. Implementations are thread-safe and decide from
 * the text alone: they may use names, aliases, places and terms, never the claims already known.
 */
public interface Extractor {
  String name();

  String version();

  List<CandidateClaim> extract(String text);
}
