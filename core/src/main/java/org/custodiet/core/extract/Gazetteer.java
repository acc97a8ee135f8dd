package org.custodiet.core.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.Financing;
import org.custodiet.core.model.KnowledgeBase;

/**
 * Everything the extractor recognises in text: companies with their names and aliases, lenders,
 * countries with demonyms, cities and regions, technology terms and the words the relation rules
 * read (cues, negation, hedging, ...). Built from a knowledge base's companies and countries plus
 * the curated lists bundled beside this class; it never reads the knowledge base's claims.
 * Immutable and thread-safe.
 */
public final class Gazetteer {
  enum Kind {
    COMPANY,
    LENDER,
    COUNTRY,
    DEMONYM,
    CITY,
    REGION,
    IGNORE,
    TECH,
    STRONG_CUE,
    WEAK_CUE,
    CUSTOMER,
    NEGATION,
    BLOCKER,
    HEDGE,
    SANCTION,
    NOISE,
    OUT_OF_SCOPE,
    AGGREGATE,
    COUNTED_AGGREGATE,
    HQ_MARKER,
    COREF,
    COREF_NOUN,
    INSTRUMENT;

    boolean isPlace() {
      return this == COUNTRY || this == DEMONYM || this == CITY || this == REGION;
    }
  }

  /** How a match's letter case must agree with the listed form. */
  enum CaseRule {
    ANY,
    CAPITALISED,
    EXACT
  }

  /** What one listed form means; {@code ref} indexes companies, places or technologies. */
  record Entry(Kind kind, int ref, CaseRule caseRule, String form) {}

  /** A company or lender as the extractor knows it. */
  record CompanyInfo(String id, String name, String headquartersIso3, String specialty) {}

  /** A place: the country it fixes and, for cities, the city's canonical name. */
  record PlaceInfo(String iso3, String city) {}

  /** The technology a term names; generic camera words carry {@link #GENERIC_CAMERA}. */
  static final String GENERIC_CAMERA = "camera";

  private static final String RESOURCES = "/org/custodiet/core/extract/";
  private static final Pattern LEGAL_SUFFIX =
      Pattern.compile(
          "(?i)[ ,]+(technology|technologies|co\\.?|ltd\\.?|inc\\.?|corp\\.?|corporation|group|"
              + "holdings|industries|limited|llc|plc|s\\.a\\.|ag|gmbh)$");
  private static final Set<String> COMMON_WORDS =
      Set.of(
          "ultimate",
          "integrated",
          "analytical",
          "target",
          "digital",
          "global",
          "national",
          "china",
          "international",
          "safe",
          "smart",
          "city",
          "security",
          "vision",
          "data");

  private final List<CompanyInfo> companies;
  private final List<PlaceInfo> places;
  private final List<String> technologies;
  private final List<List<Entry>> entriesByPattern;
  private final PatternMatcher matcher;
  private final Map<String, Integer> companyByNormalisedName;
  private final Map<String, Integer> companyIndexById;

