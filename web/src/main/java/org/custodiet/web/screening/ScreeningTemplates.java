package org.custodiet.web.screening;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.ResourceCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * The screening pages' jte templates, compiled on first use like the site's others, with HTML
 * escaping of every {@code ${...}}.
 */
final class ScreeningTemplates {
  private ScreeningTemplates() {}

  private static final class Holder {
    static final TemplateEngine ENGINE = create();
  }

  private static TemplateEngine create() {
    Path classes;
    try {
      classes = Files.createTempDirectory("custodiet-jte-screening");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for compiled templates", e);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> deleteTree(classes), "jte-screening-cleanup"));
    TemplateEngine engine =
        TemplateEngine.create(
            new ResourceCodeResolver("templates", ScreeningTemplates.class.getClassLoader()),
            classes,
            ContentType.Html,
            ScreeningTemplates.class.getClassLoader());
    engine.setTrimControlStructures(true);
    return engine;
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort at shutdown: a leftover temp directory is harmless.
    }
  }

  static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    Holder.ENGINE.render(template, params, out);
    return out.toString();
  }
}
