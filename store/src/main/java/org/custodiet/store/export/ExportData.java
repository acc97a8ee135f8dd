package org.custodiet.store.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.Profiles;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Codes;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;

/**
 * What a data export holds as of a date: the claims with their status and the evidence known by
 * then, the sources that evidence cites, and the headline figures, over the living index or one
 * source alone. Rows are ordered by id, so that the same data and date give the same export.
 */
public final class ExportData {
  /** Names the layout of the JSON document and the columns below; bump it when they change. */
  public static final String FORMAT = "custodiet-export/1";

  static final String STATEMENT =
      "custodiet data export: claims about AI surveillance technology, their sources and the"
          + " headline figures computed from them by custodiet's coding rules. The compilation is"
          + " built from the sources below; when you reuse it, credit them as their licences"
          + " require. Document sources (news, NGO reports, official records) are cited by address"
          + " only; no text from them is reproduced.";
  static final List<String> NOTES =
      List.of(
          "Country names and codes: ISO 3166-1 table by lukes/ISO-3166-Countries-with-Regional-Codes,"
              + " CC BY-SA 4.0.",
          "Regime-type figures use V-Dem Regimes of the World values as carried in the AIGS"
              + " workbook; V-Dem's own terms and citation requirements apply (V-Dem Institute,"
              + " Varieties of Democracy dataset).");

  private final IndexEngine engine;
  private final IndexQuery query;
  private final KnowledgeBase kb;
  private final Profiles profiles;

