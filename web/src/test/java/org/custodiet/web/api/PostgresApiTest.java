package org.custodiet.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.custodiet.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server mode: the same API over an embedded PostgreSQL gives the same answers as on H2. */
class PostgresApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static EmbeddedPostgres postgres;
  private static TestServer onPostgres;
  private static TestServer onH2;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    onPostgres =
        new TestServer(
            Database.open(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "postgres",
                "postgres"),
            dir.resolve("pg-search"));
    onH2 = TestServer.onH2(dir.resolve("h2"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (onPostgres != null) {
      onPostgres.close();
    }
    if (onH2 != null) {
      onH2.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void the_api_on_postgres_answers_as_on_h2() throws Exception {
    for (String path :
        new String[] {
          "/api/v1/figures?source=aigs-2022&as_of=2022-12-31",
          "/api/v1/figures?as_of=2025-01-01",
          "/api/v1/countries/KEN?as_of=2025-01-01",
          "/api/v1/companies/huawei?as_of=2025-01-01",
          "/api/v1/claims?supplier_country=CHN&limit=1000&as_of=2025-01-01",
          "/api/v1/sources?limit=1000"
        }) {
      var pg = onPostgres.get(path);
      assertThat(pg.statusCode()).as(path).isEqualTo(200);
      assertThat(JSON.readTree(pg.body())).as(path).isEqualTo(JSON.readTree(onH2.get(path).body()));
    }
    JsonNode figures =
        JSON.readTree(onPostgres.get("/api/v1/figures?source=aigs-2022&as_of=2022-12-31").body());
    assertThat(figures.get("figures").get(0).get("id").asText()).isEqualTo("countries.any");
    assertThat(figures.get("figures").get(0).get("value").asInt()).isEqualTo(97);
    JsonNode search = JSON.readTree(onPostgres.get("/api/v1/search?q=hikvison").body());
    assertThat(search.get("hits").get(0).get("id").asText()).isEqualTo("hikvision");
    assertThat(onPostgres.get("/health").statusCode()).isEqualTo(200);
  }
}
