package org.custodiet.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custodiet.core.index.ClaimFilter;
import org.custodiet.core.index.ClaimSearch;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.index.CompanyProfile;
import org.custodiet.core.index.CountryProfile;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.IndexComparison;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.IndexResult;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.IndicatorKind;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Technology;
import org.custodiet.core.rules.CodingRules;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.store.search.SearchResults;
import org.custodiet.web.Site;

/** Builds each page from one snapshot of the site: the numbers, then the template. */
public final class Pages {
  /** The dataset release the living index is compared against on the home page. */
  static final String RELEASE = "aigs-2022";

  static final String TECHNOLOGY = "countries.technology.";
  static final String ORIGIN = "countries.supplier_country.";
  static final String COMPANY = "countries.company.";
  static final String LENDER = "countries.lender.";
  static final String REGIME = "countries.regime.";

  /**
   * A figure page lists the claims themselves only for figures over at most this many countries.
   */
  static final int FIGURE_CLAIMS_MAX_COUNTRIES = 5;

  private final Site.Snapshot snapshot;
  private final KnowledgeBase kb;
  private final LocalDate asOf;
  private final View view;
  private final IndexQuery query;

  Pages(Site.Snapshot snapshot, LocalDate asOf) {
    this.snapshot = snapshot;
    this.kb = snapshot.knowledgeBase();
    this.asOf = asOf;
    this.view = new View(kb, asOf);
    this.query = IndexQuery.living(asOf);
  }

  /** A titled list of figures on the home page. */
  public record FigureGroup(String title, String caption, List<Figure> figures) {}

  /** The claims that put one country into a figure. */
  public record CountryClaims(String iso3, List<ClaimView> claims) {}

  /**
   * One supplier of a country with its supply claims there; {@code supplier} is any of those
   * claims, for the supplier's name and origin.
   */
  public record SupplierGroup(Claim supplier, List<ClaimView> deployments) {}

  /** A row of the countries list. */
  public record CountryRow(
      String iso3,
      String name,
      String region,
      String regime,
      int technologies,
      int suppliers,
      int claims) {}

  /** A row of the companies list. */
  public record CompanyRow(
      String id, String name, String headquarters, int countries, boolean lender, String listed) {}

  /** A technology with the number of countries using it. */
  public record TechnologyRow(Technology technology, int countries) {}

  /** A supplier of one technology with the countries it supplies. */
  public record SupplierCount(String companyId, List<String> countries) {}

  private Chrome chrome(String title, String section) {
    return new Chrome(title, section, asOf, CodingRules.VERSION);
  }

  private Map<String, Object> params(String title, String section) {
    Map<String, Object> p = new HashMap<>();
    p.put("chrome", chrome(title, section));
    p.put("v", view);
    return p;
  }

  private IndexResult living() {
    return snapshot.indexes().compute(query);
  }

  String home() {
    IndexResult result = living();
    Map<String, IndexComparison.FigureChange> changes = new LinkedHashMap<>();
    if (kb.sources().containsKey(RELEASE)) {
      IndexResult release = snapshot.indexes().compute(IndexQuery.singleSource(asOf, RELEASE));
      for (IndexComparison.FigureChange c : IndexComparison.compare(release, result)) {
        changes.put(c.id(), c);
      }
    }
    List<FigureGroup> groups = new ArrayList<>();
    groups.add(
        new FigureGroup(
            "Technologies",
            "Countries where at least one established claim says the technology is in use",
            withPrefix(result, TECHNOLOGY, Integer.MAX_VALUE)));
    groups.add(
        new FigureGroup(
            "Supplier home countries",
            "Countries supplied by companies headquartered in each country (ultimate parent)",
            withPrefix(result, ORIGIN, Integer.MAX_VALUE)));
    groups.add(
        new FigureGroup(
            "Regime type",
            "Countries using AI surveillance, by V-Dem regime type, of all countries of that type",
            withPrefix(result, REGIME, Integer.MAX_VALUE)));
    groups.add(
        new FigureGroup(
            "Leading suppliers",
            "The ten companies supplying the most countries",
            withPrefix(result, COMPANY, 10)));
    List<Figure> finance = new ArrayList<>();
    result.figure("countries.financed").ifPresent(finance::add);
    finance.addAll(withPrefix(result, LENDER, Integer.MAX_VALUE));
    groups.add(
        new FigureGroup("Financing", "Countries with a deployment financed by a lender", finance));
    Map<String, Object> p = params("AI surveillance around the world", "home");
    p.put("headline", result.figure("countries.any").orElse(null));
    p.put("groups", groups);
    p.put("changes", changes);
    p.put(
        "releaseChanges",
        changes.values().stream().filter(c -> !c.id().startsWith(COMPANY)).toList());
    p.put("map", technologyCountMap(result));
    return Templates.render("home.jte", p);
  }

