package org.custodiet.store.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.WeightedTerm;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.custodiet.core.model.KnowledgeBase;

/**
 * Full-text search over countries, companies, sources and evidence summaries, tolerant of typos
 * ("hikvison" finds Hikvision). The index is derived data: {@link #synchronize} rebuilds it only
 * when the documents it would hold differ from those it holds (compared by a fingerprint stored in
 * the index's commit), so opening an up-to-date index on start is cheap.
 */
public final class SearchIndex implements AutoCloseable {
  /** Longest query accepted, in characters; longer ones are refused rather than cut. */
  public static final int MAX_QUERY_LENGTH = 200;

  /** Largest number of hits one search returns. */
  public static final int MAX_LIMIT = 100;

  /** Words of a query beyond this many are ignored, which bounds the work per query. */
  static final int MAX_TERMS = 8;

  /** Words at least this long also match names that start with them. */
  private static final int MIN_PREFIX = 3;

  /**
   * Typo tolerance keeps the first letter: misspellings rarely change it, and fixing it makes the
   * expansion of a word many times cheaper.
   */
  private static final int FUZZY_PREFIX = 1;

  /** Spellings one typo-tolerant word expands to at most, per field. */
  private static final int FUZZY_EXPANSIONS = 20;

  /** Completions of one word the highlighter marks at most, per field. */
  private static final int MAX_MARKED_COMPLETIONS = 64;

  /** Characters of a snippet the highlighter reads at most. */
  private static final int MAX_HIGHLIGHTED_CHARS = 10_000;

  /** Changes whenever the documents or fields change shape, forcing a rebuild of old indexes. */
  private static final String SCHEMA = "custodiet-search-1";

  private static final String FINGERPRINT = "fingerprint";
  private static final String KIND = "kind";
  private static final String ID = "id";
  private static final String TITLE = "title";
  private static final String URL = "url";
  private static final String NAMES = "names";
  private static final String TEXT = "text";
  private static final String SNIPPET = "snippet";

  private static final Analyzer ANALYZER = new FoldingAnalyzer();

  private final Directory directory;
  private final SearcherManager searchers;
  private volatile String fingerprint;

