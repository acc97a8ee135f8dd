package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodiet.app.CommandLineTest.Run;
import org.custodiet.core.account.Role;
import org.custodiet.store.Database;
import org.custodiet.store.account.AccountRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** review accept, reject, dispute and retract end to end on an H2 data directory. */
class ReviewCommandTest {
  @TempDir Path data;
  @TempDir Path work;

  private static final String NEWS =
      "{\"url\": \"https://harbour-news.example/cameras\", \"title\": \"Cameras\","
          + " \"published\": \"2025-03-04\", \"text\": \"Police in Kampala, Uganda, began using"
          + " Hikvision cameras with face matching at the main taxi park, the interior ministry"
          + " said on Tuesday.\"}\n";

  private Run run(String... args) {
    return CommandLineTest.runOn(data, args);
  }

  private long firstPending() throws Exception {
    JsonNode candidates =
        new ObjectMapper().readTree(run("candidates", "--format", "json").out()).get("candidates");
    assertThat(candidates).as("the extractor proposes a candidate").isNotEmpty();
    return candidates.get(0).get("id").asLong();
  }

  private void users() {
    try (Database db = Database.openDirectory(data)) {
      AccountRepository accounts = new AccountRepository(db);
      accounts.add("job:test", "erin", Role.CURATOR, "a long test password 3");
      accounts.add("job:test", "frank", Role.CURATOR, "a long test password 4");
      accounts.disable("job:test", "frank");
    }
  }

  @Test
  void aCuratorAcceptsThenTheSecondDecisionIsAConflict() throws Exception {
    Path file = Files.writeString(work.resolve("news.jsonl"), NEWS, StandardCharsets.UTF_8);
    assertThat(run("ingest", file.toString()).exit()).isZero();
    users();
    long id = firstPending();

    Run accepted =
        run("review", "accept", Long.toString(id), "--as", "erin", "--tier", "B", "--reason", "ok");
    assertThat(accepted.exit()).as(accepted.err()).isZero();
    assertThat(accepted.out()).startsWith("accept candidate " + id + ": claims dep/hikvision/UGA/");

    Run again = run("review", "reject", Long.toString(id), "--as", "erin", "--reason", "late");
    assertThat(again.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(again.err()).contains("was decided already (accepted by user:erin)");
  }

  @Test
  void usersAndFieldsAreChecked() throws Exception {
    Path file = Files.writeString(work.resolve("news.jsonl"), NEWS, StandardCharsets.UTF_8);
    assertThat(run("ingest", file.toString()).exit()).isZero();
    users();
    String id = Long.toString(firstPending());

    Run nobody = run("review", "accept", id, "--as", "nobody");
    assertThat(nobody.exit()).isEqualTo(Main.EXIT_NOT_FOUND);
    assertThat(nobody.err()).contains("no user 'nobody'");
    Run disabled = run("review", "accept", id, "--as", "frank");
    assertThat(disabled.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(disabled.err()).contains("user 'frank' is disabled");
    Run tier = run("review", "accept", id, "--as", "erin", "--tier", "Z");
    assertThat(tier.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(tier.err()).contains("tier: 'Z' is not a tier");
    Run reason = run("review", "reject", id, "--as", "erin");
    assertThat(reason.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(reason.err()).contains("reason: required");
    Run unknown = run("review", "accept", "987654", "--as", "erin");
    assertThat(unknown.exit()).isEqualTo(Main.EXIT_NOT_FOUND);

    Run disputed =
        run(
            "review",
            "dispute",
            "aigs/UGA/uses/smart_city",
            "--as",
            "erin",
            "--reason",
            "the ministry denies it");
    assertThat(disputed.exit()).as(disputed.err()).isZero();
    assertThat(disputed.out()).startsWith("dispute claim aigs/UGA/uses/smart_city");
    Run retracted =
        run("review", "retract", "aigs/UGA/uses/smart_city", "--as", "erin", "--reason", "gone");
    assertThat(retracted.exit()).isZero();
    Run twice =
        run("review", "retract", "aigs/UGA/uses/smart_city", "--as", "erin", "--reason", "gone");
    assertThat(twice.exit()).isEqualTo(Main.EXIT_INVALID_DATA);
    assertThat(twice.err()).contains("is retracted already");
  }
}
