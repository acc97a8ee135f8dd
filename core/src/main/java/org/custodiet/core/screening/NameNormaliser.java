package org.custodiet.core.screening;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a name in any script into lower-case ASCII tokens.
 *
 * <p>Steps: cap the length at {@link #MAX_NAME_CHARS}; control and format characters become spaces;
 * NFKC (full-width forms, ligatures); runs of Han characters are cut at the generic words of
 * han-words.txt and each piece is transliterated to toneless pinyin with its syllables joined
 * ("海康威视" becomes "haikangweishi"), because Chinese has no spaces and a brand's syllables belong
 * together; other non-ASCII text goes through ICU's Russian BGN (close to English spelling of
 * Russian names), then Any-Latin and Latin-ASCII; then the text is split at punctuation and spaces.
 * Dotted abbreviations whose parts are one or two letters are joined ("S.A." = "sa"), apostrophes
 * vanish ("O'Brien" = "obrien"), "&" reads "and". Finally abbreviations become their canonical word
 * (token-variants.tsv) and plurals of generic words become singular.
 *
 * <p>A pinyin name does not look like the English brand ("haikangweishi" is not "hikvision"), so
 * Chinese names meet English ones through the aliases that lists record, not through
 * transliteration. Thread-safe.
 */
public final class NameNormaliser {
  /** Names are cut to this many characters: no real name is longer, and cost grows with length. */
  public static final int MAX_NAME_CHARS = 500;

