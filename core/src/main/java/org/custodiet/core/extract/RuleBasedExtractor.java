package org.custodiet.core.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodiet.core.extract.Gazetteer.Kind;
import org.custodiet.core.model.Financing;

/**
 * Reads supply claims with gazetteers and relation rules. One pass of the gazetteer's automaton
 * finds every name, place and term; sentences are cut only when the text names a supplier, and
 * rules run only in sentences with a supplier (or a phrase like "the company" that refers back to
 * one). A sentence yields a claim when it states a supply or deployment (a cue word not negated or
 * hedged), names a technology (or the supplier is a specialist) and places it in a country (in the
 * sentence, or the country the document is about). Sanctions, earnings, product and out-of-scope
 * sentences and aggregate statements without a named country yield nothing. See docs/extraction.md
 * for the rules and their measured quality.
 */
public final class RuleBasedExtractor implements Extractor {
  static final String NAME = "rule-based";
  static final String VERSION = "1";

  private static final int SCOPE_WORDS = 6;
  private static final int COREF_SENTENCES = 3;
  private static final int TECH_LOOKBACK_SENTENCES = 2;
  private static final int CUE_WINDOW_WORDS = 20;
  private static final int TECH_WINDOW_WORDS = 20;
  private static final double HOME_COUNTRY_PENALTY = 40;
  private static final Set<String> DESCRIPTOR_WORDS =
      Set.of(
          "company",
          "firm",
          "startup",
          "start-up",
          "start",
          "up",
          "developer",
          "provider",
          "giant",
          "maker",
          "manufacturer",
          "vendor",
          "supplier",
          "technology",
          "tech",
          "telecom",
          "telecoms",
          "telecommunications",
          "surveillance",
          "security",
          "camera",
          "video",
          "ai",
          "artificial",
          "intelligence",
          "software",
          "group",
          "conglomerate",
          "multinational",
          "state-owned",
          "the",
          "a",
          "an",
          "based",
          "equipment",
          "electronics",
          "internet",
          "biometrics",
          "biometric",
          "facial",
          "recognition",
          "face",
          "firms",
          "companies",
          "developers",
          "contractor",
          "powerhouse",
          "champion",
          "unicorn",
          "of",
          "cctv",
          "giants",
          "data",
          "analytics",
          "defence",
          "defense",
          "identity",
          "information",
          "engineering",
          "networking",
          "communications",
          "such",
          "as",
          "'s",
          "\u2019s");
  private static final Set<String> COMPANY_NOUNS =
      Set.of(
          "company",
          "companies",
          "firm",
          "firms",
          "startup",
          "start-up",
          "startups",
          "giant",
          "giants",
          "provider",
          "providers",
          "vendor",
          "vendors",
          "manufacturer",
          "manufacturers",
          "maker",
          "makers",
          "developer",
          "developers",
          "supplier",
          "suppliers",
          "contractor",
          "contractors",
          "conglomerate",
          "multinational");
  private static final Pattern COUNT_WORD =
      Pattern.compile(
          "\\b(dozens|hundreds|thousands|several|many|multiple|numerous|various|two|three|four|"
              + "five|six|seven|eight|nine|ten|twenty|fifty|other|more)\\b");

  /**
   * The text between a company and a second one that merely describes the first ("Presight, the
   * analytics arm of Abu Dhabi's G42,"): an appositive naming a parent, owner or origin.
   */
  private static final Pattern PARENT_APPOSITIVE =
      Pattern.compile(
          "\\s*,\\s*(?:(?:the|a|an)\\s+(?:[^,;\\s]+\\s+){0,4}?"
              + "(?:arm|unit|subsidiary|division|affiliate|spin-off|spinoff|offshoot)\\s+of"
              + "|(?:a\\s+company\\s+|wholly\\s+|majority[- ]|partly\\s+)?owned\\s+by"
              + "|(?:now\\s+)?part\\s+of)"
              // "part of a consortium with Huawei": a partner named after "with" is no parent
              + "\\s+(?!(?:[^,;]*\\s)?(?:with|and|alongside|together)\\s)(?:[^,;]{0,40}\\s)?",
          Pattern.CASE_INSENSITIVE);

