package org.custodiet.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The stylesheet and scripts the pages use, read from the classpath once and served from memory
 * under /assets. htmx comes from its webjar, so the browser never fetches anything from a CDN.
 */
final class Assets {
  /** A file's bytes and media type. */
  record Asset(byte[] bytes, String contentType) {}

  private static final String HTMX_POM = "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

  private static final class Holder {
    static final Map<String, Asset> FILES =
        Map.of(
            "site.css", load("/assets/site.css", "text/css; charset=utf-8"),
            "app.js", load("/assets/app.js", "text/javascript; charset=utf-8"),
            "favicon.svg", load("/assets/favicon.svg", "image/svg+xml"),
            "review.js", load("/assets/review.js", "text/javascript; charset=utf-8"),
            "review.css", load("/assets/review.css", "text/css; charset=utf-8"),
            "htmx.min.js", load(htmxPath(), "text/javascript; charset=utf-8"));
  }

  private Assets() {}

  static Asset get(String name) {
    return Holder.FILES.get(name);
  }

  /** Where the webjar keeps htmx, read from its own metadata so a version bump needs no edit. */
  private static String htmxPath() {
    Properties pom = new Properties();
    try (InputStream in = Assets.class.getResourceAsStream(HTMX_POM)) {
      if (in == null) {
        throw new IllegalStateException("htmx webjar missing from the classpath: " + HTMX_POM);
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + HTMX_POM, e);
    }
    return "/META-INF/resources/webjars/htmx.org/"
        + pom.getProperty("version")
        + "/dist/htmx.min.js";
  }

  private static Asset load(String resource, String contentType) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("asset missing from the classpath: " + resource);
      }
      return new Asset(in.readAllBytes(), contentType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
