package org.custodiet.core.rules;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.SourceTier;
import org.custodiet.core.model.Stage;

/**
 * The methodology as code: every rule that decides whether a claim counts, in one place. The rules
 * are documented, with their reasons, in {@code docs/methodology.md}; a change here is a change of
 * method and must change that file too.
 */
public final class CodingRules {
  /** Version of the rules, printed with every set of figures so results can be reproduced. */
  public static final String VERSION = "2026.11-1";

  private CodingRules() {}

  // ---- Source tiers -------------------------------------------------------------------------

  /**
   * Tier of a source from the kind of document it is. Official documents and datasets of record are
   * primary (A); established media and NGO reports are B; trade press, reposts, blogs and the rest
   * are C.
   */
  public static SourceTier tierForSourceKind(String kind) {
    if (kind == null) {
      return SourceTier.C;
    }
    return switch (kind) {
      case "official", "dataset" -> SourceTier.A;
      case "established_media", "ngo_report" -> SourceTier.B;
      default -> SourceTier.C;
    };
  }

  // ---- Corroboration ------------------------------------------------------------------------

  /**
   * Whether evidence corroborates a claim enough to establish it. Each publisher group counts once,
   * at the best tier it reached: one tier-A group establishes; so do two tier-B groups, or one
   * tier-B group with two further tier-C groups. {@code bestTierByGroup} holds that best tier.
   */
  public static boolean corroborates(int tierAGroups, int tierBGroups, int tierCGroups) {
    return tierAGroups >= 1 || tierBGroups >= 2 || (tierBGroups >= 1 && tierCGroups >= 2);
  }

  /** Corroboration over (tier, publisher group) pairs; one publisher group counts once. */
  public static boolean corroborates(List<Source> sources) {
    Map<String, SourceTier> best = new HashMap<>();
    for (Source s : sources) {
      best.merge(s.publisherGroup(), s.tier(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    int a = 0;
    int b = 0;
    int c = 0;
    for (SourceTier t : best.values()) {
      switch (t) {
        case A -> a++;
        case B -> b++;
        case C -> c++;
      }
    }
    return corroborates(a, b, c);
  }

  // ---- As-of semantics ----------------------------------------------------------------------

  /**
   * The day from which a piece of evidence is known: the last day its source had certainly been
   * published (31 December for a year-only date), or, for an undated source, the day the evidence
   * was recorded here.
   */
  public static LocalDate knownFrom(Evidence evidence, Source source) {
    return source.published() != null ? source.published().knownBy() : evidence.recorded();
  }

  /** Whether the claim's own period covers the date (open ends are open). */
  public static boolean inForce(Claim claim, LocalDate asOf) {
    return claim.period().contains(asOf);
  }

  /**
   * Status of a claim as of a date from the evidence known by then and the curator flags effective
   * by then. A retraction outranks a dispute; a flag dated after {@code asOf} has no effect yet.
   */
  public static ClaimStatus status(
      List<Evidence> evidence,
      Map<String, Source> sources,
      List<CuratorFlag> flags,
      LocalDate asOf) {
    ClaimStatus flagged = flagStatus(flags, asOf);
    if (flagged != null) {
      return flagged;
    }
    List<Source> known =
        evidence.stream()
            .map(e -> Map.entry(e, sources.get(e.sourceId())))
            .filter(p -> p.getValue() != null && !knownFrom(p.getKey(), p.getValue()).isAfter(asOf))
            .map(Map.Entry::getValue)
            .toList();
    if (known.isEmpty()) {
      return ClaimStatus.NOT_YET_REPORTED;
    }
    return corroborates(known) ? ClaimStatus.ESTABLISHED : ClaimStatus.REPORTED;
  }

  /** The flag in effect at {@code asOf}, or null when none is. */
  public static ClaimStatus flagStatus(List<CuratorFlag> flags, LocalDate asOf) {
    ClaimStatus result = null;
    for (CuratorFlag f : flags) {
      if (f.effective().isAfter(asOf)) {
        continue;
      }
      if (f.kind() == CuratorFlag.Kind.RETRACTED) {
        return ClaimStatus.RETRACTED;
      }
      result = ClaimStatus.DISPUTED;
    }
    return result;
  }

  // ---- What counts in figures -----------------------------------------------------------------

  /**
   * Whether a claim counts in headline figures as of a date: established, in force, and past the
   * trial stage (a pilot or free trial shows interest, not adoption).
   */
  public static boolean counts(Claim claim, ClaimStatus status, LocalDate asOf) {
    return status == ClaimStatus.ESTABLISHED
        && inForce(claim, asOf)
        && countsAtStage(claim.stage());
  }

  public static boolean countsAtStage(Stage stage) {
    return stage != Stage.TRIAL;
  }

  /**
   * The technology a claim shows in use, or null: a USES claim states it; a SUPPLIES claim that
   * names a technology shows it in use too, since a delivered system is a system in use.
   */
  public static String technologyInUse(Claim claim) {
    return claim.kind() == ClaimKind.FINANCES ? null : claim.technology();
  }

  /** Whether a claim shows that its country uses AI surveillance at all. */
  public static boolean showsUse(Claim claim) {
    return claim.kind() != ClaimKind.FINANCES;
  }

  // ---- Supplier origin ------------------------------------------------------------------------

  /**
   * The country a supply comes from: the stated origin when the source names no firm, else the
   * headquarters of the company's ultimate parent (a subsidiary's sales count for its owner's
   * country), falling back to the company's own headquarters. Null when unknown.
   */
  public static String supplierOrigin(Claim claim, Map<String, Company> companies) {
    if (claim.kind() != ClaimKind.SUPPLIES || claim.supplier() == null) {
      return null;
    }
    if (!claim.supplier().isNamedCompany()) {
      return claim.supplier().originIso3();
    }
    return companyOrigin(claim.supplier().companyId(), companies);
  }

  /** Headquarters of a company's ultimate parent; cycles in parent links are cut. */
  public static String companyOrigin(String companyId, Map<String, Company> companies) {
    Set<String> seen = new HashSet<>();
    Company company = companies.get(companyId);
    String origin = company == null ? null : company.headquartersIso3();
    while (company != null && company.parentId() != null && seen.add(company.id())) {
      company = companies.get(company.parentId());
      if (company != null && company.headquartersIso3() != null) {
        origin = company.headquartersIso3();
      }
    }
    return origin;
  }
}
