package org.custodiet.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Where the seed files come from: the classpath (bundled in the store jar) or a directory. */
public interface SeedFiles {
  /** The seed files in load order, as paths relative to the seed root (docs/data-format.md). */
  List<String> NAMES =
      List.of(
          "iso3166/all.csv",
          "countries-extra.csv",
          "technologies.csv",
          "country-names.csv",
          "sources.csv",
          "companies.csv",
          "claims.csv",
          "evidence.csv",
          "flags.csv",
          "indicators.csv",
          "entity-listings.csv",
          "published-figures.csv");

  /** Files without which there is no seed at all. */
  List<String> REQUIRED =
      List.of(
          "iso3166/all.csv",
          "technologies.csv",
          "sources.csv",
          "companies.csv",
          "claims.csv",
          "evidence.csv");

  /** The bytes of one file, or null if it is absent. */
  byte[] read(String name);

  /** A description for messages ("classpath:seed/", "/path/to/data"). */
  String describe();

  /** The data bundled in the store jar under {@code seed/}. */
  static SeedFiles bundled() {
    return classpath(SeedFiles.class.getClassLoader(), "seed/");
  }

  static SeedFiles classpath(ClassLoader loader, String prefix) {
    return new SeedFiles() {
      @Override
      public byte[] read(String name) {
        try (InputStream in = loader.getResourceAsStream(prefix + name)) {
          return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe() {
        return "classpath:" + prefix;
      }
    };
  }

  static SeedFiles directory(Path dir) {
    return new SeedFiles() {
      @Override
      public byte[] read(String name) {
        try {
          return Files.readAllBytes(dir.resolve(name));
        } catch (NoSuchFileException e) {
          return null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe() {
        return dir.toString();
      }
    };
  }
}
