package org.custodiet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.custodiet.store.ImportException.Problem;
import org.custodiet.store.ImportException.Reason;

/** A whole file read as strictly decoded UTF-8, with its SHA-256. */
record TextFile(String name, String text, String sha256, long size) {

  /** Reads {@code path}, refusing it before reading anything if it is larger than maxBytes. */
  static TextFile read(Path path, String name, long maxBytes) {
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new ImportException(
            Reason.TOO_LARGE,
            new Problem(
                name,
                0,
                0,
                null,
                null,
                "file is "
                    + size
                    + " bytes, over the limit of "
                    + maxBytes
                    + " bytes; nothing was read"));
      }
      if (!Files.isRegularFile(path)) {
        throw new ImportException(
            Reason.UNREADABLE, new Problem(name, 0, 0, null, null, "not a regular file"));
      }
      bytes = Files.readAllBytes(path);
      if (bytes.length > maxBytes) { // grew while we looked
        throw new ImportException(
            Reason.TOO_LARGE,
            new Problem(
                name, 0, 0, null, null, "file is over the limit of " + maxBytes + " bytes"));
      }
    } catch (NoSuchFileException e) {
      throw new ImportException(
          Reason.UNREADABLE, new Problem(name, 0, 0, null, null, "no such file"), e);
    } catch (IOException e) {
      throw new ImportException(
          Reason.UNREADABLE, new Problem(name, 0, 0, null, null, "cannot read: " + e), e);
    }
    return decode(name, bytes);
  }

  /** Decodes bytes as UTF-8, reporting the byte offset, line and column of the first bad byte. */
  static TextFile decode(String name, byte[] bytes) {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      start = 3; // byte order mark
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      long line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new ImportException(
          Reason.MALFORMED,
          new Problem(
              name,
              line,
              offset - lineStart + 1,
              null,
              null,
              String.format(
                  "invalid UTF-8 at byte offset %d (byte 0x%02X); the file must be UTF-8",
                  offset, bytes[offset] & 0xff)));
    }
    out.flip();
    return new TextFile(name, out.toString(), sha256(bytes), bytes.length);
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
