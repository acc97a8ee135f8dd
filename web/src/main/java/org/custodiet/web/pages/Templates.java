package org.custodiet.web.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.ResourceCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The jte templates under {@code templates/} on the classpath, compiled on first use into a
 * temporary directory with the JDK's compiler, so the shaded jar needs nothing but a JDK. HTML
 * content type: every {@code ${...}} is escaped for where it stands.
 */
public final class Templates {
  private Templates() {}

  private static final class Holder {
    static final TemplateEngine ENGINE = create();
  }

  private static TemplateEngine create() {
    Path classes;
    try {
      classes = Files.createTempDirectory("custodiet-jte");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for compiled templates", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(classes), "jte-cleanup"));
    TemplateEngine engine =
        TemplateEngine.create(
            new ResourceCodeResolver("templates", Templates.class.getClassLoader()),
            classes,
            ContentType.Html,
            Templates.class.getClassLoader());
    engine.setTrimControlStructures(true);
    return engine;
  }

  /** Compiled templates are regenerated on every start; leave no trace in the temp directory. */
  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort at shutdown: a leftover temp directory is harmless.
    }
  }

  public static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    Holder.ENGINE.render(template, params, out);
    return out.toString();
  }
}
