package org.custodiet.spark;

import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded pipeline's rule for exact copies, applied to the documents whose address or text
 * occurs more than once: in input order, a document is dropped when a document kept before it has
 * the same canonical URL (checked first) or the same text; else it is kept. A document that was
 * itself dropped never causes a later one to be dropped, so this is a walk in order, not a
 * grouping; it runs on the driver over the few contested documents only.
 */
final class FirstSeen {
  private FirstSeen() {}

  /** The address and text hash of a document that shares one of them with another document. */
  record Contested(long order, String canonicalUrl, String contentSha256) implements Serializable {}

  enum Kind {
    SAME_URL,
    SAME_TEXT
  }

  /** The orders of the dropped documents and why each was dropped. */
  static Map<Long, Kind> dropped(List<Contested> contested) {
    List<Contested> inOrder =
        contested.stream().sorted(Comparator.comparingLong(Contested::order)).toList();
    Set<String> keptUrls = new HashSet<>();
    Set<String> keptTexts = new HashSet<>();
    Map<Long, Kind> dropped = new HashMap<>();
    for (Contested c : inOrder) {
      if (c.canonicalUrl() != null && keptUrls.contains(c.canonicalUrl())) {
        dropped.put(c.order(), Kind.SAME_URL);
      } else if (keptTexts.contains(c.contentSha256())) {
        dropped.put(c.order(), Kind.SAME_TEXT);
      } else {
        if (c.canonicalUrl() != null) {
          keptUrls.add(c.canonicalUrl());
        }
        keptTexts.add(c.contentSha256());
      }
    }
    return dropped;
  }
}