  private static final Set<String> STOPWORDS = Set.of("the", "and", "of", "und", "et", "for");
  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(
          () -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));
  private static final ThreadLocal<Transliterator> HAN_TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));

  private final Set<String> hanWords;
  private final int longestHanWord;
  private final Map<String, String> variants;
  private final Set<String> pluralTargets;

  /** The normalised form of one name. */
  public record Normalised(String original, List<String> tokens, boolean truncated) {}

  public NameNormaliser() {
    Set<String> words = new HashSet<>();
    int longest = 1;
    for (String[] row : Resources.rows("han-words.txt", 1)) {
      words.add(row[0]);
      longest = Math.max(longest, row[0].length());
    }
    this.hanWords = Set.copyOf(words);
    this.longestHanWord = longest;
    Map<String, String> map = new HashMap<>();
    for (String[] row : Resources.rows("token-variants.tsv", 2)) {
      map.put(row[0], row[1]);
    }
    this.variants = Map.copyOf(map);
    Set<String> targets = new HashSet<>(variants.values());
    for (String[] row : Resources.rows("generic-tokens.tsv", 2)) {
      targets.add(row[0]);
    }
    this.pluralTargets = Set.copyOf(targets);
  }

  /** Normalises one name; never throws for odd input, an empty name gives no tokens. */
  public Normalised normalise(String name) {
    String text = name == null ? "" : name;
    boolean truncated = false;
    if (text.length() > MAX_NAME_CHARS) {
      int end = MAX_NAME_CHARS;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      text = text.substring(0, end);
      truncated = true;
    }
    String latin = toLatin(text);
    List<String> tokens = new ArrayList<>();
    tokenise(latin, tokens);
    return new Normalised(text, List.copyOf(tokens), truncated);
  }

  /** Lower-case ASCII with separators kept; only non-ASCII text pays for ICU. */
  String toLatin(String text) {
    boolean ascii = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128 || c < 32 || c == 127) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return text.toLowerCase(java.util.Locale.ROOT);
    }
    String cleaned = Normalizer.normalize(withoutControls(text), Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(cleaned.length() + 16);
    StringBuilder other = new StringBuilder();
    int i = 0;
    while (i < cleaned.length()) {
      int cp = cleaned.codePointAt(i);
      if (isHan(cp)) {
        flushOther(other, out);
        int end = i;
        while (end < cleaned.length() && isHan(cleaned.codePointAt(end))) {
          end += Character.charCount(cleaned.codePointAt(end));
        }
        appendHan(cleaned.substring(i, end), out);
        i = end;
      } else {
        other.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
    }
    flushOther(other, out);
    return out.toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String withoutControls(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              boolean invisible =
                  type == Character.CONTROL
                      || type == Character.FORMAT
                      || type == Character.UNASSIGNED
                      || type == Character.PRIVATE_USE
                      || type == Character.SURROGATE;
              out.appendCodePoint(invisible ? ' ' : cp);
            });
    return out.toString();
  }

  private static void flushOther(StringBuilder other, StringBuilder out) {
    if (other.length() == 0) {
      return;
    }
    String chunk = other.toString();
    boolean ascii = chunk.chars().allMatch(c -> c < 128);
    out.append(ascii ? chunk : TO_LATIN.get().transliterate(chunk));
    other.setLength(0);
  }

  /** Cuts a Han run at known generic words (longest first) and joins each piece's syllables. */
  private void appendHan(String run, StringBuilder out) {
    int start = 0;
    int pieceStart = 0;
    while (start < run.length()) {
      int matched = 0;
      for (int len = Math.min(longestHanWord, run.length() - start); len >= 2; len--) {
        if (hanWords.contains(run.substring(start, start + len))) {
          matched = len;
          break;
        }
      }
      if (matched == 0) {
        start++;
        continue;
      }
      appendPinyin(run.substring(pieceStart, start), out);
      appendPinyin(run.substring(start, start + matched), out);
      start += matched;
      pieceStart = start;
    }
    appendPinyin(run.substring(pieceStart), out);
  }

  private static void appendPinyin(String piece, StringBuilder out) {
    if (piece.isEmpty()) {
      return;
    }
    String pinyin = HAN_TO_LATIN.get().transliterate(piece);
    out.append(' ');
    for (int i = 0; i < pinyin.length(); i++) {
      char c = pinyin.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    out.append(' ');
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  private void tokenise(String latin, List<String> tokens) {
    StringBuilder chunk = new StringBuilder();
    for (int i = 0; i <= latin.length(); i++) {
      char c = i < latin.length() ? latin.charAt(i) : ' ';
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
        chunk.append(c);
      } else if (c == '\'' || c == '\u2019' || c == '`') {
        // O'Brien, Int'l: the apostrophe joins, it does not separate
        continue;
      } else {
        if (c == '&') {
          addChunk(chunk, tokens);
          chunk.append("and");
        }
        addChunk(chunk, tokens);
      }
    }
  }

  private void addChunk(StringBuilder chunk, List<String> tokens) {
    if (chunk.length() == 0) {
      return;
    }
    String text = chunk.toString();
    chunk.setLength(0);
    if (text.indexOf('.') < 0) {
      addToken(text, tokens);
      return;
    }
    String[] parts = text.split("\\.");
    List<String> nonEmpty = new ArrayList<>();
    boolean allShort = true;
    for (String part : parts) {
      if (!part.isEmpty()) {
        nonEmpty.add(part);
        allShort &= part.length() <= 2;
      }
    }
    if (allShort && nonEmpty.size() > 1) {
      addToken(String.join("", nonEmpty), tokens);
    } else {
      for (String part : nonEmpty) {
        addToken(part, tokens);
      }
    }
  }

  private void addToken(String token, List<String> tokens) {
    if (STOPWORDS.contains(token) || tokens.size() >= MAX_TOKENS) {
      return;
    }
    tokens.add(canonical(token));
  }

  /** At most this many tokens of a name are kept: beyond it a "name" is a sentence. */
  static final int MAX_TOKENS = 24;

  String canonical(String token) {
    String variant = variants.get(token);
    if (variant != null) {
      return variant;
    }
    if (token.length() > 4 && token.endsWith("ies")) {
      String singular = token.substring(0, token.length() - 3) + "y";
      if (pluralTargets.contains(singular)) {
        return singular;
      }
    }
    if (token.length() > 3 && token.endsWith("s")) {
      String singular = token.substring(0, token.length() - 1);
      if (pluralTargets.contains(singular)) {
        return singular;
      }
      String mapped = variants.get(singular);
      if (mapped != null) {
        return mapped;
      }
    }
    return token;
  }
}
