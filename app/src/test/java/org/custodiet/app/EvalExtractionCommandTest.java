package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval-extraction on articles and labels written for this test, against the bundled data. */
class EvalExtractionCommandTest {
  @TempDir static Path data;
  @TempDir Path work;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final List<String> ARTICLES =
      List.of(
          line(
              "zambia-cameras",
              "Huawei signed a contract to install surveillance cameras in Lusaka, Zambia.",
              "[{\"supplier\": \"Huawei\", \"supplier_country\": \"CHN\", \"recipient_country\":"
                  + " \"ZMB\", \"technology\": \"smart_city\", \"city\": \"Lusaka\", \"financing\":"
                  + " null, \"quote\": \"q\"}]"),
          line(
              "nairobi-faces",
              "Police in Nairobi now use facial recognition software from Hikvision.",
              "[{\"supplier\": \"Hikvision\", \"recipient_country\": \"KEN\", \"technology\":"
                  + " \"facial_recognition\"}, {\"supplier\": \"Nobody Listening Ltd\","
                  + " \"recipient_country\": \"KEN\", \"technology\":"
                  + " \"social_media_surveillance\"}]"),
          line("quito-unlabelled", "Hikvision installed cameras for the police in Quito.", "[]"),
          line("weather", "The weather in the capital was mild all week.", "[]"));

  private static String line(String id, String text, String claims) {
    return "{\"id\": \""
        + id
        + "\", \"title\": \"t\", \"text\": \""
        + text
        + "\", \"claims\": "
        + claims
        + ", \"notes\": \"\"}";
  }

