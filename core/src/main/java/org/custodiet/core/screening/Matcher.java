package org.custodiet.core.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Screens names against list entries and explains every hit. Immutable and thread-safe: build it
 * once per set of list versions and share it.
 *
 * <p>Each name of an entry (primary or alias) is matched on its own and the entry keeps its best
 * name. A query only scores the few names that share something with it, found through an inverted
 * index of normalised tokens, their one-edit deletions (typos), sound keys, joined neighbouring
 * tokens and initials. Token weights come from the rarity of tokens among all names given to {@link
 * #build}. See docs/matching.md for the features and how the threshold was chosen.
 */
public final class Matcher {
  /**
   * Hits at or above this score are reported. Chosen on the development half of the labelled pairs
   * (docs/matching.md).
   */
  public static final double DEFAULT_THRESHOLD = 0.7;

  /** Names longer than this are cut before matching, and the explanation says so. */
  public static final int MAX_NAME_CHARS = NameNormaliser.MAX_NAME_CHARS;

  /** Names scored in full per query at most; the index ranks them by an estimated score. */
  private static final int MAX_CANDIDATES = 24;

  /** A name whose estimated score falls this far below the threshold is not scored in full. */
  private static final double ESTIMATE_MARGIN = 0.2;

  private static final int NO_TOKEN = -1;

  /** Posting lists longer than this are not followed from a known token to its variants. */
  private static final int KNOWN_TOKEN_VARIANT_LIMIT = 100;

  /**
   * Nor from an unknown (misspelt) token: a variant held by hundreds of names is a common word, not
   * the misspelt name.
   */
  private static final int UNKNOWN_TOKEN_VARIANT_LIMIT = 300;

  private final List<ListEntry> entries;
  private final NamePreparer preparer;
  private final int[] aliasEntry;
  private final PreparedName[] aliasNames;
  private final float[] aliasWeights;
  private final boolean[] aliasPerson;
  private final Map<String, Integer> vocabulary;
  private final String[] vocabularyTokens;
  private final int[][] postings;

  /**
   * For each spelling a typo variant can take: the vocabulary token spelt so (or {@link #NO_TOKEN})
   * first, then the tokens one deletion away from it. One lookup per variant instead of two.
   */
  private final Map<String, int[]> spellings;

  private final Map<String, int[]> soundKeys;
  private final Map<String, int[]> initials;
  private final int postingScanLimit;
  private final ThreadLocal<Scratch> scratch;

  private Matcher(List<ListEntry> entries) {
    this.entries = entries;
    NameNormaliser normaliser = new NameNormaliser();
    LegalForms legalForms = new LegalForms();

    List<Integer> owner = new ArrayList<>();
    List<NameNormaliser.Normalised> normalised = new ArrayList<>();
    List<List<String>> stripped = new ArrayList<>();
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (int e = 0; e < entries.size(); e++) {
      ListEntry entry = entries.get(e);
      boolean person = Schemas.isPerson(entry.schema());
      Set<String> seen = new HashSet<>();
      for (String name : entry.names()) {
        if (name == null || name.isBlank()) {
          continue;
        }
        NameNormaliser.Normalised form = normaliser.normalise(name);
        List<String> tokens = person ? form.tokens() : legalForms.strip(form.tokens()).tokens();
        if (tokens.isEmpty() || !seen.add(String.join(" ", form.tokens()))) {
          continue;
        }
        owner.add(e);
        normalised.add(form);
        stripped.add(tokens);
        for (String token : new HashSet<>(tokens)) {
          documentFrequency.merge(token, 1, Integer::sum);
        }
      }
    }
    this.preparer =
        new NamePreparer(
            normaliser, legalForms, new TokenWeights(Map.copyOf(documentFrequency), owner.size()));

    int names = owner.size();
    this.aliasEntry = new int[names];
    this.aliasNames = new PreparedName[names];
    this.aliasWeights = new float[names];
    this.aliasPerson = new boolean[names];
    Map<String, Integer> vocabularyIds = new HashMap<>();
    List<String> vocabularyList = new ArrayList<>();
    List<IntList> postingLists = new ArrayList<>();
    Map<String, IntList> initialLists = new HashMap<>();
    for (int a = 0; a < names; a++) {
      aliasEntry[a] = owner.get(a);
      aliasPerson[a] = Schemas.isPerson(entries.get(owner.get(a)).schema());
      aliasNames[a] = preparer.prepare(normalised.get(a), aliasPerson[a]);
      aliasWeights[a] = (float) aliasNames[a].totalWeight;
      for (String token : aliasNames[a].tokens) {
        Integer id = vocabularyIds.get(token);
        if (id == null) {
          id = vocabularyList.size();
          vocabularyIds.put(token, id);
          vocabularyList.add(token);
          postingLists.add(new IntList());
        }
        IntList list = postingLists.get(id);
        if (list.size == 0 || list.values[list.size - 1] != a) {
          list.add(a);
        }
      }
      int words = aliasNames[a].tokens.length;
      if (words >= 2 && words <= 6) {
        String spelled = aliasNames[a].initials();
        String legal = aliasNames[a].legalInitials();
        for (int extra = 0; extra <= legal.length() && spelled.length() + extra <= 6; extra++) {
          String key = spelled + legal.substring(0, extra);
          if (key.length() >= 3) {
            initialLists.computeIfAbsent(key, k -> new IntList()).add(a);
          }
        }
      }
    }
    this.vocabulary = Map.copyOf(vocabularyIds);
    this.vocabularyTokens = vocabularyList.toArray(String[]::new);
    this.postings = new int[postingLists.size()][];
    for (int t = 0; t < postings.length; t++) {
      postings[t] = postingLists.get(t).toArray();
    }
    Map<String, IntList> deletionLists = new HashMap<>();
    Map<String, IntList> soundLists = new HashMap<>();
    for (int t = 0; t < vocabularyTokens.length; t++) {
      String token = vocabularyTokens[t];
      if (token.length() < 4) {
        continue;
      }
      for (String variant : oneDeletions(token)) {
        deletionLists.computeIfAbsent(variant, k -> new IntList()).addUnique(t);
      }
      String key = PhoneticKey.of(token);
      if (key.length() >= 3 && token.length() >= TokenAlignment.PHONETIC_MIN_LENGTH) {
        soundLists.computeIfAbsent(key, k -> new IntList()).add(t);
      }
    }
    this.spellings = spellings(vocabularyIds, deletionLists);
    this.soundKeys = frozen(soundLists);
    this.initials = frozen(initialLists);
    this.postingScanLimit = Math.max(1_000, names / 100);
    int vocabularySize = vocabularyTokens.length;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(names, vocabularySize));
  }

  /** Builds the matcher over all names of the entries; entries keep their order for ties. */
  public static Matcher build(Collection<ListEntry> entries) {
    return new Matcher(List.copyOf(entries));
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }

  /**
   * The entries whose best name scores at or above {@link #DEFAULT_THRESHOLD}, best first (ties by
   * entry order), at most {@code limit}, each with its explanation.
   *
   * @throws IllegalArgumentException for an empty name, a name without letters or digits, or a
   *     limit below 1
   */
  public List<MatchHit> match(ScreeningQuery query, int limit) {
    return match(query, limit, DEFAULT_THRESHOLD);
  }

  /** As {@link #match(ScreeningQuery, int)} with another threshold. */
  public List<MatchHit> match(ScreeningQuery query, int limit, double threshold) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    NameNormaliser.Normalised normalised = normaliseQuery(query.name());
    String schema = query.schema();
    boolean queryPerson = Schemas.isPerson(schema);
    PreparedName asPerson = preparer.prepare(normalised, true);
    PreparedName asOrganisation = queryPerson ? asPerson : preparer.prepare(normalised, false);

    int[] candidates = candidates(queryPerson ? asPerson : asOrganisation, threshold);
    // at most MAX_CANDIDATES names: arrays and a linear search beat a map here
    int[] bestEntry = new int[candidates.length];
    int[] bestAlias = new int[candidates.length];
    double[] bestScore = new double[candidates.length];
    int found = 0;
    for (int alias : candidates) {
      ListEntry entry = entries.get(aliasEntry[alias]);
      if (!query.listIds().isEmpty() && !query.listIds().contains(entry.listId())) {
        continue;
      }
      if (!Schemas.compatible(schema, entry.schema())) {
        continue;
      }
      boolean person = aliasPerson[alias] || queryPerson;
      PreparedName prepared = person ? asPerson : asOrganisation;
      Feature country = CountryFeature.evaluate(query.countries(), entry.countries());
      double score = NameScorer.score(prepared, aliasNames[alias], person, country, false).score();
      if (score < threshold) {
        continue;
      }
      int slot = 0;
      while (slot < found && bestEntry[slot] != aliasEntry[alias]) {
        slot++;
      }
      if (slot == found) {
        bestEntry[found] = aliasEntry[alias];
        bestScore[found] = -1;
        found++;
      }
      if (score > bestScore[slot] || (score == bestScore[slot] && alias < bestAlias[slot])) {
        bestScore[slot] = score;
        bestAlias[slot] = alias;
      }
    }
    Integer[] order = new Integer[found];
    for (int k = 0; k < found; k++) {
      order[k] = k;
    }
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer k) -> -bestScore[k])
            .thenComparingInt(k -> bestEntry[k]));
    List<MatchHit> hits = new ArrayList<>(Math.min(limit, found));
    for (int k = 0; k < Math.min(limit, found); k++) {
      int alias = bestAlias[order[k]];
      ListEntry entry = entries.get(bestEntry[order[k]]);
      boolean person = aliasPerson[alias] || queryPerson;
      NameScorer.Result result =
          NameScorer.score(
              person ? asPerson : asOrganisation,
              aliasNames[alias],
              person,
              CountryFeature.evaluate(query.countries(), entry.countries()),
              true);
      hits.add(new MatchHit(entry, result.score(), result.explanation()));
    }
    return hits;
  }

  /** The score of two names compared on their own, weighted by this matcher's list. */
  public double score(String a, String b, String schema) {
    return scorePair(a, b, schema).score();
  }

  /**
   * The score of two names with its explanation. {@code schema} "Person" compares them as persons;
   * anything else, or null, as organisations.
   *
   * @throws IllegalArgumentException for an empty name
   */
  public PairScore scorePair(String a, String b, String schema) {
    boolean person = Schemas.isPerson(schema);
    PreparedName left = preparer.prepare(normaliseQuery(a), person);
    PreparedName right = preparer.prepare(normaliseQuery(b), person);
    NameScorer.Result result = NameScorer.score(left, right, person, null, true);
    return new PairScore(result.score(), result.explanation());
  }

  private NameNormaliser.Normalised normaliseQuery(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is empty");
    }
    NameNormaliser.Normalised normalised = preparer.normaliser().normalise(name);
    if (normalised.tokens().isEmpty()) {
      throw new IllegalArgumentException("name has no letters or digits: '" + shown(name) + "'");
    }
    return normalised;
  }

  private static String shown(String name) {
    String cut = name.length() > 40 ? name.substring(0, 40) + "..." : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /** The names worth scoring: those sharing the most token weight with the query. */
  private int[] candidates(PreparedName query, double threshold) {
    Scratch s = scratch.get();
    try {
      s.start(query.totalWeight, threshold - ESTIMATE_MARGIN);
      String[] tokens = query.tokens;
      // one vocabulary lookup per token serves its postings, the common-token filter and rarity
      int[] ids = new int[tokens.length];
      boolean[] informative = new boolean[tokens.length];
      boolean anyInformative = false;
      int rarest = 0;
      int fewest = Integer.MAX_VALUE;
      for (int i = 0; i < tokens.length; i++) {
        Integer id = vocabulary.get(tokens[i]);
        ids[i] = id == null ? NO_TOKEN : id;
        int holders = id == null ? 0 : postings[id].length;
        informative[i] = holders <= postingScanLimit && TokenWeights.prior(tokens[i]) >= 0.2;
        anyInformative |= informative[i];
        if (holders < fewest) {
          fewest = holders;
          rarest = i;
        }
      }
      double queryWeight = 0;
      for (int i = 0; i < tokens.length; i++) {
        double weight = query.weights[i];
        queryWeight += weight;
        if (!informative[i] && (anyInformative || i != rarest)) {
          continue;
        }
        int exact = ids[i];
        if (exact != NO_TOKEN) {
          s.addPostings(postings[exact], weight);
        }
        if (tokens[i].length() >= 4) {
          fuzzyPostings(tokens[i], exact, weight, query.phonetic[i], s);
        }
        if (i + 1 < tokens.length) {
          Integer joined = vocabulary.get(tokens[i] + tokens[i + 1]);
          if (joined != null) {
            s.addPostings(postings[joined], weight + query.weights[i + 1]);
          }
        }
      }
      if (tokens.length == 1 && tokens[0].length() >= 3 && tokens[0].length() <= 6) {
        int[] spelled = initials.get(tokens[0]);
        if (spelled != null) {
          s.addPostings(spelled, queryWeight);
        }
      }
      if (tokens.length >= 3 && tokens.length <= 6) {
        Integer acronym = vocabulary.get(query.initials());
        if (acronym != null) {
          s.addPostings(postings[acronym], queryWeight);
        }
      }
      return s.best(MAX_CANDIDATES, queryWeight, threshold - ESTIMATE_MARGIN, aliasWeights);
    } finally {
      s.reset();
    }
  }

  /**
   * Adds the names holding tokens within a typo or a sound of {@code token}. When the token itself
   * is known, its variants are only followed into small posting lists: the list's own spelling
   * variants, not every name sharing a frequent near-neighbour.
   */
  private void fuzzyPostings(String token, int exact, double weight, String sound, Scratch s) {
    s.forgetTokens();
    int scanLimit = exact == NO_TOKEN ? UNKNOWN_TOKEN_VARIANT_LIMIT : KNOWN_TOKEN_VARIANT_LIMIT;
    if (exact != NO_TOKEN) {
      s.firstSight(exact);
    }
    List<String> variants = oneDeletions(token);
    variants.add(token);
    for (String variant : variants) {
      int[] near = spellings.get(variant);
      if (near == null) {
        continue;
      }
      if (near[0] != NO_TOKEN) {
        fuzzyToken(token, near[0], weight, scanLimit, s);
      }
      for (int k = 1; k < near.length; k++) {
        fuzzyToken(token, near[k], weight, scanLimit, s);
      }
    }
    // the scorer only trusts sound keys of long tokens: follow no others
    int[] alike =
        sound.length() >= 3 && token.length() >= TokenAlignment.PHONETIC_MIN_LENGTH
            ? soundKeys.get(sound)
            : null;
    if (alike != null) {
      for (int t : alike) {
        if (s.firstSight(t) && postings[t].length <= scanLimit) {
          s.addPostings(postings[t], weight * TokenAlignment.PHONETIC_SIMILARITY);
        }
      }
    }
  }

  private void fuzzyToken(String token, int t, double weight, int scanLimit, Scratch s) {
    if (!s.firstSight(t) || postings[t].length > scanLimit) {
      return;
    }
    double similarity = EditDistance.similarity(token, vocabularyTokens[t]);
    if (similarity > 0) {
      s.addPostings(postings[t], weight * similarity);
    }
  }

  private static List<String> oneDeletions(String token) {
    List<String> variants = new ArrayList<>(token.length());
    for (int i = 0; i < token.length(); i++) {
      // built in one buffer: two substrings and a concatenation cost three strings per variant
      String variant =
          new StringBuilder(token.length() - 1)
              .append(token, 0, i)
              .append(token, i + 1, token.length())
              .toString();
      if (variants.isEmpty() || !variants.get(variants.size() - 1).equals(variant)) {
        variants.add(variant);
      }
    }
    return variants;
  }

  private static Map<String, int[]> spellings(
      Map<String, Integer> vocabularyIds, Map<String, IntList> deletionLists) {
    Map<String, int[]> out = new HashMap<>((vocabularyIds.size() + deletionLists.size()) * 2);
    for (Map.Entry<String, Integer> token : vocabularyIds.entrySet()) {
      out.put(token.getKey(), new int[] {token.getValue()});
    }
    for (Map.Entry<String, IntList> list : deletionLists.entrySet()) {
      int[] near = new int[list.getValue().size + 1];
      near[0] = vocabularyIds.getOrDefault(list.getKey(), NO_TOKEN);
      System.arraycopy(list.getValue().values, 0, near, 1, list.getValue().size);
      out.put(list.getKey(), near);
    }
    return out;
  }

  private static Map<String, int[]> frozen(Map<String, IntList> lists) {
    Map<String, int[]> out = new HashMap<>(lists.size() * 2);
    for (Map.Entry<String, IntList> list : lists.entrySet()) {
      out.put(list.getKey(), list.getValue().toArray());
    }
    return out;
  }

  /** A growable int array: posting lists of 100,000 names must not box their ids. */
  private static final class IntList {
    int[] values = new int[4];
    int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    void addUnique(int value) {
      for (int i = 0; i < size; i++) {
        if (values[i] == value) {
          return;
        }
      }
      add(value);
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Per-thread accumulators, sized to the number of names, cleared after each query. */
  private static final class Scratch {
    final float[] shared;
    final IntList touched = new IntList();

    /**
     * The touched names whose shared weight has reached the bound set by {@link #start}: only they
     * can estimate high enough, and there are few of them, while thousands of names may be touched.
     */
    final IntList promising = new IntList();

    private double sharedNeeded;

    /**
     * Vocabulary tokens already followed for the current query token are those marked with the
     * current {@code round}: bumping the round forgets them all without clearing the array.
     */
    private final int[] seenInRound;

    private int round = 1;

    Scratch(int names, int vocabularySize) {
      shared = new float[names];
      seenInRound = new int[vocabularySize];
    }

    void forgetTokens() {
      if (++round == Integer.MAX_VALUE) {
        Arrays.fill(seenInRound, 0);
        round = 1;
      }
    }

    /** True the first time {@code token} is seen since {@link #forgetTokens}. */
    boolean firstSight(int token) {
      if (seenInRound[token] == round) {
        return false;
      }
      seenInRound[token] = round;
      return true;
    }

    /** Prepares for a query of this total weight and a minimum estimated score. */
    void start(double queryWeight, double minimum) {
      sharedNeeded = sharedNeeded(queryWeight, minimum);
    }

    void addPostings(int[] aliases, double weight) {
      for (int alias : aliases) {
        float before = shared[alias];
        if (before == 0) {
          touched.add(alias);
        }
        float after = before + (float) weight;
        shared[alias] = after;
        // weights are positive, so each name crosses the bound at most once
        if (before < sharedNeeded && after >= sharedNeeded) {
          promising.add(alias);
        }
      }
    }

    /**
     * The names with the best estimated score. Agreeing tokens weigh the same on both sides, so the
     * shared weight stands in for both matched masses in the score's formula.
     */
    int[] best(int limit, double queryWeight, double minimum, float[] totals) {
      // a min-heap of the best `limit` keys: sorting thousands of touched names costs more
      long[] heap = new long[limit];
      int count = 0;
      // a bound of 0 rules nothing out: then every touched name is estimated
      IntList names = sharedNeeded > 0 ? promising : touched;
      for (int k = 0; k < names.size; k++) {
        int alias = names.values[k];
        double shared = Math.min(this.shared[alias], queryWeight);
        double total = Math.max(totals[alias], 1e-9);
        double overlap = 2 * Math.min(shared, total) / (queryWeight + total);
        double coverage =
            Math.min(1, Math.max(shared / queryWeight, shared / total))
                * Math.min(1, shared / NameScorer.FULL_MASS);
        float estimate =
            (float)
                (NameScorer.OVERLAP_SHARE * overlap + (1 - NameScorer.OVERLAP_SHARE) * coverage);
        if (estimate < minimum) {
          continue;
        }
        // higher estimate first, then lower alias id: stable across runs
        long key = ((long) Float.floatToIntBits(estimate) << 32) | (~alias & 0xffffffffL);
        if (count < limit) {
          heap[count] = key;
          siftUp(heap, count++);
        } else if (key > heap[0]) {
          heap[0] = key;
          siftDown(heap, count);
        }
      }
      for (int i = 1; i < count; i++) {
        long key = heap[i];
        int j = i - 1;
        while (j >= 0 && heap[j] > key) {
          heap[j + 1] = heap[j];
          j--;
        }
        heap[j + 1] = key;
      }
      int[] out = new int[count];
      for (int k = 0; k < count; k++) {
        out[k] = ~(int) heap[count - 1 - k];
      }
      return out;
    }

    /**
     * The shared weight below which no name can reach {@code minimum}. For shared weight s the
     * estimate is at most OVERLAP_SHARE x 2s / (queryWeight + s) + (1 - OVERLAP_SHARE) x min(1, s /
     * FULL_MASS) (the name's total equal to s maximises both parts), which grows with s; the bound
     * is found by bisection and kept a little low, so that rounding never rules out a name the
     * estimate itself would keep.
     */
    private static double sharedNeeded(double queryWeight, double minimum) {
      double target = minimum - 1e-6;
      if (target <= 0) {
        return 0;
      }
      if (estimateBound(queryWeight, queryWeight) < target) {
        return Double.POSITIVE_INFINITY;
      }
      double low = 0;
      double high = queryWeight;
      for (int step = 0; step < 60; step++) {
        double middle = (low + high) / 2;
        if (estimateBound(middle, queryWeight) < target) {
          low = middle;
        } else {
          high = middle;
        }
      }
      return low;
    }

    private static double estimateBound(double shared, double queryWeight) {
      return NameScorer.OVERLAP_SHARE * 2 * shared / (queryWeight + shared)
          + (1 - NameScorer.OVERLAP_SHARE) * Math.min(1, shared / NameScorer.FULL_MASS);
    }

    private static void siftUp(long[] heap, int at) {
      while (at > 0) {
        int parent = (at - 1) / 2;
        if (heap[parent] <= heap[at]) {
          return;
        }
        long swap = heap[parent];
        heap[parent] = heap[at];
        heap[at] = swap;
        at = parent;
      }
    }

    private static void siftDown(long[] heap, int size) {
      int at = 0;
      while (true) {
        int left = 2 * at + 1;
        int smallest = at;
        if (left < size && heap[left] < heap[smallest]) {
          smallest = left;
        }
        if (left + 1 < size && heap[left + 1] < heap[smallest]) {
          smallest = left + 1;
        }
        if (smallest == at) {
          return;
        }
        long swap = heap[smallest];
        heap[smallest] = heap[at];
        heap[at] = swap;
        at = smallest;
      }
    }

    void reset() {
      for (int k = 0; k < touched.size; k++) {
        shared[touched.values[k]] = 0;
      }
      touched.size = 0;
      promising.size = 0;
    }
  }
}