  private SearchIndex(Directory directory) throws IOException {
    this.directory = directory;
    this.fingerprint = readFingerprint(directory);
    if (fingerprint == null) {
      // Nothing readable here: clear what is left so that a fresh index can be written.
      for (String file : directory.listAll()) {
        if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
          directory.deleteFile(file);
        }
      }
      write(List.of(), "");
      fingerprint = "";
    }
    this.searchers = new SearcherManager(directory, null);
  }

  /**
   * Opens the index kept in {@code dir}, creating the directory and an empty index if needed. An
   * unreadable index there is replaced by the next {@link #synchronize}.
   */
  public static SearchIndex open(Path dir) {
    Objects.requireNonNull(dir, "search index directory");
    try {
      Files.createDirectories(dir);
      return new SearchIndex(FSDirectory.open(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + dir, e);
    }
  }

  /** An index held in memory only, for tests and short-lived tools. */
  public static SearchIndex inMemory() {
    try {
      return new SearchIndex(new ByteBuffersDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create an in-memory search index", e);
    }
  }

  /** Makes the index hold exactly the documents of {@code kb}, rebuilding only if they differ. */
  public void synchronize(KnowledgeBase kb) {
    synchronize(kb, Map.of());
  }

  /**
   * As {@link #synchronize(KnowledgeBase)}, with other names countries go by (ISO3 to names, such
   * as "Ivory Coast" or "Burma"), which the knowledge base itself does not carry.
   */
  public synchronized void synchronize(
      KnowledgeBase kb, Map<String, List<String>> countryAltNames) {
    List<SearchDocument> docs = SearchDocument.of(kb, countryAltNames);
    String wanted = fingerprint(docs);
    if (wanted.equals(fingerprint)) {
      return;
    }
    try {
      write(docs, wanted);
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the search index", e);
    }
    fingerprint = wanted;
  }

  /** The fingerprint of the documents the index holds, empty for an empty index. */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * The best {@code limit} hits for a free-text query. Any text is a valid query: it is split into
   * words and never parsed as query syntax. A blank query finds nothing.
   *
   * @throws IllegalArgumentException if the query is longer than {@link #MAX_QUERY_LENGTH} or the
   *     limit is not between 1 and {@link #MAX_LIMIT}
   */
  public SearchResults search(String query, int limit) {
    Objects.requireNonNull(query, "query");
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException(
          "q: at most " + MAX_QUERY_LENGTH + " characters, got " + query.length());
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit: must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    List<String> terms = terms(query);
    if (terms.isEmpty()) {
      return new SearchResults(query, 0, List.of());
    }
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Variants variants = new Variants(searcher);
        TopDocs top =
            searcher.search(
                variants.matching(terms),
                new TopScoreDocCollectorManager(limit, Integer.MAX_VALUE));
        Highlighter highlighter =
            new Highlighter(
                new SimpleHTMLFormatter("<mark>", "</mark>"),
                new SimpleHTMLEncoder(),
                new QueryTermScorer(variants.highlighting()));
        highlighter.setMaxDocCharsToAnalyze(MAX_HIGHLIGHTED_CHARS);
        List<SearchHit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
          Document doc = searcher.storedFields().document(sd.doc);
          hits.add(
              new SearchHit(
                  SearchHit.Kind.valueOf(doc.get(KIND)),
                  doc.get(ID),
                  doc.get(TITLE),
                  snippet(highlighter, doc.get(SNIPPET)),
                  doc.get(URL),
                  sd.score));
        }
        return new SearchResults(query, top.totalHits.value, hits);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
  }

  /**
   * The query for one search and, from the same work, what the highlighter should mark. Words
   * matched by prefix or with typos are expanded to the index's spellings once, against the
   * searcher, so that the highlighter marks plain terms instead of expanding every word again over
   * every hit's text (which cost tens of milliseconds per search).
   */
  private static final class Variants {
    private final IndexSearcher searcher;
    private final Set<String> marked = new LinkedHashSet<>();

    Variants(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    /**
     * Per word: an exact match on a name counts most, then a name starting with the word, then a
     * name within one or two edits of it; the same on the other text counts less, and there one
     * edit is tolerated at most: typos are mostly in names, and the automaton for two edits costs
     * milliseconds to build for every field it is run over.
     */
    Query matching(List<String> terms) throws IOException {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (String term : terms) {
        BooleanQuery.Builder word = new BooleanQuery.Builder();
        add(word, NAMES, term, 8f, 3f, 2f, maxEdits(term));
        add(word, TEXT, term, 1.5f, 0.7f, 0.5f, Math.min(1, maxEdits(term)));
        all.add(word.build(), BooleanClause.Occur.SHOULD);
        mark(term);
      }
      return all.build();
    }

    /** The words and the index's spellings they matched, for the highlighter to mark. */
    WeightedTerm[] highlighting() {
      return marked.stream().map(word -> new WeightedTerm(1f, word)).toArray(WeightedTerm[]::new);
    }

    private void add(
        BooleanQuery.Builder word,
        String field,
        String term,
        float exact,
        float prefix,
        float fuzzy,
        int edits)
        throws IOException {
      word.add(
          new BoostQuery(new TermQuery(new Term(field, term)), exact), BooleanClause.Occur.SHOULD);
      if (term.length() >= MIN_PREFIX) {
        word.add(
            new BoostQuery(new PrefixQuery(new Term(field, term)), prefix),
            BooleanClause.Occur.SHOULD);
        markStartingWith(field, term);
      }
      if (edits > 0) {
        Query near =
            searcher.rewrite(
                new FuzzyQuery(new Term(field, term), edits, FUZZY_PREFIX, FUZZY_EXPANSIONS, true));
        word.add(new BoostQuery(near, fuzzy), BooleanClause.Occur.SHOULD);
        Set<Term> found = new HashSet<>();
        near.visit(QueryVisitor.termCollector(found));
        for (Term t : found) {
          mark(t.text());
        }
      }
    }

    /**
     * Marks the index's words in {@code field} that start with {@code prefix}, the first {@link
     * #MAX_MARKED_COMPLETIONS} of them: a short prefix of a common word has many completions, and a
     * snippet that shows none of them is abbreviated instead.
     */
    private void markStartingWith(String field, String prefix) throws IOException {
      Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
      if (terms == null) {
        return;
      }
      BytesRef start = new BytesRef(prefix);
      TermsEnum words = terms.iterator();
      if (words.seekCeil(start) == TermsEnum.SeekStatus.END) {
        return;
      }
      int count = 0;
      for (BytesRef word = words.term();
          word != null && StringHelper.startsWith(word, start) && count < MAX_MARKED_COMPLETIONS;
          word = words.next()) {
        mark(word.utf8ToString());
        count++;
      }
    }

    private void mark(String word) {
      marked.add(word);
    }
  }

  /** Short words must match exactly; longer ones may have one typo, long ones two. */
  static int maxEdits(String term) {
    int length = term.codePointCount(0, term.length());
    return length < 4 ? 0 : length < 8 ? 1 : 2;
  }

  private static String snippet(Highlighter highlighter, String text) throws IOException {
    try {
      String marked =
          highlighter.getBestFragments(ANALYZER.tokenStream(SNIPPET, text), text, 2, " … ");
      return marked.isEmpty() ? SimpleHTMLEncoder.htmlEncode(abbreviate(text)) : marked;
    } catch (InvalidTokenOffsetsException e) {
      throw new IllegalStateException("highlighter offsets out of step with the text", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 160 ? text : text.substring(0, 159) + "…";
  }

  /** The query's words as the index spells them (lower case, accents folded). */
  static List<String> terms(String query) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream(NAMES, query)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && terms.size() < MAX_TERMS) {
        String t = term.toString();
        if (!terms.contains(t)) {
          terms.add(t);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the query", e);
    }
    return terms;
  }

  private void write(List<SearchDocument> docs, String newFingerprint) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(ANALYZER).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (SearchDocument d : docs) {
        writer.addDocument(toLucene(d));
      }
      writer.setLiveCommitData(Map.of(FINGERPRINT, newFingerprint).entrySet());
      writer.commit();
    }
  }

  private static Document toLucene(SearchDocument d) {
    Document doc = new Document();
    doc.add(new StringField(KIND, d.kind().name(), Field.Store.YES));
    doc.add(new StringField(ID, d.id(), Field.Store.YES));
    doc.add(new StoredField(TITLE, d.title()));
    doc.add(new StoredField(URL, d.url()));
    doc.add(new StoredField(SNIPPET, d.snippet()));
    for (String name : d.names()) {
      doc.add(new TextField(NAMES, name, Field.Store.NO));
    }
    doc.add(new TextField(TEXT, d.text(), Field.Store.NO));
    return doc;
  }

  /** The fingerprint an index holds, or null when there is no readable index. */
  private static String readFingerprint(Directory directory) {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return null;
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return reader.getIndexCommit().getUserData().getOrDefault(FINGERPRINT, "");
      }
    } catch (IOException | RuntimeException e) {
      // A damaged index is derived data: rebuild it rather than refuse to start.
      return null;
    }
  }

  static String fingerprint(List<SearchDocument> docs) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, SCHEMA);
      for (SearchDocument d : docs) {
        update(digest, d.kind().name());
        update(digest, d.id());
        update(digest, d.title());
        update(digest, d.url());
        for (String name : d.names()) {
          update(digest, name);
        }
        update(digest, d.text());
        update(digest, d.snippet());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static void update(MessageDigest digest, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  @Override
  public void close() {
    try {
      searchers.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }

  /** Words split as in text, lower-cased and with accents folded ("Bogotá" matches "bogota"). */
  private static final class FoldingAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
