package org.custodiet.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.model.Codes;
import org.custodiet.store.export.CsvExport;
import org.custodiet.store.ingest.CandidateRepository;
import org.custodiet.store.ingest.CandidateView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "candidates",
    mixinStandardHelpOptions = true,
    description = {
      "List candidate claims read from ingested documents, waiting for review: most confident"
          + " first, each with its evidence (the sentence it was read in) and the document's URL."
    })
final class CandidatesCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(
      names = "--min-confidence",
      paramLabel = "X",
      defaultValue = "0",
      description = "Only candidates with at least this confidence, 0 to 1 (default 0).")
  double minConfidence;

  @Option(
      names = "--status",
      defaultValue = "pending",
      description = "pending, accepted or rejected (default ${DEFAULT-VALUE}).")
  String status;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "At most this many, 1 to 10000 (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--format", defaultValue = "table", description = "table, json or csv.")
  Format format;

  private static final int EVIDENCE_COLUMN = 100;

  @Override
  public Integer call() throws Exception {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw usage("--min-confidence: must be between 0 and 1, got " + minConfidence);
    }
    if (limit < 1 || limit > 10_000) {
      throw usage("--limit: must be between 1 and 10000, got " + limit);
    }
    String wanted = status.toLowerCase(Locale.ROOT);
    if (!CandidateRepository.STATUSES.contains(wanted)) {
      throw usage("--status: '" + status + "' is not one of pending, accepted, rejected");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<CandidateView> candidates;
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      candidates = new CandidateRepository(workspace.database()).list(wanted, minConfidence, limit);
    }
    switch (format) {
      case json ->
          out.println(
              Json.write(
                  Map.of("candidates", candidates.stream().map(CandidatesCommand::json).toList())));
      case csv -> {
        CSVPrinter printer =
            CSVFormat.RFC4180
                .builder()
                .setHeader(
                    "id",
                    "status",
                    "confidence",
                    "supplier",
                    "country",
                    "technology",
                    "city",
                    "lender",
                    "instrument",
                    "amount_usd",
                    "span_start",
                    "span_end",
                    "extractor",
                    "extractor_version",
                    "evidence",
                    "document_url",
                    "document_origin")
                .get()
                .print(out);
        for (CandidateView v : candidates) {
          CandidateClaim c = v.claim();
          printer.printRecord(
              v.id(),
              v.status(),
              c.confidence(),
              c.supplierCompanyId(),
              c.countryIso3(),
              c.technology(),
              c.city(),
              c.financing() == null ? null : c.financing().lenderId(),
              c.financing() == null ? null : Codes.of(c.financing().instrument()),
              c.financing() == null ? null : c.financing().amountUsd(),
              c.spanStart(),
              c.spanEnd(),
              c.extractor(),
              c.extractorVersion(),
              guard(v.evidence()),
              guard(v.documentUrl()),
              guard(v.documentOrigin()));
        }
        printer.flush();
      }
      case table -> {
        TextTable table =
            new TextTable("id", "conf", "supplier", "country", "technology", "evidence", "document")
                .alignRight(0, 1);
        for (CandidateView v : candidates) {
          CandidateClaim c = v.claim();
          table.row(
              v.id(),
              String.format(Locale.ROOT, "%.2f", c.confidence()),
              c.supplierCompanyId(),
              c.countryIso3(),
              c.technology() + (c.city() == null ? "" : " (" + c.city() + ")"),
              clip(v.evidence()),
              v.documentUrl() != null ? v.documentUrl() : v.documentOrigin());
        }
        table.print(out);
        out.printf(
            "%n%d %s candidates with confidence >= %s%s%n",
            candidates.size(),
            wanted,
            minConfidence,
            candidates.size() == limit ? " (limit reached; raise --limit for more)" : "");
      }
    }
    out.flush();
    return 0;
  }

  private static Map<String, Object> json(CandidateView v) {
    CandidateClaim c = v.claim();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("status", v.status());
    m.put("confidence", c.confidence());
    m.put("supplier_company_id", c.supplierCompanyId());
    m.put("country_iso3", c.countryIso3());
    m.put("technology", c.technology());
    m.put("city", c.city());
    if (c.financing() != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("lender_id", c.financing().lenderId());
      f.put("instrument", Codes.of(c.financing().instrument()));
      f.put("amount_usd", c.financing().amountUsd());
      m.put("financing", f);
    } else {
      m.put("financing", null);
    }
    m.put("evidence", v.evidence());
    m.put("span", List.of(c.spanStart(), c.spanEnd()));
    m.put("extractor", c.extractor());
    m.put("extractor_version", c.extractorVersion());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", v.documentId());
    d.put("url", v.documentUrl());
    d.put("origin", v.documentOrigin());
    d.put("title", v.documentTitle());
    m.put("document", d);
    m.put("created_at", v.createdAt().toString());
    return m;
  }

  /** The evidence on one line, cut to fit a terminal row. */
  private static String clip(String evidence) {
    String line = evidence.replace('\n', ' ');
    return line.length() <= EVIDENCE_COLUMN ? line : line.substring(0, EVIDENCE_COLUMN - 3) + "...";
  }

  /** Defuses text a spreadsheet would run as a formula. */
  private static String guard(String text) {
    return text == null ? null : CsvExport.guard(text);
  }

  private picocli.CommandLine.ParameterException usage(String message) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
  }
}
