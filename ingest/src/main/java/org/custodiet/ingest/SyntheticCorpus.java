package org.custodiet.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A made-up news corpus for benchmarks: articles of filler reporting on weather, trade, sport and
 * city life, some of which mention a surveillance supplier, a country, a city, a technology and
 * sometimes a loan, as real coverage of such deals does. About one article in twelve is a
 * syndicated copy of a recent one on another site, lightly edited, and one in fifty an exact
 * repost. The same seed gives the same corpus, byte for byte. Free of the store, so that the Spark
 * job can generate the same corpus.
 */
public final class SyntheticCorpus {
  /** One generated article, in the fields of the JSON Lines input format. */
  public record Article(String url, String title, String published, String text) {
    /** The article as one JSON Lines line, with its newline. */
    public String toJsonLine() {
      StringWriter out = new StringWriter(text.length() + 256);
      try (JsonGenerator json = JSON.createGenerator(out)) {
        json.writeStartObject();
        json.writeStringField("url", url);
        json.writeStringField("title", title);
        json.writeStringField("published", published);
        json.writeStringField("text", text);
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.append('\n').toString();
    }
  }

  /** What {@link #write} wrote. */
  public record Written(long articles, long bytes) {}

  private static final JsonFactory JSON = new JsonFactory();

  private static final String[] COMPANIES = {
    "Huawei",
    "Hikvision",
    "Dahua Technology",
    "ZTE",
    "CloudWalk Technology",
    "SenseTime",
    "Megvii",
    "NEC",
    "Cisco",
    "IBM",
    "Palantir",
    "Clearview AI",
    "Cognitec",
    "Genetec",
    "BriefCam",
    "Axon",
    "Motorola Solutions",
    "Idemia",
    "Thales",
    "Hanwha Vision",
    "Avigilon",
    "iFlytek",
    "Yitu Technology",
    "FiberHome Technologies Group",
    "Bosch"
  };

  private static final String[][] PLACES = {
    {"Kenya", "Nairobi"},
    {"Ecuador", "Quito"},
    {"Serbia", "Belgrade"},
    {"Pakistan", "Lahore"},
    {"Uganda", "Kampala"},
    {"Zimbabwe", "Harare"},
    {"Bolivia", "La Paz"},
    {"Egypt", "Cairo"},
    {"Malaysia", "Kuala Lumpur"},
    {"Philippines", "Manila"},
    {"Brazil", "Sao Paulo"},
    {"Argentina", "Buenos Aires"},
    {"Mexico", "Monterrey"},
    {"Turkey", "Ankara"},
    {"Kazakhstan", "Almaty"},
    {"Uzbekistan", "Tashkent"},
    {"Mongolia", "Ulaanbaatar"},
    {"Laos", "Vientiane"},
    {"Cambodia", "Phnom Penh"},
    {"Thailand", "Bangkok"},
    {"Indonesia", "Jakarta"},
    {"Nigeria", "Abuja"},
    {"Ghana", "Accra"},
    {"Zambia", "Lusaka"},
    {"Angola", "Luanda"},
    {"Ethiopia", "Addis Ababa"},
    {"Rwanda", "Kigali"},
    {"Morocco", "Rabat"},
    {"Algeria", "Algiers"},
    {"Saudi Arabia", "Riyadh"},
    {"United Arab Emirates", "Abu Dhabi"},
    {"India", "Hyderabad"},
    {"Sri Lanka", "Colombo"},
    {"Bangladesh", "Dhaka"},
    {"Venezuela", "Caracas"},
    {"Peru", "Lima"},
    {"Chile", "Santiago"},
    {"Hungary", "Budapest"},
    {"Germany", "Hamburg"},
    {"France", "Nice"},
    {"United Kingdom", "London"},
    {"Australia", "Perth"}
  };

