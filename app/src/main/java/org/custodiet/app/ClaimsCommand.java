package org.custodiet.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.custodiet.core.index.ClaimCsv;
import org.custodiet.core.index.ClaimFilter;
import org.custodiet.core.index.ClaimSearch;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.rules.ClaimStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "claims",
    mixinStandardHelpOptions = true,
    description = "List claims with their status as of a date, filtered and a page at a time.")
final class ClaimsCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin IndexOptions index;
  @Spec CommandSpec spec;

  @Option(names = "--country", paramLabel = "ISO3|NAME", description = "Claims about this country.")
  String country;

  @Option(
      names = "--company",
      paramLabel = "NAME",
      description = "Claims naming this supplier or lender.")
  String company;

  @Option(names = "--technology", paramLabel = "CODE", description = "e.g. facial_recognition.")
  String technology;

  @Option(
      names = "--supplier-country",
      paramLabel = "ISO3",
      description = "Supplies from this country (stated origin or the company's home country).")
  String supplierCountry;

  @Option(names = "--status", description = "established, reported, disputed or retracted.")
  String status;

  @Option(names = "--kind", description = "uses, supplies or finances.")
  String kind;

  @Option(names = "--counting", description = "Only claims that count in the figures.")
  boolean counting;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "Page size, 1 to 1000 (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Skip this many matches.")
  int offset;

  @Option(names = "--format", defaultValue = "table", description = "table, json or csv.")
  Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      ClaimFilter filter =
          new ClaimFilter(
              country == null ? null : workspace.resolveCountry(country),
              company == null ? null : workspace.resolveCompany(company),
              technology,
              supplierCountry == null ? null : supplierCountry.toUpperCase(Locale.ROOT),
              status == null ? null : parse(ClaimStatus.class, "--status", status),
              kind == null ? null : parse(ClaimKind.class, "--kind", kind),
              counting);
      ClaimSearch.Page page =
          new ClaimSearch(workspace.engine()).find(filter, index.query(), offset, limit);
      switch (format) {
        case json -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("total", page.total());
          m.put("offset", page.offset());
          m.put("limit", page.limit());
          m.put("claims", page.claims().stream().map(CountryCommand::claimJson).toList());
          out.println(Json.write(m));
        }
        case csv -> {
          CSVPrinter printer =
              CSVFormat.RFC4180
                  .builder()
                  .setHeader(ClaimCsv.HEADER.toArray(String[]::new))
                  .get()
                  .print(out);
          for (ClaimView v : page.claims()) {
            printer.printRecord(ClaimCsv.row(v));
          }
          printer.flush();
        }
        case table -> {
          TextTable table = new TextTable("claim", "status", "counts", "supplier", "sources");
          for (ClaimView v : page.claims()) {
            table.row(
                v.claim().id(),
                v.status().code(),
                v.counts() ? "yes" : "no",
                supplier(v.claim()),
                v.evidence().size());
          }
          table.print(out);
          out.printf(
              "%n%d of %d matching claims (offset %d) as of %s%n",
              page.claims().size(), page.total(), page.offset(), index.query().asOf());
        }
      }
    }
    out.flush();
    return 0;
  }

  private static String supplier(Claim c) {
    return c.supplier() == null ? "" : c.supplier().companyOrOrigin();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option
              + ": '"
              + value
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }
}