  private static List<Figure> withPrefix(IndexResult result, String prefix, int limit) {
    return result.figures().stream()
        .filter(f -> f.id().startsWith(prefix))
        .sorted(Comparator.comparingInt(Figure::value).reversed().thenComparing(Figure::id))
        .limit(limit)
        .toList();
  }

  String figure(String id) {
    IndexResult result = living();
    Figure figure =
        result
            .figure(id)
            .orElseThrow(
                () -> PageException.notFound("No figure '" + id + "' as of " + asOf + "."));
    Map<String, List<ClaimView>> byCountry = new TreeMap<>(Comparator.comparing(view::countryName));
    for (String claimId : figure.claims()) {
      ClaimView claim = snapshot.profiles().claim(claimId, query);
      byCountry.computeIfAbsent(claim.claim().countryIso3(), k -> new ArrayList<>()).add(claim);
    }
    List<CountryClaims> rows = new ArrayList<>();
    byCountry.forEach((iso3, claims) -> rows.add(new CountryClaims(iso3, claims)));
    Map<String, Object> p = params(figure.label(), "home");
    p.put("figure", figure);
    p.put("rows", rows);
    // Evidence for every claim of a figure over many countries runs to megabytes; there each
    // country's page shows its claims instead.
    p.put("claimsShown", rows.size() <= FIGURE_CLAIMS_MAX_COUNTRIES);
    return Templates.render("figure.jte", p);
  }

  String map(String layer, String code, String origin) {
    IndexResult result = living();
    Choropleth choropleth;
    String selected = layer == null || layer.isBlank() ? "count" : layer;
    switch (selected) {
      case "count" -> choropleth = technologyCountMap(result);
      case "technology" -> {
        Technology t = technology(code);
        Map<String, Integer> values = new HashMap<>();
        result
            .figure(TECHNOLOGY + t.code())
            .ifPresent(f -> f.countries().forEach(c -> values.put(c, 1)));
        choropleth =
            Choropleth.of(
                "Countries using " + t.label().toLowerCase(Locale.ROOT),
                view,
                values,
                Map.of(),
                "in use",
                true);
      }
      case "supplier" -> choropleth = supplierMap(result, origin(origin));
      default ->
          throw PageException.badRequest(
              "layer: '" + layer + "' is not one of count, technology or supplier.");
    }
    Map<String, Object> p = params("World map", "map");
    p.put("map", choropleth);
    p.put("layer", selected);
    p.put("code", code == null ? "" : code);
    p.put("origin", origin == null ? "CHN" : origin);
    p.put("technologies", List.copyOf(kb.technologies().values()));
    p.put("origins", origins(result));
    return Templates.render("map.jte", p);
  }

  private Technology technology(String code) {
    if (code == null || code.isBlank()) {
      throw PageException.badRequest("code: give a technology code, such as facial_recognition.");
    }
    Technology t = kb.technologies().get(code);
    if (t == null) {
      throw PageException.notFound("No technology '" + code + "'.");
    }
    return t;
  }

  private String origin(String iso3) {
    String origin = iso3 == null || iso3.isBlank() ? "CHN" : iso3;
    if (!kb.countries().containsKey(origin)) {
      throw PageException.badRequest(
          "country: '" + iso3 + "' is not a known ISO 3166 alpha-3 code.");
    }
    return origin;
  }

  private List<String> origins(IndexResult result) {
    return result.figures().stream()
        .map(Figure::id)
        .filter(id -> id.startsWith(ORIGIN) && !id.endsWith(".bri"))
        .map(id -> id.substring(ORIGIN.length()))
        .sorted(Comparator.comparing(view::countryName))
        .toList();
  }

