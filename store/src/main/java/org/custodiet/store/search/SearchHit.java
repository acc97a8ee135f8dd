package org.custodiet.store.search;

import java.util.Objects;

/**
 * One search result. {@code url} is where the site shows the hit: {@code /countries/{iso3}} for a
 * country, {@code /companies/{id}} for a company, the document's own address (or its DOI link) for
 * a source, and {@code /countries/{iso3}#claim-{claim id}} for evidence, the claim's row on its
 * country page ({@code id} is the claim id, percent-encoded in the fragment where needed). {@code
 * snippetHtml} is safe to insert into a page: all text is HTML-escaped and the only markup is
 * {@code <mark>} around the matched words.
 */
public record SearchHit(
    Kind kind, String id, String title, String snippetHtml, String url, float score) {

  public SearchHit {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(snippetHtml, "snippetHtml");
    Objects.requireNonNull(url, "url");
  }

  /** What a hit is. */
  public enum Kind {
    COUNTRY,
    COMPANY,
    SOURCE,
    EVIDENCE
  }
}
