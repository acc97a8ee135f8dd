package org.custodiet.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.custodiet.ingest.DocumentSink;
import org.custodiet.ingest.Limits;
import org.custodiet.ingest.RawDocument;
import org.custodiet.ingest.ReadFailure;
import org.custodiet.ingest.Readers;

/**
 * The input files of a run, on any Hadoop-compatible filesystem, in the order the embedded pipeline
 * meets them: the paths as given, and the files under a directory sorted by path, hidden files
 * (names starting with "." or "_") skipped.
 */
final class InputFiles {
  private InputFiles() {}

  /** One input file and its place in the list. */
  record InputFile(int index, String uri, long bytes) implements Serializable {}

  /**
   * Lists the files.
   *
   * @throws IllegalArgumentException naming the first path that does not exist
   */
  static List<InputFile> list(List<String> paths, Configuration conf) throws IOException {
    List<InputFile> files = new ArrayList<>();
    for (String given : paths) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(given);
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw new IllegalArgumentException("input " + given + ": no such file or directory");
      }
      FileStatus status = fs.getFileStatus(path);
      if (status.isDirectory()) {
        List<String> under = new ArrayList<>();
        Map<String, Long> sizes = new java.util.HashMap<>();
        collect(fs, path, under, sizes);
        under.sort(null);
        for (String uri : under) {
          files.add(new InputFile(files.size(), uri, sizes.get(uri)));
        }
      } else {
        files.add(new InputFile(files.size(), status.getPath().toString(), status.getLen()));
      }
    }
    return files;
  }

  /** The files under a directory, at any depth, skipping hidden names. */
  private static void collect(
      FileSystem fs, org.apache.hadoop.fs.Path dir, List<String> files, Map<String, Long> sizes)
      throws IOException {
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (f.isDirectory()) {
        collect(fs, f.getPath(), files, sizes);
      } else if (f.isFile()) {
        files.add(f.getPath().toString());
        sizes.put(f.getPath().toString(), f.getLen());
      }
    }
  }

  /**
   * Reads one file with the ingest module's readers, handing each document and each failure to the
   * sink with its number within the file. A file that is not on the local filesystem is copied to a
   * local temporary file first (the readers work on local files); messages name the original.
   */
  static void read(InputFile file, Map<String, String> hadoopConf, Limits limits, Numbered sink)
      throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.uri());
    Readers readers = new Readers(limits);
    if ("file".equals(path.toUri().getScheme()) || path.toUri().getScheme() == null) {
      readers.read(Path.of(path.toUri().getPath()), numbering(sink, null, null));
      return;
    }
    Configuration conf = new Configuration(false);
    hadoopConf.forEach(conf::set);
    Path local = Files.createTempFile("custodiet-input-", "-" + path.getName());
    try {
      try (InputStream in = path.getFileSystem(conf).open(path)) {
        Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
      }
      readers.read(local, numbering(sink, local.toString(), file.uri()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      Files.deleteIfExists(local);
    }
  }

  /** Receives a file's records with their numbers, counting documents and failures alike. */
  interface Numbered {
    void document(long number, RawDocument document);

    void failure(long number, ReadFailure failure);
  }

  private static DocumentSink numbering(Numbered sink, String localName, String originalName) {
    return new DocumentSink() {
      private long number;

      @Override
      public void document(RawDocument d) {
        sink.document(
            number++,
            new RawDocument(
                rename(d.origin()),
                d.format(),
                d.url(),
                d.title(),
                d.published(),
                d.text(),
                d.rawBytes()));
      }

      @Override
      public void failure(ReadFailure failure) {
        sink.failure(number++, new ReadFailure(rename(failure.origin()), failure.message()));
      }

      private String rename(String origin) {
        return localName != null && origin.startsWith(localName)
            ? originalName + origin.substring(localName.length())
            : origin;
      }
    };
  }
}
