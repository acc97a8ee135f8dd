package org.custodiet.web.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.index.CountryProfile;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.Technology;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.store.screening.BuiltInLists;
import org.custodiet.store.screening.Screening;
import org.custodiet.store.screening.ScreeningList;
import org.custodiet.store.screening.StoredEntry;

/**
 * A due-diligence report on one proposed export: who the counterparty may be on the lists, what the
 * destination does with surveillance technology, which export-control rules come into play, and a
 * verdict with every reason behind it. The verdict is the most serious level among the reasons.
 */
public record DestinationReport(
    LocalDate date,
    String dataVersion,
    List<ScreeningList> lists,
    Request request,
    Technology technology,
    Screening.Result hits,
    CountryProfile destination,
    List<ClaimView> financing,
    List<ControlPoint> controls,
    Level verdict,
    List<Reason> reasons) {

  /** What the report was asked about. */
  public record Request(
      String counterparty, String destinationIso3, String technology, String endUser) {}

  /** The verdict scale, mildest first. */
  public enum Level {
    NO_CONCERNS("No concerns found"),
    CAUTION("Caution"),
    HIGH_RISK("High risk"),
    STOP("Stop: listed party");

    private final String label;

    Level(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public String cssClass() {
      return "verdict-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public record Reason(Level level, String text) {}

  /** An export-control rule, whether it applies here and why, and where to read it. */
  public record ControlPoint(String title, boolean applies, String why, String url) {}

  static final String EU_DUAL_USE_URL = "https://eur-lex.europa.eu/eli/reg/2021/821/oj";
  static final String ENTITY_LIST_URL =
      "https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/"
          + "appendix-Supplement%20No.%204%20to%20Part%20744";

  /** A hit at or above this score is treated as the listed party unless a reviewer dismissed it. */
  static final double STRONG_HIT = 0.9;

  /** Digital Repression Index values (V-Dem, higher is more repressive) taken as high. */
  static final double HIGH_DRI = 1.0;

  /** Words in an end-user description that point to a security or coercive agency. */
  static final List<String> SECURITY_END_USERS =
      List.of(
          "police",
          "public security",
          "security bureau",
          "state security",
          "intelligence",
          "military",
          "army",
          "armed forces",
          "interior",
          "prison",
          "detention",
          "border guard",
          "gendarmerie",
          "national guard",
          "secret service");

  /** Every list but the index's own companies is an export-control or sanctions list. */
  static boolean isRestrictedParty(StoredEntry e) {
    return !e.listId().equals(BuiltInLists.COMPANIES);
  }

  static boolean isEntityList(StoredEntry e) {
    if (e.listId().equals(BuiltInLists.ENTITY_LIST)) {
      return true;
    }
    for (String d : e.datasets()) {
      String lower = d.toLowerCase(Locale.ROOT);
      if (lower.contains("entity list") || lower.equals("us_bis_entity")) {
        return true;
      }
    }
    return false;
  }

  /** Assembles the report: reasons first, then the verdict they add up to. */
  static DestinationReport build(
      LocalDate date,
      String dataVersion,
      List<ScreeningList> lists,
      Request request,
      Technology technology,
      Screening.Result hits,
      CountryProfile destination) {
    List<Reason> reasons = new ArrayList<>();
    boolean entityListHit = false;
    String entityListPolicy = null;
    for (Screening.Hit h : hits.hits()) {
      StoredEntry e = h.entry();
      String who =
          "“"
              + request.counterparty()
              + "” matches “"
              + h.match().explanation().matchedName()
              + "” ("
              + e.listId()
              + "/"
              + e.entryId()
              + ", score "
              + String.format(Locale.ROOT, "%.2f", h.match().score())
              + ")";
      if (!isRestrictedParty(e)) {
        reasons.add(
            new Reason(
                Level.CAUTION,
                who
                    + ": a company this index records as a supplier of surveillance technology"
                    + (h.confirmed() ? " (confirmed by " + h.decision().actor() + ")" : "")));
        continue;
      }
      if (isEntityList(e)) {
        entityListHit = true;
        if (entityListPolicy == null) {
          entityListPolicy = e.property("license_policy");
        }
      }
      if (h.confirmed()) {
        reasons.add(
            new Reason(
                Level.STOP,
                who
                    + ", confirmed as the listed party by "
                    + h.decision().actor()
                    + ": "
                    + h.decision().reason()));
      } else if (h.match().score() >= STRONG_HIT) {
        reasons.add(
            new Reason(
                Level.STOP,
                who
                    + ": a listed party on "
                    + String.join(", ", e.datasets().isEmpty() ? List.of(e.listId()) : e.datasets())
                    + "; mark it a false positive, with a reason, if it is another firm"));
      } else {
        reasons.add(
            new Reason(
                Level.HIGH_RISK,
                who + ": a possible listed party; review the hit and record a decision"));
      }
    }
    for (Screening.Hit h : hits.dismissed()) {
      reasons.add(
          new Reason(
              Level.NO_CONCERNS,
              "“"
                  + h.match().explanation().matchedName()
                  + "” ("
                  + h.entry().listId()
                  + "/"
                  + h.entry().entryId()
                  + ") was dismissed as a false positive by "
                  + h.decision().actor()
                  + ": "
                  + h.decision().reason()));
    }
    boolean autocracy = false;
    List<ClaimView> financing = new ArrayList<>();
    if (destination != null) {
      String country = destination.country().name();
      Indicator regime = destination.indicators().get(IndicatorKind.REGIME_TYPE);
      if (regime != null && (regime.value().equals("CA") || regime.value().equals("EA"))) {
        autocracy = true;
        reasons.add(
            new Reason(
                Level.HIGH_RISK,
                country
                    + " is "
                    + (regime.value().equals("CA") ? "a closed" : "an electoral")
                    + " autocracy (V-Dem Regimes of the World, "
                    + regime.year()
                    + ", source "
                    + regime.sourceId()
                    + "): surveillance technology there carries a real risk"
                    + " of use for internal repression"));
      }
      Indicator dri = destination.indicators().get(IndicatorKind.DIGITAL_REPRESSION_INDEX);
      if (dri != null) {
        double value = Double.parseDouble(dri.value());
        if (value >= HIGH_DRI) {
          reasons.add(
              new Reason(
                  Level.HIGH_RISK,
                  country
                      + " scores "
                      + dri.value()
                      + " on the Digital Repression Index ("
                      + dri.year()
                      + ", source "
                      + dri.sourceId()
                      + "), at or above "
                      + HIGH_DRI
                      + ": among the most digitally repressive states"));
        } else if (value > 0) {
          reasons.add(
              new Reason(
                  Level.CAUTION,
                  country
                      + " scores "
                      + dri.value()
                      + " on the Digital Repression Index ("
                      + dri.year()
                      + "), above the cross-country average of about 0"));
        }
      }
      if (technology != null && destination.technologiesInUse().contains(technology.code())) {
        reasons.add(
            new Reason(
                Level.CAUTION,
                country
                    + " already uses "
                    + technology.label().toLowerCase(Locale.ROOT)
                    + " by the established claims of this index; the export would add to it"));
      }
      for (ClaimView v : destination.claims()) {
        if (v.claim().kind() == ClaimKind.FINANCES && v.status() != ClaimStatus.RETRACTED) {
          financing.add(v);
        }
      }
    }
    String endUser = request.endUser() == null ? "" : request.endUser().toLowerCase(Locale.ROOT);
    List<String> security = SECURITY_END_USERS.stream().filter(endUser::contains).toList();
    if (!security.isEmpty()) {
      reasons.add(
          new Reason(
              autocracy ? Level.HIGH_RISK : Level.CAUTION,
              "the end user is described as a security agency (“"
                  + String.join("”, “", security)
                  + "”)"
                  + (autocracy ? " in an autocracy" : "")));
    }
    List<ControlPoint> controls = new ArrayList<>();
    boolean cyberSurveillance = technology != null;
    controls.add(
        new ControlPoint(
            "EU Regulation 2021/821, Article 5: catch-all for cyber-surveillance items",
            cyberSurveillance && (autocracy || !security.isEmpty()),
            cyberSurveillance
                ? "The technology is a surveillance technology; when it is not listed in Annex I,"
                    + " an export needs an authorisation once the competent authority tells the"
                    + " exporter it is or may be meant for internal repression or serious"
                    + " human-rights violations. An exporter whose own due diligence points to"
                    + " such a use must tell the authority, which then decides."
                    + (autocracy || !security.isEmpty()
                        ? " This report's findings on the destination or end user are such"
                            + " pointers."
                        : " Nothing in this report points to such a use.")
                : "No technology was given, so whether the items are cyber-surveillance items"
                    + " is open.",
            EU_DUAL_USE_URL));
    controls.add(
        new ControlPoint(
            "US Entity List (Supplement No. 4 to 15 CFR Part 744): licence requirement",
            entityListHit,
            entityListHit
                ? "The counterparty matches a party on the Entity List: exporting, re-exporting or"
                    + " transferring items subject to the EAR to it needs a licence from the"
                    + " Bureau of Industry and Security, reviewed under the listing's policy"
                    + (entityListPolicy == null ? "" : " (" + entityListPolicy + ")")
                    + "."
                : "The counterparty matches no Entity List party in the lists screened.",
            ENTITY_LIST_URL));
    if (reasons.stream().noneMatch(r -> r.level() != Level.NO_CONCERNS)) {
      reasons.add(
          new Reason(
              Level.NO_CONCERNS,
              "no list hit for the counterparty"
                  + (destination == null
                      ? ""
                      : "; the destination's indicators are below the"
                          + " levels this report flags")));
    }
    reasons.sort(Comparator.comparing(Reason::level).reversed());
    Level verdict = reasons.get(0).level();
    return new DestinationReport(
        date,
        dataVersion,
        lists,
        request,
        technology,
        hits,
        destination,
        financing,
        controls,
        verdict,
        reasons);
  }
}
