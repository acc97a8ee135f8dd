package org.custodiet.store;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodiet.core.model.CanonicalUrl;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.Financing;
import org.custodiet.core.model.Iso3;
import org.custodiet.core.model.Period;
import org.custodiet.core.model.PublicationDate;
import org.custodiet.core.model.Slug;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.model.Stage;
import org.custodiet.core.model.Supplier;

/**
 * The stored form of sources, claims and evidence: text fields exactly as kept in the database
 * (dates keep their precision), with parsing/validation from files and conversion to core records.
 */
final class Rows {
  private Rows() {}

  static final List<String> SOURCE_FIELDS =
      List.of(
          "id",
          "type",
          "url",
          "doi",
          "title",
          "publisher",
          "publisher_group",
          "published",
          "tier",
          "kind",
          "licence",
          "attribution");
  static final List<String> CLAIM_FIELDS =
      List.of(
          "id",
          "kind",
          "country_iso3",
          "technology",
          "supplier_company_id",
          "supplier_origin_iso3",
          "lender_id",
          "instrument",
          "amount",
          "currency",
          "city",
          "agency",
          "stage",
          "observed_from",
          "observed_to");
  static final List<String> EVIDENCE_FIELDS =
      List.of("claim_id", "source_id", "summary", "locator", "recorded");

  static final Set<String> INSTRUMENTS =
      Set.of("concessional_loan", "loan", "export_credit", "grant", "commercial", "unknown");
  static final Set<String> STAGES = Set.of("contracted", "deployed", "trial", "unspecified");

  /** What references may point at: known countries, technologies and companies. */
  record Refs(Set<String> countries, Set<String> technologies, Set<String> companies) {}

  record SourceRow(
      String id,
      String type,
      String url,
      String doi,
      String title,
      String publisher,
      String publisherGroup,
      String published,
      String tier,
      String kind,
      String licence,
      String attribution) {

    Source toSource() {
      return new Source(
          id,
          Source.SourceType.valueOf(type.toUpperCase(Locale.ROOT)),
          url,
          doi,
          title,
          publisher,
          publisherGroup,
          published == null ? null : PublicationDate.parse(published),
          SourceTier.valueOf(tier),
          kind,
          licence,
          attribution);
    }

    String field(String name) {
      return switch (name) {
        case "id" -> id;
        case "type" -> type;
        case "url" -> url;
        case "doi" -> doi;
        case "title" -> title;
        case "publisher" -> publisher;
        case "publisher_group" -> publisherGroup;
        case "published" -> published;
        case "tier" -> tier;
        case "kind" -> kind;
        case "licence" -> licence;
        case "attribution" -> attribution;
        default -> throw new IllegalArgumentException(name);
      };
    }
  }

  record ClaimRow(
      String id,
      String kind,
      String countryIso3,
      String technology,
      String supplierCompanyId,
      String supplierOriginIso3,
      String lenderId,
      String instrument,
      BigDecimal amount,
      String currency,
      String city,
      String agency,
      String stage,
      String observedFrom,
      String observedTo) {

    ClaimRow {
      amount = amount == null ? null : normalise(amount);
    }

    Claim toClaim() {
      ClaimKind k = ClaimKind.valueOf(kind.toUpperCase(Locale.ROOT));
      Supplier supplier =
          supplierCompanyId != null || supplierOriginIso3 != null
              ? new Supplier(supplierCompanyId, supplierOriginIso3)
              : null;
      Financing financing =
          k == ClaimKind.FINANCES
              ? new Financing(
                  Financing.Instrument.valueOf(
                      (instrument == null ? "unknown" : instrument).toUpperCase(Locale.ROOT)),
                  amount,
                  currency)
              : null;
      Period period =
          new Period(
              observedFrom == null ? null : PublicationDate.parse(observedFrom).start(),
              observedTo == null ? null : PublicationDate.parse(observedTo).knownBy());
      return new Claim(
          id,
          k,
          countryIso3,
          technology,
          supplier,
          lenderId,
          financing,
          city,
          agency,
          Stage.valueOf(stage.toUpperCase(Locale.ROOT)),
          period);
    }

    String field(String name) {
      return switch (name) {
        case "id" -> id;
        case "kind" -> kind;
        case "country_iso3" -> countryIso3;
        case "technology" -> technology;
        case "supplier_company_id" -> supplierCompanyId;
        case "supplier_origin_iso3" -> supplierOriginIso3;
        case "lender_id" -> lenderId;
        case "instrument" -> instrument;
        case "amount" -> amount == null ? null : amount.toPlainString();
        case "currency" -> currency;
        case "city" -> city;
        case "agency" -> agency;
        case "stage" -> stage;
        case "observed_from" -> observedFrom;
        case "observed_to" -> observedTo;
        default -> throw new IllegalArgumentException(name);
      };
    }

    /** The first field in which two versions of the claim differ, or null if identical. */
    String firstDifference(ClaimRow other) {
      for (String f : CLAIM_FIELDS) {
        if (!java.util.Objects.equals(field(f), other.field(f))) {
          return f;
        }
      }
      return null;
    }
  }

