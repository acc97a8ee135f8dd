package org.custodiet.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custodiet.store.Rows.ClaimRow;
import org.custodiet.store.Rows.EvidenceRow;
import org.custodiet.store.Rows.Refs;
import org.custodiet.store.Rows.SourceRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Parameterised reads and batched writes of the claim tables, shared by loader, importer, export.
 */
final class Tables {
  private Tables() {}

  static final String SOURCE_COLUMNS =
      "id, type, url, doi, title, publisher, publisher_group, published, tier, kind, licence,"
          + " attribution";
  static final String CLAIM_COLUMNS =
      "id, kind, country_iso3, technology, supplier_company_id, supplier_origin_iso3, lender_id,"
          + " instrument, amount, currency, city, agency, stage, observed_from, observed_to";

  static long insertBatch(Handle h, String kind, String fileName, String sha256, int rows) {
    return h.createUpdate(
            "INSERT INTO import_batch (kind, file_name, sha256, row_count, imported_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .bind(0, kind)
        .bind(1, fileName)
        .bind(2, sha256)
        .bind(3, rows)
        .bind(4, OffsetDateTime.now(ZoneOffset.UTC))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  static void insertSources(Handle h, Collection<SourceRow> rows, long batch) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch b =
        h.prepareBatch(
            "INSERT INTO source ("
                + SOURCE_COLUMNS
                + ", batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (SourceRow s : rows) {
      b.bind(0, s.id())
          .bind(1, s.type())
          .bind(2, s.url())
          .bind(3, s.doi())
          .bind(4, s.title())
          .bind(5, s.publisher())
          .bind(6, s.publisherGroup())
          .bind(7, s.published())
          .bind(8, s.tier())
          .bind(9, s.kind())
          .bind(10, s.licence())
          .bind(11, s.attribution())
          .bind(12, batch)
          .add();
    }
    b.execute();
  }

  static void insertClaims(Handle h, Collection<ClaimRow> rows, long batch) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch b =
        h.prepareBatch(
            "INSERT INTO claim ("
                + CLAIM_COLUMNS
                + ", batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (ClaimRow c : rows) {
      b.bind(0, c.id())
          .bind(1, c.kind())
          .bind(2, c.countryIso3())
          .bind(3, c.technology())
          .bind(4, c.supplierCompanyId())
          .bind(5, c.supplierOriginIso3())
          .bind(6, c.lenderId())
          .bind(7, c.instrument())
          .bind(8, c.amount())
          .bind(9, c.currency())
          .bind(10, c.city())
          .bind(11, c.agency())
          .bind(12, c.stage())
          .bind(13, c.observedFrom())
          .bind(14, c.observedTo())
          .bind(15, batch)
          .add();
    }
    b.execute();
  }

  static void insertEvidence(Handle h, Collection<EvidenceRow> rows, long batch) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch b =
        h.prepareBatch(
            "INSERT INTO evidence (claim_id, source_id, summary, locator, recorded, batch_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    for (EvidenceRow e : rows) {
      b.bind(0, e.claimId())
          .bind(1, e.sourceId())
          .bind(2, e.summary())
          .bind(3, e.locator())
          .bind(4, e.recorded())
          .bind(5, batch)
          .add();
    }
    b.execute();
  }

  static SourceRow source(ResultSet rs) throws SQLException {
    return new SourceRow(
        rs.getString("id"),
        rs.getString("type"),
        rs.getString("url"),
        rs.getString("doi"),
        rs.getString("title"),
        rs.getString("publisher"),
        rs.getString("publisher_group"),
        rs.getString("published"),
        rs.getString("tier"),
        rs.getString("kind"),
        rs.getString("licence"),
        rs.getString("attribution"));
  }

  static ClaimRow claim(ResultSet rs) throws SQLException {
    BigDecimal amount = rs.getBigDecimal("amount");
    return new ClaimRow(
        rs.getString("id"),
        rs.getString("kind"),
        rs.getString("country_iso3"),
        rs.getString("technology"),
        rs.getString("supplier_company_id"),
        rs.getString("supplier_origin_iso3"),
        rs.getString("lender_id"),
        rs.getString("instrument"),
        amount,
        rs.getString("currency"),
        rs.getString("city"),
        rs.getString("agency"),
        rs.getString("stage"),
        rs.getString("observed_from"),
        rs.getString("observed_to"));
  }

  static EvidenceRow evidence(ResultSet rs) throws SQLException {
    return new EvidenceRow(
        rs.getString("claim_id"),
        rs.getString("source_id"),
        rs.getString("summary"),
        rs.getString("locator"),
        rs.getObject("recorded", java.time.LocalDate.class));
  }

  static List<SourceRow> sources(Handle h) {
    return h.createQuery("SELECT " + SOURCE_COLUMNS + " FROM source ORDER BY id")
        .map((rs, ctx) -> source(rs))
        .list();
  }

  static List<ClaimRow> claims(Handle h) {
    return h.createQuery("SELECT " + CLAIM_COLUMNS + " FROM claim ORDER BY id")
        .map((rs, ctx) -> claim(rs))
        .list();
  }

  static List<EvidenceRow> evidence(Handle h) {
    return h.createQuery(
            "SELECT claim_id, source_id, summary, locator, recorded FROM evidence"
                + " ORDER BY claim_id, source_id")
        .map((rs, ctx) -> evidence(rs))
        .list();
  }

  static Refs refs(Handle h) {
    return new Refs(
        set(h, "SELECT iso3 FROM country"),
        set(h, "SELECT code FROM technology"),
        set(h, "SELECT id FROM company"));
  }

  private static Set<String> set(Handle h, String sql) {
    return new HashSet<>(h.createQuery(sql).mapTo(String.class).list());
  }

  static long count(Handle h, String table) {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException(table);
    }
    return h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
  }
}
