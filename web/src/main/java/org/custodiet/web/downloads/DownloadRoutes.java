package org.custodiet.web.downloads;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.store.export.ExportData;
import org.custodiet.store.export.ExportDataset;
import org.custodiet.store.export.ExportFormat;
import org.custodiet.store.export.Exports;
import org.custodiet.web.Site;
import org.custodiet.web.http.AsOfDate;
import org.custodiet.web.http.ErrorResponses;

/**
 * The data downloads: {@code /downloads/{claims|sources|figures|all}.{csv|json|xlsx}} and {@code
 * /downloads/ftm.jsonl} as of a date ({@code as_of}, default today in UTC) over the living index or
 * one {@code source}, plus {@code /downloads/licence.txt}. Bodies are streamed as they are written.
 * Bad parameters get a 400 and an unknown source a 404, as JSON naming the field.
 */
public final class DownloadRoutes {
  static final String LICENCE_FILE = "licence.txt";
  static final String FTM_FILE = "ftm";

  /** Longer parameters are never valid; refusing them early keeps error messages short. */
  static final int MAX_PARAMETER_LENGTH = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Site site;

  private DownloadRoutes(Site site) {
    this.site = Objects.requireNonNull(site, "site");
  }

  public static void register(JavalinConfig config, Site site) {
    DownloadRoutes routes = new DownloadRoutes(site);
    config.routes.get("/downloads/{file}", routes::download);
  }

  /** A request the parameters have been checked for; no format means the licence text. */
  public record Download(ExportFormat format, List<ExportDataset> datasets, IndexQuery query) {
    public boolean licence() {
      return format == null;
    }

    public String fileName() {
      String what =
          format == ExportFormat.FTM
              ? FTM_FILE
              : datasets.size() == 1 ? datasets.get(0).code() : "all";
      return format.fileName(what, query.asOf(), query.sourceId());
    }
  }

  /** A parameter that cannot be served, and which one it is. */
  public static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    public final String field;

    BadRequest(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  private void download(Context ctx) throws IOException {
    Download d;
    try {
      d = parse(ctx.pathParam("file"), ctx.queryParam("as_of"), ctx.queryParam("source"));
    } catch (BadRequest e) {
      error(ctx, 400, e.getMessage(), e.field);
      return;
    }
    Site.Snapshot snapshot = site.current();
    if (!d.query().isLiving()
        && !snapshot.knowledgeBase().sources().containsKey(d.query().sourceId())) {
      error(ctx, 404, "unknown source '" + d.query().sourceId() + "'", "source");
      return;
    }
    ExportData data = new ExportData(snapshot.engine(), d.query());
    if (d.licence()) {
      ctx.contentType("text/plain; charset=utf-8").result(data.licence().text());
      return;
    }
    ctx.status(200);
    ctx.contentType(d.format().contentType());
    ctx.header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"");
    Exports.write(data, d.format(), d.datasets(), ctx.outputStream());
  }

  /** Checks the file name and parameters; throws naming the first bad one. */
  public static Download parse(String file, String asOf, String source) throws BadRequest {
    IndexQuery query = new IndexQuery(asOf(asOf), source(source));
    if (file.equals(LICENCE_FILE)) {
      return new Download(null, List.of(), query);
    }
    int dot = file.lastIndexOf('.');
    if (dot < 0 || file.length() > 40) {
      throw new BadRequest(
          "format",
          "name a file such as claims.csv, figures.json, all.xlsx or ftm.jsonl; formats: csv,"
              + " json, xlsx (per dataset) and jsonl (ftm only)");
    }
    String name = file.substring(0, dot);
    String extension = file.substring(dot + 1);
    if (name.equals(FTM_FILE)) {
      if (!extension.equals(ExportFormat.FTM.extension())) {
        throw new BadRequest("format", "FollowTheMoney entities are served as ftm.jsonl");
      }
      return new Download(ExportFormat.FTM, List.of(), query);
    }
    ExportFormat format =
        Arrays.stream(ExportFormat.values())
            .filter(f -> f != ExportFormat.FTM && f.extension().equals(extension))
            .findFirst()
            .orElseThrow(
                () ->
                    new BadRequest(
                        "format",
                        "unknown format '"
                            + extension
                            + "'; use csv, json or xlsx (or ftm.jsonl)"));
    List<ExportDataset> datasets;
    if (name.equals("all")) {
      if (!format.holdsSeveralDatasets()) {
        throw new BadRequest(
            "dataset",
            "a CSV file holds one dataset: download claims.csv, sources.csv and"
                + " figures.csv, or all.xlsx / all.json");
      }
      datasets = List.of(ExportDataset.values());
    } else {
      try {
        datasets = List.of(ExportDataset.parse(name));
      } catch (IllegalArgumentException e) {
        throw new BadRequest("dataset", e.getMessage());
      }
    }
    return new Download(format, datasets, query);
  }

  private static LocalDate asOf(String text) throws BadRequest {
    try {
      return AsOfDate.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("as_of", "as_of: " + e.getMessage());
    }
  }

  private static String source(String text) throws BadRequest {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (text.length() > MAX_PARAMETER_LENGTH) {
      throw new BadRequest(
          "source",
          "source must be a source id of at most " + MAX_PARAMETER_LENGTH + " characters");
    }
    return text;
  }

  /** The API's error body, as JSON here too: a download link is called by programs as well. */
  private static void error(Context ctx, int status, String message, String field)
      throws IOException {
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .contentType("application/json")
        .result(JSON.writeValueAsBytes(new ErrorResponses.ErrorBody(status, message, field)));
  }
}
