package org.custodiet.store.ingest;

import java.time.OffsetDateTime;
import org.custodiet.core.extract.CandidateClaim;

/**
 * A candidate claim in the review queue, with the document it was read in.
 *
 * @param evidence the text of the claim's span in the document
 * @param documentUrl the document's canonical URL, or null when it had none
 * @param documentOrigin the file and position the document was read from
 */
public record CandidateView(
    long id,
    String status,
    CandidateClaim claim,
    String evidence,
    long documentId,
    String documentUrl,
    String documentOrigin,
    String documentTitle,
    OffsetDateTime createdAt) {}
