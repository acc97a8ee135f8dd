package org.custodiet.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.extract.Extractor;
import org.custodiet.ingest.Limits;
import org.custodiet.ingest.RawDocument;
import org.custodiet.ingest.ReadFailure;
import scala.Tuple2;

/**
 * The embedded ingest path as a Spark job: read JSON Lines, WARC and the other formats the ingest
 * module reads (one task per file), normalise, drop exact copies and group near-duplicates across
 * the whole corpus by the embedded path's first-seen rules, extract candidate claims with the core
 * extractor, and write documents, candidates and quarantined records as Parquet. See docs/spark.md.
 */
public final class SparkIngestJob {
  private SparkIngestJob() {}

  /**
   * What to run.
   *
   * @param inputs files or directories, local paths or Hadoop filesystem URIs
   * @param output a directory that must not exist; gets candidates/, documents/ and quarantine/
   * @param minSimilarity the estimated Jaccard similarity from which a document joins an earlier
   *     one's near-duplicate group (the embedded default is 0.5)
   */
  public record Options(List<String> inputs, String output, Limits limits, double minSimilarity) {
    public Options {
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("no input: name at least one file or directory");
      }
      if (!(minSimilarity > 0 && minSimilarity <= 1)) {
        throw new IllegalArgumentException(
            "minimum similarity must be in (0, 1], got " + minSimilarity);
      }
    }
  }

  /**
   * What a run did. {@code read == documents + duplicates + quarantined}, as in the embedded
   * pipeline's report.
   *
   * @param read records met, usable or not
   * @param documents documents kept, extracted and written
   * @param duplicates exact copies dropped (same canonical URL or same text as a kept document)
   * @param nearDuplicates of the documents, those in the group of an earlier similar one
   * @param quarantined records that could not be read, prepared or extracted
   * @param bytes input bytes
   */
  public record Report(
      long files,
      long read,
      long documents,
      long duplicates,
      long nearDuplicates,
      long quarantined,
      long candidates,
      long bytes) {
    public String summary() {
      return String.format(
          java.util.Locale.ROOT,
          "files %d, read %d, documents %d, duplicates %d, near-duplicates %d, quarantined %d,"
              + " candidates %d",
          files,
          read,
          documents,
          duplicates,
          nearDuplicates,
          quarantined,
          candidates);
    }
  }

  /** A kept document with its candidates, or the reason the extractor gave none. */
  record Extracted(
      PreparedDocument document,
      List<CandidateRow> candidates,
      String error,
      String nearDuplicateOf,
      String group)
      implements java.io.Serializable {}

  /** The run's extracted documents (in input order, partition by partition) and its report. */
  public record Result(Report report, JavaRDD<Extracted> extracted) {}

  public static Result run(SparkSession spark, GazetteerSource gazetteer, Options options)
      throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(options.output());
    FileSystem outFs = out.getFileSystem(conf);
    if (outFs.exists(out)) {
      throw new IllegalArgumentException(
          "output " + options.output() + " already exists: name a new directory");
    }
    List<InputFiles.InputFile> files = InputFiles.list(options.inputs(), conf);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("the inputs hold no files: " + options.inputs());
    }
    Map<String, String> hadoopConf = new HashMap<>();
    conf.forEach(e -> hadoopConf.put(e.getKey(), e.getValue()));
    long maxDocument = options.limits().maxDocumentBytes();
    long maxFeed = options.limits().maxFeedBytes();
    int maxDepth = options.limits().maxHtmlDepth();
    Broadcast<GazetteerSource> lists = jsc.broadcast(gazetteer);

    // One partition per file, in file order: partitions and the records within them stay in input
    // order through the narrow steps below, which the JDBC writer relies on.
    JavaRDD<Preparation.Outcome> outcomes =
        jsc.parallelize(files, files.size())
            .flatMap(
                f -> readFile(f, hadoopConf, new Limits(maxDocument, maxFeed, maxDepth)).iterator())
            .persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<PreparedDocument> documents =
        outcomes
            .filter(o -> o instanceof Preparation.Ready)
            .map(o -> ((Preparation.Ready) o).document());

    Map<Long, FirstSeen.Kind> dropped = FirstSeen.dropped(contested(jsc, documents));
    Broadcast<Set<Long>> droppedOrders = jsc.broadcast(new HashSet<>(dropped.keySet()));
    JavaRDD<PreparedDocument> kept =
        documents
            .filter(d -> !droppedOrders.value().contains(d.order()))
            .persist(StorageLevel.MEMORY_AND_DISK());

    double minSimilarity = options.minSimilarity();
    // Most buckets hold one document; only shared ones need the signatures shuffled to them.
    Broadcast<Set<Long>> sharedBuckets =
        jsc.broadcast(
            new HashSet<>(
                kept.flatMapToPair(NearDuplicates::bucketKeys)
                    .reduceByKey(Long::sum)
                    .filter(t -> t._2() > 1)
                    .keys()
                    .collect()));
    Map<Long, Long> matchOf =
        new HashMap<>(
            kept.flatMapToPair(d -> NearDuplicates.buckets(d, sharedBuckets.value()))
                .groupByKey()
                .flatMapToPair(
                    bucket -> NearDuplicates.matchesWithin(bucket._2(), minSimilarity).iterator())
                .reduceByKey(NearDuplicates::better)
                .mapValues(NearDuplicates.Match::order)
                .collectAsMap());
    Map<Long, Long> openers = NearDuplicates.groupOpeners(matchOf);
    Set<Long> named = new HashSet<>(matchOf.values());
    named.addAll(openers.values());
    Broadcast<Set<Long>> namedOrders = jsc.broadcast(named);
    Map<Long, String> keys =
        new HashMap<>(
            kept.filter(d -> namedOrders.value().contains(d.order()))
                .mapToPair(d -> new Tuple2<>(d.order(), d.key()))
                .collectAsMap());
    Map<Long, String[]> groupOf = new HashMap<>();
    matchOf.forEach(
        (order, match) ->
            groupOf.put(order, new String[] {keys.get(match), keys.get(openers.get(order))}));
    Broadcast<Map<Long, String[]>> groups = jsc.broadcast(groupOf);

    JavaRDD<Extracted> extracted =
        kept.map(d -> extract(d, lists.value().extractor(), groups.value().get(d.order())))
            .persist(StorageLevel.MEMORY_AND_DISK());

    JavaRDD<Quarantined> quarantine =
        outcomes
            .filter(o -> o instanceof Preparation.Refused)
            .map(o -> ((Preparation.Refused) o).record())
            .union(
                extracted
                    .filter(e -> e.error() != null)
                    .map(
                        e ->
                            new Quarantined(
                                e.document().file(),
                                e.document().origin(),
                                e.document().order(),
                                e.error())));

    String base = options.output().endsWith("/") ? options.output() : options.output() + "/";
    JavaRDD<Extracted> good = extracted.filter(e -> e.error() == null);
    spark
        .createDataFrame(good.flatMap(SparkIngestJob::candidateRows), Schemas.CANDIDATES)
        .write()
        .parquet(base + "candidates");
    spark
        .createDataFrame(good.map(SparkIngestJob::documentRow), Schemas.DOCUMENTS)
        .write()
        .parquet(base + "documents");
    spark
        .createDataFrame(quarantine.map(SparkIngestJob::quarantineRow), Schemas.QUARANTINE)
        .write()
        .parquet(base + "quarantine");

    long bytes = files.stream().mapToLong(InputFiles.InputFile::bytes).sum();
    long nearDuplicates = good.filter(e -> e.nearDuplicateOf() != null).count();
    Report report =
        new Report(
            files.size(),
            outcomes.count(),
            good.count(),
            dropped.size(),
            nearDuplicates,
            quarantine.count(),
            good.map(e -> (long) e.candidates().size()).fold(0L, Long::sum),
            bytes);
    outcomes.unpersist();
    kept.unpersist();
    return new Result(report, good);
  }

  /** The documents that share their address or their text with another document. */
  private static List<FirstSeen.Contested> contested(
      JavaSparkContext jsc, JavaRDD<PreparedDocument> documents) {
    Set<String> sharedUrls =
        new HashSet<>(
            documents
                .filter(d -> d.canonicalUrl() != null)
                .mapToPair(d -> new Tuple2<>(d.canonicalUrl(), 1L))
                .reduceByKey(Long::sum)
                .filter(t -> t._2() > 1)
                .keys()
                .collect());
    Set<String> sharedTexts =
        new HashSet<>(
            documents
                .mapToPair(d -> new Tuple2<>(d.contentSha256(), 1L))
                .reduceByKey(Long::sum)
                .filter(t -> t._2() > 1)
                .keys()
                .collect());
    if (sharedUrls.isEmpty() && sharedTexts.isEmpty()) {
      return List.of();
    }
    Broadcast<Set<String>> urls = jsc.broadcast(sharedUrls);
    Broadcast<Set<String>> texts = jsc.broadcast(sharedTexts);
    return documents
        .filter(
            d ->
                (d.canonicalUrl() != null && urls.value().contains(d.canonicalUrl()))
                    || texts.value().contains(d.contentSha256()))
        .map(d -> new FirstSeen.Contested(d.order(), d.canonicalUrl(), d.contentSha256()))
        .collect();
  }

  /** Reads one file; a file that cannot be read at all becomes one quarantined record. */
  private static List<Preparation.Outcome> readFile(
      InputFiles.InputFile file, Map<String, String> hadoopConf, Limits limits) {
    List<Preparation.Outcome> outcomes = new ArrayList<>();
    long high = (long) file.index() << 32;
    try {
      InputFiles.read(
          file,
          hadoopConf,
          limits,
          new InputFiles.Numbered() {
            @Override
            public void document(long number, RawDocument document) {
              outcomes.add(Preparation.prepare(document, high | number, file.uri()));
            }

            @Override
            public void failure(long number, ReadFailure failure) {
              outcomes.add(
                  new Preparation.Refused(
                      new Quarantined(
                          file.uri(), failure.origin(), high | number, failure.message())));
            }
          });
    } catch (IOException | RuntimeException e) {
      outcomes.add(
          new Preparation.Refused(
              new Quarantined(file.uri(), file.uri(), high, "cannot read the file: " + e)));
    }
    return outcomes;
  }

  private static Extracted extract(PreparedDocument d, Extractor extractor, String[] group) {
    String nearDuplicateOf = group == null ? null : group[0];
    String groupKey = group == null ? d.key() : group[1];
    List<CandidateClaim> claims;
    try {
      claims = extractor.extract(d.body());
    } catch (RuntimeException e) {
      return new Extracted(
          d,
          List.of(),
          "extractor " + extractor.name() + " " + extractor.version() + " failed: " + e,
          nearDuplicateOf,
          groupKey);
    }
    List<CandidateRow> rows = new ArrayList<>(claims.size());
    for (CandidateClaim c : claims) {
      if (c.spanEnd() > d.body().length()) {
        return new Extracted(
            d,
            List.of(),
            "extractor "
                + c.extractor()
                + " "
                + c.extractorVersion()
                + " gave the span ["
                + c.spanStart()
                + ", "
                + c.spanEnd()
                + ") outside the "
                + d.body().length()
                + "-character text",
            nearDuplicateOf,
            groupKey);
      }
      rows.add(CandidateRow.of(c));
    }
    return new Extracted(d, rows, null, nearDuplicateOf, groupKey);
  }

  private static Iterator<Row> candidateRows(Extracted e) {
    PreparedDocument d = e.document();
    List<Row> rows = new ArrayList<>(e.candidates().size());
    for (CandidateRow c : e.candidates()) {
      rows.add(
          RowFactory.create(
              d.key(),
              d.canonicalUrl(),
              d.contentSha256(),
              e.group(),
              c.supplierCompanyId(),
              c.countryIso3(),
              c.technology(),
              c.city(),
              c.lenderId(),
              c.instrument(),
              c.amountUsd(),
              c.confidence(),
              c.spanStart(),
              c.spanEnd(),
              c.extractor(),
              c.extractorVersion()));
    }
    return rows.iterator();
  }

  private static Row documentRow(Extracted e) {
    PreparedDocument d = e.document();
    return RowFactory.create(
        d.key(),
        d.order(),
        d.canonicalUrl(),
        d.contentSha256(),
        d.title(),
        d.published(),
        d.publisher(),
        d.sourceFormat(),
        d.origin(),
        e.group(),
        e.nearDuplicateOf(),
        e.candidates().size(),
        d.body());
  }

  private static Row quarantineRow(Quarantined q) {
    return RowFactory.create(q.file(), q.origin(), q.order(), q.error());
  }

  /** The Parquet outputs' columns. */
  static final class Schemas {
    private Schemas() {}

    static final StructType CANDIDATES =
        new StructType()
            .add("document_key", DataTypes.StringType, false)
            .add("canonical_url", DataTypes.StringType, true)
            .add("content_sha256", DataTypes.StringType, false)
            .add("group_key", DataTypes.StringType, false)
            .add("supplier_company_id", DataTypes.StringType, false)
            .add("country_iso3", DataTypes.StringType, false)
            .add("technology", DataTypes.StringType, false)
            .add("city", DataTypes.StringType, true)
            .add("lender_id", DataTypes.StringType, true)
            .add("instrument", DataTypes.StringType, true)
            .add("amount_usd", DataTypes.createDecimalType(24, 6), true)
            .add("confidence", DataTypes.DoubleType, false)
            .add("span_start", DataTypes.IntegerType, false)
            .add("span_end", DataTypes.IntegerType, false)
            .add("extractor", DataTypes.StringType, false)
            .add("extractor_version", DataTypes.StringType, false);

    static final StructType DOCUMENTS =
        new StructType()
            .add("document_key", DataTypes.StringType, false)
            .add("input_order", DataTypes.LongType, false)
            .add("canonical_url", DataTypes.StringType, true)
            .add("content_sha256", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, true)
            .add("published", DataTypes.StringType, true)
            .add("publisher", DataTypes.StringType, true)
            .add("source_format", DataTypes.StringType, false)
            .add("origin", DataTypes.StringType, false)
            .add("group_key", DataTypes.StringType, false)
            .add("near_duplicate_of", DataTypes.StringType, true)
            .add("candidates", DataTypes.IntegerType, false)
            .add("body", DataTypes.StringType, false);

    static final StructType QUARANTINE =
        new StructType()
            .add("file", DataTypes.StringType, false)
            .add("origin", DataTypes.StringType, false)
            .add("input_order", DataTypes.LongType, false)
            .add("error", DataTypes.StringType, false);
  }
}
