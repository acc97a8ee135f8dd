package org.custodiet.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.extract.Gazetteer;
import org.custodiet.core.extract.RuleBasedExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "eval-extraction",
    mixinStandardHelpOptions = true,
    description = {
      "Run the claim extractor on labelled articles (JSON Lines: id, text, claims) and score it.",
      "Predicted and labelled claims match on (supplier, recipient country, technology), each"
          + " counted once per article; suppliers are matched by name or alias through the"
          + " gazetteer, and a labelled supplier it does not know counts as a miss."
    })
final class EvalExtractionCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long MAX_LINE_CHARS = 10_000_000;

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Labelled articles, one JSON object a line.")
  Path file;

  @Option(names = "--format", defaultValue = "table", description = "table or json.")
  Format format;

  @Option(
      names = "--predictions",
      paramLabel = "FILE",
      description = "Also write every predicted claim as JSON Lines, one line per article.")
  Path predictionsFile;

  @Option(
      names = "--max-size",
      paramLabel = "MB",
      defaultValue = "200",
      description =
          "Refuse input files larger than this many megabytes (default ${DEFAULT-VALUE}).")
  long maxMegabytes;

  record GoldClaim(String supplier, String country, String technology) {}

  record Article(String id, String text, List<GoldClaim> gold) {}

  /** What one article's claims are compared on. */
  record Key(String supplier, String country, String technology) {}

  record Outcome(String article, Key key, String evidence) {}

  @Override
  public Integer call() throws IOException {
    if (format == Format.csv) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--format: must be table or json");
    }
    if (maxMegabytes < 1 || maxMegabytes > 4096) {
      throw new IllegalArgumentException("--max-size: must be between 1 and 4096 MB");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Article> articles = read(file, maxMegabytes * 1024 * 1024);
    Gazetteer gazetteer;
    try (Workspace workspace = Workspace.open(main.store, spec.commandLine().getErr())) {
      gazetteer = Gazetteer.from(workspace.knowledgeBase());
    }
    RuleBasedExtractor extractor = new RuleBasedExtractor(gazetteer);

    long chars = 0;
    long started = System.nanoTime();
    List<List<CandidateClaim>> predicted = new ArrayList<>(articles.size());
    for (Article a : articles) {
      predicted.add(extractor.extract(a.text()));
      chars += a.text().length();
    }
    long elapsed = System.nanoTime() - started;

    Score total = new Score();
    Map<String, Score> perTechnology = new TreeMap<>();
    List<Outcome> misses = new ArrayList<>();
    List<Outcome> falseAlarms = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      Set<Key> gold = new LinkedHashSet<>();
      for (GoldClaim g : a.gold()) {
        String supplier =
            gazetteer.companyIdForName(g.supplier()).orElse("unknown supplier: " + g.supplier());
        gold.add(new Key(supplier, g.country(), g.technology()));
      }
      Map<Key, CandidateClaim> guessed = new LinkedHashMap<>();
      for (CandidateClaim c : predicted.get(i)) {
        guessed.putIfAbsent(new Key(c.supplierCompanyId(), c.countryIso3(), c.technology()), c);
      }
      for (Key k : gold) {
        Score t = perTechnology.computeIfAbsent(k.technology(), x -> new Score());
        if (guessed.containsKey(k)) {
          total.truePositives++;
          t.truePositives++;
        } else {
          total.falseNegatives++;
          t.falseNegatives++;
          misses.add(new Outcome(a.id(), k, null));
        }
      }
      for (Map.Entry<Key, CandidateClaim> e : guessed.entrySet()) {
        if (!gold.contains(e.getKey())) {
          total.falsePositives++;
          perTechnology.computeIfAbsent(e.getKey().technology(), x -> new Score()).falsePositives++;
          CandidateClaim c = e.getValue();
          falseAlarms.add(
              new Outcome(a.id(), e.getKey(), a.text().substring(c.spanStart(), c.spanEnd())));
        }
      }
    }
    if (predictionsFile != null) {
      writePredictions(articles, predicted, gazetteer);
    }
    double megabytes = chars * 2 / 1e6;
    double seconds = elapsed / 1e9;
    if (format == Format.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("precision", round(total.precision()));
      m.put("recall", round(total.recall()));
      m.put("f1", round(total.f1()));
      Map<String, Object> techs = new LinkedHashMap<>();
      perTechnology.forEach((k, v) -> techs.put(k, v.json()));
      m.put("per_technology", techs);
      m.put("articles", articles.size());
      m.put("true_positives", total.truePositives);
      m.put("false_positives", total.falsePositives);
      m.put("false_negatives", total.falseNegatives);
      m.put("misses", misses.stream().map(o -> outcomeJson(o, gazetteer)).toList());
      m.put("false_alarms", falseAlarms.stream().map(o -> outcomeJson(o, gazetteer)).toList());
      m.put("extractor", extractor.name() + " " + extractor.version());
      out.println(Json.write(m));
    } else {
      out.printf(
          "%d articles, %s %s: precision %.3f, recall %.3f, F1 %.3f (%d matched, %d false"
              + " alarms, %d misses)%n%n",
          articles.size(),
          extractor.name(),
          extractor.version(),
          total.precision(),
          total.recall(),
          total.f1(),
          total.truePositives,
          total.falsePositives,
          total.falseNegatives);
      TextTable table =
          new TextTable("technology", "precision", "recall", "F1", "matched", "false", "missed")
              .alignRight(1, 2, 3, 4, 5, 6);
      perTechnology.forEach(
          (k, v) ->
              table.row(
                  k,
                  String.format(Locale.ROOT, "%.3f", v.precision()),
                  String.format(Locale.ROOT, "%.3f", v.recall()),
                  String.format(Locale.ROOT, "%.3f", v.f1()),
                  v.truePositives,
                  v.falsePositives,
                  v.falseNegatives));
      table.print(out);
      out.printf("%nMisses (%d):%n", misses.size());
      for (Outcome o : misses) {
        out.printf("  %s: %s%n", o.article(), describe(o.key(), gazetteer));
      }
      out.printf("%nFalse alarms (%d):%n", falseAlarms.size());
      for (Outcome o : falseAlarms) {
        out.printf(
            "  %s: %s%n      \"%s\"%n",
            o.article(), describe(o.key(), gazetteer), abbreviate(o.evidence()));
      }
      out.printf(
          "%nExtraction time: %.1f ms for %.2f MB (%.1f MB/s, one thread, includes warm-up)%n",
          seconds * 1000, megabytes, seconds == 0 ? 0 : megabytes / seconds);
    }
    out.flush();
    return 0;
  }

  private static String describe(Key k, Gazetteer gazetteer) {
    return gazetteer.companyName(k.supplier()) + " -> " + k.country() + " " + k.technology();
  }

  private static Map<String, Object> outcomeJson(Outcome o, Gazetteer gazetteer) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.article());
    m.put("supplier", o.key().supplier());
    m.put("supplier_name", gazetteer.companyName(o.key().supplier()));
    m.put("recipient_country", o.key().country());
    m.put("technology", o.key().technology());
    if (o.evidence() != null) {
      m.put("evidence", o.evidence());
    }
    return m;
  }

  private static String abbreviate(String s) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private void writePredictions(
      List<Article> articles, List<List<CandidateClaim>> predicted, Gazetteer gazetteer)
      throws IOException {
    Path target = predictionsFile.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = Files.createTempFile(dir, ".predictions", ".tmp");
    try {
      try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        for (int i = 0; i < articles.size(); i++) {
          List<Object> claims = new ArrayList<>();
          for (CandidateClaim c : predicted.get(i)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("supplier", c.supplierCompanyId());
            m.put("supplier_name", gazetteer.companyName(c.supplierCompanyId()));
            m.put("recipient_country", c.countryIso3());
            m.put("technology", c.technology());
            m.put("city", c.city());
            if (c.financing() == null) {
              m.put("financing", null);
            } else {
              Map<String, Object> f = new LinkedHashMap<>();
              f.put("lender", c.financing().lenderId());
              f.put("instrument", c.financing().instrument().name().toLowerCase(Locale.ROOT));
              f.put("amount_usd", c.financing().amountUsd());
              m.put("financing", f);
            }
            m.put("confidence", c.confidence());
            m.put("span", List.of(c.spanStart(), c.spanEnd()));
            claims.add(m);
          }
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("id", articles.get(i).id());
          line.put("claims", claims);
          w.write(MAPPER.writeValueAsString(line));
          w.newLine();
        }
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Reads and checks every line before anything is extracted; errors name the file and line. */
  static List<Article> read(Path file, long maxBytes) throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    if (size > maxBytes) {
      throw new IllegalArgumentException(
          file + ": " + size + " bytes is larger than the limit of " + maxBytes + " bytes");
    }
    List<Article> articles = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader r =
        new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String where = file + " line " + number;
        if (line.length() > MAX_LINE_CHARS) {
          throw new IllegalArgumentException(where + ": longer than " + MAX_LINE_CHARS + " chars");
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(
              where + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
          throw new IllegalArgumentException(where + ": expected a JSON object");
        }
        String id = text(node, "id", where);
        if (!ids.add(id)) {
          throw new IllegalArgumentException(where + ": id '" + id + "' appears twice");
        }
        String body = text(node, "text", where);
        JsonNode claims = node.get("claims");
        if (claims == null || !claims.isArray()) {
          throw new IllegalArgumentException(where + ": field 'claims' must be a list");
        }
        List<GoldClaim> gold = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
          JsonNode c = claims.get(i);
          String at = where + ", claims[" + i + "]";
          if (!c.isObject()) {
            throw new IllegalArgumentException(at + ": expected a JSON object");
          }
          String supplier = text(c, "supplier", at);
          String country = text(c, "recipient_country", at);
          if (!org.custodiet.core.model.Iso3.isWellFormed(country)) {
            throw new IllegalArgumentException(
                at + ": recipient_country '" + country + "' is not an ISO 3166-1 alpha-3 code");
          }
          String technology = text(c, "technology", at);
          gold.add(new GoldClaim(supplier, country, technology));
        }
        articles.add(new Article(id, body, gold));
      }
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    }
    return articles;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(where + ": field '" + field + "' must be a string");
    }
    return v.asText();
  }

  /** Counts for precision and recall. */
  static final class Score {
    int truePositives;
    int falsePositives;
    int falseNegatives;

    double precision() {
      int predicted = truePositives + falsePositives;
      return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    double recall() {
      int gold = truePositives + falseNegatives;
      return gold == 0 ? 0 : (double) truePositives / gold;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("precision", round(precision()));
      m.put("recall", round(recall()));
      m.put("f1", round(f1()));
      m.put("true_positives", truePositives);
      m.put("false_positives", falsePositives);
      m.put("false_negatives", falseNegatives);
      return m;
    }
  }
}
