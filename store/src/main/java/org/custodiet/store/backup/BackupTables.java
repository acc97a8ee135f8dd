package org.custodiet.store.backup;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a backup holds: every data table, in foreign-key order (a table comes after the tables it
 * refers to), each read in primary-key order so that two backups of the same data are identical.
 * Tables the backup leaves out are listed in {@link #EXCLUDED} with the reason; a test fails when
 * the schema has a table in neither list, so a new migration cannot be silently left out.
 */
public final class BackupTables {
  private BackupTables() {}

  /** The decision log's part: restored entry by entry through the chain, not copied. */
  public static final String AUDIT_ENTRY = "audit_entry";

  /**
   * What a restored user's password hash is: no password matches it (it is not a hash), so each
   * user must be given a new one ({@code custodiet user reset}) before signing in.
   */
  public static final String UNUSABLE_PASSWORD = "!restored-from-backup:reset-required";

  /** The parts of a backup, in the order they are written and restored. */
  public static final List<Part> PARTS =
      List.of(
          Part.of("import_batch", "id").identity("id"),
          Part.of("country", "iso3"),
          Part.of("country_name", "name_key"),
          Part.of("technology", "code"),
          Part.of("source", "id"),
          Part.of("company", "id").selfReference("parent_id"),
          Part.of("company_alias", "company_id", "position"),
          Part.of("claim", "id"),
          Part.of("evidence", "claim_id", "source_id"),
          Part.of("claim_flag", "id").identity("id"),
          Part.of("indicator", "country_iso3", "indicator", "indicator_year", "source_id"),
          Part.of("entity_listing", "id").identity("id"),
          Part.of("published_figure", "id").identity("id"),
          Part.of("near_duplicate_group", "id").identity("id"),
          Part.of("document", "id").identity("id"),
          Part.of("document_bucket", "bucket", "document_id"),
          Part.of("candidate_claim", "id").identity("id"),
          Part.of("app_user", "id").identity("id").withhold("password_hash", UNUSABLE_PASSWORD),
          Part.of("candidate_decision", "candidate_id"),
          Part.of("decision_claim", "candidate_id", "claim_id"),
          Part.of("rejected_span", "fingerprint"),
          Part.of("data_release", "id").identity("id"),
          Part.of("release_claim", "release_id", "claim_id"),
          Part.of("release_figure", "release_id", "figure_id"),
          Part.of("announced_claim", "claim_id"),
          Part.of("screening_list", "id"),
          Part.of("list_version", "id").identity("id"),
          Part.of("list_entry", "list_id", "entry_id"),
          Part.of("list_entry_name", "list_id", "entry_id", "position"),
          Part.of("list_change", "version_id", "entry_id"),
          Part.of("screening_decision", "id").identity("id"),
          Part.of(AUDIT_ENTRY, "seq"));

  /** Tables deliberately not in a backup, with why. */
  public static final Map<String, String> EXCLUDED =
      Map.of(
          "flyway_schema_history", "the schema's own history, written by the migrations",
          "audit_head", "rebuilt from the restored decision log entries",
          "user_session", "signed-in browsers: secrets, and void after a restore",
          "api_token", "secrets: users create new tokens after a restore",
          "webhook", "each subscription holds its signing secret: re-add them after a restore",
          "webhook_delivery", "the outbox of deliveries to those subscriptions");

  /**
   * One table in a backup: its rows are read ordered by {@code orderBy} (the primary key). Identity
   * columns get their counters moved past the restored ids; a self-referencing column is written
   * after all rows are in, since a row may refer to one restored later; withheld columns (secrets)
   * are never written to the archive and are restored as the given value.
   */
  public record Part(
      String table,
      List<String> orderBy,
      List<String> identityColumns,
      List<String> selfReferences,
      Map<String, String> withheld) {
    public Part {
      Objects.requireNonNull(table, "table");
      orderBy = List.copyOf(orderBy);
      identityColumns = List.copyOf(identityColumns);
      selfReferences = List.copyOf(selfReferences);
      withheld = Map.copyOf(withheld);
      if (orderBy.isEmpty()) {
        throw new IllegalArgumentException(table + ": a part needs its primary-key columns");
      }
    }

    static Part of(String table, String... primaryKey) {
      return new Part(table, List.of(primaryKey), List.of(), List.of(), Map.of());
    }

    Part identity(String column) {
      return new Part(table, orderBy, append(identityColumns, column), selfReferences, withheld);
    }

    Part selfReference(String column) {
      return new Part(table, orderBy, identityColumns, append(selfReferences, column), withheld);
    }

    /** The column is left out of the archive and restored as {@code restoredValue}. */
    Part withhold(String column, String restoredValue) {
      Map<String, String> w = new java.util.LinkedHashMap<>(withheld);
      w.put(column, restoredValue);
      return new Part(table, orderBy, identityColumns, selfReferences, w);
    }

    /** The archive entry holding this table's rows. */
    public String fileName() {
      return table + ".jsonl";
    }

    private static List<String> append(List<String> list, String value) {
      List<String> copy = new java.util.ArrayList<>(list);
      copy.add(value);
      return copy;
    }
  }
}
