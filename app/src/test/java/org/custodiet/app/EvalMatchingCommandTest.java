package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custodiet.core.screening.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalMatchingCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path PAIRS = Path.of("..", "data", "eval");

  @TempDir Path work;

  private Path write(String name, String text) throws Exception {
    Path file = work.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static final String SMALL =
      "\uFEFFnote,name1,name2,is_match,schema\n"
          + "a,\"Hangzhou Hikvision Digital Technology Co., Ltd.\",Hikvision,yes,Company\n"
          + "b,China Telecom,China Unicom,no,Company\n"
          + "c,Hikvison,HIKVISION,1,\n"
          + "d,John Smith,Jane Smith,false,Person\n"
          + "e,ZTE,Zhongxing Telecommunication Equipment,TRUE,Company\n"
          + "f,Technology Co. Ltd,Hikvision Technology Co. Ltd,0,Company\n";

  @Test
  void printsTheDocumentedJsonAndScoresAnyoneCanRecheck() throws Exception {
    Path pairs = write("pairs.csv", SMALL);
    Path scores = work.resolve("scores.csv");
    CommandLineTest.Run r =
        CommandLineTest.run(
            "eval-matching", pairs.toString(), "--format", "json", "--scores", scores.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "precision", "recall", "f1", "threshold", "best_threshold", "pairs");
    assertThat(json.get("pairs").asInt()).isEqualTo(6);
    assertThat(json.get("threshold").asDouble()).isEqualTo(Matcher.DEFAULT_THRESHOLD);

    List<String> lines = Files.readAllLines(scores);
    assertThat(lines.get(0)).isEqualTo("name1,name2,score");
    assertThat(lines).hasSize(7);
    boolean[] labels = {true, false, true, false, true, false};
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < labels.length; i++) {
      String line = lines.get(i + 1);
      double score = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
      assertThat(score).isBetween(0.0, 1.0);
      boolean predicted = score >= Matcher.DEFAULT_THRESHOLD;
      tp += predicted && labels[i] ? 1 : 0;
      fp += predicted && !labels[i] ? 1 : 0;
      fn += !predicted && labels[i] ? 1 : 0;
    }
    double precision = (double) tp / (tp + fp);
    double recall = (double) tp / (tp + fn);
    assertThat(json.get("precision").asDouble()).isCloseTo(precision, within());
    assertThat(json.get("recall").asDouble()).isCloseTo(recall, within());
    assertThat(json.get("f1").asDouble())
        .isCloseTo(2 * precision * recall / (precision + recall), within());
    assertThat(lines.get(1)).startsWith("\"Hangzhou Hikvision Digital Technology Co., Ltd.\"");
  }

  @Test
  void tablePrintsBothThresholds() throws Exception {
    CommandLineTest.Run r =
        CommandLineTest.run("eval-matching", write("pairs.csv", SMALL).toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("6 pairs (3 matches, 3 non-matches)");
    assertThat(r.out()).contains("default threshold 0.70").contains("best threshold");
  }

  @Test
  void theBundledPairsClearTheBarOnTheDevelopmentAndHeldOutHalves() throws Exception {
    for (String half : List.of("matching-pairs-dev.csv", "matching-pairs-holdout.csv")) {
      CommandLineTest.Run r =
          CommandLineTest.run("eval-matching", PAIRS.resolve(half).toString(), "--format", "json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode json = MAPPER.readTree(r.out());
      assertThat(json.get("pairs").asInt()).as(half).isGreaterThan(150);
      assertThat(json.get("f1").asDouble()).as(half).isGreaterThanOrEqualTo(0.90);
    }
  }

  @Test
  void badFilesAreRefusedNamingTheLine() throws Exception {
    assertRefused(write("a.csv", "name1,name2\nA,B\n"), "line 1: missing column 'is_match'");
    assertRefused(
        write("b.csv", "name1,name2,is_match\nA,B,true\nC,D,maybe\n"), "line 3: is_match must be");
    assertRefused(write("c.csv", "name1,name2,is_match\nA,,true\n"), "line 2: column 'name2'");
    assertRefused(write("d.csv", "name1,name2,is_match\n\"A,B,true\n"), "malformed CSV");
    assertRefused(write("e.csv", "name1,name2,is_match\n"), "no pairs");
    assertRefused(write("f.csv", "name1,name2,is_match\n***,B,true\n"), "no letters or digits");
    Path latin1 = work.resolve("g.csv");
    Files.write(latin1, "name1,name2,is_match\nM\u00fcller,B,true\n".getBytes("ISO-8859-1"));
    assertRefused(latin1, "not UTF-8");
    assertRefused(work.resolve("missing.csv"), "no such file");
  }

  @Test
  void refusesTheCsvFormat() throws Exception {
    CommandLineTest.Run r =
        CommandLineTest.run("eval-matching", write("p.csv", SMALL).toString(), "--format", "csv");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
  }

  private static void assertRefused(Path file, String message) {
    CommandLineTest.Run r = CommandLineTest.run("eval-matching", file.toString());
    assertThat(r.exit()).as(r.out()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains(file.getFileName().toString()).contains(message);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-3);
  }
}
