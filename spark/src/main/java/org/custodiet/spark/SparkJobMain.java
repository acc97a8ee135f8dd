package org.custodiet.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.ingest.Limits;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code custodiet spark-job}: the ingest and extraction as a Spark job. Run by the launcher
 * (./custodiet spark-job ...) with Spark on the class path, or by spark-submit with the shaded job
 * jar.
 */
@Command(
    name = "spark-job",
    mixinStandardHelpOptions = true,
    description = "Ingest and extract a large corpus with Spark (see docs/spark.md).",
    subcommands = {SparkJobMain.Run.class, ScalingBench.class, CommandLine.HelpCommand.class})
public final class SparkJobMain {
  static final int EXIT_FAILURE = 4;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkJobMain()).execute(args));
  }

  /** Where the knowledge base whose gazetteer the extractor uses is read from. */
  static final class KnowledgeBaseOptions {
    @Option(
        names = "--data",
        paramLabel = "DIR",
        description = "Data directory of the embedded database (default: ~/.custodiet).")
    Path dataDir;

    @Option(
        names = "--db",
        paramLabel = "URL",
        description =
            "JDBC URL of the knowledge base instead of the embedded one (user and password from"
                + " CUSTODIET_DB_USER and CUSTODIET_DB_PASSWORD).")
    String dbUrl;

    /** Loads it, seeding an empty database with the bundled data first as every command does. */
    KnowledgeBase load() {
      try (Database db =
          dbUrl != null
              ? Database.open(
                  dbUrl, System.getenv("CUSTODIET_DB_USER"), System.getenv("CUSTODIET_DB_PASSWORD"))
              : Database.openDirectory(
                  dataDir != null
                      ? dataDir
                      : Path.of(System.getProperty("user.home"), ".custodiet"))) {
        return seeded(db);
      }
    }

    /** Seeds an empty database with the bundled data, as every command does, and reads it. */
    static KnowledgeBase seeded(Database db) {
      new SeedLoader(db).loadBundled();
      return new KnowledgeBaseRepository(db).load();
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Read JSON Lines, WARC (and the other ingest formats) from local paths or Hadoop"
            + " filesystem URIs, drop exact copies and group near-duplicates across the corpus,"
            + " extract candidate claims, and write Parquet: OUT/candidates, OUT/documents and"
            + " OUT/quarantine (records that could not be used, with file, position and error).",
        "With --jdbc the documents and candidates also go into that database's review queue."
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or directories.")
    List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New directory.")
    String output;

    @Option(
        names = "--master",
        defaultValue = "local[*]",
        description = "Spark master (default ${DEFAULT-VALUE}; ignored under spark-submit).")
    String master;

    @Option(
        names = "--jdbc",
        paramLabel = "URL",
        description =
            "Also write into this database's review queue (jdbc:postgresql:... or jdbc:h2:...;"
                + " user and password from CUSTODIET_DB_USER and CUSTODIET_DB_PASSWORD or the"
                + " URL).")
    String jdbcUrl;

    @Option(
        names = "--jdbc-batch",
        defaultValue = "200",
        description = "Documents per transaction with --jdbc (default ${DEFAULT-VALUE}).")
    int jdbcBatch;

    @Option(
        names = "--min-similarity",
        defaultValue = "0.5",
        description = "Near-duplicate threshold (default ${DEFAULT-VALUE}).")
    double minSimilarity;

    @CommandLine.Mixin KnowledgeBaseOptions kb;

    @Override
    public Integer call() throws Exception {
      if (jdbcBatch < 1 || jdbcBatch > 100_000) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--jdbc-batch: must be between 1 and 100000, got " + jdbcBatch);
      }
      PrintWriter out = spec.commandLine().getOut();
      SparkIngestJob.Options options =
          new SparkIngestJob.Options(inputs, output, Limits.DEFAULT, minSimilarity);
      GazetteerSource lists = GazetteerSource.of(kb.load());
      SparkSession spark = LocalSpark.start(master, "custodiet spark-job");
      try {
        SparkIngestJob.Result result = SparkIngestJob.run(spark, lists, options);
        out.println("spark-job: " + result.report().summary());
        out.println("spark-job: wrote " + output + "/{candidates,documents,quarantine} (Parquet)");
        if (jdbcUrl != null) {
          try (Database db =
              Database.open(
                  jdbcUrl,
                  System.getenv("CUSTODIET_DB_USER"),
                  System.getenv("CUSTODIET_DB_PASSWORD"))) {
            ReviewQueueWriter.Written w =
                ReviewQueueWriter.write(result.extracted(), db, minSimilarity, jdbcBatch);
            out.printf(
                "spark-job: review queue %s: stored %d documents with %d candidates, %d already"
                    + " there, %d refused%n",
                db.url(), w.documents(), w.candidates(), w.alreadyStored(), w.refused());
            w.reasons().forEach(r -> out.println("  " + r));
          }
        }
        result.release();
        out.flush();
        return 0;
      } finally {
        spark.stop();
      }
    }
  }
}