  private static final String[] TECHNOLOGIES = {
    "facial recognition cameras", "a safe city platform", "a smart city command centre",
    "predictive policing software", "social media monitoring tools", "licence plate readers",
    "video analytics for street cameras", "a face matching system",
        "an intelligent traffic and" + " surveillance network"
  };

  private static final String[] LENDERS = {
    "the Export-Import Bank of China", "China Development Bank", "a consortium of Chinese banks"
  };

  private static final String[] SITES = {
    "coastal-times.example",
    "daily-ledger.example",
    "metro-herald.example",
    "wire-service.example",
    "the-observer-post.example",
    "capital-news.example",
    "regional-gazette.example",
    "tech-trade-weekly.example",
    "evening-courier.example",
    "morning-dispatch.example"
  };

  private static final String[] SUBJECTS = {
    "The city council",
    "The finance ministry",
    "Local traders",
    "The port authority",
    "A group of farmers",
    "The national football federation",
    "Hospital managers",
    "The transport agency",
    "University researchers",
    "The weather service",
    "Shop owners",
    "The central bank",
    "Teachers' unions",
    "The tourism board",
    "Residents of the old town"
  };

  private static final String[] VERBS = {
    "said that", "warned that", "reported that", "told reporters that", "announced that",
    "estimated that", "confirmed that", "denied that", "expects that", "complained that"
  };

  private static final String[] TOPICS = {
    "the price of bread",
    "the budget for road repairs",
    "spending on public clinics",
    "the number of visitors",
    "exports of coffee and tea",
    "traffic on the ring road",
    "the cost of the new terminal",
    "rents in the old town",
    "the water supply",
    "ticket sales at the stadium",
    "the number of new businesses",
    "waiting times at the port",
    "rainfall in the hills",
    "enrolment in vocational schools",
    "fuel imports",
    "the fish catch",
    "demand for electricity",
    "the harvest of maize",
    "parking fees",
    "bus fares"
  };

  private static final String[] CHANGES = {
    "would rise by a tenth", "had fallen sharply", "was unlikely to change", "had doubled",
    "would be reviewed", "was higher than expected", "could fall further", "had stayed flat",
    "would be cut", "was the lowest on record", "would recover slowly", "had surprised everyone"
  };

  private static final String[] TIMES = {
    "next year",
    "this spring",
    "since the elections",
    "over the summer",
    "in the last quarter",
    "before the holidays",
    "by the end of the month",
    "compared with a decade ago",
    "after the floods",
    "this week",
    "during the festival",
    "once the strike ends"
  };

  private static final String[] CLOSERS = {
    "Officials did not say when a final decision would be made.",
    "The opposition called the plan rushed and promised to challenge it.",
    "Analysts said the figures were in line with the forecasts of most economists.",
    "A spokesperson declined to comment on the details.",
    "The matter will be discussed again at the next session of parliament.",
    "Some residents welcomed the news, while others said it came too late.",
    "The report is expected to be published in full later this month."
  };

  private static final String[] DEALS = {
    "%1$s has signed an agreement with the government of %2$s to install %3$s in %4$s, according"
        + " to a statement from the interior ministry.",
    "The police in %4$s, %2$s, will begin using %3$s supplied by %1$s before the end of the year.",
    "Officials in %2$s confirmed that %1$s won the tender for %3$s covering the centre of %4$s.",
    "%1$s said it had completed the first phase of %3$s for the authorities in %4$s, the largest"
        + " city in %2$s.",
    "Rights groups in %2$s criticised a contract under which %1$s is delivering %3$s to the"
        + " security services in %4$s."
  };

  private static final String[] LOANS = {
    " The project is financed by a concessional loan of %1$d million dollars from %2$s.",
    " A loan of %1$d million US dollars from %2$s is paying for most of the work.",
    " %2$s agreed to lend %1$d million dollars for the system, the finance ministry said."
  };

  private final SplittableRandom random;
  private final Deque<Article> recent = new ArrayDeque<>();
  private long number;