  /**
   * Fails with an IllegalArgumentException naming the source when the query's source is unknown.
   */
  public ExportData(IndexEngine engine, IndexQuery query) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.query = Objects.requireNonNull(query, "query");
    this.kb = engine.knowledgeBase();
    if (!query.isLiving() && !kb.sources().containsKey(query.sourceId())) {
      throw new IllegalArgumentException("source: unknown source '" + query.sourceId() + "'");
    }
    this.profiles = new Profiles(engine);
  }

  public IndexQuery query() {
    return query;
  }

  public LocalDate asOf() {
    return query.asOf();
  }

  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  public String rulesVersion() {
    return CodingRules.VERSION;
  }

  /** One claim as of the date: status, whether it counts, and the evidence known by then. */
  record ClaimRecord(
      Claim claim, ClaimStatus status, boolean counts, List<ClaimView.SourcedEvidence> known) {

    List<Source> sources() {
      Map<String, Source> byId = new TreeMap<>();
      known.forEach(e -> byId.put(e.source().id(), e.source()));
      return List.copyOf(byId.values());
    }
  }

  /** Every claim reported by the date (in single-source mode: by that source), ordered by id. */
  Stream<ClaimRecord> claimRecords() {
    return kb.claims().keySet().stream()
        .sorted()
        .map(id -> profiles.claim(id, query))
        .filter(v -> v.status() != ClaimStatus.NOT_YET_REPORTED)
        .map(
            v ->
                new ClaimRecord(
                    v.claim(),
                    v.status(),
                    v.counts(),
                    v.evidence().stream().filter(e -> known(e.evidence(), e.source())).toList()));
  }

  private boolean known(Evidence evidence, Source source) {
    return !CodingRules.knownFrom(evidence, source).isAfter(query.asOf());
  }

  /** Ids of the sources cited by evidence known by the date, within the query's scope. */
  TreeSet<String> citedSourceIds() {
    TreeSet<String> ids = new TreeSet<>();
    for (Evidence e : kb.evidence()) {
      Source s = kb.sources().get(e.sourceId());
      if (s != null && (query.isLiving() || s.id().equals(query.sourceId())) && known(e, s)) {
        ids.add(s.id());
      }
    }
    return ids;
  }

  /** The address a source is found at: its URL, or its DOI as a resolver link. */
  static String address(Source s) {
    return s.url() != null && !s.url().isBlank() ? s.url() : "https://doi.org/" + s.doi();
  }

  public Table table(ExportDataset dataset) {
    return switch (dataset) {
      case CLAIMS -> claims();
      case SOURCES -> sources();
      case FIGURES -> figures();
    };
  }

  public Table claims() {
    List<Column> columns =
        List.of(
            Column.text("id"),
            Column.text("kind"),
            Column.text("status"),
            Column.bool("counts_in_figures"),
            Column.text("country_iso3"),
            Column.text("country_name"),
            Column.text("technology"),
            Column.text("supplier_company_id"),
            Column.text("supplier_company_name"),
            Column.text("supplier_origin_iso3"),
            Column.text("lender_id"),
            Column.text("lender_name"),
            Column.text("instrument"),
            Column.decimal("amount"),
            Column.text("currency"),
            Column.text("city"),
            Column.text("agency"),
            Column.text("stage"),
            Column.date("observed_from"),
            Column.date("observed_to"),
            Column.integer("evidence_count"),
            Column.integer("publisher_count"),
            Column.list("source_ids"),
            Column.list("source_urls"));
    return new Table(ExportDataset.CLAIMS, columns, () -> claimRecords().map(this::claimRow));
  }

  private Object[] claimRow(ClaimRecord r) {
    Claim c = r.claim();
    String companyId = c.supplier() == null ? null : c.supplier().companyId();
    List<Source> sources = r.sources();
    boolean finances = c.kind() == ClaimKind.FINANCES;
    return new Object[] {
      c.id(),
      Codes.of(c.kind()),
      r.status().code(),
      r.counts(),
      c.countryIso3(),
      kb.countries().get(c.countryIso3()).name(),
      c.technology(),
      companyId,
      companyName(companyId),
      CodingRules.supplierOrigin(c, kb.companies()),
      c.lenderId(),
      companyName(c.lenderId()),
      finances ? Codes.of(c.financing().instrument()) : null,
      finances ? c.financing().amount() : null,
      finances ? c.financing().currency() : null,
      c.city(),
      c.agency(),
      Codes.of(c.stage()),
      c.period().from(),
      c.period().to(),
      r.known().size(),
      (int) sources.stream().map(Source::publisherGroup).distinct().count(),
      sources.stream().map(Source::id).toList(),
      sources.stream().map(ExportData::address).distinct().toList()
    };
  }

  String companyName(String companyId) {
    Company company = companyId == null ? null : kb.companies().get(companyId);
    return company == null ? null : company.name();
  }

  public Table sources() {
    List<Column> columns =
        List.of(
            Column.text("id"),
            Column.text("type"),
            Column.text("title"),
            Column.text("publisher"),
            Column.text("publisher_group"),
            Column.text("url"),
            Column.text("doi"),
            Column.text("tier"),
            Column.text("kind"),
            Column.text("published"),
            Column.date("published_known_by"),
            Column.text("licence"),
            Column.text("attribution"));
    return new Table(
        ExportDataset.SOURCES,
        columns,
        () ->
            citedSourceIds().stream()
                .map(kb.sources()::get)
                .map(
                    s ->
                        new Object[] {
                          s.id(),
                          Codes.of(s.type()),
                          s.title(),
                          s.publisher(),
                          s.publisherGroup(),
                          s.url(),
                          s.doi(),
                          s.tier().name(),
                          s.kind(),
                          s.published() == null ? null : s.published().toString(),
                          s.published() == null ? null : s.published().knownBy(),
                          s.licence(),
                          s.attribution()
                        }));
  }

  public Table figures() {
    List<Column> columns =
        List.of(
            Column.text("id"),
            Column.text("label"),
            Column.integer("value"),
            Column.integer("denominator"),
            Column.decimal("share"),
            Column.list("countries"),
            Column.integer("claim_count"),
            Column.list("claims"));
    return new Table(
        ExportDataset.FIGURES,
        columns,
        () -> engine.compute(query).figures().stream().map(ExportData::figureRow));
  }

  private static Object[] figureRow(Figure f) {
    return new Object[] {
      f.id(),
      f.label(),
      f.value(),
      f.denominator(),
      share(f),
      f.countries(),
      f.claims().size(),
      f.claims()
    };
  }

  /** value / denominator to four decimals; null when the figure is not a share. */
  static BigDecimal share(Figure f) {
    if (f.denominator() == null || f.denominator() == 0) {
      return null;
    }
    return BigDecimal.valueOf(f.value())
        .divide(BigDecimal.valueOf(f.denominator()), 4, RoundingMode.HALF_EVEN);
  }

  /** The licence statement and a credit for every cited source that states one. */
  public Licence licence() {
    List<Licence.Credit> credits = new ArrayList<>();
    for (String id : citedSourceIds()) {
      Source s = kb.sources().get(id);
      if (s.licence() != null || s.attribution() != null) {
        credits.add(new Licence.Credit(s.id(), s.licence(), s.attribution()));
      }
    }
    return new Licence(STATEMENT, credits, NOTES);
  }

  /** "the living index" or "source X alone", for metadata. */
  public String scope() {
    return query.isLiving() ? "living" : query.sourceId();
  }
}
