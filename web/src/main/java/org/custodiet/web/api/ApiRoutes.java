package org.custodiet.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.custodiet.core.index.ClaimCsv;
import org.custodiet.core.index.ClaimFilter;
import org.custodiet.core.index.ClaimSearch;
import org.custodiet.core.index.CompanyProfile;
import org.custodiet.core.index.CountryProfile;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.IndexComparison;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.IndexResult;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.rules.ClaimStatus;
import org.custodiet.store.export.CsvExport;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.api.Params.Format;
import org.custodiet.web.api.Representations.ClaimsBody;
import org.custodiet.web.api.Representations.CompaniesBody;
import org.custodiet.web.api.Representations.CompanySummary;
import org.custodiet.web.api.Representations.CountriesBody;
import org.custodiet.web.api.Representations.CountrySummary;
import org.custodiet.web.api.Representations.SourceBody;
import org.custodiet.web.api.Representations.SourcesBody;
import org.custodiet.web.http.HttpProblem;

/**
 * The read-only REST API under {@value #BASE}, described by {@code openapi.json}. Every read is
 * served from a cache of serialized responses keyed by the snapshot and the normalized request,
 * with an ETag and {@code Cache-Control}.
 */
public final class ApiRoutes {
  public static final String BASE = "/api/v1";
  static final int DEFAULT_LIMIT = 50;
  static final int DEFAULT_SEARCH_LIMIT = 20;
  private static final String JSON_TYPE = "application/json";
  private static final String CSV_TYPE = "text/csv; charset=utf-8";
  private static final String CACHE_CONTROL = "public, max-age=60";
  private static final Set<ClaimStatus> LISTED_STATUSES =
      EnumSet.of(
          ClaimStatus.ESTABLISHED,
          ClaimStatus.REPORTED,
          ClaimStatus.DISPUTED,
          ClaimStatus.RETRACTED);

  static final ObjectMapper MAPPER =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private final Site site;
  private final ResponseCache cache = new ResponseCache();
  private final ResponseCache.Entry openApi;

  private ApiRoutes(Site site) {
    this.site = site;
    this.openApi = ResponseCache.Entry.of(openApiDocument(), JSON_TYPE);
  }

  /** Adds the API's routes to a server being configured. */
  public static void register(JavalinConfig config, Site site) {
    ApiRoutes api = new ApiRoutes(site);
    read(config, "/openapi.json", api::openApi);
    read(config, "/figures", api::figures);
    read(config, "/countries", api::countries);
    read(config, "/countries/{iso3}", api::country);
    read(config, "/companies", api::companies);
    read(config, "/companies/{id}", api::company);
    read(config, "/claims", api::claims);
    read(config, "/sources", api::sources);
    read(config, "/search", api::search);
  }

  /** GET, and HEAD answering the same status and headers without the body. */
  private static void read(JavalinConfig config, String path, Handler handler) {
    config.routes.get(BASE + path, handler);
    config.routes.head(BASE + path, handler);
  }

