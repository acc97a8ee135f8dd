package org.custodiet.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A small mixed corpus for the tests: generated news in two JSON Lines files (copies of articles
 * cross the file boundary), a WARC crawl, and a file of broken lines.
 */
final class Corpus {
  private Corpus() {}

  /** Bad lines in {@code broken.jsonl}: each must be quarantined, none may stop the run. */
  static final int BROKEN_LINES = 3;

  static Path write(Path dir, int articles) throws IOException {
    Files.createDirectories(dir);
    ScalingBench.writeCorpus(dir.resolve("news"), articles * 2_400L, 2, 7);
    Path warc = dir.resolve("crawl.warc");
    try (WarcWriter writer =
        new WarcWriter(
            FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
      writer.write(
          page(
              "https://harbour-news.example/2024/cameras",
              "Port cameras",
              "<p>Hikvision has signed a contract with the government of Kenya to install facial"
                  + " recognition cameras in Mombasa, the transport ministry said on Tuesday.</p>"
                  + "<p>The deal is financed by a loan of 40 million dollars from the Export-Import"
                  + " Bank of China.</p>"));
      writer.write(
          page(
              "https://harbour-news.example/2024/weather",
              "Rain",
              "<p>Heavy rain closed two roads near the harbour for most of the day.</p>"));
      writer.write(
          page(
              "https://copy-desk.example/2024/cameras-again",
              "Port cameras",
              "<p>Hikvision has signed a contract with the government of Kenya to install facial"
                  + " recognition cameras in Mombasa, the transport ministry said on Tuesday.</p>"
                  + "<p>The deal is financed by a loan of 40 million dollars from the Export-Import"
                  + " Bank of China.</p>"));
    }
    Files.writeString(
        dir.resolve("broken.jsonl"),
        "{\"url\": \"https://ok.example/one\", \"text\": \"Dahua Technology will supply video"
            + " analytics to the police of Quito in Ecuador.\"}\n"
            + "{\"url\": \"https://bad.example/1\", \"text\": \n"
            + "{\"url\": \"https://bad.example/2\"}\n"
            + "{\"url\": \"https://bad.example/3\", \"text\": 42}\n",
        StandardCharsets.UTF_8);
    return dir;
  }

  private static WarcResponse page(String url, String title, String paragraphs) throws IOException {
    byte[] html =
        ("<!doctype html><html><head><title>"
                + title
                + "</title></head><body><article>"
                + paragraphs
                + "</article></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    return new WarcResponse.Builder(URI.create(url))
        .body(
            new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse("text/html;charset=utf-8"), html)
                .build())
        .build();
  }
}
