package org.custodiet.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The stylesheet and scripts the pages use, read from the classpath once and served from memory
 * under /assets. htmx comes from its webjar, so the browser never fetches anything from a CDN.
 */
final class Assets {
  /** A file's bytes and media type. */
  record Asset(byte[] bytes, String contentType) {}

  private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.7/dist/htmx.min.js";

  private static final class Holder {
    static final Map<String, Asset> FILES =
        Map.of(
            "site.css", load("/assets/site.css", "text/css; charset=utf-8"),
            "app.js", load("/assets/app.js", "text/javascript; charset=utf-8"),
            "favicon.svg", load("/assets/favicon.svg", "image/svg+xml"),
            "htmx.min.js", load(HTMX, "text/javascript; charset=utf-8"));
  }

  private Assets() {}

  static Asset get(String name) {
    return Holder.FILES.get(name);
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
