package org.custodiet.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Bytes to text, strictly. Invalid byte sequences refuse the document with the byte offset where
 * they start instead of being replaced: a replaced character can break a company or place name and
 * shift nothing visibly, so the reader would never learn why a claim was missed.
 */
final class Decoding {
  private static final int SNIFF_BYTES = 8192;

  private Decoding() {}

  /**
   * Decodes {@code length} bytes from {@code start}; a byte-order mark overrides {@code charset}.
   *
   * @param fileOffset where {@code bytes[start]} lies in its file, for the error message
   */
  static String decode(byte[] bytes, int start, int length, Charset charset, long fileOffset)
      throws UnreadableException {
    int skip = 0;
    Charset cs = charset;
    if (startsWith(bytes, start, length, 0xEF, 0xBB, 0xBF)) {
      cs = StandardCharsets.UTF_8;
      skip = 3;
    } else if (startsWith(bytes, start, length, 0xFF, 0xFE)) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (startsWith(bytes, start, length, 0xFE, 0xFF)) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    }
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start + skip, length - skip);
    CharBuffer out =
        CharBuffer.allocate((int) ((length - skip) * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int n = Math.min(result.length(), bytes.length - at);
      throw new UnreadableException(
          "invalid "
              + cs.name()
              + " at byte offset "
              + (fileOffset + at - start)
              + " (bytes "
              + HexFormat.ofDelimiter(" ").formatHex(bytes, at, at + n).toUpperCase(Locale.ROOT)
              + ")");
    }
    if (result.isOverflow()) {
      throw new IllegalStateException("decoder output buffer was sized too small");
    }
    out.flip();
    return out.toString();
  }

  static String decode(byte[] bytes, Charset charset) throws UnreadableException {
    return decode(bytes, 0, bytes.length, charset, 0);
  }

  /** The charset a name stands for, or UTF-8 when the name is missing or unknown. */
  static Charset charsetOrUtf8(String name) {
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip().replace("\"", ""));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /**
   * Whether the start of a file is binary rather than text: a NUL byte, or more than one in twenty
   * bytes being control characters other than tab, line feed, form feed and carriage return. Text
   * with a UTF-16 byte-order mark is text.
   */
  static boolean looksBinary(byte[] head, int length) {
    if (startsWith(head, 0, length, 0xFF, 0xFE) || startsWith(head, 0, length, 0xFE, 0xFF)) {
      return false;
    }
    int n = Math.min(length, SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
        control++;
      }
    }
    return control * 20 > n;
  }

  private static boolean startsWith(byte[] bytes, int start, int length, int... prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[start + i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
