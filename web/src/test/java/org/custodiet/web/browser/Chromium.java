package org.custodiet.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver (CI installs both, see .ci/run), set
 * up the same way for every browser test: no sandbox, no background traffic, a fixed window size
 * and a throw-away profile.
 */
public final class Chromium {
  private Chromium() {}

  /**
   * Starts a browser whose profile lives under {@code dir}, keeping every entry of the named logs
   * ({@link org.openqa.selenium.logging.LogType}) for the test to read.
   */
  public static ChromeDriver start(Path dir, String... logTypes) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome")));
    if (logTypes.length > 0) {
      LoggingPreferences logs = new LoggingPreferences();
      for (String type : logTypes) {
        logs.enable(type, Level.ALL);
      }
      options.setCapability("goog:loggingPrefs", logs);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
