package org.custodiet.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.IndexResult;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.web.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page over HTTP against a real server and database: content, escaping and errors. */
class PagesTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.start(dir);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static String ok(String path) throws Exception {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse(""))
        .matches("text/html; ?charset=utf-8");
    return response.body();
  }

  @Test
  void everyPageRenders() throws Exception {
    for (String path :
        new String[] {
          "/",
          "/?as_of=2019-06-01",
          "/map",
          "/map?layer=technology&code=facial_recognition",
          "/map?layer=supplier&country=CHN",
          "/countries",
          "/countries/KEN",
          "/companies",
          "/companies/huawei",
          "/technologies",
          "/technologies/facial_recognition",
          "/suppliers?origin=CHN",
          "/suppliers?origin=USA",
          "/figures/countries.any",
          "/methodology",
          "/downloads",
          "/api",
          "/search",
          "/search?q=huawei"
        }) {
      String html = ok(path);
      assertThat(html).as(path).contains("<main id=\"main\"").contains("CC BY 4.0");
      assertThat(html).as(path).doesNotContain("style=").doesNotContain("<script>");
    }
  }

  @Test
  void homeShowsTheEngineHeadlineForTheDate() throws Exception {
    LocalDate date = LocalDate.of(2023, 6, 30);
    IndexResult result = site.site().current().engine().compute(IndexQuery.living(date));
    String html = ok("/?as_of=" + date);
    for (Figure f : result.figures()) {
      if (f.id().startsWith("countries.technology.") || f.id().equals("countries.any")) {
        assertThat(html)
            .as(f.id())
            .containsPattern(
                "data-figure=\""
                    + java.util.regex.Pattern.quote(f.id())
                    + "\"[\\s\\S]{0,400}?>"
                    + f.value()
                    + "<");
      }
    }
  }

  @Test
  void countryPageListsSuppliersIndicatorsAndSources() throws Exception {
    String html = ok("/countries/KEN");
    assertThat(html).contains("Kenya").contains("Huawei").contains("Regime type");
    assertThat(html).contains("rel=\"noopener noreferrer\"");
    assertThat(html).contains("Example Procurement Bulletin");
  }

  @Test
  void countryPageListsEachSupplierOnceWithItsDeploymentsToldApart() throws Exception {
    String html = ok("/countries/KEN?as_of=2024-06-30");
    int start = html.indexOf("<table class=\"sortable suppliers\"");
    assertThat(start).isNotNegative();
    String table = html.substring(start, html.indexOf("</table>", start));
    Site.Snapshot snapshot = site.site().current();
    java.util.Map<String, java.util.List<String>> deploymentsBySupplier = new java.util.TreeMap<>();
    for (var view :
        snapshot
            .profiles()
            .country("KEN", IndexQuery.living(LocalDate.parse("2024-06-30")))
            .claims()) {
      var claim = view.claim();
      if (claim.kind() == ClaimKind.SUPPLIES && claim.supplier().isNamedCompany()) {
        deploymentsBySupplier
            .computeIfAbsent(claim.supplier().companyId(), k -> new java.util.ArrayList<>())
            .add(claim.id());
      }
    }
    assertThat(deploymentsBySupplier.values()).anyMatch(claims -> claims.size() > 1);
    for (var supplier : deploymentsBySupplier.entrySet()) {
      String row = "<th scope=\"row\"><a href=\"/companies/" + supplier.getKey() + "?";
      assertThat(table.split(java.util.regex.Pattern.quote(row), -1))
          .as(supplier.getKey() + " is one row")
          .hasSize(2);
      for (String claim : supplier.getValue()) {
        assertThat(table).contains("href=\"#claim-" + claim + "\"");
      }
    }
    // Several deployments of one supplier are told apart by city and agency.
    assertThat(table).contains("Konza").contains("Nairobi").contains("National Police Service");
  }

  @Test
  void figurePagesLinkCountriesAndListClaimsOnlyForFewCountries() throws Exception {
    LocalDate date = LocalDate.parse("2024-06-30");
    IndexResult result = site.site().current().engine().compute(IndexQuery.living(date));
    Figure any = result.figure("countries.any").orElseThrow();
    assertThat(any.countries()).hasSizeGreaterThan(Pages.FIGURE_CLAIMS_MAX_COUNTRIES);
    String html = ok("/figures/countries.any?as_of=" + date);
    assertThat(html.length()).isLessThan(150_000);
    for (String iso3 : any.countries()) {
      assertThat(html).contains("href=\"/countries/" + iso3 + "?as_of=" + date + "\"");
    }
    assertThat(html).doesNotContain("<article class=\"claim\"");

    Figure few =
        result.figures().stream()
            .filter(f -> !f.countries().isEmpty())
            .filter(f -> f.countries().size() <= Pages.FIGURE_CLAIMS_MAX_COUNTRIES)
            .findFirst()
            .orElseThrow();
    String fewHtml = ok("/figures/" + few.id() + "?as_of=" + date);
    for (String claim : few.claims()) {
      assertThat(fewHtml).contains("<article class=\"claim\" id=\"claim-" + claim + "\"");
    }
  }

  @Test
  void markupInDataIsEscaped() throws Exception {
    String html = ok("/countries/KEN");
    assertThat(html).doesNotContain(TestSite.HOSTILE_TITLE);
    assertThat(html).contains("&lt;script&gt;window.__injected = true;&lt;/script&gt;");
  }

  @Test
  void companyPageShowsListingAndMap() throws Exception {
    String html = ok("/companies/huawei");
    assertThat(html).contains("Huawei").contains("Entity List").contains("class=\"worldmap\"");
  }

  @Test
  void unknownThingsAreNotFoundWithAnExplanation() throws Exception {
    for (String path :
        new String[] {
          "/countries/XYZ",
          "/countries/K3N",
          "/companies/no-such-firm",
          "/companies/Bad_Id",
          "/figures/countries.nothing",
          "/technologies/teleportation",
          "/map?layer=technology&code=x"
        }) {
      HttpResponse<String> response = site.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).contains("class=\"error-message\"");
    }
    assertThat(site.get("/assets/nothing.js").statusCode()).isEqualTo(404);
    HttpResponse<String> lower = site.get("/countries/ken?as_of=2024-01-01");
    assertThat(lower.statusCode()).isEqualTo(301);
    assertThat(lower.headers().firstValue("location")).hasValue("/countries/KEN?as_of=2024-01-01");
  }

  @Test
  void malformedParametersAreBadRequestsNamingTheField() throws Exception {
    for (String path :
        new String[] {
          "/?as_of=2020-13-01",
          "/?as_of=yesterday",
          "/?as_of=" + "9".repeat(40),
          "/?as_of=1200-01-01",
          "/map?layer=bogus",
          "/suppliers?origin=QQQ",
          "/map?layer=technology"
        }) {
      HttpResponse<String> response = site.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.body()).as(path).contains("class=\"error-message\"");
    }
    assertThat(site.get("/?as_of=2020-13-01").body()).contains("as_of: '2020-13-01'");
    assertThat(site.get("/map?layer=%3Cb%3E").body()).contains("layer: '&lt;b&gt;'");
  }

  @Test
  void searchFindsAMisspelledCompanyAndEscapesWhatItShows() throws Exception {
    String html = ok("/search?q=hikvison");
    assertThat(html).contains("href=\"/companies/hikvision\"").contains("<mark>");
    String hostile = ok("/search?q=" + java.net.URLEncoder.encode("camera tender", "UTF-8"));
    assertThat(hostile).contains("Kenya camera tender").doesNotContain("<script>window");
    HttpResponse<String> tooLong = site.get("/search?q=" + "a".repeat(201));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("q: at most 200 characters");
  }

  @Test
  void claimEntriesCarryTheIdsSearchResultsLinkTo() throws Exception {
    String html = ok("/countries/KEN");
    assertThat(html).contains("id=\"claim-" + TestSite.HOSTILE_CLAIM + "\"");
  }

  @Test
  void methodologyIsTheRepositoryDocument() throws Exception {
    String html = ok("/methodology");
    assertThat(html).contains("<h1>").contains("<table>");
  }

  @Test
  void apiPageListsTheEndpointsTheApiDescribes() throws Exception {
    String html = ok("/api");
    assertThat(html)
        .contains("GET /api/v1/countries/{iso3}")
        .contains("href=\"/api/v1/figures\"")
        .contains("<code>as_of</code>");
    assertThat(site.get("/api/v1/figures").statusCode()).isEqualTo(200);
  }

  @Test
  void everyDownloadLinkAnswers() throws Exception {
    String html = ok("/downloads?as_of=2024-06-30");
    java.util.regex.Matcher links =
        java.util.regex.Pattern.compile("href=\"(/downloads/[^\"]+)\"").matcher(html);
    int count = 0;
    while (links.find()) {
      String link = links.group(1).replace("&amp;", "&");
      assertThat(site.get(link).statusCode()).as(link).isEqualTo(200);
      count++;
    }
    assertThat(count).isEqualTo(10);
  }

  @Test
  void assetsAreServedFromMemory() throws Exception {
    HttpResponse<String> css = site.get("/assets/site.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("content-type").orElse("")).startsWith("text/css");
    assertThat(site.get("/assets/htmx.min.js").body()).contains("htmx");
  }
}