  private Choropleth technologyCountMap(IndexResult result) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, List<String>> labels = new HashMap<>();
    for (Figure f : result.figures()) {
      if (f.id().startsWith(TECHNOLOGY)) {
        String label = view.technologyLabel(f.id().substring(TECHNOLOGY.length()));
        for (String c : f.countries()) {
          counts.merge(c, 1, Integer::sum);
          labels.computeIfAbsent(c, k -> new ArrayList<>()).add(label);
        }
      }
    }
    Map<String, String> details = new HashMap<>();
    labels.forEach((c, l) -> details.put(c, String.join(", ", l)));
    return Choropleth.of(
        "Number of AI surveillance technologies in use",
        view,
        counts,
        details,
        "technologies",
        false);
  }

  private Choropleth supplierMap(IndexResult result, String origin) {
    Map<String, TreeSet<String>> suppliers = suppliersByCountry(result, origin);
    Map<String, Integer> counts = new HashMap<>();
    Map<String, String> details = new HashMap<>();
    suppliers.forEach(
        (c, s) -> {
          counts.put(c, s.size());
          details.put(c, String.join(", ", s));
        });
    return Choropleth.of(
        "Suppliers from " + view.countryName(origin) + " per country",
        view,
        counts,
        details,
        "suppliers",
        false);
  }

  /** For one supplier home country: each supplied country and the supplier names there. */
  private Map<String, TreeSet<String>> suppliersByCountry(IndexResult result, String origin) {
    Map<String, TreeSet<String>> suppliers = new HashMap<>();
    result
        .figure(ORIGIN + origin)
        .ifPresent(
            f -> {
              for (String id : f.claims()) {
                Claim claim = kb.claims().get(id);
                if (claim.supplier() != null) {
                  suppliers
                      .computeIfAbsent(claim.countryIso3(), k -> new TreeSet<>())
                      .add(view.supplierName(claim));
                }
              }
            });
    return suppliers;
  }

  String country(String iso3) {
    if (!kb.countries().containsKey(iso3)) {
      throw PageException.notFound("No country with the code '" + iso3 + "'.");
    }
    CountryProfile profile = snapshot.profiles().country(iso3, query);
    List<ClaimView> supplies = new ArrayList<>();
    List<ClaimView> finances = new ArrayList<>();
    List<Timeline.Entry> entries = new ArrayList<>();
    for (ClaimView c : profile.claims()) {
      if (c.claim().kind() == ClaimKind.SUPPLIES) {
        supplies.add(c);
      } else if (c.claim().kind() == ClaimKind.FINANCES) {
        finances.add(c);
      }
      LocalDate first = view.firstReported(c);
      if (first != null) {
        entries.add(
            new Timeline.Entry(
                first,
                "st-" + c.status().code(),
                first + ": " + view.describe(c.claim()) + " (" + view.statusLabel(c.status()) + ")",
                fragment(c.claim())));
      }
    }
    entries.sort(Comparator.comparing(Timeline.Entry::date));
    Map<String, Object> p = params(profile.country().name(), "countries");
    p.put("p", profile);
    p.put("suppliers", supplierGroups(supplies));
    p.put("finances", finances);
    p.put("timeline", Timeline.of(entries));
    p.put("entries", entries);
    return Templates.render("country.jte", p);
  }

  /**
   * Supply claims grouped by supplier, suppliers by name: one supplier often has several
   * deployments in a country (other cities, agencies or technologies), which read as duplicates
   * when listed one claim per row.
   */
  private List<SupplierGroup> supplierGroups(List<ClaimView> supplies) {
    Map<String, List<ClaimView>> bySupplier = new LinkedHashMap<>();
    for (ClaimView c : supplies) {
      Claim claim = c.claim();
      String key =
          claim.supplier().isNamedCompany()
              ? "company " + claim.supplier().companyId()
              : "origin " + claim.supplier().originIso3();
      bySupplier.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    return bySupplier.values().stream()
        .map(claims -> new SupplierGroup(claims.get(0).claim(), claims))
        .sorted(
            Comparator.comparing((SupplierGroup g) -> !g.supplier().supplier().isNamedCompany())
                .thenComparing(g -> view.supplierName(g.supplier()).toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** The id of a claim's entry on its country page, where search results point. */
  public static String anchor(Claim claim) {
    return "claim-" + claim.id();
  }

  /** A link to that entry: the id percent-encoded, slashes kept, as the search index writes it. */
  public static String fragment(Claim claim) {
    return "#claim-"
        + URLEncoder.encode(claim.id(), StandardCharsets.UTF_8)
            .replace("%2F", "/")
            .replace("+", "%20");
  }

  String company(String id) {
    Company company = kb.companies().get(id);
    if (company == null) {
      throw PageException.notFound("No company with the id '" + id + "'.");
    }
    CompanyProfile profile = snapshot.profiles().company(id, query);
    Map<String, Integer> served = new HashMap<>();
    profile.countriesServed().forEach(c -> served.put(c, 1));
    Map<String, Object> p = params(company.name(), "companies");
    p.put("p", profile);
    p.put(
        "served",
        profile.countriesServed().stream()
            .sorted(Comparator.comparing(view::countryName))
            .toList());
    p.put("parent", company.parentId() == null ? null : kb.companies().get(company.parentId()));
    p.put(
        "map",
        Choropleth.of(
            "Countries " + company.name() + " supplies or finances",
            view,
            served,
            Map.of(),
            "served",
            true));
    return Templates.render("company.jte", p);
  }

  String technologyPage(String code) {
    Technology t = technology(code);
    IndexResult result = living();
    Figure figure = result.figure(TECHNOLOGY + t.code()).orElse(null);
    Map<String, TreeSet<String>> byCompany = new HashMap<>();
    for (ClaimView c :
        allClaims(new ClaimFilter(null, null, t.code(), null, null, ClaimKind.SUPPLIES, true))) {
      if (c.claim().supplier().isNamedCompany()) {
        byCompany
            .computeIfAbsent(c.claim().supplier().companyId(), k -> new TreeSet<>())
            .add(c.claim().countryIso3());
      }
    }
    List<SupplierCount> suppliers = new ArrayList<>();
    byCompany.forEach(
        (company, countries) -> suppliers.add(new SupplierCount(company, List.copyOf(countries))));
    suppliers.sort(
        Comparator.comparingInt((SupplierCount s) -> -s.countries().size())
            .thenComparing(s -> view.companyName(s.companyId())));
    Map<String, Object> p = params(t.label(), "technologies");
    p.put("t", t);
    p.put("figure", figure);
    p.put(
        "countries",
        figure == null
            ? List.of()
            : figure.countries().stream().sorted(Comparator.comparing(view::countryName)).toList());
    p.put("suppliers", suppliers);
    return Templates.render("technology.jte", p);
  }

  private List<ClaimView> allClaims(ClaimFilter filter) {
    List<ClaimView> all = new ArrayList<>();
    ClaimSearch.Page page;
    do {
      page = snapshot.claims().find(filter, query, all.size(), ClaimSearch.MAX_LIMIT);
      all.addAll(page.claims());
    } while (all.size() < page.total() && !page.claims().isEmpty());
    return all;
  }

  String technologies() {
    IndexResult result = living();
    List<TechnologyRow> rows = new ArrayList<>();
    for (Technology t : kb.technologies().values()) {
      rows.add(new TechnologyRow(t, result.value(TECHNOLOGY + t.code())));
    }
    rows.sort(
        Comparator.comparingInt((TechnologyRow r) -> -r.countries())
            .thenComparing(r -> r.technology().label()));
    Map<String, Object> p = params("Technologies", "technologies");
    p.put("rows", rows);
    return Templates.render("technologies.jte", p);
  }

  String countries() {
    IndexResult result = living();
    Map<String, Integer> technologies = new HashMap<>();
    Map<String, Integer> suppliers = new HashMap<>();
    for (Figure f : result.figures()) {
      Map<String, Integer> target =
          f.id().startsWith(TECHNOLOGY)
              ? technologies
              : f.id().startsWith(COMPANY) ? suppliers : null;
      if (target != null) {
        f.countries().forEach(c -> target.merge(c, 1, Integer::sum));
      }
    }
    Map<String, Integer> claims = new HashMap<>();
    kb.claims().values().forEach(c -> claims.merge(c.countryIso3(), 1, Integer::sum));
    Map<String, String> regimes = new HashMap<>();
    kb.indicators().stream()
        .filter(i -> i.kind() == IndicatorKind.REGIME_TYPE && i.year() <= asOf.getYear())
        .sorted(Comparator.comparingInt(Indicator::year))
        .forEach(i -> regimes.put(i.countryIso3(), i.value()));
    List<CountryRow> rows = new ArrayList<>();
    for (var c : kb.countries().values()) {
      if (claims.containsKey(c.iso3())) {
        rows.add(
            new CountryRow(
                c.iso3(),
                c.name(),
                c.region() == null ? "" : c.region(),
                regimes.containsKey(c.iso3()) ? view.regimeLabel(regimes.get(c.iso3())) : "",
                technologies.getOrDefault(c.iso3(), 0),
                suppliers.getOrDefault(c.iso3(), 0),
                claims.get(c.iso3())));
      }
    }
    rows.sort(Comparator.comparing(CountryRow::name));
    Map<String, Object> p = params("Countries", "countries");
    p.put("rows", rows);
    return Templates.render("countries.jte", p);
  }

  String companies() {
    IndexResult result = living();
    Map<String, String> listed = new HashMap<>();
    kb.listings()
        .forEach(
            l -> listed.merge(l.companyId(), l.list() + " since " + l.listedOn(), (a, b) -> a));
    Set<String> involved = new HashSet<>();
    for (Claim c : kb.claims().values()) {
      if (c.supplier() != null && c.supplier().isNamedCompany()) {
        involved.add(c.supplier().companyId());
      }
      if (c.lenderId() != null) {
        involved.add(c.lenderId());
      }
    }
    List<CompanyRow> rows = new ArrayList<>();
    for (Company c : kb.companies().values()) {
      if (!involved.contains(c.id()) && !listed.containsKey(c.id())) {
        continue;
      }
      int supplied = result.value(COMPANY + c.id());
      int financed = result.value(LENDER + c.id());
      rows.add(
          new CompanyRow(
              c.id(),
              c.name(),
              c.headquartersIso3() == null ? "" : view.countryName(c.headquartersIso3()),
              Math.max(supplied, financed),
              financed > supplied,
              listed.getOrDefault(c.id(), "")));
    }
    rows.sort(Comparator.comparing(CompanyRow::name, String.CASE_INSENSITIVE_ORDER));
    Map<String, Object> p = params("Companies", "companies");
    p.put("rows", rows);
    return Templates.render("companies.jte", p);
  }

  String suppliers(String originParam) {
    String origin = origin(originParam);
    IndexResult result = living();
    Map<String, TreeSet<String>> countriesByCompany = new TreeMap<>();
    result
        .figure(ORIGIN + origin)
        .ifPresent(
            f -> {
              for (String id : f.claims()) {
                Claim claim = kb.claims().get(id);
                if (claim.supplier() != null && claim.supplier().isNamedCompany()) {
                  countriesByCompany
                      .computeIfAbsent(claim.supplier().companyId(), k -> new TreeSet<>())
                      .add(claim.countryIso3());
                }
              }
            });
    SupplierChart chart =
        SupplierChart.of(
            countriesByCompany,
            view::companyName,
            view::companyHref,
            view::countryName,
            view::countryHref);
    Map<String, Object> p = params("Supplier network", "suppliers");
    p.put("origin", origin);
    p.put("origins", origins(result));
    p.put("chart", chart);
    return Templates.render("suppliers.jte", p);
  }

  /** Results shown per search; the index allows up to {@link SearchIndex#MAX_LIMIT}. */
  static final int SEARCH_LIMIT = 50;

  String search(SearchIndex index, String q) {
    String query = q == null ? "" : q.strip();
    if (query.length() > SearchIndex.MAX_QUERY_LENGTH) {
      throw PageException.badRequest(
          "q: at most "
              + SearchIndex.MAX_QUERY_LENGTH
              + " characters, got "
              + query.length()
              + ".");
    }
    SearchResults results =
        query.isEmpty() ? new SearchResults("", 0, List.of()) : index.search(query, SEARCH_LIMIT);
    Map<String, Object> p = params(query.isEmpty() ? "Search" : "Search: " + query, "search");
    p.put("q", query);
    p.put("results", results);
    return Templates.render("search.jte", p);
  }

  String api() {
    Map<String, Object> p = params("API", "api");
    p.put("endpoints", ApiReference.endpoints());
    p.put("base", ApiReference.BASE);
    return Templates.render("api.jte", p);
  }

  String methodology(String html) {
    Map<String, Object> p = params("Methodology", "methodology");
    p.put("html", html);
    return Templates.render("methodology.jte", p);
  }

  String downloads() {
    Map<String, Object> p = params("Downloads", "downloads");
    p.put("release", kb.sources().get(RELEASE));
    return Templates.render("downloads.jte", p);
  }

  static String error(Site.Snapshot snapshot, LocalDate asOf, int status, String message) {
    Pages pages = new Pages(snapshot, asOf);
    Map<String, Object> p = pages.params(status == 404 ? "Not found" : "Bad request", "");
    p.put("status", status);
    p.put("message", message);
    return Templates.render("error.jte", p);
  }
}
