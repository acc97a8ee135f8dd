package org.custodiet.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.custodiet.core.account.Role;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.store.Database;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.ingest.DocumentRepository;
import org.custodiet.store.ingest.NewDocument;
import org.custodiet.web.browser.Chromium;
import org.custodiet.web.pages.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A curator in a real headless Chromium against a real server: signs in, works the review queue
 * with the keyboard, and finds the accepted claim established on the country page, with its
 * history, and in the Atom feeds of its country and supplier one click away.
 */
class ReviewBrowserTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String PASSWORD = "a passphrase for the browser test";

  /**
   * A tier-A official page already cited in the seed: a claim read in it is established at once.
   */
  static final String OFFICIAL_URL =
      "https://thalesgroup.com/en/worldwide/defence-and-security/news/nice-security-cutting-edge-technology";

  static final String NEW_CLAIM = "dep/thales/FRA/smart_policing/nice";

  @TempDir static Path dir;
  static TestSite site;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.start(dir);
    Database db = site.site().database();
    new AccountRepository(db).add("job:test", "grace", Role.CURATOR, PASSWORD);
    String official =
        "Nice, France. The city's police now use a Thales analytics platform that links incident"
            + " records and flags likely hot spots, the company announced.";
    store(db, OFFICIAL_URL, official, 1, "thales", "FRA", "smart_policing", "Nice", 0.97);
    String weak =
        "A blog post claims Hikvision cameras were fitted at a school gate in Lyon, France.";
    store(
        db,
        "https://blog.example.test/lyon",
        weak,
        2,
        "hikvision",
        "FRA",
        "smart_city",
        "Lyon",
        0.5);

    driver = Chromium.start(dir, LogType.BROWSER);
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

  static void store(
      Database db,
      String url,
      String body,
      int n,
      String supplier,
      String country,
      String technology,
      String city,
      double confidence) {
    int[] signature = new int[20];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = (500 + n) * 1000 + i;
    }
    new DocumentRepository(db, 0.5)
        .store(
            new NewDocument(
                url,
                String.format("%064x", 5000 + n),
                "Test article " + n,
                "2024-02-0" + n,
                java.net.URI.create(url).getHost(),
                "jsonl",
                "browser-test.jsonl line " + n,
                body,
                signature,
                new long[] {500 + n}),
            List.of(
                new CandidateClaim(
                    supplier,
                    country,
                    technology,
                    city,
                    null,
                    confidence,
                    0,
                    body.length(),
                    "test",
                    "1")));
  }

  @Test
  void aCuratorSignsInAcceptsWithTheKeyboardAndTheCountryPageShowsTheEstablishedClaim()
      throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(site.base() + "/review");
    // Anonymous: sent to sign in, and back to the queue afterwards.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-username")));
    driver.findElement(By.id("login-username")).sendKeys("grace");
    driver.findElement(By.id("login-password")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    if (!driver.getCurrentUrl().contains("/review")) {
      driver.get(site.base() + "/review");
    }
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-queue")));
    noConsoleErrors("/review");
    assertThat(js("return document.querySelectorAll('h1').length;")).isEqualTo(1L);
    assertThat(
            js(
                "return Array.from(document.querySelectorAll('input:not([type=hidden]), select'))"
                    + ".filter(e => e.labels.length === 0).length;"))
        .isEqualTo(0L);

    List<WebElement> rows = driver.findElements(By.cssSelector("#review-queue tbody tr"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getAttribute("class")).contains("current");
    String thalesId = rows.get(0).getAttribute("data-id");
    String blogId = rows.get(1).getAttribute("data-id");

    // '?' opens the key list; 'j' moves down, 'k' back up.
    keys("?");
    assertThat(driver.findElement(By.id("review-help")).getAttribute("open")).isNotNull();
    keys("j");
    assertThat(driver.findElement(By.id("cand-" + blogId)).getAttribute("class"))
        .contains("current");
    keys("k");
    assertThat(driver.findElement(By.id("cand-" + thalesId)).getAttribute("class"))
        .contains("current");
    screenshot("review-queue");

    // 'e' opens the current candidate: the article with its evidence marked, and what accepting
    // would do.
    keys("j");
    keys("e");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence")));
    assertThat(driver.findElement(By.id("evidence")).getText()).startsWith("A blog post claims");
    assertThat(driver.findElement(By.cssSelector("ul.proposals")).getText())
        .contains("would create claim dep/hikvision/FRA/smart_city/lyon (reported)");
    noConsoleErrors("/review/" + blogId);
    screenshot("review-candidate");
    driver.navigate().back();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-queue")));
    keys("k");

    keys("a");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
    assertThat(driver.findElement(By.cssSelector("p.notice")).getText())
        .contains("Candidate " + thalesId + " accepted")
        .contains(NEW_CLAIM);
    noConsoleErrors("/review after accepting");

    // The remaining candidate: 'r' focuses its reason field; Enter rejects it.
    keys("r");
    WebElement reason = driver.switchTo().activeElement();
    assertThat(reason.getAttribute("name")).isEqualTo("reason");
    reason.sendKeys("a blog's unsourced claim\n");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("p.notice"), "Candidate " + blogId + " rejected"));

    driver.get(site.base() + "/countries/FRA");
    WebElement claim = driver.findElement(By.id("claim-" + NEW_CLAIM));
    assertThat(claim.findElement(By.cssSelector(".status")).getText())
        .isEqualToIgnoringCase("Established");
    screenshot("review-country");
    noConsoleErrors("/countries/FRA");

    claim.findElement(By.cssSelector("a.history-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
    String history = driver.findElement(By.cssSelector("ol.history")).getText();
    assertThat(history)
        .contains("Candidate " + thalesId + " accepted in review")
        .contains("by user:grace");
    noConsoleErrors("claim history");

    // The Atom feeds, as a reader following France or Thales sees them, carry the new claim.
    for (String feed : List.of("/feeds/countries/FRA.atom", "/feeds/companies/thales.atom")) {
      driver.get(site.base() + feed);
      assertThat(driver.getPageSource()).as(feed).contains("/claims/" + NEW_CLAIM);
    }
    driver.get(site.base() + "/feeds/countries/DEU.atom");
    assertThat(driver.getPageSource()).doesNotContain("/claims/" + NEW_CLAIM);
  }

  private static void keys(String keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static void noConsoleErrors(String where) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    assertThat(errors).as("console errors on " + where).isEmpty();
    assertThat(js("return document.querySelectorAll('script:not([src]), style, [style]').length;"))
        .as("inline scripts or styles on " + where)
        .isEqualTo(0L);
  }

  private static void screenshot(String name) throws Exception {
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
