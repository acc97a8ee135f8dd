package org.custodiet.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodiet.core.extract.CandidateClaim;
import org.custodiet.core.extract.Extractor;

/**
 * A small real extractor for tests: every sentence naming one of a few companies and one of a few
 * countries (sentences end at a full stop or a line break) becomes a candidate that the company
 * supplies the country with a smart-city system, the sentence being the evidence.
 */
final class NamesExtractor implements Extractor {
  private static final Map<String, String> COMPANIES =
      Map.of("Examplecorp", "examplecorp", "Northwind Vision", "northwind-vision");
  private static final Map<String, String> COUNTRIES = Map.of("Kenya", "KEN", "Ecuador", "ECU");

  @Override
  public String name() {
    return "names-test";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<CandidateClaim> extract(String text) {
    List<CandidateClaim> claims = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '\n') {
        end++;
      }
      end = Math.min(text.length(), end + 1);
      String sentence = text.substring(start, end);
      for (var company : COMPANIES.entrySet()) {
        for (var country : COUNTRIES.entrySet()) {
          if (sentence.contains(company.getKey()) && sentence.contains(country.getKey())) {
            int from = start + (sentence.length() - sentence.stripLeading().length());
            int to = start + sentence.stripTrailing().length();
            claims.add(
                new CandidateClaim(
                    company.getValue(),
                    country.getValue(),
                    "smart_city",
                    null,
                    null,
                    0.8,
                    from,
                    to,
                    name(),
                    version()));
          }
        }
      }
      start = end;
    }
    return claims;
  }
}
