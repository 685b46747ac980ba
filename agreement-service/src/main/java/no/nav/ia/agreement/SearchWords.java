package no.nav.ia.agreement;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import no.nav.ia.platform.domain.DomainException;

/**
 * How an enterprise's name is searched: its words, lower-cased and folded to plain letters (æ ->
 * ae, ø -> oe, å -> aa, accents dropped), so that "ærlig", "Ærlig" and "AERLIG" find the same name
 * and the database's text search needs no locale of its own. A name's words are matched as folded
 * and as {@link #collapsed} further (ae, oe, aa -> a, o, a): an adviser at a keyboard without æ, ø
 * and å types "Bjork" or "Asen" for "Bjørk" and "Åsen" as often as "Bjoerk" or "Aasen", and each
 * finds the name, while a query of "Æ" still looks for words that begin with æ.
 */
public final class SearchWords {

  private static final Pattern MARKS = Pattern.compile("\\p{M}");

  /** At most this many words of a query are used. */
  public static final int MAX_QUERY_WORDS = 8;

  /**
   * The register's search index holds every name word and its first two to this many letters as
   * lexemes of their own (migration V10, {@code enterprise_search_vector}): a query word this short
   * is looked up exactly, a longer one as a prefix.
   */
  static final int INDEXED_PREFIX = 4;

  private SearchWords() {}

  /** The words of a text, folded, in order. */
  public static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder word = new StringBuilder();
    // "å" may come as a and a combining ring (macOS, some copy-pastes): composed first, so it
    // folds as the one letter; a mark left over stays inside its word.
    String composed =
        Normalizer.isNormalized(text, Normalizer.Form.NFC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
    String lower = composed.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        word.append((char) c);
      } else if (Character.isLetterOrDigit(c)) {
        word.append(fold(c));
      } else if (isMark(c)) {
        continue;
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * The words a name search looks for (the first {@link #MAX_QUERY_WORDS}): none for a query left
   * out or blank; a query of punctuation only ("!!!") names no word and is refused, as the register
   * search refuses it, rather than read as no query and answered with everything.
   */
  public static List<String> queryWords(String q) {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    List<String> words = of(q);
    if (words.isEmpty()) {
      throw DomainException.invalid("q", NO_WORD);
    }
    return words.stream().limit(MAX_QUERY_WORDS).toList();
  }

  /** Why a query of punctuation only is refused. */
  private static final String NO_WORD = "must hold a word (letters or digits) of the name";

  /**
   * A text search query (PostgreSQL's {@code tsquery} syntax) that finds the names having a word
   * that begins with each of the text's words (the first {@link #MAX_QUERY_WORDS}); empty when the
   * text has no words. Words are letters and digits only, so quoting them is enough.
   */
  public static String prefixQuery(String text) {
    return prefixQuery(of(text));
  }

  /** The same query of words already taken from a text ({@link #of}, {@link #queryWords}). */
  public static String prefixQuery(List<String> words) {
    return words.stream()
        .limit(MAX_QUERY_WORDS)
        .map(
            w -> {
              int letters = w.codePointCount(0, w.length());
              return letters >= 2 && letters <= INDEXED_PREFIX ? "'" + w + "'" : "'" + w + "':*";
            })
        .collect(java.util.stream.Collectors.joining(" & "));
  }

  /**
   * A name's folded word as typed without æ, ø and å: the folds (ae, oe, aa) made one letter (a, o,
   * a), in this order, as the database (V23, enterprise_search_vector) makes the second form of
   * every indexed word, and the working lists match a name's words in both forms. A name's "ae",
   * "oe" or "aa" written so (Michael, Raaen) collapses alike, so "michal" finds Michael too: a
   * match more, never one lost. A query's words are not collapsed: each form of a name is one of
   * them.
   */
  public static String collapsed(String word) {
    return word.replace("aa", "a").replace("oe", "o").replace("ae", "a");
  }

  /**
   * The words a name's punctuation splits without a space, each group joined into one word as well:
   * "Sjø-Mat" is also "sjoemat", "O'Hara" "ohara", "Bil-Service A/S" "bilservice" and "as". An
   * adviser types such a name without its hyphen or apostrophe as often as with it; the words on
   * their own are kept too, so "mat" and "hara" still find them.
   */
  public static List<String> joined(String text) {
    List<String> joined = new ArrayList<>();
    if (text == null) {
      return joined;
    }
    for (String part : BLANKS.split(text.strip())) {
      List<String> words = of(part);
      if (words.size() > 1) {
        joined.add(String.join("", words));
      }
    }
    return joined;
  }

  private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Z}]+");

  /**
   * The words joined by spaces (a word given twice stays twice, as before V27), then the {@link
   * #joined} ones not among them: what the database indexes. V27 appends the same to the names it
   * stored, so the register's next import of an unchanged file rewrites none of those.
   */
  public static String indexed(String name) {
    List<String> words = of(name);
    for (String joined : joined(name)) {
      if (!words.contains(joined)) {
        words.add(joined);
      }
    }
    return String.join(" ", words);
  }

  /**
   * An agreement's name words for the working lists' {@code q}: each folded word and, where it
   * differs, its collapsed form ({@link #collapsed}), so one plain prefix match finds "Bjørk" by
   * "bjork" (the collapse written into the query instead made its parse take seconds and the heap
   * of a small service: a review's searches ran agreement-service out of memory).
   */
  public static String listed(String name) {
    java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>(of(name));
    words.addAll(joined(name));
    for (String word : List.copyOf(words)) {
      words.add(collapsed(word));
    }
    return String.join(" ", words);
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static String fold(int c) {
    return switch (c) {
      case 'æ' -> "ae";
      case 'ø' -> "oe";
      case 'å' -> "aa";
      case 'ß' -> "ss";
      // Sami letters with a stroke or a hook have no decomposition to drop (V29, V30), nor have
      // ð (typed for đ) and Polish ł.
      case 'đ', 'ð' -> "d";
      case 'ŋ' -> "n";
      case 'ŧ' -> "t";
      case 'ǥ' -> "g";
      case 'ʒ' -> "z";
      case 'ł' -> "l";
      default -> {
        String plain =
            MARKS
                .matcher(
                    Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD))
                .replaceAll("");
        if (plain.codePointCount(0, plain.length()) == 1 && plain.codePointAt(0) != c) {
          // A letter of the switch above with an accent (ǯ: ʒ and a caron) folds as that letter.
          String letter = fold(plain.codePointAt(0));
          yield letter.chars().allMatch(ch -> ch < 128) ? letter : new String(Character.toChars(c));
        }
        yield plain.chars().allMatch(ch -> ch < 128) ? plain : new String(Character.toChars(c));
      }
    };
  }
}
