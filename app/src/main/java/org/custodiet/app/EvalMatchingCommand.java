package org.custodiet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.custodiet.core.screening.ListEntry;
import org.custodiet.core.screening.Matcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "eval-matching",
    mixinStandardHelpOptions = true,
    description = {
      "Score the name matcher on labelled pairs: CSV with a header and the columns"
          + " name1,name2,is_match (true/false, 1/0, yes/no) and optionally schema (Person,"
          + " Company...); other columns are ignored.",
      "Prints precision, recall and F1 at the default threshold the product uses, and the"
          + " threshold that would give the best F1 on these pairs. Token rarity is measured over"
          + " all names of the given files, as the product measures it over a list."
    })
final class EvalMatchingCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final int MAX_PAIRS = 1_000_000;
  private static final long MAX_BYTES = 200L * 1024 * 1024;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PAIRS.csv",
      description = "Labelled pairs; several files are read as one set.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "table", description = "table or json.")
  Format format;

  @Option(
      names = "--scores",
      paramLabel = "FILE",
      description = "Also write every pair's score as CSV (name1,name2,score).")
  Path scoresFile;

  record Pair(String name1, String name2, boolean match, String schema) {}

  record Counts(int truePositives, int falsePositives, int falseNegatives) {
    double precision() {
      int predicted = truePositives + falsePositives;
      return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    double recall() {
      int actual = truePositives + falseNegatives;
      return actual == 0 ? 0 : (double) truePositives / actual;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  @Override
  public Integer call() throws IOException {
    if (format == Format.csv) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--format: must be table or json");
    }
    List<Pair> pairs = new ArrayList<>();
    for (Path file : files) {
      pairs.addAll(read(file));
    }
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException(files.get(0) + ": no pairs");
    }
    Matcher matcher = Matcher.build(entriesOf(pairs));
    double[] scores = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      Pair pair = pairs.get(i);
      scores[i] = matcher.score(pair.name1(), pair.name2(), pair.schema());
    }
    double threshold = Matcher.DEFAULT_THRESHOLD;
    Counts atDefault = counts(pairs, scores, threshold);
    double best = bestThreshold(pairs, scores);
    Counts atBest = counts(pairs, scores, best);
    if (scoresFile != null) {
      writeScores(pairs, scores);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectNode json = MAPPER.createObjectNode();
      json.put("precision", round(atDefault.precision()));
      json.put("recall", round(atDefault.recall()));
      json.put("f1", round(atDefault.f1()));
      json.put("threshold", threshold);
      json.put("best_threshold", round(best));
      json.put("pairs", pairs.size());
      out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    } else {
      long positives = pairs.stream().filter(Pair::match).count();
      out.printf(
          Locale.ROOT,
          "%d pairs (%d matches, %d non-matches)%n",
          pairs.size(),
          positives,
          pairs.size() - positives);
      out.printf(Locale.ROOT, "%-26s %9s %9s %9s%n", "", "precision", "recall", "F1");
      out.printf(
          Locale.ROOT,
          "%-26s %9.3f %9.3f %9.3f%n",
          String.format(Locale.ROOT, "default threshold %.2f", threshold),
          atDefault.precision(),
          atDefault.recall(),
          atDefault.f1());
      out.printf(
          Locale.ROOT,
          "%-26s %9.3f %9.3f %9.3f%n",
          String.format(Locale.ROOT, "best threshold %.2f", best),
          atBest.precision(),
          atBest.recall(),
          atBest.f1());
    }
    out.flush();
    return 0;
  }

  /** Every name of the pairs becomes an entry, so token rarity is measured over these names. */
  private static List<ListEntry> entriesOf(List<Pair> pairs) {
    List<ListEntry> entries = new ArrayList<>(pairs.size() * 2);
    for (int i = 0; i < pairs.size(); i++) {
      Pair pair = pairs.get(i);
      for (String name : List.of(pair.name1(), pair.name2())) {
        entries.add(
            new ListEntry(
                "pair-" + i + "-" + entries.size(),
                "eval",
                pair.schema(),
                name,
                List.of(),
                Set.of(),
                Map.of()));
      }
    }
    return entries;
  }

  static Counts counts(List<Pair> pairs, double[] scores, double threshold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < pairs.size(); i++) {
      boolean predicted = scores[i] >= threshold;
      boolean actual = pairs.get(i).match();
      if (predicted && actual) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (actual) {
        fn++;
      }
    }
    return new Counts(tp, fp, fn);
  }

  /**
   * The threshold with the best F1: every distinct score is tried, the lowest best one wins, and
   * the threshold returned lies halfway between it and the next lower score, where it classifies
   * the same pairs without sitting on one pair's score.
   */
  static double bestThreshold(List<Pair> pairs, double[] scores) {
    List<Double> sorted =
        new ArrayList<>(new TreeSet<>(java.util.Arrays.stream(scores).boxed().toList()));
    double bestF1 = -1;
    int best = 0;
    for (int k = 0; k < sorted.size(); k++) {
      double f1 = counts(pairs, scores, sorted.get(k)).f1();
      if (f1 > bestF1 + 1e-12) {
        bestF1 = f1;
        best = k;
      }
    }
    return best == 0 ? sorted.get(0) : (sorted.get(best - 1) + sorted.get(best)) / 2;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private void writeScores(List<Pair> pairs, double[] scores) throws IOException {
    Path target = scoresFile.toAbsolutePath();
    Path temporary = Files.createTempFile(target.getParent(), ".scores", ".csv");
    try {
      try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
          CSVPrinter printer =
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader("name1", "name2", "score")
                  .get()
                  .print(writer)) {
        for (int i = 0; i < pairs.size(); i++) {
          printer.printRecord(
              pairs.get(i).name1(),
              pairs.get(i).name2(),
              String.format(Locale.ROOT, "%.6f", scores[i]));
        }
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  static List<Pair> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException(
          file + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    List<Pair> pairs = new ArrayList<>();
    try (Reader reader = new java.io.StringReader(text);
        CSVParser parser = CSVParser.parse(reader, csv)) {
      Map<String, Integer> header = new HashMap<>();
      for (Map.Entry<String, Integer> column : parser.getHeaderMap().entrySet()) {
        header.put(column.getKey().trim().toLowerCase(Locale.ROOT), column.getValue());
      }
      for (String required : List.of("name1", "name2", "is_match")) {
        if (!header.containsKey(required)) {
          throw new IllegalArgumentException(
              file
                  + " line 1: missing column '"
                  + required
                  + "' (header: "
                  + header.keySet()
                  + ")");
        }
      }
      for (CSVRecord record : parser) {
        String where = file + " line " + parser.getCurrentLineNumber();
        if (pairs.size() >= MAX_PAIRS) {
          throw new IllegalArgumentException(where + ": more than " + MAX_PAIRS + " pairs");
        }
        pairs.add(pair(record, header, where));
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new IllegalArgumentException(file + ": malformed CSV: " + rootMessage(e));
    }
    return pairs;
  }

  private static Pair pair(CSVRecord record, Map<String, Integer> header, String where) {
    String name1 = cell(record, header, "name1", where);
    String name2 = cell(record, header, "name2", where);
    String label = cell(record, header, "is_match", where).toLowerCase(Locale.ROOT);
    boolean match =
        switch (label) {
          case "true", "1", "yes" -> true;
          case "false", "0", "no" -> false;
          default ->
              throw new IllegalArgumentException(
                  where + ": is_match must be true/false, 1/0 or yes/no, got '" + label + "'");
        };
    String schema = header.containsKey("schema") ? optional(record, header.get("schema")) : null;
    for (String name : List.of(name1, name2)) {
      if (!name.codePoints().anyMatch(Character::isLetterOrDigit)) {
        throw new IllegalArgumentException(
            where + ": name '" + name + "' has no letters or digits");
      }
    }
    return new Pair(name1, name2, match, schema);
  }

  private static String cell(
      CSVRecord record, Map<String, Integer> header, String column, String where) {
    int index = header.get(column);
    if (index >= record.size()) {
      throw new IllegalArgumentException(where + ": column '" + column + "' is missing");
    }
    String value = record.get(index).trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(where + ": column '" + column + "' is empty");
    }
    return value;
  }

  private static String optional(CSVRecord record, int index) {
    if (index >= record.size()) {
      return null;
    }
    String value = record.get(index).trim();
    return value.isEmpty() ? null : value;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
