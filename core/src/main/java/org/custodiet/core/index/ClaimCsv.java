package org.custodiet.core.index;

import java.util.Arrays;
import java.util.List;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Codes;

/**
 * The flat claim listing that the API and the command line both offer as CSV, kept in one place so
 * the two agree column for column.
 */
public final class ClaimCsv {
  private ClaimCsv() {}

  public static final List<String> HEADER =
      List.of(
          "id",
          "kind",
          "country",
          "technology",
          "supplier",
          "lender",
          "city",
          "stage",
          "status",
          "counts",
          "sources");

  /** One row in {@link #HEADER} order; a field the claim does not have is null. */
  public static List<Object> row(ClaimView v) {
    Claim c = v.claim();
    return Arrays.asList(
        c.id(),
        Codes.of(c.kind()),
        c.countryIso3(),
        c.technology(),
        c.supplier() == null ? null : c.supplier().companyOrOrigin(),
        c.lenderId(),
        c.city(),
        Codes.of(c.stage()),
        v.status().code(),
        v.counts(),
        v.evidence().size());
  }
}
