package org.custodiet.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.custodiet.core.index.Figure;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.index.IndexResult;
import org.custodiet.web.pages.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium (Debian's chromium and chromedriver) against a real server.
 * Every visit also checks that the browser logged no error and requested nothing beyond 127.0.0.1.
 */
class BrowserTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final LocalDate DATE = LocalDate.of(2024, 6, 30);

  @TempDir static Path dir;
  static TestSite site;
  static ChromeDriver driver;
  static final ObjectMapper JSON = new ObjectMapper();
  static final java.util.Set<String> NETWORK_SCHEMES =
      java.util.Set.of("http", "https", "ws", "wss", "ftp");
  static final java.util.Set<String> LOCAL_SCHEMES =
      java.util.Set.of("data", "chrome", "about", "blob");

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.start(dir);
    driver = Chromium.start(dir, LogType.BROWSER, LogType.PERFORMANCE);
    // The first tab starts on the browser's new-tab page; its traffic is not ours to check.
    driver.get("about:blank");
    driver.manage().logs().get(LogType.BROWSER);
    driver.manage().logs().get(LogType.PERFORMANCE);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (site != null) {
      site.close();
    }
  }

  /** Opens a page, then checks the browser's own logs for errors and outside requests. */
  private static void visit(String path) {
    driver.get(site.base() + path);
    checkLogs(path);
    checkStructure(path);
  }

  /** Structure assistive technology relies on, checked on every page visited. */
  private static void checkStructure(String where) {
    assertThat(js("return document.querySelectorAll('h1').length;"))
        .as("h1 on " + where)
        .isEqualTo(1L);
    assertThat(
            js(
                "return document.querySelectorAll('main').length"
                    + " + document.querySelectorAll('body > header nav[aria-label=Main]').length"
                    + " + document.querySelectorAll('body > footer').length;"))
        .as("landmarks on " + where)
        .isEqualTo(3L);
    // Tables in the rendered methodology come from markdown, which cannot express a caption.
    assertThat(
            js(
                "return document.querySelectorAll('table:not(:has(> caption)):not(.prose table)').length;"))
        .as("tables without a caption on " + where)
        .isEqualTo(0L);
    assertThat(js("return document.querySelectorAll('thead th:not([scope=col])').length;"))
        .as("column headers without scope on " + where)
        .isEqualTo(0L);
    assertThat(
            js(
                "return Array.from(document.querySelectorAll('input:not([type=hidden]), select'))"
                    + ".filter(e => e.labels.length === 0).length;"))
        .as("form controls without a label on " + where)
        .isEqualTo(0L);
  }

  private static void checkLogs(String where) {
    // The content security policy allows scripts and styles only from files on the server.
    assertThat(js("return document.querySelectorAll('script:not([src]), style, [style]').length;"))
        .as("inline scripts or styles on " + where)
        .isEqualTo(0L);
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    assertThat(errors).as("console errors on " + where).isEmpty();
    List<String> urls = requestedUrls();
    assertThat(urls).as("requests made by " + where).isNotEmpty();
    for (String url : urls) {
      URI uri = URI.create(url);
      if (NETWORK_SCHEMES.contains(uri.getScheme())) {
        assertThat(uri.getHost()).as("host of " + url + " on " + where).isEqualTo("127.0.0.1");
      } else {
        // The browser's own resources (chrome://, the date input's data: icon) never leave it.
        assertThat(uri.getScheme()).as("scheme of " + url + " on " + where).isIn(LOCAL_SCHEMES);
      }
    }
  }

  /** Every URL the page asked the network for, from Chrome's performance log. */
  private static List<String> requestedUrls() {
    List<String> urls = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        if (message.path("method").asText().equals("Network.requestWillBeSent")) {
          urls.add(message.path("params").path("request").path("url").asText());
        }
      } catch (java.io.IOException e) {
        throw new AssertionError("unreadable performance log entry: " + entry.getMessage(), e);
      }
    }
    return urls;
  }

  private static void screenshot(String name) throws Exception {
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Figure id to the number the page shows for it. */
  private static Map<String, Integer> shownFigures() {
    Map<String, Integer> shown = new LinkedHashMap<>();
    for (WebElement row : driver.findElements(By.cssSelector("#figures tr[data-figure]"))) {
      shown.put(
          row.getAttribute("data-figure"),
          Integer.parseInt(row.findElement(By.cssSelector(".value")).getText().trim()));
    }
    WebElement headline = driver.findElement(By.cssSelector("#figures .big-number a[data-figure]"));
    shown.put(headline.getAttribute("data-figure"), Integer.parseInt(headline.getText().trim()));
    return shown;
  }

  private static void assertFiguresMatchEngine(LocalDate date) {
    IndexResult result = site.site().current().engine().compute(IndexQuery.living(date));
    Map<String, Integer> shown = shownFigures();
    assertThat(shown).containsKey("countries.any");
    for (Figure f : result.figures()) {
      if (f.id().startsWith("countries.technology.") || f.id().startsWith("countries.regime.")) {
        assertThat(shown).as("figure " + f.id() + " as of " + date).containsKey(f.id());
      }
    }
    shown.forEach(
        (id, value) -> assertThat(value).as(id + " as of " + date).isEqualTo(result.value(id)));
  }

  @Test
  void homeFiguresAreTheEngineFiguresAndTheDatePickerSwapsThem() throws Exception {
    visit("/?as_of=" + DATE);
    assertFiguresMatchEngine(DATE);
    screenshot("home");
    js("document.getElementById('changes-heading').scrollIntoView();");
    screenshot("home-changes");

    LocalDate earlier = LocalDate.of(2019, 12, 31);
    WebElement input = driver.findElement(By.id("as_of"));
    js(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        input,
        earlier.toString());
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("as_of=" + earlier));
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                d.findElement(By.cssSelector("#figures .big-label time"))
                    .getAttribute("datetime")
                    .equals(earlier.toString()));
    assertFiguresMatchEngine(earlier);
    checkLogs("the date picker");
  }

  @Test
  void mapIsShadedAndKenyaOpensItsProfileWithHuawei() throws Exception {
    visit("/map?as_of=" + DATE);
    List<WebElement> shaded = driver.findElements(By.cssSelector("svg.worldmap a path:not(.s0)"));
    int expected =
        (int)
            site.site().current().engine().compute(IndexQuery.living(DATE)).figures().stream()
                .filter(f -> f.id().startsWith("countries.technology."))
                .flatMap(f -> f.countries().stream())
                .distinct()
                .count();
    assertThat(shaded.size()).isGreaterThan(50).isLessThanOrEqualTo(expected);
    assertThat(driver.findElements(By.cssSelector("svg.worldmap path.s0"))).isNotEmpty();
    screenshot("map");

    WebElement kenya = driver.findElement(By.cssSelector("svg.worldmap path[data-iso3='KEN']"));
    new Actions(driver).moveToElement(kenya).perform();
    WebElement tip = driver.findElement(By.cssSelector("#world-map .map-tip"));
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> tip.isDisplayed());
    assertThat(tip.getText()).startsWith("Kenya: ").contains("technologies");
    kenya.click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/countries/KEN"));
    checkLogs("Kenya's page");
    assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Kenya");
    assertThat(driver.findElement(By.id("main")).getText()).contains("Huawei");
    screenshot("country");
  }

  @Test
  void layerSwitcherRedrawsTheMapInPlace() {
    visit("/map?as_of=" + DATE);
    js("window.__samePage = true;");
    driver.findElement(By.cssSelector("input[name='layer'][value='supplier']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("layer=supplier"));
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.cssSelector(".map-title")).getText().contains("China"));
    // htmx swapped the map in place: the page, and the marker set on it, survived.
    assertThat(js("return window.__samePage === true;")).isEqualTo(true);
    Map<String, Integer> expected = new LinkedHashMap<>();
    site.site()
        .current()
        .engine()
        .compute(IndexQuery.living(DATE))
        .figure("countries.supplier_country.CHN")
        .orElseThrow()
        .countries()
        .forEach(c -> expected.put(c, 1));
    List<WebElement> shaded = driver.findElements(By.cssSelector("svg.worldmap a path:not(.s0)"));
    assertThat(shaded).isNotEmpty();
    for (WebElement path : shaded) {
      assertThat(expected).containsKey(path.getAttribute("data-iso3"));
    }
    checkLogs("the supplier layer");
  }

  @Test
  void markupInASourceTitleIsShownAsText() {
    visit("/countries/KEN");
    assertThat(driver.findElement(By.id("main")).getText()).contains(TestSite.HOSTILE_TITLE);
    js("document.getElementById('time-h').scrollIntoView();");
    try {
      screenshot("country-timeline");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(js("return window.__injected === undefined;")).isEqualTo(true);
    assertThat(driver.findElements(By.cssSelector("#main script, #main b"))).isEmpty();
  }

  @Test
  void skipLinkIsTheFirstStopAndFocusIsVisible() {
    visit("/countries");
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement focused = driver.switchTo().activeElement();
    assertThat(focused.getText()).isEqualTo("Skip to main content");
    assertThat(focused.getRect().getY()).isGreaterThanOrEqualTo(0);
    assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
    focused.sendKeys(Keys.ENTER);
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    WebElement next = driver.switchTo().activeElement();
    assertThat(next.getCssValue("outline-style")).isNotEqualTo("none");
  }

  @Test
  void searchingAMisspellingFindsHikvision() throws Exception {
    visit("/?as_of=" + DATE);
    WebElement box = driver.findElement(By.id("site-q"));
    box.sendKeys("hikvison");
    box.sendKeys(Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/search?q=hikvison"));
    checkLogs("the search page");
    List<WebElement> titles = driver.findElements(By.cssSelector(".results .result-title"));
    assertThat(titles).extracting(WebElement::getText).contains("Hikvision");
    screenshot("search");

    // Evidence hits point into the claim's entry on its country page.
    WebElement evidence =
        driver.findElements(By.cssSelector(".results .result-title")).stream()
            .filter(a -> a.getAttribute("href").contains("#claim-"))
            .findFirst()
            .orElseThrow();
    String target = evidence.getAttribute("href");
    driver.get(target);
    checkLogs(target);
    assertThat(js("var t = document.querySelector(':target'); return t && t.className;"))
        .isEqualTo("claim");
    visit("/search?q=hikvison");
    titles = driver.findElements(By.cssSelector(".results .result-title"));
    titles.stream().filter(t -> t.getText().equals("Hikvision")).findFirst().orElseThrow().click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/companies/hikvision"));
    checkLogs("Hikvision's page");
  }

  @Test
  void otherPagesRenderCleanly() throws Exception {
    visit("/companies/huawei?as_of=" + DATE);
    assertThat(driver.findElement(By.id("main")).getText()).contains("Entity List");
    assertThat(driver.findElements(By.cssSelector("svg.worldmap a path.s4"))).isNotEmpty();
    screenshot("company");
    visit("/suppliers?origin=CHN&as_of=" + DATE);
    assertThat(driver.findElements(By.cssSelector(".network .links path"))).hasSizeGreaterThan(20);
    screenshot("suppliers");
    visit("/countries");
    driver.findElement(By.cssSelector("th button.sort")).click();
    assertThat(driver.findElement(By.cssSelector("thead th")).getAttribute("aria-sort"))
        .isIn("ascending", "descending");
    for (String path : List.of("/companies", "/technologies", "/downloads", "/api")) {
      visit(path);
    }
    visit("/technologies/facial_recognition?as_of=" + DATE);
    screenshot("technology");
    visit("/figures/countries.regime.EA?as_of=" + DATE);
    screenshot("figure");
    visit("/methodology");
    assertThat(driver.findElements(By.cssSelector(".prose table"))).isNotEmpty();
    screenshot("methodology");
  }

  @Test
  void phoneWidthHasNoHorizontalScroll() throws Exception {
    Dimension before = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(375, 812));
      for (String path :
          List.of(
              "/?as_of=" + DATE,
              "/map",
              "/countries/KEN",
              "/companies/huawei",
              "/suppliers",
              "/countries",
              "/search?q=huawei",
              "/methodology")) {
        visit(path);
        long inner = (Long) js("return window.innerWidth;");
        assertThat(inner).as("viewport width").isLessThanOrEqualTo(400);
        assertThat((Long) js("return document.documentElement.scrollWidth;"))
            .as("page width at 375px on " + path)
            .isLessThanOrEqualTo(inner);
      }
      visit("/?as_of=" + DATE);
      screenshot("home-phone");
    } finally {
      driver.manage().window().setSize(before);
    }
  }
}
