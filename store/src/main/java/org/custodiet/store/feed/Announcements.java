package org.custodiet.store.feed;

import java.util.List;
import java.util.Objects;
import org.custodiet.store.Database;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reads announced claims for the feeds: newest first, baseline rows left out. */
public final class Announcements {
  /** Which announcements a feed shows: all, or those of one country, company or technology. */
  public record Filter(String countryIso3, String companyId, String technology) {
    public static final Filter ALL = new Filter(null, null, null);
  }

  private static final RowMapper<Announcement> ROW =
      (rs, ctx) ->
          new Announcement(
              rs.getString("claim_id"),
              rs.getString("announced_at"),
              rs.getLong("audit_seq"),
              rs.getString("country_iso3"),
              rs.getString("company_id"),
              rs.getString("lender_id"),
              rs.getString("technology"),
              rs.getString("title"),
              rs.getString("summary"));

  private final Database db;

  public Announcements(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  public List<Announcement> latest(Filter filter, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM announced_claim WHERE baseline = FALSE");
    if (filter.countryIso3() != null) {
      sql.append(" AND country_iso3 = :country");
    }
    if (filter.companyId() != null) {
      sql.append(" AND (company_id = :company OR lender_id = :company)");
    }
    if (filter.technology() != null) {
      sql.append(" AND technology = :technology");
    }
    sql.append(" ORDER BY announced_millis DESC, claim_id LIMIT :n");
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(sql.toString())
                    .bind("country", filter.countryIso3())
                    .bind("company", filter.companyId())
                    .bind("technology", filter.technology())
                    .bind("n", limit)
                    .map(ROW)
                    .list());
  }

  /** Rows in the table, baseline included: whether the first run has happened. */
  public long count() {
    return db.jdbi()
        .withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM announced_claim").mapTo(Long.class).one());
  }
}