  record EvidenceRow(
      String claimId, String sourceId, String summary, String locator, LocalDate recorded) {
    Evidence toEvidence() {
      return new Evidence(claimId, sourceId, summary, locator, recorded);
    }

    boolean sameContent(EvidenceRow o) {
      return java.util.Objects.equals(summary, o.summary)
          && java.util.Objects.equals(locator, o.locator);
    }
  }

  static BigDecimal normalise(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  static String firstSourceDifference(SourceRow a, SourceRow b) {
    for (String f : SOURCE_FIELDS) {
      if (!java.util.Objects.equals(a.field(f), b.field(f))) {
        return f;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- parsing and validation

  private static final int MAX_ID = 200;

  static boolean isPlainId(String id, int max) {
    if (id.length() > max) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '|') {
        return false;
      }
    }
    return true;
  }

  /** Parses a source; returns null (with problems recorded) when invalid. */
  static SourceRow source(Fields f) {
    int before = problemCount(f);
    String url = f.get("url");
    boolean validUrl = false;
    if (url != null) {
      try {
        url = CanonicalUrl.of(url);
        validUrl = true;
      } catch (IllegalArgumentException e) {
        f.invalid("url", e.getMessage());
      }
    }
    String id = f.get("id");
    if (id == null) {
      if (validUrl) {
        id = CanonicalUrl.documentId(url);
      } else {
        f.invalid("id", "a source needs an id (or a url to derive it from)");
      }
    } else if (!isPlainId(id, MAX_ID)) {
      f.invalid("id", "'" + id + "' is not a valid source id (no spaces, at most 200 characters)");
    }
    String type = f.get("type");
    if (type == null) {
      type = "document";
    } else if (!type.equals("document") && !type.equals("dataset")) {
      f.invalid("type", "'" + type + "' is not 'document' or 'dataset'");
    }
    String doi = f.get("doi");
    if (url == null && doi == null) {
      f.invalid("url", "a source needs a url or a doi");
    }
    String publisher = f.get("publisher");
    if (publisher == null) {
      f.invalid("publisher", "required");
    }
    String group = f.get("publisher_group");
    if (group == null) {
      group = publisher;
    }
    String published = date(f, "published");
    String tier = f.get("tier");
    if (tier == null) {
      f.invalid("tier", "required (A, B or C)");
    } else if (!Set.of("A", "B", "C").contains(tier)) {
      f.invalid("tier", "'" + tier + "' is not A, B or C");
    }
    String kind = f.get("kind");
    if (kind != null && !kind.matches("[a-z_]+")) {
      f.invalid("kind", "'" + kind + "' is not a lower-case kind like 'established_media'");
    }
    if (problemCount(f) > before) {
      return null;
    }
    return new SourceRow(
        id,
        type,
        url,
        doi,
        f.get("title"),
        publisher,
        group,
        published,
        tier,
        kind,
        f.get("licence"),
        f.get("attribution"));
  }

  /** Parses and checks a claim against the references; returns null when invalid. */
  static ClaimRow claim(Fields f, Refs refs) {
    int before = problemCount(f);
    String id = f.get("id");
    if (id == null) {
      f.invalid("id", "a claim needs an id");
    } else if (!isPlainId(id, 300)) {
      f.invalid("id", "'" + id + "' is not a valid claim id (no spaces, at most 300 characters)");
    }
    String kind = f.get("kind");
    if (kind == null) {
      f.invalid("kind", "required (uses, supplies or finances)");
    } else if (!Set.of("uses", "supplies", "finances").contains(kind)) {
      f.invalid("kind", "'" + kind + "' is not uses, supplies or finances");
      kind = null;
    }
    String country = country(f, "country_iso3", refs, true);
    String technology = f.get("technology");
    if (technology != null && !refs.technologies().contains(technology)) {
      f.invalid("technology", "unknown technology '" + technology + "' (not in the taxonomy)");
    }
    String supplier = company(f, "supplier_company_id", refs);
    String origin = country(f, "supplier_origin_iso3", refs, false);
    String lender = company(f, "lender_id", refs);
    String instrument = f.get("instrument");
    if (instrument != null && !INSTRUMENTS.contains(instrument)) {
      f.invalid("instrument", "'" + instrument + "' is not one of " + INSTRUMENTS);
    }
    BigDecimal amount = null;
    String amountText = f.get("amount");
    if (amountText != null) {
      try {
        amount = new BigDecimal(amountText);
        if (amount.signum() < 0) {
          f.invalid("amount", "must not be negative");
        } else if (normalise(amount).scale() > 6 || normalise(amount).precision() > 24) {
          f.invalid("amount", "'" + amountText + "' has too many digits (at most 18.6)");
        }
      } catch (NumberFormatException e) {
        f.invalid("amount", "'" + amountText + "' is not a plain decimal number");
      }
    }
    String currency = f.get("currency");
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      f.invalid("currency", "'" + currency + "' is not an ISO 4217 code");
    }
    if (amount != null && currency == null) {
      f.invalid("currency", "required when an amount is given");
    }
    String stage = f.get("stage");
    if (stage == null) {
      stage = "unspecified";
    } else if (!STAGES.contains(stage)) {
      f.invalid("stage", "'" + stage + "' is not one of " + STAGES);
    }
    String from = date(f, "observed_from");
    String to = date(f, "observed_to");
    if (from != null && to != null) {
      if (PublicationDate.parse(to).knownBy().isBefore(PublicationDate.parse(from).start())) {
        f.invalid("observed_to", "ends (" + to + ") before the claim starts (" + from + ")");
      }
    }
    if (kind != null) {
      switch (kind) {
        case "uses" -> {
          if (technology == null && f.get("technology") == null) {
            f.invalid("technology", "a 'uses' claim needs a technology");
          }
        }
        case "supplies" -> {
          if (f.get("supplier_company_id") == null && f.get("supplier_origin_iso3") == null) {
            f.invalid(
                "supplier_company_id",
                "a 'supplies' claim needs supplier_company_id or supplier_origin_iso3");
          }
        }
        case "finances" -> {
          if (f.get("lender_id") == null) {
            f.invalid("lender_id", "a 'finances' claim needs a lender");
          }
          if (instrument == null) {
            instrument = "unknown";
          }
        }
        default -> throw new IllegalStateException(kind);
      }
      if (!kind.equals("finances")) {
        for (String money : List.of("lender_id", "instrument", "amount", "currency")) {
          if (f.get(money) != null) {
            f.invalid(money, "only a 'finances' claim has " + money);
          }
        }
      }
    }
    if (f.get("supplier_company_id") != null && f.get("supplier_origin_iso3") != null) {
      f.invalid(
          "supplier_origin_iso3",
          "give either supplier_company_id or supplier_origin_iso3, not both");
    }
    if (problemCount(f) > before) {
      return null;
    }
    ClaimRow row =
        new ClaimRow(
            id,
            kind,
            country,
            technology,
            supplier,
            origin,
            lender,
            instrument,
            amount,
            currency,
            f.get("city"),
            f.get("agency"),
            stage,
            from,
            to);
    try {
      row.toClaim(); // the domain's own invariants, as a last check
    } catch (IllegalArgumentException e) {
      f.invalid("id", e.getMessage());
      return null;
    }
    return row;
  }

  static EvidenceRow evidence(Fields f, String claimId, String sourceId, LocalDate today) {
    String recordedText = f.get("recorded");
    LocalDate recorded = today;
    if (recordedText != null) {
      try {
        recorded = LocalDate.parse(recordedText);
      } catch (DateTimeException e) {
        f.invalid("recorded", "'" + recordedText + "' is not a real date of the form YYYY-MM-DD");
        return null;
      }
    }
    return new EvidenceRow(claimId, sourceId, f.get("summary"), f.get("locator"), recorded);
  }

  /** A YYYY, YYYY-MM or YYYY-MM-DD date that exists (2023-02-30 does not). */
  static String date(Fields f, String name) {
    String v = f.get(name);
    if (v == null) {
      return null;
    }
    try {
      return PublicationDate.parse(v).toString();
    } catch (IllegalArgumentException e) {
      f.invalid(name, e.getMessage());
      return null;
    }
  }

  /** A full YYYY-MM-DD date, or a YYYY/YYYY-MM date taken at its start. */
  static LocalDate day(Fields f, String name, boolean required) {
    String v = f.get(name);
    if (v == null) {
      if (required) {
        f.invalid(name, "required");
      }
      return null;
    }
    try {
      return PublicationDate.parse(v).start();
    } catch (IllegalArgumentException e) {
      f.invalid(name, e.getMessage());
      return null;
    }
  }

  static String country(Fields f, String name, Refs refs, boolean required) {
    String v = f.get(name);
    if (v == null) {
      if (required) {
        f.invalid(name, "required");
      }
      return null;
    }
    if (!Iso3.isWellFormed(v)) {
      f.invalid(name, "'" + v + "' is not an ISO 3166-1 alpha-3 code");
    } else if (!refs.countries().contains(v)) {
      f.invalid(name, "unknown ISO 3166-1 code '" + v + "' (not in the country table)");
    }
    return v;
  }

  static String company(Fields f, String name, Refs refs) {
    String v = f.get(name);
    if (v == null) {
      return null;
    }
    if (!Slug.isWellFormed(v)) {
      f.invalid(name, "'" + v + "' is not a company id like 'huawei'");
    } else if (!refs.companies().contains(v)) {
      f.invalid(name, "unknown company id '" + v + "'");
    }
    return v;
  }

  private static int problemCount(Fields f) {
    return f.problems.total();
  }
}
