package org.custodiet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalUrlTest {
  @ParameterizedTest
  @CsvSource({
    "http://www.Example.org/a/b?x=1#top, https://example.org/a/b?x=1",
    "https://example.org, https://example.org/",
    "https://example.org:443/p, https://example.org/p",
    "http://example.org:8080/p, https://example.org:8080/p",
    "https://example.org/p?utm_source=rss&id=7&UTM_medium=x, https://example.org/p?id=7",
    "https://example.org/p?utm_source=rss, https://example.org/p",
    "https://example.org/Case/Kept?Q=Kept, https://example.org/Case/Kept?Q=Kept"
  })
  void canonicalForm(String url, String canonical) {
    assertThat(CanonicalUrl.of(url)).isEqualTo(canonical);
  }

  @Test
  void oneDocumentHasOneId() {
    assertThat(CanonicalUrl.documentId("http://www.example.org/story?utm_campaign=x"))
        .isEqualTo(CanonicalUrl.documentId("https://example.org/story"))
        .matches("doc-[0-9a-f]{12}");
  }

  @Test
  void notAWebAddressIsRefusedByName() {
    assertThatThrownBy(() -> CanonicalUrl.of("ftp://example.org/x"))
        .hasMessageContaining("ftp://example.org/x");
    assertThatThrownBy(() -> CanonicalUrl.of("not a url")).hasMessageContaining("not a url");
    assertThatThrownBy(() -> CanonicalUrl.of("https:///nohost"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