  private Path write(String name, List<String> lines) throws Exception {
    Path file = work.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void scoresPredictionsAgainstLabelsAsJson() throws Exception {
    Path file = write("set.jsonl", ARTICLES);
    CommandLineTest.Run r =
        CommandLineTest.runOn(data, "eval-extraction", file.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = MAPPER.readTree(r.out());
    assertThat(root.get("articles").asInt()).isEqualTo(4);
    assertThat(root.get("true_positives").asInt()).isEqualTo(2);
    assertThat(root.get("false_positives").asInt()).isEqualTo(1);
    assertThat(root.get("false_negatives").asInt()).isEqualTo(1);
    assertThat(root.get("precision").asDouble()).isCloseTo(2 / 3.0, within());
    assertThat(root.get("recall").asDouble()).isCloseTo(2 / 3.0, within());
    assertThat(root.get("f1").asDouble()).isCloseTo(2 / 3.0, within());
    JsonNode smartCity = root.get("per_technology").get("smart_city");
    assertThat(smartCity.get("precision").asDouble()).isCloseTo(0.5, within());
    assertThat(smartCity.get("recall").asDouble()).isCloseTo(1.0, within());
    assertThat(root.get("per_technology").get("social_media_surveillance").get("recall").asDouble())
        .isZero();
    assertThat(root.get("misses").get(0).get("supplier").asText())
        .isEqualTo("unknown supplier: Nobody Listening Ltd");
    JsonNode alarm = root.get("false_alarms").get(0);
    assertThat(alarm.get("id").asText()).isEqualTo("quito-unlabelled");
    assertThat(alarm.get("recipient_country").asText()).isEqualTo("ECU");
    assertThat(alarm.get("evidence").asText()).contains("Hikvision installed cameras");
  }

  @Test
  void tableNamesMissesAndFalseAlarms() throws Exception {
    Path file = write("set.jsonl", ARTICLES);
    CommandLineTest.Run r = CommandLineTest.runOn(data, "eval-extraction", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("precision 0.667, recall 0.667, F1 0.667")
        .contains("nairobi-faces: unknown supplier: Nobody Listening Ltd -> KEN")
        .contains("quito-unlabelled: Hikvision -> ECU smart_city");
  }

  @Test
  void writesEveryPredictionAsJsonLinesOneLinePerArticle() throws Exception {
    Path file = write("set.jsonl", ARTICLES);
    Path predictions = work.resolve("predicted.jsonl");
    CommandLineTest.Run r =
        CommandLineTest.runOn(
            data, "eval-extraction", file.toString(), "--predictions", predictions.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(4);
    JsonNode first = MAPPER.readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("zambia-cameras");
    JsonNode claim = first.get("claims").get(0);
    assertThat(claim.get("supplier").asText()).isEqualTo("huawei");
    assertThat(claim.get("recipient_country").asText()).isEqualTo("ZMB");
    assertThat(claim.get("technology").asText()).isEqualTo("smart_city");
    assertThat(claim.get("city").asText()).isEqualTo("Lusaka");
    assertThat(claim.has("financing")).isTrue();
    assertThat(claim.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(claim.get("span").get(0).asInt()).isZero();
    assertThat(claim.get("span").get(1).asInt()).isEqualTo(75);
    assertThat(MAPPER.readTree(lines.get(3)).get("claims")).isEmpty();
  }

  @Test
  void malformedLineIsRejectedNamingTheLine() throws Exception {
    Path file = write("bad.jsonl", List.of(ARTICLES.get(0), "{\"id\": \"x\", \"text\": "));
    CommandLineTest.Run r = CommandLineTest.runOn(data, "eval-extraction", file.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("bad.jsonl line 2").contains("not valid JSON");
  }

  @Test
  void missingFieldsAreNamed() throws Exception {
    Path noText = write("no-text.jsonl", List.of("{\"id\": \"a\", \"claims\": []}"));
    CommandLineTest.Run r = CommandLineTest.runOn(data, "eval-extraction", noText.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("no-text.jsonl line 1: field 'text' is missing");

    Path noCountry =
        write(
            "no-country.jsonl",
            List.of(
                "{\"id\": \"a\", \"text\": \"t\", \"claims\": [{\"supplier\": \"Huawei\","
                    + " \"technology\": \"smart_city\"}]}"));
    r = CommandLineTest.runOn(data, "eval-extraction", noCountry.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("line 1, claims[0]: field 'recipient_country' is missing");

    Path claimsNotList =
        write("claims.jsonl", List.of("{\"id\": \"a\", \"text\": \"t\", \"claims\": {}}"));
    r = CommandLineTest.runOn(data, "eval-extraction", claimsNotList.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("field 'claims' must be a list");
  }

  @Test
  void duplicateIdsAndMissingFilesAndBadFormatsAreRefused() throws Exception {
    Path twice = write("twice.jsonl", List.of(ARTICLES.get(0), ARTICLES.get(0)));
    CommandLineTest.Run r = CommandLineTest.runOn(data, "eval-extraction", twice.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("line 2: id 'zambia-cameras' appears twice");

    r = CommandLineTest.runOn(data, "eval-extraction", work.resolve("absent.jsonl").toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("absent.jsonl: no such file");

    Path file = write("set.jsonl", ARTICLES);
    r = CommandLineTest.runOn(data, "eval-extraction", file.toString(), "--format", "csv");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void nothingIsWrittenWhenTheInputIsBad() throws Exception {
    Path file = write("bad.jsonl", List.of(ARTICLES.get(0), "[1, 2]"));
    Path predictions = work.resolve("predicted.jsonl");
    CommandLineTest.Run r =
        CommandLineTest.runOn(
            data, "eval-extraction", file.toString(), "--predictions", predictions.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(r.err()).contains("bad.jsonl line 2: expected a JSON object");
    assertThat(predictions).doesNotExist();
  }

  /**
   * 43 short articles in the project's own words (in test resources), labelled by the devset's
   * conventions, 25 of them written after the rules were settled: a regression guard on quality.
   */
  @Test
  void ownLabelledArticlesScoreAboveTheBars() throws Exception {
    Path file = work.resolve("own.jsonl");
    try (var in = getClass().getResourceAsStream("own-labelled-articles.jsonl")) {
      Files.copy(in, file);
    }
    CommandLineTest.Run r =
        CommandLineTest.runOn(data, "eval-extraction", file.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = MAPPER.readTree(r.out());
    assertThat(root.get("articles").asInt()).isEqualTo(43);
    assertThat(root.get("precision").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(root.get("recall").asDouble()).isGreaterThanOrEqualTo(0.8);
  }

  /**
   * 90 further articles in the project's own words, in wire, trade-press, NGO and translated
   * styles, labelled before the extractor was run on them, in six batches each written after the
   * previous batch's fixes (the fifth and sixth left as scored) (see docs/extraction.md for the
   * figures before and after).
   */
  @Test
  void unseenArticlesScoreAboveTheBars() throws Exception {
    Path file = work.resolve("unseen.jsonl");
    try (var in = getClass().getResourceAsStream("unseen-articles.jsonl")) {
      Files.copy(in, file);
    }
    CommandLineTest.Run r =
        CommandLineTest.runOn(data, "eval-extraction", file.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = MAPPER.readTree(r.out());
    assertThat(root.get("articles").asInt()).isEqualTo(90);
    assertThat(root.get("precision").asDouble()).isGreaterThanOrEqualTo(0.93);
    assertThat(root.get("recall").asDouble()).isGreaterThanOrEqualTo(0.92);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-3);
  }
}
