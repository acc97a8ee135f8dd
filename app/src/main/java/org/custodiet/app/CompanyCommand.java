package org.custodiet.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.index.CompanyProfile;
import org.custodiet.core.index.Profiles;
import org.custodiet.core.model.EntityListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "company",
    mixinStandardHelpOptions = true,
    description = "Profile of one company: countries served, technologies, listings, claims.")
final class CompanyCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Main main;
  @Mixin IndexOptions index;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "NAME",
      description = "Company name, alias or id (e.g. Huawei, hikvsion).")
  String name;

  @Option(names = "--format", defaultValue = "table", description = "table or json.")
  Format format;

  @Override
  public Integer call() throws Exception {
    CompanyProfile p =
        InWorkspace.run(
            main,
            spec,
            w -> new Profiles(w.engine()).company(w.resolveCompany(name), index.query()));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.company().id());
      m.put("name", p.company().name());
      m.put("aliases", p.company().aliases());
      m.put("headquarters", p.company().headquartersIso3());
      m.put("parent", p.company().parentId());
      m.put("origin", p.originIso3());
      m.put("as_of", p.query().asOf().toString());
      m.put("countries_served", p.countriesServed());
      m.put("technologies", p.technologies());
      m.put(
          "listings",
          p.listings().stream()
              .map(
                  l ->
                      Map.of(
                          "list", l.list(),
                          "listed_on", l.listedOn().toString(),
                          "reference", String.valueOf(l.reference())))
              .toList());
      m.put("claims", p.claims().stream().map(CountryCommand::claimJson).toList());
      out.println(Json.write(m));
    } else {
      out.printf(
          "%s (%s) — headquarters %s%s, counted for %s — as of %s%n",
          p.company().name(),
          p.company().id(),
          orUnknown(p.company().headquartersIso3()),
          p.company().parentId() == null ? "" : ", parent " + p.company().parentId(),
          orUnknown(p.originIso3()),
          p.query().asOf());
      out.printf("  aliases: %s%n", CountryCommand.orNone(p.company().aliases()));
      for (EntityListing l : p.listings()) {
        out.printf(
            "  listed: %s since %s (%s)%n", l.list(), l.listedOn(), orUnknown(l.reference()));
      }
      out.printf(
          "  countries served (%d): %s%n",
          p.countriesServed().size(), CountryCommand.orNone(p.countriesServed()));
      out.printf("  technologies: %s%n%n", CountryCommand.orNone(p.technologies()));
      TextTable table = new TextTable("claim", "status", "counts", "sources");
      for (ClaimView v : p.claims()) {
        table.row(
            v.claim().id(), v.status().code(), v.counts() ? "yes" : "no", v.evidence().size());
      }
      table.print(out);
    }
    out.flush();
    return 0;
  }

  private static String orUnknown(String value) {
    return value == null ? "unknown" : value;
  }
}
