package org.custodiet.web.screening;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.Map;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.Technology;

/** Words and links the screening templates print, from codes and ids of the knowledge base. */
public final class ReportView {
  private static final Map<String, String> REGIMES =
      Map.of(
          "CA", "Closed autocracy",
          "EA", "Electoral autocracy",
          "ED", "Electoral democracy",
          "LD", "Liberal democracy");

  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private final KnowledgeBase kb;

  ReportView(KnowledgeBase kb) {
    this.kb = kb;
  }

  public String countryName(String iso3) {
    Country c = iso3 == null ? null : kb.countries().get(iso3);
    return c == null ? String.valueOf(iso3) : c.name();
  }

  public String companyName(String id) {
    Company c = id == null ? null : kb.companies().get(id);
    return c == null ? String.valueOf(id) : c.name();
  }

  public String technologyLabel(String code) {
    Technology t = code == null ? null : kb.technologies().get(code);
    return t == null ? String.valueOf(code) : t.label();
  }

  public Iterable<Technology> technologies() {
    return kb.technologies().values();
  }

  public Iterable<Country> countries() {
    return kb.countries().values().stream()
        .sorted(java.util.Comparator.comparing(Country::name))
        .toList();
  }

  public String indicator(Indicator i) {
    if (i == null) {
      return "not on record";
    }
    String value =
        i.kind() == IndicatorKind.REGIME_TYPE
            ? REGIMES.getOrDefault(i.value(), i.value())
            : i.value();
    return value + " (" + i.year() + ", " + sourceTitle(i.sourceId()) + ")";
  }

  public String sourceTitle(String sourceId) {
    Source s = kb.sources().get(sourceId);
    if (s == null) {
      return sourceId;
    }
    return s.title() != null && !s.title().isBlank() ? s.title() : s.publisher();
  }

  public String sourceHref(String sourceId) {
    Source s = kb.sources().get(sourceId);
    if (s == null) {
      return null;
    }
    return s.url() != null && !s.url().isBlank() ? s.url() : "https://doi.org/" + s.doi();
  }

  public String describe(ClaimView v) {
    Claim c = v.claim();
    StringBuilder b = new StringBuilder();
    switch (c.kind()) {
      case USES ->
          b.append("Uses ").append(technologyLabel(c.technology()).toLowerCase(Locale.ROOT));
      case SUPPLIES -> {
        b.append(
            c.supplier().isNamedCompany()
                ? companyName(c.supplier().companyId())
                : "A supplier from " + countryName(c.supplier().originIso3()));
        b.append(" supplies");
        if (c.technology() != null) {
          b.append(' ').append(technologyLabel(c.technology()).toLowerCase(Locale.ROOT));
        }
      }
      case FINANCES -> {
        b.append(companyName(c.lenderId())).append(" finances");
        if (c.technology() != null) {
          b.append(' ').append(technologyLabel(c.technology()).toLowerCase(Locale.ROOT));
        }
        if (c.financing() != null) {
          b.append(" (")
              .append(c.financing().instrument().name().toLowerCase(Locale.ROOT).replace('_', ' '));
          if (c.financing().amount() != null) {
            b.append(
                String.format(
                    Locale.ROOT, ", %s %,.0f", c.financing().currency(), c.financing().amount()));
          }
          b.append(')');
        }
      }
    }
    if (c.city() != null) {
      b.append(" — ").append(c.city());
    }
    return b.toString();
  }

  public String status(ClaimView v) {
    return v.status().code().replace('_', ' ');
  }

  /**
   * A name for the PDF, whose fonts have Latin glyphs only: a name in another script is followed by
   * its transliteration, so the reader can still tell what it says.
   */
  public static String withLatin(String name) {
    boolean latin =
        name.codePoints()
            .filter(Character::isLetter)
            .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    return latin ? name : name + " (" + TO_LATIN.get().transliterate(name) + ")";
  }

  public static String score(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }
}
