package org.custodiet.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.index.CountryProfile;
import org.custodiet.core.index.Profiles;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "country",
    mixinStandardHelpOptions = true,
    description = "Profile of one country: indicators, technologies, suppliers, claims, evidence.")
final class CountryCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Main main;
  @Mixin IndexOptions index;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ISO3|NAME", description = "ISO 3166-1 alpha-3 code or a country name.")
  String country;

  @Option(names = "--format", defaultValue = "table", description = "table or json.")
  Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CountryProfile p =
        InWorkspace.run(
            main,
            spec,
            w -> new Profiles(w.engine()).country(w.resolveCountry(country), index.query()));
    if (format == Format.json) {
      out.println(Json.write(json(p)));
    } else {
      table(out, p);
    }
    out.flush();
    return 0;
  }

  static Map<String, Object> claimJson(ClaimView v) {
    Claim c = v.claim();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("country", c.countryIso3());
    m.put("technology", c.technology());
    if (c.supplier() != null) {
      m.put("supplier_company", c.supplier().companyId());
      m.put("supplier_origin", c.supplier().originIso3());
    }
    m.put("lender", c.lenderId());
    if (c.financing() != null) {
      m.put("instrument", c.financing().instrument().name().toLowerCase(java.util.Locale.ROOT));
      m.put("amount", c.financing().amount());
      m.put("currency", c.financing().currency());
    }
    m.put("city", c.city());
    m.put("agency", c.agency());
    m.put("stage", c.stage().name().toLowerCase(java.util.Locale.ROOT));
    m.put("observed_from", c.period().from() == null ? null : c.period().from().toString());
    m.put("observed_to", c.period().to() == null ? null : c.period().to().toString());
    m.put("status", v.status().code());
    m.put("counts", v.counts());
    List<Object> evidence = new ArrayList<>();
    for (ClaimView.SourcedEvidence e : v.evidence()) {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("source", e.source().id());
      em.put("url", e.source().url());
      em.put("doi", e.source().doi());
      em.put("publisher", e.source().publisher());
      em.put(
          "published", e.source().published() == null ? null : e.source().published().toString());
      em.put("tier", e.source().tier().name());
      em.put("summary", e.evidence().summary());
      em.put("locator", e.evidence().locator());
      evidence.add(em);
    }
    m.put("evidence", evidence);
    return m;
  }

  private static Map<String, Object> json(CountryProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("iso3", p.country().iso3());
    m.put("name", p.country().name());
    m.put("region", p.country().region());
    m.put("as_of", p.query().asOf().toString());
    m.put("source", p.query().sourceId());
    Map<String, Object> indicators = new LinkedHashMap<>();
    for (Map.Entry<IndicatorKind, Indicator> e : p.indicators().entrySet()) {
      indicators.put(
          e.getKey().code(),
          Map.of(
              "value", e.getValue().value(),
              "year", e.getValue().year(),
              "source", e.getValue().sourceId()));
    }
    m.put("indicators", indicators);
    m.put("technologies_in_use", p.technologiesInUse());
    m.put("supplier_companies", p.supplierCompanies());
    m.put("supplier_countries", p.supplierCountries());
    m.put("claims", p.claims().stream().map(CountryCommand::claimJson).toList());
    return m;
  }

  private static void table(PrintWriter out, CountryProfile p) {
    out.printf(
        "%s (%s), %s — as of %s%n%n",
        p.country().name(), p.country().iso3(), p.country().region(), p.query().asOf());
    for (Map.Entry<IndicatorKind, Indicator> e : p.indicators().entrySet()) {
      out.printf(
          "  %-28s %s (%d, %s)%n",
          e.getKey().code(), e.getValue().value(), e.getValue().year(), e.getValue().sourceId());
    }
    out.printf("%n  technologies in use: %s%n", orNone(p.technologiesInUse()));
    out.printf("  supplier companies:  %s%n", orNone(p.supplierCompanies()));
    out.printf("  supplier countries:  %s%n%n", orNone(p.supplierCountries()));
    TextTable table = new TextTable("claim", "status", "counts", "evidence");
    for (ClaimView v : p.claims()) {
      List<String> sources = new ArrayList<>();
      for (ClaimView.SourcedEvidence e : v.evidence()) {
        sources.add(
            e.source().publisher()
                + " ["
                + e.source().tier()
                + (e.source().published() == null ? "" : ", " + e.source().published())
                + "]");
      }
      table.row(
          v.claim().id(), v.status().code(), v.counts() ? "yes" : "no", String.join("; ", sources));
    }
    table.print(out);
  }

  static String orNone(List<String> values) {
    return values.isEmpty() ? "(none)" : String.join(", ", values);
  }
}
