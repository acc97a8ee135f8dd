#!/usr/bin/env python3
"""Where a thread's CPU samples go in a Java Flight Recorder file, by stage of the ingest work.

Usage: python3 tools/profile/jfr_shares.py RECORDING.jfr THREAD_NAME_PART

Record with, for example:
  CUSTODIET_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/spark.jfr,settings=profile" \\
    ./custodiet spark-job bench --gb 0.4 --files 8 --skip-full-path --skip-local2
then `python3 tools/profile/jfr_shares.py /tmp/spark.jfr Executor` for the Spark job's task
thread, or `... main` for the embedded stages (which also hold the corpus generation).

Each sample is put in the category of its innermost frame that names one, so a sample in
Parquet's encoder called from the job counts as Parquet, not as the job. Needs the JDK's `jfr`.
"""
import collections
import json
import subprocess
import sys

# (part of a frame's class.method, category), tried in this order for each frame.
CATEGORIES = [
    ("SizeEstimator", "Spark: cache size estimates"),
    ("MemoryStore", "Spark: cache store"),
    ("ObjectInputStream", "Java deserialisation"),
    ("ObjectOutputStream", "Java serialisation"),
    ("parquet", "Parquet writing"),
    ("UnsafeProjection", "rows to Spark SQL"),
    ("ExpressionEncoder", "rows to Spark SQL"),
    ("ExternalSorter", "shuffle: sort"),
    ("AppendOnlyMap", "shuffle: aggregate"),
    ("ShuffleWriter", "shuffle: write"),
    ("ShuffleBlockFetcher", "shuffle: read"),
    ("RuleBasedExtractor", "extraction"),
    ("MinHash.signature", "MinHash"),
    ("MinHash.buckets", "LSH buckets"),
    ("TextNormaliser", "normalising"),
    ("DocumentPreparation", "preparing (URL, hash)"),
    ("CanonicalUrl", "preparing (URL, hash)"),
    ("JsonLinesReader", "reading JSON Lines"),
    ("jackson", "reading JSON Lines"),
    ("NearDuplicates", "near-duplicates"),
    ("SharedKeys", "shared keys"),
    ("FirstSeen", "exact copies"),
    ("SparkIngestJob", "job steps"),
]


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    recording, thread_part = sys.argv[1], sys.argv[2]
    printed = subprocess.run(
        ["jfr", "print", "--json", "--events", "jdk.ExecutionSample", recording],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    counts = collections.Counter()
    total = 0
    for event in json.loads(printed)["recording"]["events"]:
        values = event["values"]
        if thread_part not in (values["sampledThread"]["javaName"] or ""):
            continue
        total += 1
        frames = values["stackTrace"]["frames"] if values["stackTrace"] else []
        names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]
        category = next(
            (label for name in names for part, label in CATEGORIES if part in name), "other"
        )
        counts[category] += 1
    print(f"{total} samples of threads named *{thread_part}*")
    for category, n in counts.most_common():
        print(f"{n:7d} {100 * n / max(total, 1):5.1f}%  {category}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
