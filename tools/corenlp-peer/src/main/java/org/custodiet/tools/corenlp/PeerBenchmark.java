package org.custodiet.tools.corenlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.extract.Gazetteer;
import org.custodiet.core.extract.RuleBasedExtractor;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.KnowledgeBase;

/**
 * Extraction speed beside a peer, in one run: custodiet's rule-based extractor over a whole corpus
 * on one thread, and Stanford CoreNLP's named-entity pipeline (tokenize, ssplit, pos, lemma, ner)
 * over a sample of the same texts, also on one thread.
 *
 * <pre>
 * java -cp ... org.custodiet.tools.corenlp.PeerBenchmark [--corpus FILE.jsonl] [--data DIR]
 *     [--peer-mb 1.0] [--seconds 10] [--synthetic-mb 20]
 * </pre>
 *
 * Without --corpus it writes its own news-like texts from sentence templates.
 */
public final class PeerBenchmark {
  private PeerBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path corpus = null;
    Path data = Path.of("data");
    double peerMegabytes = 1.0;
    double seconds = 10;
    double syntheticMegabytes = 20;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(require(value, "--corpus"));
        case "--data" -> data = Path.of(require(value, "--data"));
        case "--peer-mb" -> peerMegabytes = Double.parseDouble(require(value, "--peer-mb"));
        case "--seconds" -> seconds = Double.parseDouble(require(value, "--seconds"));
        case "--synthetic-mb" ->
            syntheticMegabytes = Double.parseDouble(require(value, "--synthetic-mb"));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
      i++;
    }
    KnowledgeBase kb = knowledgeBase(data);
    List<String> texts =
        corpus != null ? readCorpus(corpus) : synthetic(kb, (long) (syntheticMegabytes * 1e6));
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf(
        Locale.ROOT,
        "corpus: %s, %d texts, %.1f MB (UTF-8)%n",
        corpus == null ? "synthetic (own templates)" : corpus,
        texts.size(),
        bytes / 1e6);

    long built = System.nanoTime();
    Gazetteer gazetteer = Gazetteer.from(kb);
    RuleBasedExtractor extractor = new RuleBasedExtractor(gazetteer);
    System.out.printf(
        Locale.ROOT,
        "custodiet %s %s: gazetteer of %d forms built in %.0f ms%n",
        extractor.name(),
        extractor.version(),
        gazetteer.patternCount(),
        (System.nanoTime() - built) / 1e6);

    long claims = 0;
    long warmUntil = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      for (String t : texts) {
        claims += extractor.extract(t).size();
      }
    }
    long passes = 0;
    long started = System.nanoTime();
    long deadline = started + (long) (seconds * 1e9);
    do {
      claims = 0;
      for (String t : texts) {
        List<CandidateClaim> found = extractor.extract(t);
        claims += found.size();
      }
      passes++;
    } while (System.nanoTime() < deadline);
    double ownSeconds = (System.nanoTime() - started) / 1e9;
    double ownRate = bytes * passes / 1e6 / ownSeconds;
    System.out.printf(
        Locale.ROOT,
        "custodiet: %d passes in %.1f s, %.1f MB/s on one thread, %d candidate claims a pass%n",
        passes,
        ownSeconds,
        ownRate,
        claims);

    if (peerMegabytes <= 0) {
      return;
    }
    List<String> sample = new ArrayList<>();
    long sampleBytes = 0;
    for (String t : texts) {
      if (sampleBytes >= peerMegabytes * 1e6) {
        break;
      }
      sample.add(t);
      sampleBytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    Properties standard = new Properties();
    standard.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    standard.setProperty("threads", "1");
    double standardRate = peer("default ner", standard, sample, sampleBytes);
    Properties lean = new Properties();
    lean.putAll(standard);
    lean.setProperty(
        "ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
    lean.setProperty("ner.useSUTime", "false");
    lean.setProperty("ner.applyNumericClassifiers", "false");
    lean.setProperty("ner.applyFineGrained", "false");
    lean.setProperty("ner.buildEntityMentions", "false");
    double leanRate = peer("lean ner (3-class model only)", lean, sample, sampleBytes);
    System.out.printf(
        Locale.ROOT,
        "ratio: custodiet extraction is %.0fx CoreNLP's default named-entity pipeline and %.0fx"
            + " its lean configuration (bar: 50x; own speed bar: 50 MB/s)%n",
        ownRate / standardRate,
        ownRate / leanRate);
  }

  /** Loads one CoreNLP configuration, warms it up on 20 texts and times it over the sample. */
  private static double peer(
      String label, Properties props, List<String> sample, long sampleBytes) {
    long loading = System.nanoTime();
    StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
    System.out.printf(
        Locale.ROOT,
        "CoreNLP %s [%s]: loaded in %.1f s%n",
        label,
        props.getProperty("annotators"),
        (System.nanoTime() - loading) / 1e9);
    for (int i = 0; i < Math.min(20, sample.size()); i++) {
      pipeline.annotate(new Annotation(sample.get(i)));
    }
    long started = System.nanoTime();
    long tokens = 0;
    for (String t : sample) {
      Annotation a = new Annotation(t);
      pipeline.annotate(a);
      tokens += a.get(edu.stanford.nlp.ling.CoreAnnotations.TokensAnnotation.class).size();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = sampleBytes / 1e6 / seconds;
    System.out.printf(
        Locale.ROOT,
        "CoreNLP %s: %d texts, %.2f MB, %d tokens in %.1f s, %.4f MB/s (%.0f tokens/s) on one"
            + " thread%n",
        label,
        sample.size(),
        sampleBytes / 1e6,
        tokens,
        seconds,
        rate,
        tokens / seconds);
    System.out.println(pipeline.timingInformation());
    return rate;
  }

  private static String require(String value, String option) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  private static List<String> readCorpus(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = mapper.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException(file + " line " + number + ": not valid JSON");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
          throw new IllegalArgumentException(
              file + " line " + number + ": field 'text' must be a string");
        }
        texts.add(text.asText());
      }
    }
    if (texts.isEmpty()) {
      throw new IllegalArgumentException(file + ": no texts");
    }
    return texts;
  }

  /** Companies and countries from the repository's data files; claims are not needed. */
  static KnowledgeBase knowledgeBase(Path data) throws IOException {
    List<Country> countries = new ArrayList<>();
    List<String[]> iso = Csv.read(data.resolve("iso3166/all.csv"));
    for (String[] r : iso.subList(1, iso.size())) {
      countries.add(new Country(r[2], r[1], r[0], r[5], r[6]));
    }
    List<String[]> extra = Csv.read(data.resolve("countries-extra.csv"));
    for (String[] r : extra.subList(1, extra.size())) {
      countries.add(new Country(r[0], r[1].isEmpty() ? null : r[1], r[2], r[3], r[4]));
    }
    List<Company> companies = new ArrayList<>();
    List<String[]> rows = Csv.read(data.resolve("companies.csv"));
    for (String[] r : rows.subList(1, rows.size())) {
      List<String> aliases = new ArrayList<>();
      for (String a : r[5].split("\\|")) {
        if (!a.isBlank()) {
          aliases.add(a.trim());
        }
      }
      companies.add(
          new Company(
              r[0],
              r[1],
              r[2].isEmpty() ? null : r[2],
              r[3].isEmpty() ? null : r[3],
              Company.Ownership.valueOf(r[4].toUpperCase(Locale.ROOT)),
              aliases));
    }
    return new KnowledgeBase(
        countries, companies, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }

  private static final String[] CITIES = {
    "Nairobi", "Lusaka", "Quito", "Belgrade", "Islamabad", "Lahore", "Manila", "Kampala",
    "Harare", "Caracas", "La Paz", "Bangkok", "Jakarta", "Tashkent", "Dakar", "Abuja"
  };
  private static final String[] TECHNOLOGIES = {
    "a safe city platform",
    "facial recognition cameras",
    "a command and control centre",
    "predictive policing software",
    "licence plate recognition cameras",
    "a video surveillance network",
    "social media monitoring tools"
  };
  private static final String[] FILLER = {
    "The council met on Tuesday to discuss the budget for road repairs and school meals.",
    "Heavy rain caused flooding in several districts, and the weather service expects more"
        + " storms this week.",
    "The central bank kept its benchmark rate unchanged, citing stable inflation.",
    "Local farmers said the harvest was better than last year despite higher fuel prices.",
    "Tickets for the football final sold out within an hour, the organisers said.",
    "A new bridge over the river is due to open in the spring after two years of work.",
    "Opposition politicians called for an inquiry into the handling of public contracts.",
    "The university announced a scholarship programme for students from rural areas.",
    "Analysts expect exports of coffee and tea to grow by about four percent.",
    "Residents complained about noise from the construction site near the market."
  };

  /** News-like texts in the custodiet authors' own words: mostly filler, some supply claims. */
  static List<String> synthetic(KnowledgeBase kb, long targetBytes) {
    List<String> suppliers = new ArrayList<>();
    for (Company c : kb.companies().values()) {
      if (c.ownership() != Company.Ownership.STATE_LENDER) {
        suppliers.add(c.name());
      }
    }
    Random random = new Random(42);
    List<String> texts = new ArrayList<>();
    long bytes = 0;
    while (bytes < targetBytes) {
      StringBuilder b = new StringBuilder();
      int sentences = 12 + random.nextInt(12);
      for (int s = 0; s < sentences; s++) {
        int kind = random.nextInt(10);
        String company = suppliers.get(random.nextInt(suppliers.size()));
        String city = CITIES[random.nextInt(CITIES.length)];
        String tech = TECHNOLOGIES[random.nextInt(TECHNOLOGIES.length)];
        switch (kind) {
          case 0 ->
              b.append(company)
                  .append(" signed a contract with the authorities to install ")
                  .append(tech)
                  .append(" in ")
                  .append(city)
                  .append('.');
          case 1 ->
              b.append("Police in ")
                  .append(city)
                  .append(" said they had not decided whether to buy ")
                  .append(tech)
                  .append(" from ")
                  .append(company)
                  .append('.');
          case 2 ->
              b.append("Officials in ")
                  .append(city)
                  .append(" are considering ")
                  .append(tech)
                  .append(" offered by several vendors.");
          default -> b.append(FILLER[random.nextInt(FILLER.length)]);
        }
        b.append(random.nextInt(4) == 0 ? "\n\n" : " ");
      }
      String text = b.toString().trim();
      texts.add(text);
      bytes += text.length();
    }
    return texts;
  }

  /** Reads the repository's small CSV files: quoted fields, doubled quotes, no line breaks. */
  static final class Csv {
    private Csv() {}

    static List<String[]> read(Path file) throws IOException {
      List<String[]> rows = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isEmpty()) {
          continue;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
          char c = line.charAt(i);
          if (quoted) {
            if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else if (c == '"') {
              quoted = false;
            } else {
              field.append(c);
            }
          } else if (c == '"') {
            quoted = true;
          } else if (c == ',') {
            fields.add(field.toString());
            field.setLength(0);
          } else {
            field.append(c);
          }
        }
        fields.add(field.toString());
        while (fields.size() < 7) {
          fields.add("");
        }
        rows.add(fields.toArray(String[]::new));
      }
      return rows;
    }
  }
}
