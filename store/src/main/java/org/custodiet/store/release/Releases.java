package org.custodiet.store.release;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.core.audit.AuditChain;
import org.custodiet.core.audit.AuditEntry;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.core.rules.CodingRules;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.StoreException;
import org.custodiet.store.audit.AuditLog;
import org.custodiet.store.release.FrozenState.FrozenClaim;
import org.custodiet.store.release.FrozenState.FrozenFigure;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Releases in the database: {@link #create} freezes every claim and headline figure with the
 * decision-log head and logs a RELEASE decision in the same transaction; {@link #diff} compares two
 * releases, or a release and the live state ({@value #CURRENT}).
 */
public final class Releases {
  /** The pseudo-release naming the live state, for diffs; no stored release may take the name. */
  public static final String CURRENT = "current";

  public static final int MAX_NOTE_LENGTH = 2000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final RowMapper<Release> RELEASE =
      (rs, ctx) ->
          new Release(
              rs.getString("name"),
              rs.getString("note"),
              rs.getObject("as_of", LocalDate.class),
              rs.getString("created_at"),
              rs.getString("created_by"),
              rs.getString("rules_version"),
              rs.getLong("audit_seq"),
              rs.getString("audit_hash"),
              rs.getInt("claim_count"),
              rs.getInt("established_count"));

  private static final String COLUMNS =
      "name, note, as_of, created_at, created_by, rules_version, audit_seq, audit_hash,"
          + " claim_count, established_count";

  private final Database db;
  private final Clock clock;

  public Releases(Database db) {
    this(db, Clock.systemUTC());
  }

  public Releases(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Throws an IllegalArgumentException saying what is wrong with {@code name}, if anything. */
  public static String checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("release name: give a name");
    }
    if (!NAME.matcher(name).matches()) {
      String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
      throw new IllegalArgumentException(
          "release name '"
              + shown
              + "': use 1 to 64 letters, digits, '.', '_' or '-' (e.g. 2026-11 or v1.2)");
    }
    if (name.equals(CURRENT)) {
      throw new IllegalArgumentException(
          "release name '" + CURRENT + "' is reserved for the live state; choose another");
    }
    return name;
  }

  /** Today in UTC, the default as-of date of a release. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /**
   * Freezes the current state as of {@code asOf} under {@code name} and appends a RELEASE entry by
   * {@code actor}, all in one transaction. The decision-log head is locked first, so no decision
   * can commit between reading the data and recording the head it corresponds to.
   */
  public Release create(String name, String note, LocalDate asOf, String actor) {
    checkName(name);
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(actor, "actor");
    if (note != null && note.length() > MAX_NOTE_LENGTH) {
      throw new IllegalArgumentException(
          "release note: at most " + MAX_NOTE_LENGTH + " characters, got " + note.length());
    }
    String cleanNote = note == null || note.isBlank() ? null : note.strip();
    AuditLog log = new AuditLog(db, clock);
    try {
      return db.jdbi()
          .inTransaction(
              h -> {
                AuditChain.Head head =
                    h.createQuery("SELECT seq, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                        .map((rs, ctx) -> new AuditChain.Head(rs.getLong(1), rs.getString(2)))
                        .findOne()
                        .orElseThrow(
                            () -> new StoreException("the audit_head row is missing", null));
                if (exists(h, name)) {
                  throw new IllegalArgumentException(
                      "release name '" + name + "' is taken: release names are unique");
                }
                KnowledgeBase kb = new KnowledgeBaseRepository(db).load();
                FrozenState state = FrozenState.of(new IndexEngine(kb), asOf);
                int established =
                    (int)
                        state.claims().stream()
                            .filter(c -> c.status().equals(ClaimStatus.ESTABLISHED.code()))
                            .count();
                Release release =
                    new Release(
                        name,
                        cleanNote,
                        asOf,
                        DateTimeFormatter.ISO_INSTANT.format(
                            Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)),
                        actor,
                        CodingRules.VERSION,
                        head.seq(),
                        head.entryHash(),
                        state.claims().size(),
                        established);
                long id = insert(h, release, KnowledgeBaseJson.write(kb));
                insertClaims(h, id, state.claims());
                insertFigures(h, id, state.figures());
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("as_of", asOf.toString());
                detail.put("claims", state.claims().size());
                detail.put("established", established);
                detail.put("figures", state.figures().size());
                detail.put("audit_seq", head.seq());
                detail.put("audit_hash", head.entryHash());
                log.append(
                    h,
                    new AuditLog.Change(
                        actor, AuditAction.RELEASE, "release", name, cleanNote, detail));
                return release;
              });
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      // Two processes creating the same name at once: the unique constraint decides.
      if (find(name).isPresent()) {
        throw new IllegalArgumentException(
            "release name '" + name + "' is taken: release names are unique", e);
      }
      throw e;
    }
  }

  private static boolean exists(Handle h, String name) {
    return h.createQuery("SELECT COUNT(*) FROM data_release WHERE name = :name")
            .bind("name", name)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  private static long insert(Handle h, Release r, byte[] snapshot) {
    return h.createUpdate(
            "INSERT INTO data_release ("
                + COLUMNS
                + ", snapshot) VALUES (:name, :note, :asOf, :createdAt, :createdBy, :rulesVersion,"
                + " :auditSeq, :auditHash, :claimCount, :establishedCount, :snapshot)")
        .bindMethods(r)
        .bind("snapshot", snapshot)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private static void insertClaims(Handle h, long id, List<FrozenClaim> claims) {
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO release_claim (release_id, claim_id, status, counts, content)"
                + " VALUES (:release, :id, :status, :counts, :content)");
    for (FrozenClaim c : claims) {
      batch.bind("release", id).bindMethods(c).add();
    }
    if (!claims.isEmpty()) {
      batch.execute();
    }
  }

  private static void insertFigures(Handle h, long id, List<FrozenFigure> figures) {
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO release_figure (release_id, figure_id, position, label, figure_value,"
                + " denominator) VALUES (:release, :id, :position, :label, :value, :denominator)");
    int position = 0;
    for (FrozenFigure f : figures) {
      batch.bind("release", id).bind("position", position++).bindMethods(f).add();
    }
    if (!figures.isEmpty()) {
      batch.execute();
    }
  }

  /** Every release, newest first. */
  public List<Release> list() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM data_release ORDER BY id DESC")
                    .map(RELEASE)
                    .list());
  }

  public Optional<Release> find(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM data_release WHERE name = :name")
                    .bind("name", name)
                    .map(RELEASE)
                    .findOne());
  }

  /** The release named {@code name}; throws {@link UnknownReleaseException} when there is none. */
  public Release get(String name) {
    return find(name).orElseThrow(() -> new UnknownReleaseException(name));
  }

  /** The claims and figures frozen in a release. */
  public FrozenState state(String name) {
    Release release = get(name);
    return db.jdbi()
        .withHandle(
            h -> {
              long id = id(h, name);
              List<FrozenClaim> claims =
                  h.createQuery(
                          "SELECT claim_id, status, counts, content FROM release_claim"
                              + " WHERE release_id = :id ORDER BY claim_id")
                      .bind("id", id)
                      .map(
                          (rs, ctx) ->
                              new FrozenClaim(
                                  rs.getString(1),
                                  rs.getString(2),
                                  rs.getBoolean(3),
                                  rs.getString(4)))
                      .list();
              List<FrozenFigure> figures =
                  h.createQuery(
                          "SELECT figure_id, label, figure_value, denominator FROM release_figure"
                              + " WHERE release_id = :id ORDER BY position")
                      .bind("id", id)
                      .map(
                          (rs, ctx) -> {
                            int d = rs.getInt(4);
                            return new FrozenFigure(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.wasNull() ? null : d);
                          })
                      .list();
              return new FrozenState(release.asOf(), claims, figures);
            });
  }

  /** The whole knowledge base as it was when the release was made, for its exports. */
  public KnowledgeBase knowledgeBase(String name) {
    get(name);
    byte[] snapshot =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT snapshot FROM data_release WHERE name = :name")
                        .bind("name", name)
                        .mapTo(byte[].class)
                        .one());
    return KnowledgeBaseJson.read(snapshot);
  }

  /**
   * Compares two releases; either may be {@value #CURRENT}, the live state of {@code live} as of
   * today.
   */
  public ReleaseDiff diff(String from, String to, IndexEngine live) {
    return ReleaseDiff.between(from, stateOf(from, live), to, stateOf(to, live));
  }

  private FrozenState stateOf(String name, IndexEngine live) {
    if (CURRENT.equals(name)) {
      return FrozenState.of(Objects.requireNonNull(live, "live engine"), today());
    }
    return state(name);
  }

  private static long id(Handle h, String name) {
    return h.createQuery("SELECT id FROM data_release WHERE name = :name")
        .bind("name", name)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new UnknownReleaseException(name));
  }

  /** The result of checking releases against the decision log. */
  public record AnchorCheck(int releases, List<String> problems) {
    public AnchorCheck {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Checks that the decision-log head recorded by each release (entry number and hash) is an entry
   * of {@code log} with that hash, so that a release still points into the chain it was made from.
   * A release made on an empty log records entry 0 and the genesis hash.
   */
  public AnchorCheck anchorsMatch(AuditLog log) {
    List<String> problems = new ArrayList<>();
    List<Release> releases = list();
    for (Release r : releases) {
      if (r.auditSeq() == 0) {
        if (!r.auditHash().equals(AuditChain.GENESIS)) {
          problems.add("release " + r.name() + ": records entry 0 with a hash other than genesis");
        }
        continue;
      }
      List<AuditEntry> entry = log.entries(r.auditSeq() - 1, 1);
      if (entry.isEmpty() || entry.get(0).seq() != r.auditSeq()) {
        problems.add(
            "release "
                + r.name()
                + ": its decision-log entry "
                + r.auditSeq()
                + " is missing from the log");
      } else if (!entry.get(0).entryHash().equals(r.auditHash())) {
        problems.add(
            "release "
                + r.name()
                + ": decision-log entry "
                + r.auditSeq()
                + " has hash "
                + entry.get(0).entryHash()
                + " but the release recorded "
                + r.auditHash());
      }
    }
    return new AnchorCheck(releases.size(), problems);
  }
}
