package org.custodiet.store;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodiet.core.audit.AuditAction;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.Iso3;
import org.custodiet.core.model.Slug;
import org.custodiet.store.Rows.ClaimRow;
import org.custodiet.store.Rows.EvidenceRow;
import org.custodiet.store.Rows.Refs;
import org.custodiet.store.Rows.SourceRow;
import org.custodiet.store.audit.AuditLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Loads the bundled seed data (docs/data-format.md) into an empty database, in one transaction.
 * Idempotent: the seed is identified by a SHA-256 over its files, recorded in {@code import_batch};
 * loading the same seed again does nothing, and a database holding a different seed is reported,
 * not changed. Any invalid row aborts the whole load with an {@link ImportException} naming file,
 * line and field.
 */
public final class SeedLoader {
  private final Database db;

  public SeedLoader(Database db) {
    this.db = db;
  }

  /** Loads the seed bundled in the store jar. */
  public SeedResult loadBundled() {
    return load(SeedFiles.bundled());
  }

  public SeedResult load(SeedFiles files) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String name : SeedFiles.NAMES) {
      byte[] b = files.read(name);
      if (b == null) {
        missing.add(name);
      } else {
        bytes.put(name, b);
      }
    }
    if (bytes.isEmpty()) {
      return new SeedResult(
          SeedResult.Status.NO_SEED,
          null,
          null,
          Map.of(),
          missing,
          "no seed files found in " + files.describe());
    }
    String sha = seedSha256(bytes);
    Optional<SeedResult> skip = db.jdbi().withHandle(h -> checkState(h, sha, missing));
    if (skip.isPresent() && !upgradable(skip.get())) {
      return skip.get();
    }
    for (String name : SeedFiles.REQUIRED) {
      if (!bytes.containsKey(name)) {
        throw new ImportException(
            ImportException.Reason.UNREADABLE,
            new ImportException.Problem(
                name, 0, 0, null, null, "required seed file is missing from " + files.describe()));
      }
    }
    Map<String, TextFile> texts = new LinkedHashMap<>();
    bytes.forEach((name, b) -> texts.put(name, TextFile.decode(name, b)));
    Seed seed = Seed.parse(texts);
    return db.jdbi()
        .inTransaction(
            h -> {
              Optional<SeedResult> again = checkState(h, sha, missing);
              boolean upgrade = again.isPresent() && upgradable(again.get());
              if (again.isPresent() && !upgrade) {
                return again.get();
              }
              if (upgrade) {
                removeSeedData(h);
              }
              int total = seed.rows.values().stream().mapToInt(Integer::intValue).sum();
              long batch = Tables.insertBatch(h, "seed", files.describe(), sha, total);
              seed.write(h, batch);
              new AuditLog(db)
                  .append(
                      h,
                      new AuditLog.Change(
                          "job:seed",
                          AuditAction.SEED,
                          "import_batch",
                          Long.toString(batch),
                          upgrade ? "bundled seed data upgraded" : "bundled seed data loaded",
                          Map.of("files", files.describe(), "sha256", sha, "rows", seed.rows)));
              return new SeedResult(
                  upgrade ? SeedResult.Status.UPGRADED : SeedResult.Status.LOADED,
                  sha,
                  upgrade ? again.get().recordedSha256() : sha,
                  Map.copyOf(seed.rows),
                  missing,
                  (upgrade
                          ? "replaced seed "
                              + again.get().recordedSha256().substring(0, 12)
                              + " by "
                          : "loaded seed ")
                      + sha.substring(0, 12)
                      + " ("
                      + total
                      + " rows)");
            });
  }

  /** A different seed may be replaced when nothing but seed data was ever written. */
  private static boolean upgradable(SeedResult state) {
    return state.status() == SeedResult.Status.DIFFERENT_SEED_PRESENT
        && state.message().endsWith(ONLY_SEED_DATA);
  }

  private static final String ONLY_SEED_DATA = "holds no imported data";

  /**
   * Deletes every row the seed owns; the import_batch rows stay as the history of what was loaded.
   */
  private static void removeSeedData(Handle h) {
    List<String> tables = new ArrayList<>(KnowledgeBaseRepository.TABLES);
    tables.remove("import_batch");
    java.util.Collections.reverse(tables);
    for (String table : tables) {
      h.execute("DELETE FROM " + table);
    }
  }

  private static Optional<SeedResult> checkState(Handle h, String sha, List<String> missing) {
    List<String> seeds =
        h.createQuery("SELECT sha256 FROM import_batch WHERE kind = 'seed' ORDER BY id")
            .mapTo(String.class)
            .list();
    if (!seeds.isEmpty() && seeds.get(seeds.size() - 1).equals(sha)) {
      return Optional.of(
          new SeedResult(
              SeedResult.Status.ALREADY_LOADED,
              sha,
              sha,
              Map.of(),
              missing,
              "seed " + sha.substring(0, 12) + " is already loaded"));
    }
    if (!seeds.isEmpty()) {
      String old = seeds.get(seeds.size() - 1);
      long imports =
          h.createQuery("SELECT COUNT(*) FROM import_batch WHERE kind <> 'seed'")
              .mapTo(Long.class)
              .one();
      return Optional.of(
          new SeedResult(
              SeedResult.Status.DIFFERENT_SEED_PRESENT,
              sha,
              old,
              Map.of(),
              missing,
              "the database holds seed "
                  + old.substring(0, 12)
                  + ", not the bundled seed "
                  + sha.substring(0, 12)
                  + (imports == 0
                      ? "; the database " + ONLY_SEED_DATA
                      : "; it also holds "
                          + imports
                          + " imports, so it was not changed: export them (custodiet export),"
                          + " start a fresh data directory and import them again")));
    }
    for (String t : List.of("country", "technology", "source", "company", "claim")) {
      if (Tables.count(h, t) > 0) {
        return Optional.of(
            new SeedResult(
                SeedResult.Status.DATABASE_NOT_EMPTY,
                sha,
                null,
                Map.of(),
                missing,
                "the database already holds data (table "
                    + t
                    + ") but no seed; nothing was changed"));
      }
    }
    return Optional.empty();
  }

  /**
   * SHA-256 over the seed files: for each present file in load order, its name, length and bytes.
   */
  static String seedSha256(Map<String, byte[]> files) {
    var md = TextFile.digest();
    files.forEach(
        (name, b) -> {
          md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          md.update((byte) 0);
          md.update(Long.toString(b.length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          md.update((byte) 0);
          md.update(b);
        });
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  /** The parsed, validated seed, ready to be written. */
  private static final class Seed {
    final Map<String, Integer> rows = new LinkedHashMap<>();
    final List<Object[]> countries = new ArrayList<>();
    final List<Object[]> countryNames = new ArrayList<>();
    final List<Object[]> technologies = new ArrayList<>();
    final List<SourceRow> sources = new ArrayList<>();
    final List<Object[]> companies = new ArrayList<>();
    final List<Object[]> aliases = new ArrayList<>();
    final List<ClaimRow> claims = new ArrayList<>();
    final List<EvidenceRow> evidence = new ArrayList<>();
    final List<Object[]> flags = new ArrayList<>();
    final List<Object[]> indicators = new ArrayList<>();
    final List<Object[]> listings = new ArrayList<>();
    final List<Object[]> figures = new ArrayList<>();

    static Seed parse(Map<String, TextFile> texts) {
      Seed s = new Seed();
      Problems p = new Problems();
      Map<String, CsvTable> tables = new LinkedHashMap<>();
      texts.forEach((name, f) -> tables.put(name, CsvTable.parse(f)));
      Set<String> countries = new HashSet<>();
      Set<String> technologies = new HashSet<>();
      Set<String> companyIds = new HashSet<>();

      CsvTable t = tables.get("iso3166/all.csv");
      t.requireColumns(List.of("name", "alpha-2", "alpha-3", "region", "sub-region"), null, p);
      for (CsvTable.Row r : t.rows) {
        Fields f = t.fields(r, p);
        String iso3 = f.get("alpha-3");
        if (!Iso3.isWellFormed(iso3)) {
          f.invalid("alpha-3", "'" + iso3 + "' is not an ISO 3166-1 alpha-3 code");
        } else if (!countries.add(iso3)) {
          f.invalid("alpha-3", "duplicate country '" + iso3 + "'");
        } else if (f.get("name") == null) {
          f.invalid("name", "required");
        } else {
          s.countries.add(
              new Object[] {
                iso3, f.get("alpha-2"), f.get("name"), f.get("region"), f.get("sub-region")
              });
        }
      }
      s.rows.put(t.file, t.rows.size());

      t = tables.get("countries-extra.csv");
      if (t != null) {
        t.requireColumns(List.of("iso3", "iso2", "name", "region", "sub_region"), null, p);
        for (CsvTable.Row r : t.rows) {
          Fields f = t.fields(r, p);
          String iso3 = f.get("iso3");
          if (!Iso3.isWellFormed(iso3) || !iso3.startsWith("X")) {
            f.invalid("iso3", "'" + iso3 + "' is not a user-assigned alpha-3 code (X..)");
          } else if (!countries.add(iso3)) {
            f.invalid("iso3", "duplicate country '" + iso3 + "'");
          } else if (f.get("name") == null) {
            f.invalid("name", "required");
          } else {
            s.countries.add(
                new Object[] {
                  iso3, f.get("iso2"), f.get("name"), f.get("region"), f.get("sub_region")
                });
          }
        }
        s.rows.put(t.file, t.rows.size());
      }

      t = tables.get("technologies.csv");
      t.requireColumns(List.of("code", "label", "definition"), null, p);
      for (CsvTable.Row r : t.rows) {
        Fields f = t.fields(r, p);
        String code = f.get("code");
        if (code == null || !code.matches("[a-z_]+(:[a-z_]+)?")) {
          f.invalid("code", "'" + code + "' is not a taxonomy code like 'facial_recognition'");
        } else if (!technologies.add(code)) {
          f.invalid("code", "duplicate technology '" + code + "'");
        } else if (f.get("label") == null) {
          f.invalid("label", "required");
        } else if (f.get("definition") == null) {
          f.invalid("definition", "required");
        } else {
          s.technologies.add(new Object[] {code, f.get("label"), f.get("definition")});
        }
      }
      s.rows.put(t.file, t.rows.size());

      t = tables.get("country-names.csv");
      if (t != null) {
        t.requireColumns(List.of("name", "iso3"), null, p);
        Set<String> keys = new HashSet<>();
        for (CsvTable.Row r : t.rows) {
          Fields f = t.fields(r, p);
          String name = f.get("name");
          String iso3 = f.get("iso3");
          if (name == null) {
            f.invalid("name", "required");
          } else if (!keys.add(name.toLowerCase(Locale.ROOT))) {
            f.invalid("name", "duplicate name '" + name + "' (names match case-insensitively)");
          } else if (iso3 == null || !countries.contains(iso3)) {
            f.invalid("iso3", "unknown ISO 3166-1 code '" + iso3 + "' (not in the country table)");
          } else {
            s.countryNames.add(
                new Object[] {name.toLowerCase(Locale.ROOT), name, iso3, f.get("note")});
          }
        }
        s.rows.put(t.file, t.rows.size());
      }

      t = tables.get("sources.csv");
      t.requireColumns(List.of("id", "type", "url", "publisher", "tier"), null, p);
      Map<String, Long> sourceLines = new HashMap<>();
      Map<String, Long> urlLines = new HashMap<>();
      for (CsvTable.Row r : t.rows) {
        Fields f = t.fields(r, p);
        SourceRow src = Rows.source(f);
        if (src == null) {
          continue;
        }
        if (f.get("id") == null) {
          f.invalid("id", "required in the seed");
        } else if (sourceLines.putIfAbsent(src.id(), r.line()) != null) {
          f.invalid(
              "id",
              "duplicate source '"
                  + src.id()
                  + "' (first at line "
                  + sourceLines.get(src.id())
                  + ")");
        } else if (src.url() != null && urlLines.putIfAbsent(src.url(), r.line()) != null) {
          f.invalid("url", "duplicate URL (first at line " + urlLines.get(src.url()) + ")");
        } else {
          s.sources.add(src);
        }
      }
      s.rows.put(t.file, t.rows.size());

      t = tables.get("companies.csv");
      t.requireColumns(
          List.of("id", "name", "headquarters_iso3", "parent_id", "ownership"), null, p);
      for (CsvTable.Row r : t.rows) {
        String id = t.fields(r, p).get("id");
        if (id != null) {
          companyIds.add(id);
        }
      }
      Map<String, Object[]> companies = new LinkedHashMap<>();
      Set<String> seenCompanies = new HashSet<>();
      for (CsvTable.Row r : t.rows) {
        Fields f = t.fields(r, p);
        String id = f.get("id");
        int before = p.total();
        if (!Slug.isWellFormed(id)) {
          f.invalid("id", "'" + id + "' is not a company id like 'huawei'");
        } else if (!seenCompanies.add(id)) {
          f.invalid("id", "duplicate company '" + id + "'");
        }
        if (f.get("name") == null) {
          f.invalid("name", "required");
        }
        String hq = f.get("headquarters_iso3");
        if (hq != null && !countries.contains(hq)) {
          f.invalid(
              "headquarters_iso3",
              "unknown ISO 3166-1 code '" + hq + "' (not in the country table)");
        }
        String parent = f.get("parent_id");
        if (parent != null && !companyIds.contains(parent)) {
          f.invalid("parent_id", "unknown company id '" + parent + "'");
        }
        String ownership = f.get("ownership");
        if (ownership == null) {
          ownership = "unknown";
        } else if (!Set.of("private", "listed", "state_owned", "state_lender", "unknown")
            .contains(ownership)) {
          f.invalid("ownership", "'" + ownership + "' is not a known ownership type");
        }
        if (p.total() == before) {
          companies.put(id, new Object[] {id, f.get("name"), hq, parent, ownership});
          String aliases = f.get("aliases");
          if (aliases != null) {
            int pos = 0;
            for (String a : aliases.split(" \\| ")) {
              if (!a.isBlank()) {
                s.aliases.add(new Object[] {id, pos++, a.strip()});
              }
            }
          }
        }
      }
      s.companies.addAll(parentsFirst(companies, t.file, p));
      s.rows.put(t.file, t.rows.size());
      p.throwIfAny();

      Refs refs = new Refs(countries, technologies, companyIds);
      t = tables.get("claims.csv");
      t.requireColumns(List.of("id", "kind", "country_iso3"), null, p);
      Map<String, Long> claimLines = new LinkedHashMap<>();
      for (CsvTable.Row r : t.rows) {
        Fields f = t.fields(r, p);
        ClaimRow c = Rows.claim(f, refs);
        if (c == null) {
          continue;
        }
        if (claimLines.putIfAbsent(c.id(), r.line()) != null) {
          f.invalid(
              "id",
              "duplicate claim '" + c.id() + "' (first at line " + claimLines.get(c.id()) + ")");
        } else {
          s.claims.add(c);
        }
      }
      s.rows.put(t.file, t.rows.size());

      t = tables.get("evidence.csv");
      t.requireColumns(List.of("claim_id", "source_id", "recorded"), null, p);
      Map<String, Long> pairs = new HashMap<>();
      Set<String> evidenced = new HashSet<>();
      for (CsvTable.Row r : t.rows) {
        Fields f = t.fields(r, p);
        String claim = f.get("claim_id");
        String source = f.get("source_id");
        int before = p.total();
        if (claim == null || !claimLines.containsKey(claim)) {
          f.invalid("claim_id", "unknown claim '" + claim + "'");
        }
        if (source == null || !sourceLines.containsKey(source)) {
          f.invalid("source_id", "unknown source '" + source + "'");
        }
        if (f.get("recorded") == null) {
          f.invalid("recorded", "required");
        }
        if (p.total() > before) {
          continue;
        }
        String key = claim + "\n" + source;
        if (pairs.putIfAbsent(key, r.line()) != null) {
          f.invalid(
              "source_id",
              "duplicate evidence: claim '"
                  + claim
                  + "' already cites source '"
                  + source
                  + "' at line "
                  + pairs.get(key));
          continue;
        }
        EvidenceRow e = Rows.evidence(f, claim, source, null);
        if (e != null) {
          s.evidence.add(e);
          evidenced.add(claim);
        }
      }
      s.rows.put(t.file, t.rows.size());
      claimLines.forEach(
          (id, line) -> {
            if (!evidenced.contains(id)) {
              p.invalid(
                  "claims.csv",
                  line,
                  null,
                  "id",
                  "claim '" + id + "' has no evidence in evidence.csv");
            }
          });

      t = tables.get("flags.csv");
      if (t != null) {
        t.requireColumns(List.of("claim_id", "kind", "effective", "reason"), null, p);
        for (CsvTable.Row r : t.rows) {
          Fields f = t.fields(r, p);
          int before = p.total();
          String claim = f.get("claim_id");
          if (claim == null || !claimLines.containsKey(claim)) {
            f.invalid("claim_id", "unknown claim '" + claim + "'");
          }
          String kind = f.get("kind");
          if (!"disputed".equals(kind) && !"retracted".equals(kind)) {
            f.invalid("kind", "'" + kind + "' is not disputed or retracted");
          }
          LocalDate effective = Rows.day(f, "effective", true);
          if (f.get("reason") == null) {
            f.invalid("reason", "required");
          }
          if (p.total() == before) {
            s.flags.add(new Object[] {claim, kind, effective, f.get("reason")});
          }
        }
        s.rows.put(t.file, t.rows.size());
      }

      t = tables.get("indicators.csv");
      if (t != null) {
        t.requireColumns(
            List.of("country_iso3", "indicator", "year", "value", "source_id"), null, p);
        Set<String> keys = new HashSet<>();
        for (CsvTable.Row r : t.rows) {
          Fields f = t.fields(r, p);
          int before = p.total();
          String country = Rows.country(f, "country_iso3", refs, true);
          String kind = f.get("indicator");
          String value = f.get("value");
          try {
            IndicatorKind k = IndicatorKind.fromCode(kind);
            new org.custodiet.core.model.Indicator("AAA", k, 2000, value == null ? "" : value, "x");
          } catch (IllegalArgumentException e) {
            f.invalid(
                kind == null || !e.getMessage().startsWith("indicator:") ? "value" : "indicator",
                e.getMessage());
          }
          Integer year = null;
          try {
            year = Integer.valueOf(f.get("year"));
          } catch (NumberFormatException e) {
            f.invalid("year", "'" + f.get("year") + "' is not a year");
          }
          String source = f.get("source_id");
          if (source == null || !sourceLines.containsKey(source)) {
            f.invalid("source_id", "unknown source '" + source + "'");
          }
          if (p.total() == before
              && !keys.add(country + "\n" + kind + "\n" + year + "\n" + source)) {
            f.invalid("year", "duplicate indicator row for " + country + " " + kind + " " + year);
          }
          if (p.total() == before) {
            s.indicators.add(new Object[] {country, kind, year, value, source});
          }
        }
        s.rows.put(t.file, t.rows.size());
      }

      t = tables.get("entity-listings.csv");
      if (t != null) {
        t.requireColumns(List.of("company_id", "list", "listed_on"), null, p);
        for (CsvTable.Row r : t.rows) {
          Fields f = t.fields(r, p);
          int before = p.total();
          String company = Rows.company(f, "company_id", refs);
          if (company == null) {
            f.invalid("company_id", "required");
          }
          if (f.get("list") == null) {
            f.invalid("list", "required");
          }
          LocalDate on = Rows.day(f, "listed_on", true);
          if (p.total() == before) {
            s.listings.add(
                new Object[] {
                  company,
                  f.get("list"),
                  f.get("listed_name"),
                  on,
                  f.get("reference"),
                  f.get("source_url")
                });
          }
        }
        s.rows.put(t.file, t.rows.size());
      }

      t = tables.get("published-figures.csv");
      if (t != null) {
        t.requireColumns(List.of("release", "figure_id", "published_value", "value"), null, p);
        Set<String> keys = new HashSet<>();
        for (CsvTable.Row r : t.rows) {
          Fields f = t.fields(r, p);
          int before = p.total();
          String release = f.get("release");
          String figure = f.get("figure_id");
          if (release == null) {
            f.invalid("release", "required");
          }
          if (figure == null) {
            f.invalid("figure_id", "required");
          } else if (!keys.add(release + "\n" + figure)) {
            f.invalid(
                "figure_id", "duplicate figure '" + figure + "' in release '" + release + "'");
          }
          Integer value = null;
          if (f.get("value") != null) {
            try {
              value = Integer.valueOf(f.get("value"));
            } catch (NumberFormatException e) {
              f.invalid("value", "'" + f.get("value") + "' is not a whole number");
            }
          }
          if (p.total() == before) {
            s.figures.add(
                new Object[] {
                  release,
                  figure,
                  f.get("label"),
                  f.get("published_value"),
                  value,
                  f.get("source_urls"),
                  f.get("note")
                });
          }
        }
        s.rows.put(t.file, t.rows.size());
      }
      p.throwIfAny();
      return s;
    }

    /** Orders companies so that a parent is inserted before its subsidiaries; reports cycles. */
    private static List<Object[]> parentsFirst(
        Map<String, Object[]> companies, String file, Problems p) {
      List<Object[]> out = new ArrayList<>();
      Set<String> done = new HashSet<>();
      for (String id : companies.keySet()) {
        Deque<String> chain = new ArrayDeque<>();
        String cur = id;
        while (cur != null && !done.contains(cur) && companies.containsKey(cur)) {
          if (chain.contains(cur)) {
            p.invalid(file, 0, null, "parent_id", "companies form a parent cycle: " + chain);
            return out;
          }
          chain.push(cur);
          cur = (String) companies.get(cur)[3];
        }
        while (!chain.isEmpty()) {
          String c = chain.pop();
          if (done.add(c)) {
            out.add(companies.get(c));
          }
        }
      }
      return out;
    }

    void write(Handle h, long batch) {
      insert(
          h,
          "INSERT INTO country (iso3, iso2, name, region, sub_region) VALUES (?, ?, ?, ?, ?)",
          countries);
      insert(h, "INSERT INTO technology (code, label, definition) VALUES (?, ?, ?)", technologies);
      insert(
          h,
          "INSERT INTO country_name (name_key, name, iso3, note) VALUES (?, ?, ?, ?)",
          countryNames);
      Tables.insertSources(h, sources, batch);
      insert(
          h,
          "INSERT INTO company (id, name, headquarters_iso3, parent_id, ownership) VALUES (?, ?, ?, ?, ?)",
          companies);
      insert(
          h, "INSERT INTO company_alias (company_id, position, alias) VALUES (?, ?, ?)", aliases);
      Tables.insertClaims(h, claims, batch);
      Tables.insertEvidence(h, evidence, batch);
      insert(
          h,
          "INSERT INTO claim_flag (claim_id, kind, effective, reason) VALUES (?, ?, ?, ?)",
          flags);
      insert(
          h,
          "INSERT INTO indicator (country_iso3, indicator, indicator_year, indicator_value, source_id)"
              + " VALUES (?, ?, ?, ?, ?)",
          indicators);
      insert(
          h,
          "INSERT INTO entity_listing (company_id, list_name, listed_name, listed_on, reference,"
              + " source_url) VALUES (?, ?, ?, ?, ?, ?)",
          listings);
      insert(
          h,
          "INSERT INTO published_figure (release, figure_id, label, published_value, numeric_value,"
              + " source_urls, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
          figures,
          null,
          null,
          null,
          null,
          Integer.class);
    }

    private static void insert(Handle h, String sql, List<Object[]> rows, Class<?>... types) {
      if (rows.isEmpty()) {
        return;
      }
      PreparedBatch b = h.prepareBatch(sql);
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          Class<?> type = i < types.length && types[i] != null ? types[i] : String.class;
          b.bindByType(i, row[i], row[i] == null ? type : row[i].getClass());
        }
        b.add();
      }
      b.execute();
    }
  }
}
