package org.custodiet.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.custodiet.web.browser.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in and out in a real headless Chromium, over plain HTTP on 127.0.0.1, where the browser
 * must still accept the Secure session cookie; and a form the page did not make, without the CSRF
 * field, refused.
 */
class AuthBrowserTest {
  @TempDir static Path dir;
  static AuthServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    server = new AuthServer(dir);
    driver = Chromium.start(dir);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @Test
  void signInShowsTheNameInTheNavAndAFormWithoutItsCsrfFieldIsRefused() {
    driver.get(server.base() + "/");
    driver.findElement(By.id("nav-signin")).click();
    waiting().until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("login-username")).sendKeys(AuthServer.CURATOR);
    driver.findElement(By.id("login-password")).sendKeys(AuthServer.PASSWORD);
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("nav-account")));

    assertThat(driver.findElement(By.id("nav-account")).getText()).isEqualTo(AuthServer.CURATOR);
    assertThat(driver.findElements(By.id("nav-signin"))).isEmpty();
    assertThat(driver.findElement(By.linkText("Review")).getAttribute("href")).endsWith("/review");
    assertThat(driver.findElements(By.linkText("Admin")))
        .as("curators see no Admin link")
        .isEmpty();
    Cookie session = driver.manage().getCookieNamed("custodiet_session");
    assertThat(session).as("Chromium kept the Secure cookie on http://127.0.0.1").isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.isSecure()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");
    assertThat(driver.executeScript("return document.cookie;")).isEqualTo("");
    // htmx requests from a signed-in page carry the session's CSRF token as a header.
    assertThat(
            driver.executeScript(
                "return JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token'];"))
        .isEqualTo(driver.findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value"));

    // The same request through fetch, first with the page's token, then without it.
    Object withToken =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const token = document.querySelector('input[name=_csrf]').value;"
                + "fetch('/account/tokens', {method: 'POST', headers: {'X-CSRF-Token': token},"
                + " body: new URLSearchParams({label: 'from fetch'})}).then(r => done(r.status));");
    assertThat(withToken).isEqualTo(201L);
    Object withoutToken =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch('/account/tokens', {method: 'POST',"
                + " body: new URLSearchParams({label: 'forged'})}).then(r => done(r.status));");
    assertThat(withoutToken).isEqualTo(403L);

    // A form built without the hidden _csrf field, submitted as a browser would.
    driver.executeScript(
        "const f = document.createElement('form');"
            + "f.method = 'post'; f.action = '/account/tokens';"
            + "const i = document.createElement('input');"
            + "i.name = 'label'; i.value = 'forged form'; f.appendChild(i);"
            + "document.body.appendChild(f); f.submit();");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "403"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("CSRF token");
    assertThat(server.tokens.list(AuthServer.CURATOR))
        .extracting(t -> t.name())
        .contains("from fetch")
        .doesNotContain("forged", "forged form");

    driver.get(server.base() + "/account");
    driver.findElement(By.id("nav-signout")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("nav-signin")));
    assertThat(driver.findElements(By.id("nav-account"))).isEmpty();
    assertThat(driver.manage().getCookieNamed("custodiet_session")).isNull();
    driver.get(server.base() + "/account");
    assertThat(driver.getCurrentUrl()).contains("/login?next=%2Faccount");
  }
}