  /** The OpenAPI 3.1 description of this API, as served. */
  public static byte[] openApiDocument() {
    try (InputStream in = ApiRoutes.class.getResourceAsStream("/api/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("api/openapi.json is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read api/openapi.json", e);
    }
  }

  private void openApi(Context ctx) {
    Params.of(ctx, Set.of());
    send(ctx, openApi);
  }

  private void figures(Context ctx) {
    Params p = Params.of(ctx, Set.of("as_of", "source", "compare", "format"));
    Site.Snapshot s = site.current();
    IndexQuery query = p.query(s.knowledgeBase());
    String release = p.sourceId(s.knowledgeBase(), "compare");
    Format format = p.format(ctx);
    String key = "figures " + query.asOf() + " " + query.sourceId() + " " + release;
    respond(
        ctx,
        s,
        key,
        format,
        () -> {
          IndexResult result = s.indexes().compute(query);
          List<IndexComparison.FigureChange> changes =
              release == null
                  ? List.of()
                  : IndexComparison.compare(
                      s.indexes().compute(IndexQuery.singleSource(query.asOf(), release)), result);
          return Representations.figures(result, release, changes);
        },
        () -> {
          IndexResult result = s.indexes().compute(query);
          return csv(
              List.of(
                  "id", "label", "value", "denominator", "as_of", "source", "countries", "claims"),
              result.figures().stream()
                  .map(
                      (Figure f) ->
                          List.<Object>of(
                              f.id(),
                              f.label(),
                              f.value(),
                              f.denominator() == null ? "" : f.denominator(),
                              result.asOf(),
                              query.isLiving() ? "living" : query.sourceId(),
                              String.join(" ", f.countries()),
                              String.join(" ", f.claims())))
                  .toList());
        });
  }

  private void countries(Context ctx) {
    Params p = Params.of(ctx, Set.of("as_of", "source", "format"));
    Site.Snapshot s = site.current();
    IndexQuery query = p.query(s.knowledgeBase());
    Format format = p.format(ctx);
    Supplier<List<CountrySummary>> summaries =
        () ->
            s.knowledgeBase().countries().keySet().stream()
                .map(iso3 -> Representations.countrySummary(s.profiles().country(iso3, query)))
                .toList();
    respond(
        ctx,
        s,
        "countries " + query.asOf() + " " + query.sourceId(),
        format,
        () -> {
          List<CountrySummary> list = summaries.get();
          return new CountriesBody(query.asOf().toString(), query.sourceId(), list.size(), list);
        },
        () ->
            csv(
                List.of(
                    "iso3",
                    "iso2",
                    "name",
                    "region",
                    "sub_region",
                    "regime_type",
                    "bri_member",
                    "technologies_in_use",
                    "supplier_count",
                    "supplier_companies",
                    "supplier_countries",
                    "claim_count"),
                summaries.get().stream()
                    .map(
                        c ->
                            row(
                                c.iso3(),
                                c.iso2(),
                                c.name(),
                                c.region(),
                                c.subRegion(),
                                c.regimeType(),
                                c.briMember(),
                                String.join(" ", c.technologiesInUse()),
                                c.supplierCount(),
                                String.join(" ", c.supplierCompanies()),
                                String.join(" ", c.supplierCountries()),
                                c.claimCount()))
                    .toList()));
  }

  private void country(Context ctx) {
    Params p = Params.of(ctx, Set.of("as_of", "source"));
    Site.Snapshot s = site.current();
    String iso3 = ctx.pathParam("iso3").toUpperCase(Locale.ROOT);
    if (!s.knowledgeBase().countries().containsKey(iso3)) {
      throw HttpProblem.notFound("no country '" + ctx.pathParam("iso3") + "' (give an ISO3 code)");
    }
    IndexQuery query = p.query(s.knowledgeBase());
    respond(
        ctx,
        s,
        "country " + iso3 + " " + query.asOf() + " " + query.sourceId(),
        Format.JSON,
        () -> {
          CountryProfile profile = s.profiles().country(iso3, query);
          return Representations.country(profile, s.knowledgeBase());
        },
        null);
  }

  private void companies(Context ctx) {
    Params p = Params.of(ctx, Set.of("as_of", "source", "format"));
    Site.Snapshot s = site.current();
    IndexQuery query = p.query(s.knowledgeBase());
    Format format = p.format(ctx);
    Supplier<List<CompanySummary>> summaries =
        () ->
            s.knowledgeBase().companies().keySet().stream()
                .map(id -> Representations.companySummary(s.profiles().company(id, query)))
                .toList();
    respond(
        ctx,
        s,
        "companies " + query.asOf() + " " + query.sourceId(),
        format,
        () -> {
          List<CompanySummary> list = summaries.get();
          return new CompaniesBody(query.asOf().toString(), query.sourceId(), list.size(), list);
        },
        () ->
            csv(
                List.of(
                    "id",
                    "name",
                    "headquarters",
                    "ownership",
                    "origin",
                    "aliases",
                    "countries_served",
                    "technologies",
                    "listed"),
                summaries.get().stream()
                    .map(
                        c ->
                            row(
                                c.id(),
                                c.name(),
                                c.headquarters(),
                                c.ownership(),
                                c.origin(),
                                String.join(" | ", c.aliases()),
                                String.join(" ", c.countriesServed()),
                                String.join(" ", c.technologies()),
                                c.listed()))
                    .toList()));
  }

  private void company(Context ctx) {
    Params p = Params.of(ctx, Set.of("as_of", "source"));
    Site.Snapshot s = site.current();
    String id = ctx.pathParam("id");
    if (!s.knowledgeBase().companies().containsKey(id)) {
      throw HttpProblem.notFound("no company '" + id + "' (give a company id such as huawei)");
    }
    IndexQuery query = p.query(s.knowledgeBase());
    respond(
        ctx,
        s,
        "company " + id + " " + query.asOf() + " " + query.sourceId(),
        Format.JSON,
        () -> {
          CompanyProfile profile = s.profiles().company(id, query);
          return Representations.company(profile);
        },
        null);
  }

  private void claims(Context ctx) {
    Params p =
        Params.of(
            ctx,
            Set.of(
                "country",
                "company",
                "technology",
                "supplier_country",
                "status",
                "kind",
                "counting",
                "as_of",
                "source",
                "offset",
                "limit",
                "format"));
    Site.Snapshot s = site.current();
    KnowledgeBase kb = s.knowledgeBase();
    ClaimFilter filter =
        new ClaimFilter(
            p.country(kb, "country"),
            p.company(kb, "company"),
            p.technology(kb, "technology"),
            p.country(kb, "supplier_country"),
            p.choice("status", ClaimStatus.class, LISTED_STATUSES),
            p.choice("kind", ClaimKind.class, EnumSet.allOf(ClaimKind.class)),
            p.flag("counting"));
    IndexQuery query = p.query(kb);
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
    int limit = p.integer("limit", DEFAULT_LIMIT, 1, ClaimSearch.MAX_LIMIT);
    Format format = p.format(ctx);
    Supplier<ClaimSearch.Page> page = () -> s.claims().find(filter, query, offset, limit);
    respond(
        ctx,
        s,
        "claims "
            + filter
            + " "
            + query.asOf()
            + " "
            + query.sourceId()
            + " "
            + offset
            + " "
            + limit,
        format,
        () -> {
          ClaimSearch.Page found = page.get();
          return new ClaimsBody(
              query.asOf().toString(),
              query.sourceId(),
              found.total(),
              found.offset(),
              found.limit(),
              Representations.claims(found.claims()));
        },
        () ->
            csv(
                ClaimCsv.HEADER,
                page.get().claims().stream().map(v -> row(ClaimCsv.row(v).toArray())).toList()));
  }

  private void sources(Context ctx) {
    Params p = Params.of(ctx, Set.of("offset", "limit", "format"));
    Site.Snapshot s = site.current();
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
    int limit = p.integer("limit", DEFAULT_LIMIT, 1, ClaimSearch.MAX_LIMIT);
    Format format = p.format(ctx);
    Supplier<List<SourceBody>> page =
        () -> {
          Map<String, Integer> evidence = new HashMap<>();
          for (Evidence e : s.knowledgeBase().evidence()) {
            evidence.merge(e.sourceId(), 1, Integer::sum);
          }
          List<SourceBody> list = new ArrayList<>();
          s.knowledgeBase().sources().values().stream()
              .skip(offset)
              .limit(limit)
              .forEach(
                  (Source src) ->
                      list.add(Representations.source(src, evidence.getOrDefault(src.id(), 0))));
          return list;
        };
    respond(
        ctx,
        s,
        "sources " + offset + " " + limit,
        format,
        () -> new SourcesBody(s.knowledgeBase().sources().size(), offset, limit, page.get()),
        () ->
            csv(
                List.of(
                    "id",
                    "type",
                    "url",
                    "doi",
                    "title",
                    "publisher",
                    "published",
                    "tier",
                    "kind",
                    "licence",
                    "evidence_count"),
                page.get().stream()
                    .map(
                        src ->
                            row(
                                src.id(),
                                src.type(),
                                src.url(),
                                src.doi(),
                                src.title(),
                                src.publisher(),
                                src.published(),
                                src.tier(),
                                src.kind(),
                                src.licence(),
                                src.evidenceCount()))
                    .toList()));
  }

  private void search(Context ctx) {
    Params p = Params.of(ctx, Set.of("q", "limit"));
    String q = p.text("q");
    if (q == null || q.isBlank()) {
      throw HttpProblem.badParameter("q", "give the words to search for");
    }
    if (q.length() > SearchIndex.MAX_QUERY_LENGTH) {
      throw HttpProblem.badParameter(
          "q", "at most " + SearchIndex.MAX_QUERY_LENGTH + " characters, got " + q.length());
    }
    int limit = p.integer("limit", DEFAULT_SEARCH_LIMIT, 1, SearchIndex.MAX_LIMIT);
    Site.Snapshot s = site.current();
    respond(
        ctx,
        s,
        "search " + limit + " " + q,
        Format.JSON,
        () -> Representations.search(site.search().search(q, limit)),
        null);
  }

  /**
   * Answers from the cache, rendering on a miss: JSON from {@code json}, or CSV from {@code csv}
   * for the tabular endpoints.
   */
  private void respond(
      Context ctx,
      Site.Snapshot snapshot,
      String key,
      Format format,
      Supplier<Object> json,
      Supplier<byte[]> csv) {
    ResponseCache.Entry entry =
        cache.get(
            snapshot.tag(),
            format + " " + key,
            () ->
                format == Format.CSV
                    ? ResponseCache.Entry.of(csv.get(), CSV_TYPE)
                    : ResponseCache.Entry.of(write(json.get()), JSON_TYPE));
    send(ctx, entry);
  }

  private static void send(Context ctx, ResponseCache.Entry entry) {
    ctx.header("ETag", entry.etag());
    ctx.header("Cache-Control", CACHE_CONTROL);
    ctx.header("Vary", "Accept");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && matches(ifNoneMatch, entry.etag())) {
      ctx.status(304);
      return;
    }
    ctx.contentType(entry.contentType());
    ctx.result(entry.body());
  }

  /** If-None-Match holds a list of tags, possibly weak ({@code W/"..."}), or {@code *}. */
  static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String t = candidate.strip();
      if (t.equals("*") || t.equals(etag) || (t.startsWith("W/") && t.substring(2).equals(etag))) {
        return true;
      }
    }
    return false;
  }

  private static byte[] write(Object body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON response", e);
    }
  }

  private static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>(values.length);
    for (Object v : values) {
      row.add(v == null ? "" : v);
    }
    return row;
  }

  private static byte[] csv(List<String> header, List<List<Object>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
      for (List<Object> r : rows) {
        // Text is defused exactly as in the data exports, so no cell runs as a spreadsheet formula.
        printer.printRecord(
            r.stream().map(v -> v instanceof String text ? CsvExport.guard(text) : v).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV", e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
