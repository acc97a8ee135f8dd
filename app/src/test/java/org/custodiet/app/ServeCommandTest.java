package org.custodiet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custodiet serve} in its own process: it serves, and SIGTERM stops it cleanly. */
class ServeCommandTest {
  @TempDir Path data;

  @Test
  void serves_the_api_and_stops_gracefully_on_sigterm() throws Exception {
    Path log = data.resolve("server.log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--data",
                data.resolve("data").toString(),
                "serve",
                "--port",
                "0")
            .redirectError(log.toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).as("first line; log: %s", Files.readString(log)).isNotNull();
      Matcher m = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/").matcher(first);
      assertThat(m.find()).as(first).isTrue();
      String base = "http://127.0.0.1:" + m.group(1);
      HttpClient client = HttpClient.newHttpClient();
      for (String path : List.of("/health", "/api/v1/countries/KEN", "/api/v1/search?q=kenya")) {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
      }
      assertThat(Files.isDirectory(data.resolve("data").resolve("search"))).isTrue();

      // SIGTERM, as a service manager stops it (Process.destroy would also close our pipes).
      Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(out.readLine()).startsWith("custodiet: stopping");
    } finally {
      process.destroyForcibly();
    }
    assertThat(Files.readString(log))
        .contains("custodiet.access")
        .contains("path=/api/v1/countries/KEN status=200");
  }

  @Test
  void an_impossible_port_is_a_usage_error() {
    CommandLineTest.Run r = CommandLineTest.runOn(data, "serve", "--port", "70000");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--port");
  }
}
