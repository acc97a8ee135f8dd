package org.custodiet.store.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The documents one session stored into tables that held none before it, kept in memory so that
 * looking for a stored copy or for documents sharing a bucket needs no query. The database answers
 * the same, more slowly; its unique constraints stay the guard against a second copy. Buckets are
 * kept in primitive arrays (about 1 KB per document with its signature) since a run holds tens of
 * thousands of documents with twenty buckets each.
 */
final class SessionIndex {
  /** Beyond this many documents the session stops keeping them here and asks the database. */
  static final int MAX_DOCUMENTS = 500_000;

  private final Map<String, Long> idByUrl = new HashMap<>();
  private final Map<String, Long> idBySha = new HashMap<>();

  private long[] documentIds = new long[1024];
  private long[] groupIds = new long[1024];
  private int[][] signatures = new int[1024][];
  private int documents;

  // open addressing: bucket -> first entry; entries chain the documents of a bucket, newest first
  private long[] slotBuckets = new long[1 << 16];
  private int[] slotFirstEntry = new int[1 << 16];
  private int usedSlots;
  private int[] entryDocument = new int[1 << 16];
  private int[] entryNext = new int[1 << 16];
  private int entries;

  SessionIndex() {
    Arrays.fill(slotFirstEntry, -1);
  }

  boolean full() {
    return documents >= MAX_DOCUMENTS;
  }

  Long idOfUrl(String canonicalUrl) {
    return idByUrl.get(canonicalUrl);
  }

  Long idOfText(String contentSha256) {
    return idBySha.get(contentSha256);
  }

  /** A stored document sharing a bucket. */
  record Sharing(long documentId, long groupId, int[] signature) {}

  /** The documents sharing at least one of these buckets, each once, in the order stored. */
  Sharing[] sharing(long[] buckets) {
    int[] found = new int[8];
    int count = 0;
    for (long bucket : buckets) {
      int slot = slotOf(bucket);
      for (int e = slotFirstEntry[slot]; e >= 0; e = entryNext[e]) {
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = entryDocument[e];
      }
    }
    int[] distinct = Arrays.stream(found, 0, count).sorted().distinct().toArray();
    Sharing[] result = new Sharing[distinct.length];
    for (int i = 0; i < distinct.length; i++) {
      int d = distinct[i];
      result[i] = new Sharing(documentIds[d], groupIds[d], signatures[d]);
    }
    return result;
  }

  void add(NewDocument doc, long documentId, long groupId, long[] distinctBuckets) {
    if (documents == documentIds.length) {
      documentIds = Arrays.copyOf(documentIds, documents * 2);
      groupIds = Arrays.copyOf(groupIds, documents * 2);
      signatures = Arrays.copyOf(signatures, documents * 2);
    }
    int d = documents++;
    documentIds[d] = documentId;
    groupIds[d] = groupId;
    signatures[d] = doc.minhash().clone();
    if (doc.canonicalUrl() != null) {
      idByUrl.put(doc.canonicalUrl(), documentId);
    }
    idBySha.put(doc.contentSha256(), documentId);
    for (long bucket : distinctBuckets) {
      if (entries == entryDocument.length) {
        entryDocument = Arrays.copyOf(entryDocument, entries * 2);
        entryNext = Arrays.copyOf(entryNext, entries * 2);
      }
      if ((usedSlots + 1) * 2 > slotBuckets.length) {
        grow();
      }
      int slot = slotOf(bucket);
      if (slotFirstEntry[slot] < 0) {
        slotBuckets[slot] = bucket;
        usedSlots++;
      }
      entryDocument[entries] = d;
      entryNext[entries] = slotFirstEntry[slot];
      slotFirstEntry[slot] = entries++;
    }
  }

  /** The slot holding this bucket, or the empty slot where it would go. */
  private int slotOf(long bucket) {
    int mask = slotBuckets.length - 1;
    int slot = (int) (bucket ^ (bucket >>> 32)) & mask;
    while (slotFirstEntry[slot] >= 0 && slotBuckets[slot] != bucket) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldBuckets = slotBuckets;
    int[] oldFirst = slotFirstEntry;
    slotBuckets = new long[oldBuckets.length * 2];
    slotFirstEntry = new int[oldBuckets.length * 2];
    Arrays.fill(slotFirstEntry, -1);
    for (int i = 0; i < oldBuckets.length; i++) {
      if (oldFirst[i] >= 0) {
        int slot = slotOf(oldBuckets[i]);
        slotBuckets[slot] = oldBuckets[i];
        slotFirstEntry[slot] = oldFirst[i];
      }
    }
  }
}