  /** Words that report a deal as concluded, so a later "would" states its terms, not a guess. */
  private static final Set<String> CONCLUDED_DEAL =
      Set.of(
          "signed",
          "awarded",
          "contracted",
          "won a contract",
          "wins a contract",
          "won the contract",
          "won a tender",
          "won the tender",
          "won tender",
          "wins tender");

  private static final Pattern USD_BEFORE =
      Pattern.compile(
          "(?:US\\s?\\$|USD\\s?|\\$)\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s*(million|billion|bn|mn|m|b)?\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern USD_AFTER =
      Pattern.compile(
          "\\b(\\d[\\d,]*(?:\\.\\d+)?)\\s*(million|billion|bn|mn|m)?\\s*(?:USD|US dollars|dollars)\\b",
          Pattern.CASE_INSENSITIVE);

  private final Gazetteer gazetteer;

  public RuleBasedExtractor(Gazetteer gazetteer) {
    this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<CandidateClaim> extract(String text) {
    Objects.requireNonNull(text, "text");
    List<Mention> mentions = gazetteer.mentions(text);
    boolean namesSupplier = false;
    for (Mention m : mentions) {
      if (m.kind() == Kind.COMPANY) {
        namesSupplier = true;
        break;
      }
    }
    if (!namesSupplier || !statesSupply(mentions)) {
      return List.of();
    }
    return new Reading(text, mentions).claims();
  }

  private static boolean statesSupply(List<Mention> mentions) {
    for (Mention m : mentions) {
      if (m.kind() == Kind.STRONG_CUE || m.kind() == Kind.WEAK_CUE) {
        return true;
      }
    }
    return false;
  }

  /** The state of reading one document; never shared between threads. */
  private final class Reading {
    private final String text;
    private final List<Mention> mentions;
    private final int[] bounds;
    private final int[] firstMention;
    private final Map<String, CandidateClaim> claims = new LinkedHashMap<>();
    private final Map<String, String> documentCountryByHome = new java.util.HashMap<>();
    private int lastSupplierRef = -1;
    private int lastSupplierSentence = -1000;

    /** Appositives naming a parent in the current sentence: parenthetical, so not counted. */
    private List<int[]> appositives = List.of();

    Reading(String text, List<Mention> mentions) {
      this.text = text;
      this.mentions = mentions;
      this.bounds = Sentences.split(text);
      int sentences = bounds.length / 2;
      this.firstMention = new int[sentences + 1];
      int m = 0;
      for (int s = 0; s < sentences; s++) {
        while (m < mentions.size() && mentions.get(m).start() < bounds[2 * s]) {
          m++;
        }
        firstMention[s] = m;
      }
      firstMention[sentences] = mentions.size();
    }

    private int sentences() {
      return bounds.length / 2;
    }

    private List<Mention> in(int s) {
      int from = firstMention[s];
      int to = from;
      int end = bounds[2 * s + 1];
      while (to < mentions.size() && mentions.get(to).start() < end) {
        to++;
      }
      return mentions.subList(from, to);
    }

    List<CandidateClaim> claims() {
      for (int s = 0; s < sentences(); s++) {
        read(s);
      }
      appositives = List.of();
      if (claims.isEmpty()) {
        return List.of();
      }
      CandidateClaim.FinancingMention financing = financing();
      List<CandidateClaim> out = new ArrayList<>(claims.size());
      for (CandidateClaim c : claims.values()) {
        out.add(
            financing == null
                ? c
                : new CandidateClaim(
                    c.supplierCompanyId(),
                    c.countryIso3(),
                    c.technology(),
                    c.city(),
                    financing,
                    c.confidence(),
                    c.spanStart(),
                    c.spanEnd(),
                    c.extractor(),
                    c.extractorVersion()));
      }
      return List.copyOf(out);
    }

    private void read(int s) {
      List<Mention> here = withoutParentAppositives(in(s));
      if (here.isEmpty()) {
        return;
      }
      boolean skip = false;
      boolean aggregate = false;
      boolean customer = false;
      List<Mention> suppliers = new ArrayList<>();
      Mention coref = null;
      for (Mention m : here) {
        switch (m.kind()) {
          case SANCTION, NOISE, OUT_OF_SCOPE -> skip = true;
          case AGGREGATE -> aggregate = true;
          case COUNTED_AGGREGATE -> aggregate |= isCounted(m, bounds[2 * s]);
          case CUSTOMER -> customer = true;
          case COMPANY -> suppliers.add(m);
          case COREF -> coref = coref == null ? m : coref;
          case COREF_NOUN -> coref = coref == null && afterDefiniteArticle(m) ? m : coref;
          default -> {}
        }
      }
      boolean viaCoref = false;
      if (suppliers.isEmpty()
          && coref != null
          && lastSupplierRef >= 0
          && s - lastSupplierSentence <= COREF_SENTENCES) {
        suppliers.add(new Mention(Kind.COMPANY, lastSupplierRef, coref.start(), coref.end()));
        viaCoref = true;
      }
      for (Mention m : here) {
        if (m.kind() == Kind.COMPANY) {
          lastSupplierRef = m.ref();
          lastSupplierSentence = s;
          break;
        }
      }
      if (skip || suppliers.isEmpty()) {
        return;
      }
      List<Mention> cues = new ArrayList<>();
      for (Mention m : here) {
        if ((m.kind() == Kind.STRONG_CUE || m.kind() == Kind.WEAK_CUE)
            && !scopedBefore(here, m, Kind.NEGATION)
            && !hedged(here, m)) {
          cues.add(m);
        }
      }
      if (cues.isEmpty()) {
        return;
      }
      List<Mention> techTerms = new ArrayList<>();
      for (Mention m : here) {
        if (m.kind() == Kind.TECH && !negated(here, m)) {
          techTerms.add(m);
        }
      }
      List<Mention> places = deploymentPlaces(here, suppliers);
      for (Mention supplier : suppliers) {
        Gazetteer.CompanyInfo company = gazetteer.company(supplier.ref());
        boolean cue = false;
        boolean strongCue = false;
        for (Mention m : cues) {
          if (wordsApart(supplier, m) <= CUE_WINDOW_WORDS) {
            cue = true;
            strongCue |= m.kind() == Kind.STRONG_CUE;
          }
        }
        if (!cue) {
          continue;
        }
        Set<String> specific = new LinkedHashSet<>();
        boolean camera = false;
        boolean camerasDeployed = false;
        List<Mention> near = new ArrayList<>();
        for (Mention m : techTerms) {
          if (wordsApart(supplier, m) <= TECH_WINDOW_WORDS && ownsTerm(suppliers, supplier, m)) {
            near.add(m);
          }
        }
        if (near.isEmpty()) {
          // "made by Hikvision and the other 1% by Axis": a supplier with no term of its own
          // shares the terms around it
          for (Mention m : techTerms) {
            if (wordsApart(supplier, m) <= TECH_WINDOW_WORDS) {
              near.add(m);
            }
          }
        }
        for (Mention m : near) {
          String code = gazetteer.technology(m.ref());
          if (code.equals(Gazetteer.GENERIC_CAMERA)) {
            camera = true;
            camerasDeployed |= objectOfStrongCue(cues, m);
          } else {
            specific.add(code);
          }
        }
        if (camerasDeployed && company.specialty() == null) {
          specific.add("smart_city");
        }
        Set<String> techs = technologies(company, specific, camera, s, suppliers.size() == 1);
        if (techs.isEmpty()) {
          continue;
        }
        double confidence = 0.5;
        confidence += strongCue ? 0.1 : 0;
        confidence += specific.isEmpty() && !camera ? -0.1 : 0.1;
        confidence -= viaCoref ? 0.15 : 0;
        List<Mention> where = nearestGroup(places, supplier, company);
        if (viaCoref && !where.isEmpty() && isHome(where, company)) {
          // "the Chinese startup ... in Guangzhou": a supplier named only by reference keeps its
          // home as the place it comes from, not a deployment
          continue;
        }
        if (where.isEmpty()) {
          if (aggregate || !(strongCue || customer)) {
            continue;
          }
          String iso3 = documentCountry(company);
          if (iso3 == null || (viaCoref && iso3.equals(company.headquartersIso3()))) {
            continue;
          }
          confidence -= iso3.equals(company.headquartersIso3()) ? 0.25 : 0.1;
          for (String tech : techs) {
            emit(company, iso3, tech, null, confidence, s);
          }
        } else {
          confidence += 0.15;
          for (Mention place : where) {
            Gazetteer.PlaceInfo info = gazetteer.place(place.ref());
            for (String tech : techs) {
              emit(company, info.iso3(), tech, info.city(), confidence, s);
            }
          }
        }
      }
    }

    /**
     * With several suppliers in a sentence, a technology term belongs to the nearest one (a tie to
     * the one after it: "the face recognition software by Megvii") and to those listed with it
     * ("cameras supplied by Dahua and Uniview"); a supplier that owns no term shares them all.
     */
    private boolean ownsTerm(List<Mention> suppliers, Mention supplier, Mention term) {
      if (suppliers.size() < 2) {
        return true;
      }
      Mention nearest = null;
      int best = Integer.MAX_VALUE;
      for (Mention other : suppliers) {
        int d = wordsApart(other, term);
        if (d < best || (d == best && other.start() > term.start())) {
          nearest = other;
          best = d;
        }
      }
      if (nearest == supplier || nearest.ref() == supplier.ref()) {
        return true;
      }
      Mention first = nearest.start() < supplier.start() ? nearest : supplier;
      Mention second = first == nearest ? supplier : nearest;
      for (Mention between : suppliers) {
        if (between.start() > first.start() && between.start() < second.start()) {
          if (!listed(first, between)) {
            return false;
          }
          first = between;
        }
      }
      return listed(first, second);
    }

    /**
     * The technologies a sentence states for a supplier. Camera words alone mean a city camera
     * network, or the specialty of a specialist; a specialist's claim is its specialty, not the
     * city platform around it. With nothing named, the one supplier of a sentence takes the
     * technology of the sentences just before.
     */
    private Set<String> technologies(
        Gazetteer.CompanyInfo company,
        Set<String> specific,
        boolean camera,
        int s,
        boolean onlySupplier) {
      Set<String> techs = new LinkedHashSet<>(specific);
      String specialty = company.specialty();
      if (camera && techs.isEmpty()) {
        techs.add(specialty == null ? "smart_city" : specialty);
      }
      if (techs.isEmpty() && specialty != null) {
        techs.add(specialty);
      }
      if (specialty != null && techs.contains(specialty)) {
        techs.remove("smart_city");
      }
      if (techs.isEmpty() && onlySupplier) {
        for (int back = 1; back <= TECH_LOOKBACK_SENTENCES && s - back >= 0; back++) {
          for (Mention m : in(s - back)) {
            if (m.kind() == Kind.TECH && !negated(in(s - back), m)) {
              String code = gazetteer.technology(m.ref());
              techs.add(code.equals(Gazetteer.GENERIC_CAMERA) ? "smart_city" : code);
            }
          }
          if (!techs.isEmpty()) {
            break;
          }
        }
      }
      if (techs.contains("smart_city") && !"other:alpr".equals(specialty)) {
        techs.remove("other:alpr");
      }
      return techs;
    }

    private void emit(
        Gazetteer.CompanyInfo company,
        String iso3,
        String tech,
        String city,
        double confidence,
        int s) {
      String key = company.id() + "|" + iso3 + "|" + tech + "|" + city;
      double c = Math.max(0.05, Math.min(0.99, confidence));
      CandidateClaim known = claims.get(key);
      if (known != null && known.confidence() >= c) {
        return;
      }
      claims.put(
          key,
          new CandidateClaim(
              company.id(),
              iso3,
              tech,
              city,
              null,
              Math.round(c * 100) / 100.0,
              bounds[2 * s],
              bounds[2 * s + 1],
              NAME,
              VERSION));
    }

    /** Places in the sentence that say where something is deployed, not where a firm is from. */
    private List<Mention> deploymentPlaces(List<Mention> here, List<Mention> suppliers) {
      List<Mention> places = new ArrayList<>();
      int hqChainEnd = -1;
      for (int i = 0; i < here.size(); i++) {
        Mention m = here.get(i);
        if (m.kind() == Kind.HQ_MARKER) {
          hqChainEnd = m.end();
          continue;
        }
        if (!m.kind().isPlace()) {
          continue;
        }
        if (hqChainEnd >= 0 && onlyListSeparators(hqChainEnd, m.start())) {
          hqChainEnd = m.end();
          continue;
        }
        if (isDescriptor(m, suppliers)) {
          continue;
        }
        places.add(m);
      }
      return places;
    }

    private boolean isDescriptor(Mention place, List<Mention> suppliers) {
      int end = place.end();
      if (end < text.length() && (text.charAt(end) == '-' || text.charAt(end) == ' ')) {
        int w = end + 1;
        int stop = w;
        while (stop < text.length() && Character.isLetter(text.charAt(stop))) {
          stop++;
        }
        String next = text.substring(w, stop).toLowerCase(java.util.Locale.ROOT);
        if (next.equals("based")
            || (text.charAt(end) == '-'
                && (next.equals("made")
                    || next.equals("built")
                    || next.equals("owned")
                    || next.equals("headquartered")
                    || next.equals("funded")))) {
          return true;
        }
      }
      for (Mention s : suppliers) {
        if (s.start() >= end && s.start() - end <= 60 && onlyDescriptorWords(end, s.start())) {
          return true;
        }
      }
      return namesCompanyOrigin(end);
    }

    /** "a Russian firm", "Chinese technology companies": the place says where firms are from. */
    private boolean namesCompanyOrigin(int from) {
      int i = from;
      for (int word = 0; word < 4; word++) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
          i++;
        }
        int start = i;
        while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-')) {
          i++;
        }
        if (start == i) {
          return false;
        }
        String w = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
        if (COMPANY_NOUNS.contains(w)) {
          return true;
        }
        // hyphenated compounds ("data-mining", "state-backed") describe a firm, never a deployment
        if (!DESCRIPTOR_WORDS.contains(w) && w.indexOf('-') <= 0) {
          return false;
        }
      }
      return false;
    }

