package org.custodiet.core.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An immutable snapshot of everything the index engine reads. Built by the store (or by tests and
 * benchmarks directly); the engine never reaches past it.
 */
public final class KnowledgeBase {
  private final Map<String, Country> countries;
  private final Map<String, Company> companies;
  private final Map<String, Technology> technologies;
  private final Map<String, Source> sources;
  private final Map<String, Claim> claims;
  private final List<Evidence> evidence;
  private final List<CuratorFlag> flags;
  private final List<Indicator> indicators;
  private final List<EntityListing> listings;
  private final List<PublishedFigure> publishedFigures;

  public KnowledgeBase(
      Collection<Country> countries,
      Collection<Company> companies,
      Collection<Technology> technologies,
      Collection<Source> sources,
      Collection<Claim> claims,
      List<Evidence> evidence,
      List<CuratorFlag> flags,
      List<Indicator> indicators,
      List<EntityListing> listings,
      List<PublishedFigure> publishedFigures) {
    this.countries = byKey(countries, Country::iso3, "country");
    this.companies = byKey(companies, Company::id, "company");
    this.technologies = byKey(technologies, Technology::code, "technology");
    this.sources = byKey(sources, Source::id, "source");
    this.claims = byKey(claims, Claim::id, "claim");
    this.evidence = List.copyOf(evidence);
    this.flags = List.copyOf(flags);
    this.indicators = List.copyOf(indicators);
    this.listings = List.copyOf(listings);
    this.publishedFigures = List.copyOf(publishedFigures);
  }

  private static <T> Map<String, T> byKey(
      Collection<T> values, Function<T, String> key, String what) {
    Map<String, T> map = new LinkedHashMap<>(values.size() * 2);
    for (T v : values) {
      if (map.putIfAbsent(key.apply(v), v) != null) {
        throw new IllegalArgumentException("duplicate " + what + " '" + key.apply(v) + "'");
      }
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  public Map<String, Country> countries() {
    return countries;
  }

  public Map<String, Company> companies() {
    return companies;
  }

  public Map<String, Technology> technologies() {
    return technologies;
  }

  public Map<String, Source> sources() {
    return sources;
  }

  public Map<String, Claim> claims() {
    return claims;
  }

  public List<Evidence> evidence() {
    return evidence;
  }

  public List<CuratorFlag> flags() {
    return flags;
  }

  public List<Indicator> indicators() {
    return indicators;
  }

  public List<EntityListing> listings() {
    return listings;
  }

  public List<PublishedFigure> publishedFigures() {
    return publishedFigures;
  }
}
