package org.custodiet.store.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.custodiet.store.ImportException;
import org.custodiet.store.ImportException.Problem;
import org.custodiet.store.ImportException.Reason;

/**
 * A list file opened for one streaming read: strictly decoded UTF-8 (a bad byte is an error, never
 * a replacement character) with the SHA-256 of the bytes computed as they pass.
 */
final class ListFile implements AutoCloseable {
  /** Largest list file accepted; the full Consolidated Screening List is a few tens of MB. */
  static final long MAX_BYTES = 1L << 30;

  final String name;
  private final MessageDigest digest;
  private final BufferedReader reader;

  private ListFile(String name, MessageDigest digest, BufferedReader reader) {
    this.name = name;
    this.digest = digest;
    this.reader = reader;
  }

  static ListFile open(Path path, long maxBytes) {
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    try {
      if (!Files.isRegularFile(path)) {
        throw failure(Reason.UNREADABLE, name, "no such file (or not a regular file)");
      }
      long size = Files.size(path);
      if (size > maxBytes) {
        throw failure(
            Reason.TOO_LARGE,
            name,
            "file is " + size + " bytes, over the limit of " + maxBytes + "; nothing was read");
      }
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      InputStream in = new DigestInputStream(Files.newInputStream(path), digest);
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset(); // no byte order mark to skip
      }
      return new ListFile(name, digest, reader);
    } catch (NoSuchFileException e) {
      throw failure(Reason.UNREADABLE, name, "no such file");
    } catch (CharacterCodingException e) {
      throw failure(Reason.MALFORMED, name, 1, null, null, "the file is not valid UTF-8");
    } catch (IOException e) {
      throw failure(Reason.UNREADABLE, name, "cannot read: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  BufferedReader reader() {
    return reader;
  }

  /** The SHA-256 of every byte read so far; call after reading to the end. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Reads whatever is left so that the digest covers the whole file. */
  void drain() throws IOException {
    char[] buffer = new char[1 << 14];
    while (reader.read(buffer) >= 0) {
      // only the digest needs these characters
    }
  }

  static ImportException failure(Reason reason, String file, String message) {
    return new ImportException(reason, new Problem(file, 0, 0, null, null, message));
  }

  static ImportException failure(
      Reason reason, String file, long line, String pointer, String field, String message) {
    return new ImportException(reason, new Problem(file, line, 0, pointer, field, message));
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Read-only file: nothing is lost when closing fails.
    }
  }
}