    private boolean onlyDescriptorWords(int from, int to) {
      int i = from;
      while (i < to) {
        char c = text.charAt(i);
        if (c == ' ' || c == '-') {
          i++;
          continue;
        }
        int start = i;
        while (i < to && text.charAt(i) != ' ' && text.charAt(i) != '-') {
          i++;
        }
        if (!isDescriptorWord(start, i)) {
          return false;
        }
      }
      return true;
    }

    private boolean isDescriptorWord(int start, int end) {
      if (end - start > 16) {
        return false;
      }
      return DESCRIPTOR_WORDS.contains(
          text.substring(start, end).toLowerCase(java.util.Locale.ROOT));
    }

    private boolean onlyListSeparators(int from, int to) {
      String gap = text.substring(from, to).trim();
      return gap.isEmpty()
          || gap.equals(",")
          || gap.equals("and")
          || gap.equals(", and")
          || gap.equals("or")
          || gap.equals(";");
    }

    /**
     * The place nearest the supplier, preferring one introduced by "in", "to" or "for" and one not
     * behind a comma, with any places listed together with it ("Chicago, Detroit and Los Angeles").
     * The supplier's home country is a little less likely than a foreign one.
     */
    private List<Mention> nearestGroup(
        List<Mention> places, Mention supplier, Gazetteer.CompanyInfo company) {
      if (places.isEmpty()) {
        return List.of();
      }
      int best = -1;
      double bestScore = Double.MAX_VALUE;
      for (int i = 0; i < places.size(); i++) {
        Mention p = places.get(i);
        int from = Math.min(p.end(), supplier.end());
        int to = Math.max(p.start(), supplier.start());
        double score = Math.max(0, to - from) + 60.0 * clauseBreaks(from, to);
        if (introducedByPreposition(p)) {
          score *= 0.5;
        }
        if (p.kind() == Kind.DEMONYM) {
          score += 15;
        }
        if (gazetteer.place(p.ref()).iso3().equals(company.headquartersIso3())) {
          score += HOME_COUNTRY_PENALTY;
        }
        if (score < bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) {
        return List.of();
      }
      int first = best;
      while (first > 0 && listed(places.get(first - 1), places.get(first))) {
        first--;
      }
      int last = best;
      while (last + 1 < places.size() && listed(places.get(last), places.get(last + 1))) {
        last++;
      }
      return places.subList(first, last + 1);
    }

    private boolean isHome(List<Mention> places, Gazetteer.CompanyInfo company) {
      for (Mention p : places) {
        if (!gazetteer.place(p.ref()).iso3().equals(company.headquartersIso3())) {
          return false;
        }
      }
      return true;
    }

    private boolean listed(Mention a, Mention b) {
      String gap = text.substring(a.end(), b.start()).trim();
      return gap.isEmpty()
          || gap.equals(",")
          || gap.equals("and")
          || gap.equals(", and")
          || gap.equals("or")
          || gap.equals(", including")
          || gap.equals("including");
    }

    private int clauseBreaks(int from, int to) {
      int breaks = 0;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == ',' || c == ';' || c == ':' || c == '\u2013' || c == '\u2014' || c == '(') {
          breaks++;
        }
      }
      return breaks;
    }

    private boolean introducedByPreposition(Mention p) {
      int i = p.start() - 1;
      while (i >= 0 && text.charAt(i) == ' ') {
        i--;
      }
      int e = i + 1;
      while (i >= 0 && Character.isLetter(text.charAt(i))) {
        i--;
      }
      String word = text.substring(i + 1, e).toLowerCase(java.util.Locale.ROOT);
      return switch (word) {
        case "in", "to", "for", "across", "throughout", "into", "at", "with" -> true;
        default -> false;
      };
    }

    /**
     * The country the document is about for this supplier: the most often named deployment place,
     * the supplier's home counting half (it is often named only as the origin); the home itself
     * when nothing else is named.
     */
    private String documentCountry(Gazetteer.CompanyInfo company) {
      String home = String.valueOf(company.headquartersIso3());
      String known = documentCountryByHome.get(home);
      if (known == null) {
        known = String.valueOf(countDocumentCountry(company));
        documentCountryByHome.put(home, known);
      }
      return known.equals("null") ? null : known;
    }

    private String countDocumentCountry(Gazetteer.CompanyInfo company) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (int s = 0; s < sentences(); s++) {
        List<Mention> here = in(s);
        List<Mention> suppliers = new ArrayList<>();
        for (Mention m : here) {
          if (m.kind() == Kind.COMPANY) {
            suppliers.add(m);
          }
        }
        for (Mention p : deploymentPlaces(here, suppliers)) {
          counts.merge(gazetteer.place(p.ref()).iso3(), 1, Integer::sum);
        }
      }
      String best = null;
      double bestCount = 0;
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        double count = e.getValue();
        if (e.getKey().equals(company.headquartersIso3())) {
          count /= 2;
        }
        if (count > bestCount) {
          best = e.getKey();
          bestCount = count;
        }
      }
      return best != null ? best : company.headquartersIso3();
    }

    /**
     * "installed 1,000 cameras", "supplied CCTV cameras": cameras as the thing supplied make a
     * camera network even beside a named analytic such as face recognition.
     */
    private boolean objectOfStrongCue(List<Mention> cues, Mention camera) {
      for (Mention c : cues) {
        if (c.kind() == Kind.STRONG_CUE
            && c.end() <= camera.start()
            && wordsApart(c, camera) <= 3) {
          return true;
        }
      }
      return false;
    }

    /** "the company", "the Chinese firm", "the telecoms giant": at most two words after "the". */
    private boolean afterDefiniteArticle(Mention noun) {
      int i = noun.start();
      for (int word = 0; word < 3; word++) {
        int end = i;
        while (end > 0 && text.charAt(end - 1) == ' ') {
          end--;
        }
        if (end == i && word > 0 || end == 0) {
          return false;
        }
        int start = end;
        while (start > 0
            && (Character.isLetterOrDigit(text.charAt(start - 1))
                || text.charAt(start - 1) == '-')) {
          start--;
        }
        if (start == end) {
          return false;
        }
        if (text.regionMatches(true, start, "the", 0, 3) && end - start == 3) {
          return true;
        }
        i = start;
      }
      return false;
    }

    private boolean isCounted(Mention m, int sentenceStart) {
      int from = Math.max(sentenceStart, m.start() - 30);
      String before = text.substring(from, m.start()).toLowerCase(java.util.Locale.ROOT);
      for (int i = 0; i < before.length(); i++) {
        if (Character.isDigit(before.charAt(i))) {
          return true;
        }
      }
      return COUNT_WORD.matcher(before).find();
    }

    private boolean negated(List<Mention> here, Mention term) {
      if (scopedBefore(here, term, Kind.NEGATION)) {
        return true;
      }
      for (Mention m : here) {
        if (m.kind() == Kind.NEGATION
            && m.start() >= term.end()
            && wordsBetween(term.end(), m.start()) <= 2) {
          return true;
        }
      }
      return false;
    }

    /**
     * Drops what an appositive naming a parent company says ("Presight AI, the analytics arm of Abu
     * Dhabi's G42, signed ..."): the parent, its home and words like "subsidiary" describe the
     * first company, which stays the subject. Technology words are kept ("the face recognition unit
     * of ...").
     */
    private List<Mention> withoutParentAppositives(List<Mention> here) {
      List<int[]> spans = new ArrayList<>();
      Mention subject = null;
      for (Mention m : here) {
        if (m.kind() != Kind.COMPANY) {
          continue;
        }
        if (subject != null
            && m.ref() != subject.ref()
            && closesAppositive(m)
            && PARENT_APPOSITIVE.matcher(text).region(subject.end(), m.start()).matches()) {
          spans.add(new int[] {subject.end(), m.end()});
        } else {
          subject = m;
        }
      }
      appositives = spans;
      if (spans.isEmpty()) {
        return here;
      }
      List<Mention> kept = new ArrayList<>(here.size());
      for (Mention m : here) {
        boolean inside = false;
        for (int[] span : spans) {
          inside |= m.start() >= span[0] && m.end() <= span[1];
        }
        if (!inside || m.kind() == Kind.TECH) {
          kept.add(m);
        }
      }
      return kept;
    }

    /** The parent's name ends the appositive: a comma follows it. */
    private boolean closesAppositive(Mention parent) {
      int i = parent.end();
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      return i < text.length() && text.charAt(i) == ',';
    }

    /**
     * A cue is hedged by a hedge word shortly before it, except a plain "would" after the sentence
     * reports a signed or awarded deal ("signed a contract under which Hikvision would install
     * ..."): that states the deal's terms. Other hedges ("could", "potentially") still count.
     */
    private boolean hedged(List<Mention> here, Mention cue) {
      for (Mention m : here) {
        if (m.start() >= cue.start()) {
          break;
        }
        if (m.kind() == Kind.HEDGE
            && m.end() <= cue.start()
            && wordsBetween(m.end(), cue.start()) <= SCOPE_WORDS
            && !(isWord(m, "would") && afterConcludedDeal(here, m))) {
          return true;
        }
      }
      return false;
    }

    private boolean afterConcludedDeal(List<Mention> here, Mention would) {
      for (Mention m : here) {
        if (m.start() >= would.start()) {
          return false;
        }
        if (m.kind() == Kind.STRONG_CUE
            && CONCLUDED_DEAL.contains(text.substring(m.start(), m.end()).toLowerCase(Locale.ROOT))
            && !scopedBefore(here, m, Kind.NEGATION)
            && !scopedBefore(here, m, Kind.HEDGE)) {
          return true;
        }
      }
      return false;
    }

    private boolean isWord(Mention m, String word) {
      return m.end() - m.start() == word.length()
          && text.regionMatches(true, m.start(), word, 0, word.length());
    }

    /** Whether a word of the kind stands shortly before the target, in the same clause. */
    private boolean scopedBefore(List<Mention> here, Mention target, Kind kind) {
      for (Mention m : here) {
        if (m.start() >= target.start()) {
          break;
        }
        if (m.kind() == kind
            && m.end() <= target.start()
            && wordsBetween(m.end(), target.start()) <= SCOPE_WORDS) {
          return true;
        }
      }
      return false;
    }

    /** Words between two mentions, whichever comes first, ignoring punctuation. */
    private int wordsApart(Mention a, Mention b) {
      int from = Math.min(a.end(), b.end());
      int to = Math.max(a.start(), b.start());
      int words = 0;
      boolean inWord = false;
      for (int i = from; i < to; i++) {
        boolean letter = !Character.isWhitespace(text.charAt(i)) && !inAppositive(i);
        if (letter && !inWord) {
          words++;
        }
        inWord = letter;
      }
      return words;
    }

    private boolean inAppositive(int offset) {
      for (int[] span : appositives) {
        if (offset >= span[0] && offset < span[1]) {
          return true;
        }
      }
      return false;
    }

    /** Words between two offsets, or a large number when a clause break lies between them. */
    private int wordsBetween(int from, int to) {
      int words = 0;
      boolean inWord = false;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == ',' || c == ';' || c == ':' || c == '\u2013' || c == '\u2014') {
          return Integer.MAX_VALUE;
        }
        boolean letter = !Character.isWhitespace(c);
        if (letter && !inWord) {
          words++;
        }
        inWord = letter;
      }
      return words;
    }

    /**
     * The financing the document states for its deployment: an instrument (loan, buyer's credit,
     * grant) with the lender named in the document and the US dollar amount in the same sentence. A
     * grant counts only when a lender is named, so payments to the supplier do not.
     */
    private CandidateClaim.FinancingMention financing() {
      String documentLender = null;
      for (Mention m : mentions) {
        if (m.kind() == Kind.LENDER) {
          documentLender = gazetteer.company(m.ref()).id();
          break;
        }
      }
      CandidateClaim.FinancingMention best = null;
      int bestScore = -1;
      for (int s = 0; s < sentences(); s++) {
        List<Mention> here = in(s);
        boolean skip = false;
        String lender = null;
        for (Mention m : here) {
          skip |= m.kind() == Kind.NOISE || m.kind() == Kind.SANCTION;
          if (m.kind() == Kind.LENDER && lender == null) {
            lender = gazetteer.company(m.ref()).id();
          }
        }
        if (skip) {
          continue;
        }
        for (Mention m : here) {
          if (m.kind() != Kind.INSTRUMENT) {
            continue;
          }
          Financing.Instrument instrument = Financing.Instrument.values()[m.ref()];
          String who = lender != null ? lender : documentLender;
          if (instrument == Financing.Instrument.GRANT && who == null) {
            continue;
          }
          BigDecimal amount = usdAmount(bounds[2 * s], bounds[2 * s + 1]);
          int score = (lender != null ? 2 : 0) + (amount != null ? 1 : 0);
          if (score > bestScore) {
            bestScore = score;
            best = new CandidateClaim.FinancingMention(who, instrument, amount);
          }
        }
      }
      return best;
    }

    private BigDecimal usdAmount(int from, int to) {
      String sentence = text.substring(from, to);
      for (Pattern p : List.of(USD_BEFORE, USD_AFTER)) {
        Matcher m = p.matcher(sentence);
        if (m.find()) {
          BigDecimal value = new BigDecimal(m.group(1).replace(",", ""));
          String scale = m.group(2) == null ? "" : m.group(2).toLowerCase(java.util.Locale.ROOT);
          value =
              switch (scale) {
                case "million", "m", "mn" -> value.multiply(BigDecimal.valueOf(1_000_000));
                case "billion", "bn", "b" -> value.multiply(BigDecimal.valueOf(1_000_000_000));
                default -> value;
              };
          return value.stripTrailingZeros().scale() < 0
              ? value.setScale(0, java.math.RoundingMode.UNNECESSARY)
              : value.stripTrailingZeros();
        }
      }
      return null;
    }
  }
}
