package org.custodiet.web.pages;

import java.time.LocalDate;

/**
 * What the layout around every page needs: its title, which navigation entry is current, the date
 * the page is computed for and the coding-rules version that computed it.
 */
public record Chrome(String title, String section, LocalDate asOf, String rulesVersion) {
  /** The query string that carries the page's date on to the next page. */
  public String asOfQuery() {
    return "as_of=" + asOf;
  }
}