  private Gazetteer(Builder b) {
    this.companies = List.copyOf(b.companies);
    this.places = List.copyOf(b.places);
    this.technologies = List.copyOf(b.technologies);
    List<String> patterns = new ArrayList<>(b.entries.keySet());
    List<List<Entry>> entries = new ArrayList<>(patterns.size());
    for (String p : patterns) {
      entries.add(List.copyOf(b.entries.get(p)));
    }
    this.entriesByPattern = Collections.unmodifiableList(entries);
    this.matcher = PatternMatcher.compile(patterns);
    this.companyByNormalisedName = Map.copyOf(b.companyByName);
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < companies.size(); i++) {
      byId.put(companies.get(i).id(), i);
    }
    this.companyIndexById = Map.copyOf(byId);
  }

  /**
   * Builds the gazetteer from the knowledge base's companies (names, aliases, ownership) and
   * countries (names), adding the bundled lists of places, terms and well-known suppliers.
   */
  public static Gazetteer from(KnowledgeBase kb) {
    Builder b = new Builder();
    for (Company c : kb.companies().values()) {
      b.ownNames.put(PatternMatcher.normalise(c.name()), c.id());
    }
    for (Company c : kb.companies().values()) {
      b.addKnowledgeBaseCompany(c);
    }
    b.readCompanyList(read("companies.tsv"));
    Set<String> countries = new LinkedHashSet<>();
    for (Country c : kb.countries().values()) {
      countries.add(c.iso3());
      b.addPlace(c.name(), Kind.COUNTRY, c.iso3(), null);
      String shortName = c.name().replaceAll("\\s*\\(.*\\)\\s*", "").trim();
      if (!shortName.isEmpty() && !shortName.equals(c.name())) {
        b.addPlace(shortName, Kind.COUNTRY, c.iso3(), null);
      }
    }
    b.readPlaces(read("places.tsv"), countries);
    b.readTerms(read("terms.tsv"));
    return new Gazetteer(b);
  }

  /** The company id a supplier name or alias stands for, compared case- and space-insensitively. */
  public Optional<String> companyIdForName(String name) {
    Integer i = companyByNormalisedName.get(PatternMatcher.normalise(name));
    return i == null ? Optional.empty() : Optional.of(companies.get(i).id());
  }

  /** The display name of a company or lender the gazetteer knows, or the id itself. */
  public String companyName(String id) {
    Integer i = companyIndexById.get(id);
    return i == null ? id : companies.get(i).name();
  }

  /** How many distinct forms (names, aliases, places, terms) the automaton matches. */
  public int patternCount() {
    return entriesByPattern.size();
  }

  CompanyInfo company(int ref) {
    return companies.get(ref);
  }

  PlaceInfo place(int ref) {
    return places.get(ref);
  }

  String technology(int ref) {
    return technologies.get(ref);
  }

  /**
   * All recognised mentions in the text, leftmost-longest and non-overlapping, ordered by start.
   * One span may carry several entries (a word that is both a cue and a customer, say).
   */
  List<Mention> mentions(String text) {
    SpanCollector spans = new SpanCollector(text);
    matcher.scan(text, spans);
    if (spans.count == 0) {
      return List.of();
    }
    long[] packed = spans.packed;
    Arrays.sort(packed, 0, spans.count);
    List<Mention> mentions = new ArrayList<>();
    int covered = 0;
    for (int i = 0; i < spans.count; i++) {
      long p = packed[i];
      int start = (int) (p >>> SpanCollector.START_SHIFT);
      int end = start + SpanCollector.MAX_LENGTH - (int) ((p >>> SpanCollector.ID_BITS) & 0x3ff);
      int id = (int) (p & SpanCollector.ID_MASK);
      if (start < covered) {
        continue;
      }
      boolean any = false;
      for (Entry e : entriesByPattern.get(id)) {
        if (caseAgrees(e, text, start, end)) {
          if (e.kind() != Kind.IGNORE) {
            mentions.add(new Mention(e.kind(), e.ref(), start, end));
          }
          any = true;
        }
      }
      if (any) {
        covered = end;
      }
    }
    return mentions;
  }

  /**
   * Whole-word occurrences packed into longs (start, then longest first, then pattern id) so that
   * one primitive sort orders them leftmost-longest.
   */
  private static final class SpanCollector implements PatternMatcher.Sink {
    static final int ID_BITS = 22;
    static final long ID_MASK = (1L << ID_BITS) - 1;
    static final int START_SHIFT = ID_BITS + 10;
    static final int MAX_LENGTH = 1023;

    private final String text;
    long[] packed = new long[64];
    int count;

    SpanCollector(String text) {
      this.text = text;
    }

    @Override
    public void match(int patternId, int start, int end) {
      int length = end - start;
      if (length > MAX_LENGTH
          || !isWordBoundary(text, start - 1, start)
          || !isWordBoundary(text, end, end - 1)) {
        return;
      }
      if (count == packed.length) {
        packed = Arrays.copyOf(packed, count * 2);
      }
      packed[count++] =
          ((long) start << START_SHIFT) | ((long) (MAX_LENGTH - length) << ID_BITS) | patternId;
    }
  }

  private static boolean isWordBoundary(String text, int outside, int inside) {
    if (outside < 0 || outside >= text.length()) {
      return true;
    }
    char in = text.charAt(inside);
    if (!Character.isLetterOrDigit(in)) {
      return true;
    }
    return !Character.isLetterOrDigit(text.charAt(outside));
  }

  private static boolean caseAgrees(Entry e, String text, int start, int end) {
    switch (e.caseRule()) {
      case ANY -> {
        return true;
      }
      case CAPITALISED -> {
        char first = text.charAt(start);
        return !Character.isLetter(first) || Character.isUpperCase(first);
      }
      default -> {
        return end - start == e.form().length() && text.startsWith(e.form(), start);
      }
    }
  }

  private static List<String[]> read(String name) {
    InputStream in = Gazetteer.class.getResourceAsStream(RESOURCES + name);
    if (in == null) {
      throw new IllegalStateException("gazetteer resource " + name + " is missing");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length < 3) {
          throw new IllegalStateException(
              "gazetteer resource " + name + " line " + number + ": expected tab-separated fields");
        }
        rows.add(fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer resource " + name, e);
    }
    return rows;
  }

  private static final class Builder {
    final List<CompanyInfo> companies = new ArrayList<>();
    final Map<String, Integer> companyIndex = new HashMap<>();
    final Set<Integer> lenders = new java.util.HashSet<>();
    final List<PlaceInfo> places = new ArrayList<>();
    final Map<PlaceInfo, Integer> placeIndex = new HashMap<>();
    final List<String> technologies = new ArrayList<>();
    final Map<String, List<Entry>> entries = new LinkedHashMap<>();
    final Map<String, Integer> companyByName = new HashMap<>();
    final Map<String, String> ownNames = new HashMap<>();

    void addKnowledgeBaseCompany(Company c) {
      int ref = companies.size();
      companies.add(new CompanyInfo(c.id(), c.name(), c.headquartersIso3(), null));
      companyIndex.put(c.id(), ref);
      if (c.ownership() == Company.Ownership.STATE_LENDER) {
        lenders.add(ref);
      }
      for (String form : companyForms(c.name(), c.aliases())) {
        String owner = ownNames.get(PatternMatcher.normalise(form));
        if (owner == null || owner.equals(c.id())) {
          addCompanyForm(form, ref);
        }
      }
    }

    void readCompanyList(List<String[]> rows) {
      for (String[] f : rows) {
        if (f.length < 5) {
          throw new IllegalStateException("companies.tsv: row for '" + f[0] + "' needs 5 fields");
        }
        String id = f[0].trim();
        String specialty = f[3].trim().equals("-") ? null : f[3].trim();
        List<String> aliases =
            f[4].trim().equals("-") ? List.of() : Arrays.asList(f[4].trim().split("\\|"));
        Integer ref = companyIndex.get(id);
        if (ref == null) {
          ref = companies.size();
          companies.add(new CompanyInfo(id, f[1].trim(), f[2].trim(), null));
          companyIndex.put(id, ref);
        }
        CompanyInfo known = companies.get(ref);
        if ("lender".equals(specialty)) {
          lenders.add(ref);
          specialty = null;
        }
        companies.set(
            ref, new CompanyInfo(known.id(), known.name(), known.headquartersIso3(), specialty));
        for (String form : companyForms(known.name(), aliases)) {
          Integer owner = companyByName.get(PatternMatcher.normalise(form));
          if (owner == null || owner.equals(ref)) {
            addCompanyForm(form, ref);
          }
        }
      }
    }

    private void addCompanyForm(String form, int ref) {
      String key = PatternMatcher.normalise(form);
      if (key.isEmpty()) {
        return;
      }
      companyByName.putIfAbsent(key, ref);
      Kind kind = lenders.contains(ref) ? Kind.LENDER : Kind.COMPANY;
      add(form, new Entry(kind, ref, caseRuleForName(form), form));
    }

    /** The name, its aliases, the parts of "Name (Other name)" and the name without "Co., Ltd." */
    private static Set<String> companyForms(String name, List<String> aliases) {
      Set<String> forms = new LinkedHashSet<>();
      List<String> all = new ArrayList<>();
      all.add(name);
      for (String a : aliases) {
        if (!a.isBlank()) {
          all.add(a.trim());
        }
      }
      for (String form : all) {
        forms.add(form);
        int open = form.indexOf('(');
        int close = form.lastIndexOf(')');
        if (open > 0 && close > open) {
          forms.add(form.substring(0, open).trim());
          String inner = form.substring(open + 1, close).trim();
          // "Briefcam (US)": a short note in brackets is a qualifier, not a name
          if (inner.length() > 3) {
            forms.add(inner);
          }
        }
      }
      for (String form : List.copyOf(forms)) {
        String shorter = form;
        String previous;
        do {
          previous = shorter;
          shorter = LEGAL_SUFFIX.matcher(shorter).replaceAll("").trim();
        } while (!shorter.equals(previous));
        if (!shorter.isEmpty()
            && !shorter.equals(form)
            && (shorter.contains(" ")
                || !COMMON_WORDS.contains(shorter.toLowerCase(Locale.ROOT)))) {
          forms.add(shorter);
        }
      }
      forms.removeIf(f -> f.length() < 2);
      return forms;
    }

    void addPlace(String name, Kind kind, String iso3, String city) {
      PlaceInfo info = new PlaceInfo(iso3, city);
      int ref =
          placeIndex.computeIfAbsent(
              info,
              k -> {
                places.add(k);
                return places.size() - 1;
              });
      add(name, new Entry(kind, ref, caseRuleForName(name), name));
    }

    void readPlaces(List<String[]> rows, Set<String> knownCountries) {
      for (String[] f : rows) {
        String iso3 = f[0].trim();
        Kind kind =
            switch (f[1].trim()) {
              case "country" -> Kind.COUNTRY;
              case "demonym" -> Kind.DEMONYM;
              case "city" -> Kind.CITY;
              case "region" -> Kind.REGION;
              case "ignore" -> Kind.IGNORE;
              default -> throw new IllegalStateException("places.tsv: unknown kind '" + f[1] + "'");
            };
        if (kind != Kind.IGNORE && !knownCountries.contains(iso3)) {
          continue;
        }
        for (String group : f[2].split("\\|")) {
          String[] spellings = group.split("=");
          for (String name : spellings) {
            if (kind == Kind.IGNORE) {
              add(name, new Entry(Kind.IGNORE, -1, CaseRule.ANY, name));
            } else {
              addPlace(name.trim(), kind, iso3, kind == Kind.CITY ? spellings[0].trim() : null);
            }
          }
        }
      }
    }

    void readTerms(List<String[]> rows) {
      for (String[] f : rows) {
        String kindName = f[0].trim();
        String value = f[1].trim();
        int ref = 0;
        Kind kind;
        switch (kindName) {
          case "tech" -> {
            kind = Kind.TECH;
            ref = technologies.indexOf(value);
            if (ref < 0) {
              technologies.add(value);
              ref = technologies.size() - 1;
            }
          }
          case "cue" -> kind = value.equals("strong") ? Kind.STRONG_CUE : Kind.WEAK_CUE;
          case "customer" -> kind = Kind.CUSTOMER;
          case "negation" -> kind = Kind.NEGATION;
          case "blocker" -> kind = Kind.BLOCKER;
          case "hedge" -> kind = Kind.HEDGE;
          case "sanction" -> kind = Kind.SANCTION;
          case "noise" -> kind = Kind.NOISE;
          case "outofscope" -> kind = Kind.OUT_OF_SCOPE;
          case "aggregate" ->
              kind = value.equals("counted") ? Kind.COUNTED_AGGREGATE : Kind.AGGREGATE;
          case "hqmarker" -> kind = Kind.HQ_MARKER;
          case "coref" -> kind = Kind.COREF;
          case "corefnoun" -> kind = Kind.COREF_NOUN;
          case "instrument" -> {
            kind = Kind.INSTRUMENT;
            ref = Financing.Instrument.valueOf(value).ordinal();
          }
          default -> throw new IllegalStateException("terms.tsv: unknown kind '" + kindName + "'");
        }
        for (String phrase : f[2].split("\\|")) {
          boolean exact = phrase.startsWith("=");
          String form = exact ? phrase.substring(1) : phrase;
          add(form, new Entry(kind, ref, exact ? CaseRule.EXACT : CaseRule.ANY, form));
        }
      }
    }

    private void add(String form, Entry entry) {
      String key = PatternMatcher.normalise(form);
      if (key.isEmpty()) {
        return;
      }
      List<Entry> list = entries.computeIfAbsent(key, k -> new ArrayList<>());
      if (!list.contains(entry)) {
        list.add(entry);
      }
    }

    /**
     * Short all-capital names (NEC, ZTE, US) must match exactly; other capitalised names must start
     * with a capital in the text, which keeps "axis" or "orange" the words out.
     */
    private static CaseRule caseRuleForName(String form) {
      int letters = 0;
      boolean allUpper = true;
      for (int i = 0; i < form.length(); i++) {
        char c = form.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          allUpper &= Character.isUpperCase(c);
        }
      }
      if (allUpper && letters > 0 && letters <= 5) {
        return CaseRule.EXACT;
      }
      char first = form.charAt(0);
      return Character.isUpperCase(first) ? CaseRule.CAPITALISED : CaseRule.ANY;
    }
  }
}
