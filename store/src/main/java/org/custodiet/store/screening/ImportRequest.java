package org.custodiet.store.screening;

import java.time.LocalDate;
import java.util.Objects;
import org.custodiet.core.model.Slug;

/**
 * What to import: into which list (created on first import), the published version's date, the
 * source and licence to record (null keeps what the list already has), and who asks.
 */
public record ImportRequest(
    String listId,
    String name,
    ListFormat format,
    LocalDate versionDate,
    String sourceUrl,
    String licence,
    String attribution,
    String actor) {
  public ImportRequest {
    Slug.require(listId, "list");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(versionDate, "version date");
    Objects.requireNonNull(actor, "actor");
  }
}
