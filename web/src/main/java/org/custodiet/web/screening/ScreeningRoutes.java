package org.custodiet.web.screening;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.custodiet.store.screening.ScreeningDecisions;
import org.custodiet.web.Site;
import org.custodiet.web.api.ApiRoutes;

/**
 * Screening on the web: {@code POST /api/v1/match}, the {@code /screen} form with curators'
 * decision buttons, and the destination report as a page and a PDF (docs/screening.md).
 */
public final class ScreeningRoutes {
  private ScreeningRoutes() {}

  public static void register(JavalinConfig config, Site site) {
    ScreeningState state = new ScreeningState(site);
    ScreeningPages pages = new ScreeningPages(site, state);
    byte[] css = resource("/assets/screening.css");
    DecisionRoutes decisions = new DecisionRoutes(state, new ScreeningDecisions(site.database()));
    config.routes.post(ApiRoutes.BASE + "/match", ctx -> MatchApi.match(ctx, state));
    config.routes.post(ApiRoutes.BASE + "/match/decisions", decisions::api);
    config.routes.post("/screen/decisions", decisions::form);
    config.routes.get("/screen", pages::screen);
    config.routes.get("/report", pages::reportPage);
    config.routes.get("/report.pdf", pages::reportPdf);
    config.routes.get(
        "/screening/screening.css",
        ctx ->
            ctx.header("Cache-Control", "public, max-age=3600")
                .contentType("text/css; charset=utf-8")
                .result(css));
  }

  private static byte[] resource(String name) {
    try (InputStream in = ScreeningRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
