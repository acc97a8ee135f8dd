package org.custodiet.web.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.custodiet.store.Database;
import org.custodiet.store.SeedLoader;
import org.custodiet.store.search.SearchIndex;
import org.custodiet.web.Site;
import org.custodiet.web.WebServer;

/** The real server over a database loaded with the bundled seed, on a free loopback port. */
final class TestServer implements AutoCloseable {
  private final Database database;
  private final Site site;
  private final WebServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  TestServer(Database database, Path searchDir) {
    this.database = database;
    new SeedLoader(database).loadBundled();
    this.site = new Site(database, SearchIndex.open(searchDir));
    this.server = WebServer.start(site, new WebServer.Options("127.0.0.1", 0));
  }

  /** An H2 database in {@code dir} with the bundled seed. */
  static TestServer onH2(Path dir) {
    return new TestServer(Database.openDirectory(dir.resolve("db")), dir.resolve("search"));
  }

  WebServer server() {
    return server;
  }

  Site site() {
    return site;
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request line as given, bypassing the client's URI checks; returns the raw response. */
  String raw(String requestTarget) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      site.close();
      database.close();
    }
  }
}
