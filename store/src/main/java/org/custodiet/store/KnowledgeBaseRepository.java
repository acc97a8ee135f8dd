package org.custodiet.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.EntityListing;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.PublishedFigure;
import org.custodiet.core.model.Technology;
import org.jdbi.v3.core.Handle;

/** Reads the database as a core {@link KnowledgeBase} snapshot, and a few store facts. */
public final class KnowledgeBaseRepository {
  /** All tables, in dependency order. */
  public static final List<String> TABLES =
      List.of(
          "import_batch",
          "country",
          "country_name",
          "technology",
          "source",
          "company",
          "company_alias",
          "claim",
          "evidence",
          "claim_flag",
          "indicator",
          "entity_listing",
          "published_figure");

  private final Database db;

  public KnowledgeBaseRepository(Database db) {
    this.db = db;
  }

  /** The whole database as one consistent snapshot (read in one transaction). */
  public KnowledgeBase load() {
    return db.jdbi().inTransaction(this::load);
  }

  private KnowledgeBase load(Handle h) {
    List<Country> countries =
        h.createQuery("SELECT iso3, iso2, name, region, sub_region FROM country ORDER BY iso3")
            .map(
                (rs, ctx) ->
                    new Country(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
            .list();
    List<Technology> technologies =
        h.createQuery("SELECT code, label, definition FROM technology ORDER BY code")
            .map((rs, ctx) -> new Technology(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    Map<String, List<String>> aliases = new HashMap<>();
    h.createQuery("SELECT company_id, alias FROM company_alias ORDER BY company_id, position")
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
        .forEach(a -> aliases.computeIfAbsent(a[0], k -> new ArrayList<>()).add(a[1]));
    List<Company> companies =
        h.createQuery(
                "SELECT id, name, headquarters_iso3, parent_id, ownership FROM company ORDER BY id")
            .map(
                (rs, ctx) ->
                    new Company(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Company.Ownership.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                        aliases.getOrDefault(rs.getString(1), List.of())))
            .list();
    var sources = Tables.sources(h).stream().map(Rows.SourceRow::toSource).toList();
    var claims = Tables.claims(h).stream().map(Rows.ClaimRow::toClaim).toList();
    var evidence = Tables.evidence(h).stream().map(Rows.EvidenceRow::toEvidence).toList();
    List<CuratorFlag> flags =
        h.createQuery("SELECT claim_id, kind, effective, reason FROM claim_flag ORDER BY id")
            .map(
                (rs, ctx) ->
                    new CuratorFlag(
                        rs.getString(1),
                        CuratorFlag.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                        rs.getObject(3, java.time.LocalDate.class),
                        rs.getString(4)))
            .list();
    List<Indicator> indicators =
        h.createQuery(
                "SELECT country_iso3, indicator, indicator_year, indicator_value, source_id"
                    + " FROM indicator ORDER BY country_iso3, indicator, indicator_year, source_id")
            .map(
                (rs, ctx) ->
                    new Indicator(
                        rs.getString(1),
                        IndicatorKind.fromCode(rs.getString(2)),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5)))
            .list();
    List<EntityListing> listings =
        h.createQuery(
                "SELECT company_id, list_name, listed_name, listed_on, reference, source_url"
                    + " FROM entity_listing ORDER BY id")
            .map(
                (rs, ctx) ->
                    new EntityListing(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, java.time.LocalDate.class),
                        rs.getString(5),
                        rs.getString(6)))
            .list();
    List<PublishedFigure> figures =
        h.createQuery(
                "SELECT release, figure_id, label, published_value, numeric_value, source_urls,"
                    + " note FROM published_figure ORDER BY id")
            .map(
                (rs, ctx) -> {
                  int v = rs.getInt(5);
                  Integer value = rs.wasNull() ? null : v;
                  String urls = rs.getString(6);
                  return new PublishedFigure(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      value,
                      urls == null ? List.of() : Arrays.asList(urls.split(" \\| ")),
                      rs.getString(7));
                })
            .list();
    return new KnowledgeBase(
        countries,
        companies,
        technologies,
        sources,
        claims,
        evidence,
        flags,
        indicators,
        listings,
        figures);
  }

  /** Reviewed country names (lower-cased, trimmed) to ISO 3166-1 alpha-3 codes. */
  public Map<String, String> countryNames() {
    return db.jdbi()
        .withHandle(
            h -> {
              Map<String, String> m = new LinkedHashMap<>();
              h.createQuery("SELECT name_key, iso3 FROM country_name ORDER BY name_key")
                  .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                  .forEach(a -> m.put(a[0], a[1]));
              return m;
            });
  }

  /** One recorded seed load or import. */
  public record ImportBatch(
      long id,
      String kind,
      String fileName,
      String sha256,
      int rows,
      java.time.OffsetDateTime importedAt) {}

  /** Every seed load and import, oldest first. */
  public List<ImportBatch> importBatches() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id, kind, file_name, sha256, row_count, imported_at"
                            + " FROM import_batch ORDER BY id")
                    .map(
                        (rs, ctx) ->
                            new ImportBatch(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getObject(6, java.time.OffsetDateTime.class)))
                    .list());
  }

  /** Row counts of every table, in {@link #TABLES} order. */
  public Map<String, Long> counts() {
    return db.jdbi()
        .withHandle(
            h -> {
              Map<String, Long> m = new LinkedHashMap<>();
              for (String t : TABLES) {
                m.put(t, Tables.count(h, t));
              }
              return m;
            });
  }
}
