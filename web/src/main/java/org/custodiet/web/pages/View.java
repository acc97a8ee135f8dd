package org.custodiet.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.index.Figure;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.Financing;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.Stage;
import org.custodiet.core.model.Technology;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;

/**
 * Names, labels and links the templates print: one place that turns codes into words, so every page
 * says "electoral autocracy" and links a country the same way.
 */
public final class View {
  private static final Map<String, String> REGIMES =
      Map.of(
          "CA", "Closed autocracy",
          "EA", "Electoral autocracy",
          "ED", "Electoral democracy",
          "LD", "Liberal democracy");

  private final KnowledgeBase kb;
  private final LocalDate asOf;

  public View(KnowledgeBase kb, LocalDate asOf) {
    this.kb = kb;
    this.asOf = asOf;
  }

  public String countryName(String iso3) {
    Country c = iso3 == null ? null : kb.countries().get(iso3);
    return c == null ? String.valueOf(iso3) : c.name();
  }

  public boolean hasCountry(String iso3) {
    return iso3 != null && kb.countries().containsKey(iso3);
  }

  public String companyName(String id) {
    Company c = id == null ? null : kb.companies().get(id);
    return c == null ? String.valueOf(id) : c.name();
  }

  public String technologyLabel(String code) {
    Technology t = code == null ? null : kb.technologies().get(code);
    return t == null ? String.valueOf(code) : t.label();
  }

  public String regimeLabel(String code) {
    return REGIMES.getOrDefault(code, code);
  }

  public String indicatorLabel(IndicatorKind kind) {
    return switch (kind) {
      case REGIME_TYPE -> "Regime type (V-Dem Regimes of the World)";
      case BRI_MEMBER -> "Belt and Road Initiative member";
      case FOTN_STATUS -> "Freedom on the Net status";
      case FOTN_SCORE -> "Freedom on the Net score (0-100, higher is freer)";
      case MILITARY_EXPENDITURE_RANK -> "Military expenditure rank";
      case DIGITAL_REPRESSION_INDEX -> "Digital Repression Index";
      case ELECTORAL_DEMOCRACY_INDEX -> "Electoral democracy index (V-Dem)";
    };
  }

  public String indicatorValue(Indicator indicator) {
    return switch (indicator.kind()) {
      case REGIME_TYPE -> regimeLabel(indicator.value());
      case BRI_MEMBER -> indicator.value().equals("true") ? "Yes" : "No";
      case FOTN_STATUS -> capitalise(indicator.value());
      default -> indicator.value();
    };
  }

  public Source source(String id) {
    return kb.sources().get(id);
  }

  public String sourceTitle(Source s) {
    return s.title() != null && !s.title().isBlank() ? s.title() : s.publisher();
  }

  public String sourceHref(Source s) {
    if (s.url() != null && !s.url().isBlank()) {
      return s.url();
    }
    return "https://doi.org/" + s.doi();
  }

  public String statusLabel(ClaimStatus status) {
    return capitalise(status.code().replace('_', ' '));
  }

  public String describe(Claim claim) {
    StringBuilder b = new StringBuilder();
    switch (claim.kind()) {
      case USES -> b.append("Uses ").append(lower(technologyLabel(claim.technology())));
      case SUPPLIES -> {
        b.append(supplierName(claim)).append(" supplies");
        if (claim.technology() != null) {
          b.append(' ').append(lower(technologyLabel(claim.technology())));
        }
      }
      case FINANCES -> {
        b.append(companyName(claim.lenderId())).append(" finances");
        b.append(
            claim.technology() != null ? " " + lower(technologyLabel(claim.technology())) : "");
        b.append(
            claim.supplier() != null ? " supplied by " + supplierName(claim) : " a deployment");
        b.append(" (").append(financing(claim.financing())).append(')');
      }
    }
    List<String> where = new ArrayList<>();
    if (claim.city() != null) {
      where.add(claim.city());
    }
    if (claim.agency() != null) {
      where.add(claim.agency());
    }
    if (!where.isEmpty()) {
      b.append(" — ").append(String.join(", ", where));
    }
    return b.toString();
  }

  /**
   * What one supply claim is about beyond its supplier: technology, city, agency, stage and period,
   * whichever are known, so that a supplier's several claims in one country can be told apart.
   */
  public String deployment(Claim claim) {
    List<String> parts = new ArrayList<>();
    if (claim.technology() != null) {
      parts.add(technologyLabel(claim.technology()));
    }
    if (claim.city() != null) {
      parts.add(claim.city());
    }
    if (claim.agency() != null) {
      parts.add(claim.agency());
    }
    if (claim.stage() != Stage.UNSPECIFIED) {
      parts.add(claim.stage().name().toLowerCase(Locale.ROOT));
    }
    if (!period(claim).isEmpty()) {
      parts.add(period(claim));
    }
    return parts.isEmpty() ? "Technology and place not stated" : String.join(" · ", parts);
  }

  public String supplierName(Claim claim) {
    if (claim.supplier() == null) {
      return "";
    }
    return claim.supplier().isNamedCompany()
        ? companyName(claim.supplier().companyId())
        : "A supplier from " + countryName(claim.supplier().originIso3());
  }

  /** Where a supplier is from: its ultimate parent's headquarters, as the coding rules decide. */
  public String supplierOrigin(Claim claim) {
    if (claim.supplier() == null) {
      return "";
    }
    String iso3 =
        claim.supplier().isNamedCompany()
            ? CodingRules.companyOrigin(claim.supplier().companyId(), kb.companies())
            : claim.supplier().originIso3();
    return iso3 == null ? "unknown" : countryName(iso3);
  }

  public String financing(Financing f) {
    String instrument = lower(capitalise(f.instrument().name().replace('_', ' ')));
    if (f.amount() == null) {
      return instrument + ", amount not reported";
    }
    return String.format(Locale.ROOT, "%s, %s %,.0f", instrument, f.currency(), f.amount());
  }

  public String period(Claim claim) {
    var p = claim.period();
    if (p.from() == null && p.to() == null) {
      return "";
    }
    return (p.from() == null ? "…" : p.from().toString())
        + " to "
        + (p.to() == null ? "now" : p.to().toString());
  }

  public String share(Figure f) {
    if (f.denominator() == null || f.denominator() == 0) {
      return "";
    }
    return String.format(Locale.ROOT, "%.0f%%", 100.0 * f.value() / f.denominator());
  }

  public String signed(int delta) {
    return delta > 0 ? "+" + delta : Integer.toString(delta);
  }

  /** The claim's earliest evidence date: when the record first shows it. */
  public LocalDate firstReported(ClaimView view) {
    LocalDate first = null;
    for (ClaimView.SourcedEvidence e : view.evidence()) {
      LocalDate d =
          e.source().published() != null ? e.source().published().start() : e.evidence().recorded();
      if (first == null || d.isBefore(first)) {
        first = d;
      }
    }
    return first;
  }

  public String countryHref(String iso3) {
    return "/countries/" + segment(iso3) + "?as_of=" + asOf;
  }

  public String companyHref(String id) {
    return "/companies/" + segment(id) + "?as_of=" + asOf;
  }

  public String technologyHref(String code) {
    return "/technologies/" + segment(code) + "?as_of=" + asOf;
  }

  public String figureHref(String id) {
    return "/figures/" + segment(id) + "?as_of=" + asOf;
  }

  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String capitalise(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static String lower(String label) {
    if (label.length() > 1
        && Character.isUpperCase(label.charAt(0))
        && Character.isLowerCase(label.charAt(1))) {
      return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
    return label;
  }
}
