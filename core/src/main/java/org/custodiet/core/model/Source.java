package org.custodiet.core.model;

import java.util.Objects;

/**
 * A document or published dataset. {@code publisherGroup} names the outlet whose reporting this is:
 * for a syndicated or relayed copy it is the original outlet, so that copies of one wire story
 * count as one publisher when claims are corroborated.
 */
public record Source(
    String id,
    SourceType type,
    String url,
    String doi,
    String title,
    String publisher,
    String publisherGroup,
    PublicationDate published,
    SourceTier tier,
    String kind,
    String licence,
    String attribution) {

  public Source {
    Objects.requireNonNull(id, "source id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("source id is blank");
    }
    Objects.requireNonNull(type, "source type");
    Objects.requireNonNull(tier, "tier");
    if ((url == null || url.isBlank()) && (doi == null || doi.isBlank())) {
      throw new IllegalArgumentException("source " + id + ": needs a URL or a DOI");
    }
    Objects.requireNonNull(publisher, "publisher");
    publisherGroup =
        publisherGroup == null || publisherGroup.isBlank() ? publisher : publisherGroup;
  }

  /** A single document, or a dataset published as a whole (such as AIGS 2022). */
  public enum SourceType {
    DOCUMENT,
    DATASET
  }
}
