package org.custodiet.ingest;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The readable article in an HTML page: navigation, headers, footers, asides, scripts, forms and
 * advertising blocks are dropped; an {@code <article>} or {@code <main>} is preferred, else the
 * element holding the most paragraph text.
 */
final class HtmlContent {
  /** What a page says about itself, and its main text. */
  record Page(String title, String url, String published, String text) {}

  private static final String DROPPED =
      "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button,"
          + " select, dialog, [role=navigation], [role=banner], [role=contentinfo],"
          + " [role=complementary], [aria-hidden=true]";

  /** Class or id words that mark page furniture rather than the story. */
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "(?i)(?:^|[\\s_-])(?:nav|navbar|menu|footer|sidebar|advert|advertisement|ads?|adslot"
              + "|promo|sponsored|cookie|consent|banner|share|sharing|social|related|recommended"
              + "|comments?|newsletter|subscribe|breadcrumbs?|popup|modal|outbrain|taboola)"
              + "(?:$|[\\s_-])");

  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");

  private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

  private static final java.util.Set<String> BLOCKS =
      java.util.Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "br",
          "tr",
          "table",
          "section",
          "article",
          "main",
          "blockquote",
          "pre",
          "dd",
          "dt",
          "figcaption",
          "hr");

  private final int maxDepth;

  HtmlContent(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  /**
   * The charset an HTML document declares in a {@code <meta>} tag within its first kilobyte, or
   * {@code fallback}.
   */
  static Charset declaredCharset(byte[] html, Charset fallback) {
    String head =
        new String(
            html, 0, Math.min(html.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? Decoding.charsetOrUtf8(m.group(1)) : fallback;
  }

  /** Parses a page and takes its main content. */
  Page read(String html, String baseUrl) throws UnreadableException {
    Parser parser = Parser.htmlParser().setMaxDepth(maxDepth + 1);
    Document doc = parser.parseInput(html, baseUrl == null ? "" : baseUrl);
    int depth = depth(doc);
    if (depth > maxDepth) {
      throw new UnreadableException(
          "HTML nests elements more than "
              + maxDepth
              + " levels deep; refused as broken or hostile markup");
    }
    String title = firstNonBlank(meta(doc, "og:title"), doc.title(), firstText(doc, "h1"));
    String url = firstNonBlank(attr(doc, "link[rel=canonical]", "abs:href"), meta(doc, "og:url"));
    String published =
        isoDay(
            firstNonBlank(
                meta(doc, "article:published_time"),
                meta(doc, "date"),
                meta(doc, "pubdate"),
                meta(doc, "dc.date"),
                attr(doc, "time[datetime]", "datetime")));
    doc.select(DROPPED).remove();
    for (Element e : doc.body().select("[class], [id]")) {
      if (e.parent() != null
          && (BOILERPLATE.matcher(e.className()).find() || BOILERPLATE.matcher(e.id()).find())) {
        e.remove();
      }
    }
    String text = text(mainBlock(doc));
    return new Page(title, url, published, text);
  }

  private static int depth(Document doc) {
    int[] max = {0};
    NodeTraversor.traverse((NodeVisitor) (node, d) -> max[0] = Math.max(max[0], d), doc);
    return max[0];
  }

  private static Element mainBlock(Document doc) {
    Element best = longest(doc.select("article"));
    if (best == null) {
      best = longest(doc.select("main, [role=main]"));
    }
    if (best != null) {
      return best;
    }
    java.util.Map<Element, Integer> paragraphText = new java.util.HashMap<>();
    for (Element p : doc.body().select("p")) {
      Element parent = p.parent();
      if (parent != null) {
        paragraphText.merge(parent, p.text().length(), Integer::sum);
      }
    }
    return paragraphText.entrySet().stream()
        .max(java.util.Map.Entry.comparingByValue())
        .map(java.util.Map.Entry::getKey)
        .orElse(doc.body());
  }

  private static Element longest(Elements elements) {
    Element best = null;
    int bestLength = 0;
    for (Element e : elements) {
      int length = e.text().length();
      if (length > bestLength) {
        best = e;
        bestLength = length;
      }
    }
    return best;
  }

  /** The text of an element with paragraph breaks between block elements. */
  static String text(Element root) {
    StringBuilder b = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              b.append(t.text());
            } else if (node instanceof Element e && isBlock(e)) {
              b.append("\n\n");
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && isBlock(e)) {
              b.append("\n\n");
            }
          }
        },
        root);
    return b.toString();
  }

  /** The text of an HTML fragment such as a feed entry's content, without page heuristics. */
  static String fragmentText(String html) {
    return text(Parser.parseBodyFragment(html, "").body());
  }

  private static boolean isBlock(Element e) {
    return BLOCKS.contains(e.normalName());
  }

  private static String meta(Document doc, String name) {
    Element e = doc.selectFirst("meta[property=\"" + name + "\"], meta[name=\"" + name + "\"]");
    return e == null ? null : e.attr("content");
  }

  private static String attr(Document doc, String selector, String attribute) {
    Element e = doc.selectFirst(selector);
    return e == null ? null : e.attr(attribute);
  }

  private static String firstText(Document doc, String selector) {
    Element e = doc.selectFirst(selector);
    return e == null ? null : e.text();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /** The YYYY-MM-DD a date or date-time starts with, or null. */
  static String isoDay(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = DATE.matcher(value.strip());
    if (!m.find()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(m.group(1)).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
