package org.custodiet.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Reading at most a limit of bytes, so that no input is ever loaded whole when it is too big. */
final class Bytes {
  private Bytes() {}

  /** All bytes of the stream, or null when it holds more than {@code max}. */
  static byte[] readAtMost(InputStream in, long max) throws IOException {
    byte[] bytes = in.readNBytes((int) max + 1);
    return bytes.length > max ? null : bytes;
  }
}
