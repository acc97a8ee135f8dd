package org.custodiet.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodiet.store.Database;
import org.custodiet.store.ingest.CandidateRepository;
import org.custodiet.store.ingest.CandidateView;
import org.custodiet.store.ingest.DocumentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh H2 database per test, and a way to run the pipeline over files in a temp directory. */
abstract class PipelineHarness {
  @TempDir Path dir;
  Database db;

  record Run(IngestReport report, List<ReadFailure> failures) {
    ReadFailure onlyFailure() {
      if (failures.size() != 1) {
        throw new AssertionError("expected one failure, got " + failures);
      }
      return failures.get(0);
    }
  }

  @BeforeEach
  void openDatabase() throws Exception {
    db = Database.openDirectory(Files.createDirectories(dir.resolve("db")));
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  Run ingest(Limits limits, Path... files) {
    List<ReadFailure> failures = new ArrayList<>();
    IngestReport report =
        new IngestPipeline(db, new NamesExtractor(), limits, IngestPipeline.DEFAULT_MIN_SIMILARITY)
            .run(List.of(files), failures::add, Progress.NONE);
    return new Run(report, failures);
  }

  Run ingest(Path... files) {
    return ingest(Limits.DEFAULT, files);
  }

  Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  Path write(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  /** A good file to put after a bad one, to see that the run goes on. */
  Path goodStory() throws Exception {
    return write("good.txt", Stories.CAMERAS);
  }

  DocumentRepository.Counts stored() {
    return new DocumentRepository(db, IngestPipeline.DEFAULT_MIN_SIMILARITY).counts();
  }

  List<CandidateView> pending() {
    return new CandidateRepository(db).list("pending", 0, 1000);
  }
}
