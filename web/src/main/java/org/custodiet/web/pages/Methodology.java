package org.custodiet.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * docs/methodology.md as HTML, rendered once. The build copies the file from docs/ into the
 * classpath, so the page always says what the repository's methodology says. Raw HTML in the
 * markdown is escaped: the document is ours, but the page should not depend on that.
 */
final class Methodology {
  static final String RESOURCE = "/docs/methodology.md";

  private Methodology() {}

  private static final class Holder {
    static final String HTML = render();
  }

  static String html() {
    return Holder.HTML;
  }

  private static String render() {
    String markdown;
    try (InputStream in = Methodology.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("methodology missing from the classpath: " + RESOURCE);
      }
      markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    var extensions = List.of(TablesExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    HtmlRenderer renderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .sanitizeUrls(true)
            // Header cells of the document's tables say which way they apply, for screen readers.
            .attributeProviderFactory(
                context ->
                    (node, tag, attributes) -> {
                      if (node instanceof TableCell cell && cell.isHeader()) {
                        attributes.put("scope", "col");
                      }
                    })
            .build();
    return renderer.render(parser.parse(markdown));
  }
}
