package org.custodiet.web.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Serialized API responses of the current snapshot, keyed by the normalized request, so that a
 * repeated read costs a map lookup. Entries of older snapshots are dropped whole when the snapshot
 * changes; the cache holds at most {@link #MAX_ENTRIES} responses and {@link #MAX_BYTES} bytes,
 * evicting arbitrary entries beyond that.
 */
final class ResponseCache {
  static final int MAX_ENTRIES = 2048;
  static final long MAX_BYTES = 64L << 20;

  /** A response body ready to send, with its entity tag (a hash of the bytes). */
  record Entry(byte[] body, String contentType, String etag) {
    static Entry of(byte[] body, String contentType) {
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
        return new Entry(body, contentType, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
      }
    }
  }

  private record Generation(
      String snapshotTag, ConcurrentHashMap<String, Entry> entries, AtomicLong bytes) {}

  private volatile Generation generation =
      new Generation("", new ConcurrentHashMap<>(), new AtomicLong());

  Entry get(String snapshotTag, String key, Supplier<Entry> render) {
    Generation g = generation;
    if (!g.snapshotTag().equals(snapshotTag)) {
      g = new Generation(snapshotTag, new ConcurrentHashMap<>(), new AtomicLong());
      generation = g;
    }
    Entry cached = g.entries().get(key);
    if (cached != null) {
      return cached;
    }
    Entry fresh = render.get();
    while (g.entries().size() >= MAX_ENTRIES || g.bytes().get() + fresh.body().length > MAX_BYTES) {
      Iterator<String> keys = g.entries().keySet().iterator();
      if (!keys.hasNext()) {
        break;
      }
      Entry evicted = g.entries().remove(keys.next());
      if (evicted != null) {
        g.bytes().addAndGet(-evicted.body().length);
      }
    }
    if (fresh.body().length <= MAX_BYTES && g.entries().putIfAbsent(key, fresh) == null) {
      g.bytes().addAndGet(fresh.body().length);
    }
    return fresh;
  }
}
