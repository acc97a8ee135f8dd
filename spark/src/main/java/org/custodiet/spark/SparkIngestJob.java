package org.custodiet.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.spark.sql.DataFrameWriter;
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
   * @param sharedKeys URL hashes, text hashes and LSH buckets found shared and broadcast to every
   *     executor (8 bytes each): what the driver's memory must hold for deduplication
   */
  public record Report(
      long files,
      long read,
      long documents,
      long duplicates,
      long nearDuplicates,
      long quarantined,
      long candidates,
      long bytes,
      long sharedKeys) {
    public String summary() {
      return String.format(
          java.util.Locale.ROOT,
          "files %d, read %d, documents %d, duplicates %d, near-duplicates %d, quarantined %d,"
              + " candidates %d, shared keys %d",
          files,
          read,
          documents,
          duplicates,
          nearDuplicates,
          quarantined,
          candidates,
          sharedKeys);
    }
  }

  /** A record after reading, preparation and extraction. */
  sealed interface Processed extends java.io.Serializable {}

  /**
   * A record that cannot be used: unreadable, refused by preparation, or failed by the extractor.
   */
  record Unusable(Quarantined record) implements Processed {}

  /** A usable document with its candidates. */
  record Usable(PreparedDocument document, List<CandidateRow> candidates) implements Processed {}

  /** A kept document with its candidates and its near-duplicate group. */
  record Extracted(
      PreparedDocument document,
      List<CandidateRow> candidates,
      String nearDuplicateOf,
      String group)
      implements java.io.Serializable {}

  /**
   * The run's report and its kept documents (in input order, partition by partition), computed from
   * a cache that {@link #release()} frees.
   */
  public record Result(
      Report report, JavaRDD<Extracted> extracted, JavaRDD<List<Processed>> cache) {
    public void release() {
      cache.unpersist(true);
    }
  }

  private static final int URL = 0;
  private static final int TEXT = 1;
  private static final int BUCKET = 2;

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
    JavaRDD<List<Processed>> cache = readAndExtract(jsc, files, options.limits(), gazetteer);
    JavaRDD<Processed> processed = cache.flatMap(List::iterator);

    long[][] sharedKeys = sharedKeys(processed);
    Broadcast<long[][]> shared = jsc.broadcast(sharedKeys);
    Map<Long, FirstSeen.Kind> dropped =
        FirstSeen.dropped(
            processed.flatMap(p -> contested(p, shared.value()).iterator()).collect());
    Broadcast<Set<Long>> droppedOrders = jsc.broadcast(new HashSet<>(dropped.keySet()));
    Broadcast<Map<Long, String[]>> groups =
        jsc.broadcast(
            nearDuplicateGroups(processed, droppedOrders, shared, options.minSimilarity()));

    JavaRDD<Extracted> good =
        processed
            .filter(p -> kept(p, droppedOrders.value()))
            .map(p -> withGroup((Usable) p, groups.value().get(((Usable) p).document().order())));
    JavaRDD<Quarantined> quarantine =
        processed.filter(p -> p instanceof Unusable).map(p -> ((Unusable) p).record());
    writeOutputs(spark, good, quarantine, options.output());

    Tally tally =
        processed
            .mapPartitions(
                records ->
                    List.of(Tally.of(records, droppedOrders.value(), groups.value())).iterator())
            .reduce(Tally::plus);
    long bytes = files.stream().mapToLong(InputFiles.InputFile::bytes).sum();
    Report report =
        new Report(
            files.size(),
            tally.read(),
            tally.kept(),
            dropped.size(),
            tally.nearDuplicates(),
            tally.unusable(),
            tally.candidates(),
            bytes,
            Arrays.stream(sharedKeys).mapToLong(keys -> keys.length).sum());
    return new Result(report, good, cache);
  }

  /**
   * Reads, prepares and extracts the corpus in one pass, cached; every later step reads the cache.
   * One partition per file, in file order: partitions and the records within them stay in input
   * order through the narrow steps that follow, which the JDBC writer relies on. Documents dropped
   * later as exact copies are extracted too (a few per cent of the work), so that a document the
   * extractor fails on takes no part in deduplication, as in the embedded path, which stores
   * nothing for it.
   *
   * <p>A file's records are cached as one list. Spark sizes what it caches by walking sampled
   * objects again and again as a partition's records arrive one by one (4 % of the job's CPU); one
   * list per partition is sized once, from a sample of its elements.
   */
  private static JavaRDD<List<Processed>> readAndExtract(
      JavaSparkContext jsc,
      List<InputFiles.InputFile> files,
      Limits limits,
      GazetteerSource lists) {
    Map<String, String> hadoopConf = new HashMap<>();
    jsc.hadoopConfiguration().forEach(e -> hadoopConf.put(e.getKey(), e.getValue()));
    long maxDocument = limits.maxDocumentBytes();
    long maxFeed = limits.maxFeedBytes();
    int maxDepth = limits.maxHtmlDepth();
    Broadcast<GazetteerSource> broadcastLists = jsc.broadcast(lists);
    return jsc.parallelize(files, files.size())
        .map(
            f ->
                readFile(
                    f,
                    hadoopConf,
                    new Limits(maxDocument, maxFeed, maxDepth),
                    broadcastLists.value().extractor()))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The URL hashes, text hashes and LSH buckets of usable documents that occur more than once. */
  private static long[][] sharedKeys(JavaRDD<Processed> processed) {
    return SharedKeys.find(
        processed,
        3,
        (p, sink) -> {
          if (p instanceof Usable u) {
            PreparedDocument d = u.document();
            if (d.canonicalUrl() != null) {
              sink.add(URL, SharedKeys.hash(d.canonicalUrl()));
            }
            sink.add(TEXT, textKey(d));
            for (long bucket : NearDuplicates.distinctBuckets(d.signature())) {
              sink.add(BUCKET, bucket);
            }
          }
        });
  }

  /**
   * Each near-duplicate's group, by its order: the key of the document it matched and the key of
   * its group's first document. A bucket shared only with a dropped copy, or through a hash
   * collision, yields no match.
   */
  private static Map<Long, String[]> nearDuplicateGroups(
      JavaRDD<Processed> processed,
      Broadcast<Set<Long>> droppedOrders,
      Broadcast<long[][]> shared,
      double minSimilarity) {
    Map<Long, NearDuplicates.Match> matchOf =
        processed
            .filter(p -> kept(p, droppedOrders.value()))
            .flatMapToPair(
                p -> NearDuplicates.sharedBuckets(((Usable) p).document(), shared.value()[BUCKET]))
            .groupByKey()
            .flatMapToPair(
                bucket -> NearDuplicates.matchesWithin(bucket._2(), minSimilarity).iterator())
            .reduceByKey(NearDuplicates::better)
            .collectAsMap();
    Map<Long, Long> matchedOrder = new HashMap<>();
    Map<Long, String> keyOf = new HashMap<>();
    matchOf.forEach(
        (order, match) -> {
          matchedOrder.put(order, match.order());
          keyOf.put(match.order(), match.key());
        });
    // A group's first document is matched by the group's second, so its key is known.
    Map<Long, Long> openers = NearDuplicates.groupOpeners(matchedOrder);
    Map<Long, String[]> groupOf = new HashMap<>();
    matchOf.forEach(
        (order, match) ->
            groupOf.put(order, new String[] {match.key(), keyOf.get(openers.get(order))}));
    return groupOf;
  }

  private static void writeOutputs(
      SparkSession spark, JavaRDD<Extracted> good, JavaRDD<Quarantined> quarantine, String output) {
    String base = output.endsWith("/") ? output : output + "/";
    spark
        .createDataFrame(good.flatMap(SparkIngestJob::candidateRows), Schemas.CANDIDATES)
        .write()
        .parquet(base + "candidates");
    DataFrameWriter<Row> documentsWriter =
        spark.createDataFrame(good.map(SparkIngestJob::documentRow), Schemas.DOCUMENTS).write();
    // A dictionary only pays for repeated values; for these columns Parquet would hash and compare
    // every whole value (every body) before giving up on it.
    for (String column : Schemas.UNIQUE_DOCUMENT_COLUMNS) {
      documentsWriter.option("parquet.enable.dictionary#" + column, "false");
    }
    documentsWriter.parquet(base + "documents");
    spark
        .createDataFrame(quarantine.map(SparkIngestJob::quarantineRow), Schemas.QUARANTINE)
        .write()
        .parquet(base + "quarantine");
  }

  /** What one pass over the cache counts for the report. */
  private record Tally(long read, long unusable, long kept, long nearDuplicates, long candidates)
      implements java.io.Serializable {
    static Tally of(Iterator<Processed> records, Set<Long> dropped, Map<Long, String[]> groups) {
      long read = 0;
      long unusable = 0;
      long kept = 0;
      long near = 0;
      long candidates = 0;
      while (records.hasNext()) {
        Processed p = records.next();
        read++;
        if (p instanceof Unusable) {
          unusable++;
        } else if (p instanceof Usable u && SparkIngestJob.kept(u, dropped)) {
          kept++;
          near += groups.containsKey(u.document().order()) ? 1 : 0;
          candidates += u.candidates().size();
        }
      }
      return new Tally(read, unusable, kept, near, candidates);
    }

    Tally plus(Tally o) {
      return new Tally(
          read + o.read,
          unusable + o.unusable,
          kept + o.kept,
          nearDuplicates + o.nearDuplicates,
          candidates + o.candidates);
    }
  }

  /** The first 64 bits of a document's text hash. */
  private static long textKey(PreparedDocument d) {
    return Long.parseUnsignedLong(d.contentSha256().substring(0, 16), 16);
  }

  private static boolean kept(Processed p, Set<Long> droppedOrders) {
    return p instanceof Usable u && !droppedOrders.contains(u.document().order());
  }

  /**
   * The document as a contestant for the exact-copy rule when its address or its text hash is
   * shared with another document (or collides with one: the rule compares the values themselves).
   */
  private static List<FirstSeen.Contested> contested(Processed p, long[][] shared) {
    if (!(p instanceof Usable u)) {
      return List.of();
    }
    PreparedDocument d = u.document();
    boolean sharesUrl =
        d.canonicalUrl() != null
            && SharedKeys.contains(shared[URL], SharedKeys.hash(d.canonicalUrl()));
    boolean sharesText = SharedKeys.contains(shared[TEXT], textKey(d));
    return sharesUrl || sharesText
        ? List.of(new FirstSeen.Contested(d.order(), d.canonicalUrl(), d.contentSha256()))
        : List.of();
  }

  /** Reads one file; a file that cannot be read at all becomes one quarantined record. */
  private static List<Processed> readFile(
      InputFiles.InputFile file,
      Map<String, String> hadoopConf,
      Limits limits,
      Extractor extractor) {
    List<Processed> records = new ArrayList<>();
    long high = (long) file.index() << 32;
    try {
      InputFiles.read(
          file,
          hadoopConf,
          limits,
          new InputFiles.Numbered() {
            @Override
            public void document(long number, RawDocument document) {
              Preparation.Outcome outcome =
                  Preparation.prepare(document, high | number, file.uri());
              records.add(
                  outcome instanceof Preparation.Ready ready
                      ? extract(ready.document(), extractor)
                      : new Unusable(((Preparation.Refused) outcome).record()));
            }

            @Override
            public void failure(long number, ReadFailure failure) {
              records.add(
                  new Unusable(
                      new Quarantined(
                          file.uri(), failure.origin(), high | number, failure.message())));
            }
          });
    } catch (IOException | RuntimeException e) {
      records.add(
          new Unusable(
              new Quarantined(file.uri(), file.uri(), high, "cannot read the file: " + e)));
    }
    return records;
  }

  private static Processed extract(PreparedDocument d, Extractor extractor) {
    List<CandidateClaim> claims;
    try {
      claims = extractor.extract(d.body());
    } catch (RuntimeException e) {
      return unusable(
          d, "extractor " + extractor.name() + " " + extractor.version() + " failed: " + e);
    }
    List<CandidateRow> rows = new ArrayList<>(claims.size());
    for (CandidateClaim c : claims) {
      if (c.spanEnd() > d.body().length()) {
        return unusable(
            d,
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
                + "-character text");
      }
      rows.add(CandidateRow.of(c));
    }
    return new Usable(d, rows);
  }

  private static Unusable unusable(PreparedDocument d, String error) {
    return new Unusable(new Quarantined(d.file(), d.origin(), d.order(), error));
  }

  private static Extracted withGroup(Usable u, String[] group) {
    PreparedDocument d = u.document();
    return group == null
        ? new Extracted(d, u.candidates(), null, d.key())
        : new Extracted(d, u.candidates(), group[0], group[1]);
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

    /** The documents' columns whose values are (nearly) all different. */
    static final List<String> UNIQUE_DOCUMENT_COLUMNS =
        List.of("document_key", "canonical_url", "content_sha256", "origin", "body");

    static final StructType QUARANTINE =
        new StructType()
            .add("file", DataTypes.StringType, false)
            .add("origin", DataTypes.StringType, false)
            .add("input_order", DataTypes.LongType, false)
            .add("error", DataTypes.StringType, false);
  }
}
