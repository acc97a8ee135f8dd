package org.custodiet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.custodiet.ingest.Limits;
import org.custodiet.store.Database;
import org.custodiet.store.KnowledgeBaseRepository;
import org.custodiet.store.SeedLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input on a Hadoop filesystem that is not the local one (here a scheme of its own over local
 * files, registered through the Hadoop configuration as hdfs:// or s3a:// would be): files are
 * listed and read through Hadoop, and messages name the original URI.
 */
class OtherFileSystemTest {
  /** The local filesystem under the scheme {@code custodiettest}. */
  public static final class SchemeFileSystem extends RawLocalFileSystem {
    @Override
    public URI getUri() {
      return URI.create("custodiettest:///");
    }

    @Override
    public String getScheme() {
      return "custodiettest";
    }
  }

  @TempDir Path dir;

  @Test
  void filesOnAnotherFileSystemAreReadThroughHadoop() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        in.resolve("news.jsonl"),
        "{\"url\": \"https://a.example/1\", \"text\": \"Hikvision installed cameras in Quito,"
            + " Ecuador, for the city police.\"}\n"
            + "{\"url\": \"https://a.example/2\", \"text\": [1]}\n",
        StandardCharsets.UTF_8);
    GazetteerSource lists;
    try (Database db = Database.openDirectory(dir.resolve("kb"))) {
      new SeedLoader(db).loadBundled();
      lists = GazetteerSource.of(new KnowledgeBaseRepository(db).load());
    }
    SparkSession spark = SharedSpark.session();
    spark
        .sparkContext()
        .hadoopConfiguration()
        .set("fs.custodiettest.impl", SchemeFileSystem.class.getName());
    String input = "custodiettest://" + in.toAbsolutePath();
    String out = dir.resolve("out").toString();
    SparkIngestJob.Report report =
        SparkIngestJob.run(
                spark, lists, new SparkIngestJob.Options(List.of(input), out, Limits.DEFAULT, 0.5))
            .report();

    assertThat(report.files()).isEqualTo(1);
    assertThat(report.documents()).isEqualTo(1);
    assertThat(report.quarantined()).isEqualTo(1);
    List<Row> documents = spark.read().parquet(out + "/documents").collectAsList();
    assertThat(documents.get(0).<String>getAs("origin"))
        .startsWith("custodiettest:")
        .endsWith("news.jsonl line 1");
    Row bad = spark.read().parquet(out + "/quarantine").collectAsList().get(0);
    assertThat(bad.<String>getAs("origin")).startsWith("custodiettest:").endsWith("line 2");
    assertThat(bad.<String>getAs("error")).isEqualTo("field 'text' is not a string");
  }
}
