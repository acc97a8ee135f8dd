package org.custodiet.store.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.Technology;

/**
 * What the search index holds for one country, company, source or piece of evidence: {@code names}
 * are what the thing is called (matched with the highest weight), {@code text} what is said about
 * it, and {@code snippet} the text shown and highlighted in a hit.
 */
record SearchDocument(
    SearchHit.Kind kind,
    String id,
    String title,
    String url,
    List<String> names,
    String text,
    String snippet) {

  /** The documents for a knowledge base, in a stable order (the fingerprint depends on it). */
  static List<SearchDocument> of(KnowledgeBase kb, Map<String, List<String>> countryAltNames) {
    List<SearchDocument> docs = new ArrayList<>();
    for (Country c : kb.countries().values()) {
      List<String> names = new ArrayList<>(List.of(c.name(), c.iso3()));
      if (c.iso2() != null) {
        names.add(c.iso2());
      }
      List<String> alt =
          countryAltNames.getOrDefault(c.iso3(), List.of()).stream()
              .filter(n -> !n.equalsIgnoreCase(c.name()))
              .toList();
      names.addAll(alt);
      String region = join(", ", c.region(), c.subRegion());
      String snippet =
          c.name()
              + " ("
              + c.iso3()
              + ")"
              + (region.isEmpty() ? "" : ", " + region)
              + (alt.isEmpty() ? "" : "; also called " + String.join(", ", alt));
      docs.add(
          new SearchDocument(
              SearchHit.Kind.COUNTRY,
              c.iso3(),
              c.name(),
              "/countries/" + c.iso3(),
              names,
              region,
              snippet));
    }
    for (Company c : kb.companies().values()) {
      List<String> names = new ArrayList<>(List.of(c.name(), c.id()));
      names.addAll(c.aliases());
      Country hq = c.headquartersIso3() == null ? null : kb.countries().get(c.headquartersIso3());
      String home = hq == null ? "" : "headquartered in " + hq.name();
      String snippet =
          c.name()
              + (home.isEmpty() ? "" : ", " + home)
              + (c.aliases().isEmpty() ? "" : "; also known as " + String.join(", ", c.aliases()));
      docs.add(
          new SearchDocument(
              SearchHit.Kind.COMPANY,
              c.id(),
              c.name(),
              "/companies/" + c.id(),
              names,
              home,
              snippet));
    }
    for (Source s : kb.sources().values()) {
      String title = s.title() == null || s.title().isBlank() ? s.publisher() : s.title();
      String url = s.url() != null && !s.url().isBlank() ? s.url() : "https://doi.org/" + s.doi();
      String text = join(" ", title, s.publisher(), words(s.url()), s.doi());
      String snippet =
          title
              + " — "
              + s.publisher()
              + (s.published() == null ? "" : ", " + s.published())
              + (s.url() == null ? "" : " " + s.url());
      docs.add(
          new SearchDocument(SearchHit.Kind.SOURCE, s.id(), title, url, List.of(), text, snippet));
    }
    for (Evidence e : kb.evidence()) {
      Claim claim = kb.claims().get(e.claimId());
      if (claim == null || e.summary() == null || e.summary().isBlank()) {
        continue;
      }
      String about = describe(claim, kb);
      docs.add(
          new SearchDocument(
              SearchHit.Kind.EVIDENCE,
              claim.id(),
              about,
              "/countries/" + claim.countryIso3() + "#claim-" + fragment(claim.id()),
              List.of(),
              e.summary() + " " + about,
              e.summary()));
    }
    return docs;
  }

  /** "Kenya: Huawei supplies smart city", in words a reader would search for. */
  private static String describe(Claim claim, KnowledgeBase kb) {
    Country country = kb.countries().get(claim.countryIso3());
    String where = country == null ? claim.countryIso3() : country.name();
    Technology tech = claim.technology() == null ? null : kb.technologies().get(claim.technology());
    String what = tech == null ? "" : " " + tech.label();
    return switch (claim.kind()) {
      case USES -> where + " uses" + what;
      case SUPPLIES -> where + ": " + supplierName(claim, kb) + " supplies" + what;
      case FINANCES -> where + ": " + companyName(claim.lenderId(), kb) + " finances" + what;
    };
  }

  private static String supplierName(Claim claim, KnowledgeBase kb) {
    if (claim.supplier().isNamedCompany()) {
      return companyName(claim.supplier().companyId(), kb);
    }
    Country origin = kb.countries().get(claim.supplier().originIso3());
    return "a supplier from " + (origin == null ? claim.supplier().originIso3() : origin.name());
  }

  private static String companyName(String id, KnowledgeBase kb) {
    Company c = kb.companies().get(id);
    return c == null ? id : c.name();
  }

  /** Claim ids are mostly URL-safe ("aigs/KEN/supplies/huawei"); anything else is encoded. */
  private static String fragment(String claimId) {
    return URLEncoder.encode(claimId, StandardCharsets.UTF_8)
        .replace("%2F", "/")
        .replace("+", "%20");
  }

  /** An address as words ("data.mendeley.com" is one token to the tokenizer, three here). */
  private static String words(String url) {
    return url == null ? null : url.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static String join(String separator, String... parts) {
    List<String> present = new ArrayList<>();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        present.add(p);
      }
    }
    return String.join(separator, present);
  }
}