  public SyntheticCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next article. */
  public Article next() {
    number++;
    double roll = random.nextDouble();
    Article article;
    if (roll < 0.02 && !recent.isEmpty()) {
      Article earlier = pick(new ArrayList<>(recent));
      article = new Article(mirrorUrl(), earlier.title(), earlier.published(), earlier.text());
    } else if (roll < 0.10 && !recent.isEmpty()) {
      article = syndicated(pick(new ArrayList<>(recent)));
    } else {
      article = fresh();
    }
    recent.addLast(article);
    if (recent.size() > 50) {
      recent.removeFirst();
    }
    return article;
  }

  private Article fresh() {
    String[] place = pick(PLACES);
    String company = pick(COMPANIES);
    String technology = pick(TECHNOLOGIES);
    boolean deal = random.nextDouble() < 0.3;
    List<String> paragraphs = new ArrayList<>();
    int count = 5 + random.nextInt(8);
    int dealAt = deal ? random.nextInt(Math.min(3, count)) : -1;
    for (int p = 0; p < count; p++) {
      StringBuilder b = new StringBuilder();
      if (p == dealAt) {
        b.append(String.format(Locale.ROOT, pick(DEALS), company, place[0], technology, place[1]));
        if (random.nextDouble() < 0.4) {
          b.append(
              String.format(Locale.ROOT, pick(LOANS), 20 + random.nextInt(480), pick(LENDERS)));
        }
        b.append(' ');
      }
      int sentences = 2 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        b.append(pick(SUBJECTS)).append(" in ").append(pick(PLACES)[1]).append(' ');
        b.append(pick(VERBS)).append(' ').append(pick(TOPICS)).append(' ');
        b.append(pick(CHANGES)).append(' ').append(pick(TIMES)).append(". ");
      }
      b.append(pick(CLOSERS));
      paragraphs.add(b.toString());
    }
    String title =
        deal
            ? company + " and " + place[0] + ": " + technology + " for " + place[1]
            : "News from " + place[1] + " and beyond";
    return new Article(url(pick(SITES), title), title, date(), String.join("\n\n", paragraphs));
  }

  /** A copy as another site runs it: a dateline, maybe a paragraph less, a word changed. */
  private Article syndicated(Article original) {
    List<String> paragraphs = new ArrayList<>(List.of(original.text().split("\n\n")));
    if (paragraphs.size() > 4 && random.nextBoolean()) {
      paragraphs.remove(paragraphs.size() - 1);
    }
    paragraphs.set(0, pick(PLACES)[1].toUpperCase(Locale.ROOT) + " - " + paragraphs.get(0));
    String text = String.join("\n\n", paragraphs).replaceFirst(" said ", " stated ");
    return new Article(
        url(pick(SITES), original.title()), original.title(), original.published(), text);
  }

  private String url(String site, String title) {
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return "https://"
        + site
        + "/"
        + date().substring(0, 7).replace('-', '/')
        + "/"
        + slug
        + "-"
        + number;
  }

  private String mirrorUrl() {
    return "https://mirror-" + (1 + random.nextInt(5)) + ".example/copy/" + number;
  }

  private String date() {
    return String.format(
        Locale.ROOT,
        "%d-%02d-%02d",
        2015 + random.nextInt(11),
        1 + random.nextInt(12),
        1 + random.nextInt(28));
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Writes articles as UTF-8 JSON Lines until at least {@code targetBytes} are written. */
  public static Written write(Path file, long targetBytes, long seed) throws IOException {
    SyntheticCorpus corpus = new SyntheticCorpus(seed);
    long bytes = 0;
    long articles = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      while (bytes < targetBytes) {
        byte[] line = corpus.next().toJsonLine().getBytes(StandardCharsets.UTF_8);
        out.write(line);
        bytes += line.length;
        articles++;
      }
    }
    return new Written(articles, bytes);
  }
}
