package org.custodiet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.custodiet.core.extract.Extractor;
import org.custodiet.core.extract.Gazetteer;
import org.custodiet.core.extract.RuleBasedExtractor;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.KnowledgeBase;

/**
 * The part of the knowledge base a gazetteer is built from (companies and countries), in a form
 * Spark can broadcast. The gazetteer itself is an automaton of records that Java serialization
 * cannot carry, so each executor JVM builds it once from this broadcast copy and reuses it for
 * every task; the driver builds the same one, so all read with identical lists.
 */
public final class GazetteerSource implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One gazetteer per JVM and knowledge base, shared by the tasks that run there. */
  private static final Map<GazetteerSource, Extractor> BUILT = new ConcurrentHashMap<>();

  private record CompanyRow(
      String id,
      String name,
      String headquartersIso3,
      String parentId,
      String ownership,
      List<String> aliases)
      implements Serializable {}

  private record CountryRow(String iso3, String iso2, String name, String region, String subRegion)
      implements Serializable {}

  private final List<CompanyRow> companies;
  private final List<CountryRow> countries;

  private GazetteerSource(List<CompanyRow> companies, List<CountryRow> countries) {
    this.companies = companies;
    this.countries = countries;
  }

  public static GazetteerSource of(KnowledgeBase kb) {
    List<CompanyRow> companies = new ArrayList<>();
    for (Company c : kb.companies().values()) {
      companies.add(
          new CompanyRow(
              c.id(),
              c.name(),
              c.headquartersIso3(),
              c.parentId(),
              c.ownership().name(),
              new ArrayList<>(c.aliases())));
    }
    List<CountryRow> countries = new ArrayList<>();
    for (Country c : kb.countries().values()) {
      countries.add(new CountryRow(c.iso3(), c.iso2(), c.name(), c.region(), c.subRegion()));
    }
    return new GazetteerSource(companies, countries);
  }

  /** The rule-based extractor over this knowledge base, built on first use in this JVM. */
  public Extractor extractor() {
    return BUILT.computeIfAbsent(this, source -> new RuleBasedExtractor(source.gazetteer()));
  }

  private Gazetteer gazetteer() {
    List<Company> companyList = new ArrayList<>();
    for (CompanyRow c : companies) {
      companyList.add(
          new Company(
              c.id(),
              c.name(),
              c.headquartersIso3(),
              c.parentId(),
              Company.Ownership.valueOf(c.ownership()),
              c.aliases()));
    }
    List<Country> countryList = new ArrayList<>();
    for (CountryRow c : countries) {
      countryList.add(new Country(c.iso3(), c.iso2(), c.name(), c.region(), c.subRegion()));
    }
    return Gazetteer.from(
        new KnowledgeBase(
            countryList,
            companyList,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GazetteerSource o
        && companies.equals(o.companies)
        && countries.equals(o.countries);
  }

  @Override
  public int hashCode() {
    return 31 * companies.hashCode() + countries.hashCode();
  }
}
