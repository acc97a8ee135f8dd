package org.custodiet.core.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Made-up list entries and queries for benchmarks and tests: company names mixing a place, an
 * invented brand, an industry and a legal form ("Ningbo Vexaro Optical Systems Co., Ltd."), some
 * written in Cyrillic or Chinese, and persons. Deterministic for a seed.
 */
public final class SyntheticEntries {
  private static final String[] PLACES = {
    "Beijing",
    "Shanghai",
    "Shenzhen",
    "Hangzhou",
    "Ningbo",
    "Wuhan",
    "Chengdu",
    "Moscow",
    "Kazan",
    "Berlin",
    "Munich",
    "Paris",
    "Lyon",
    "Milan",
    "Tel Aviv",
    "Haifa",
    "Seoul",
    "Tokyo",
    "Dubai",
    "Istanbul",
    "London",
    "Boston",
    "Austin",
    "Singapore",
    "Mumbai",
    "Pretoria",
    "Nairobi",
    "Lagos"
  };
  private static final String[] SYLLABLES = {
    "ka", "ven", "tor", "li", "max", "ro", "zen", "qua", "dor", "vi", "sen", "tra", "no", "lum",
    "pex", "sa", "ri", "gon", "te", "vo", "mi", "xan", "bel", "cor", "da", "fi", "hu", "jet", "ol",
    "ur", "yo", "zu", "ar", "ex", "is", "ton", "wei", "hai", "kang", "xin"
  };
  private static final String[] INDUSTRIES = {
    "Technology",
    "Digital Technology",
    "Optical Systems",
    "Security Solutions",
    "Electronics",
    "Video Intelligence",
    "Telecommunications",
    "Software",
    "Networks",
    "Vision Systems",
    "Information Industry",
    "Smart City",
    "Analytics",
    "Robotics",
    "Defense Systems",
    "Trading"
  };
  private static final String[] LEGAL_FORMS = {
    "Co., Ltd.", "Ltd", "LLC", "GmbH", "AG", "S.A.", "Inc.", "Corporation", "JSC", "PLC", "B.V.", ""
  };
  private static final String[] GIVEN = {
    "Wei", "Li", "Anna", "Ivan", "Sergei", "Maria", "John", "Ahmed", "Fatima", "Yusuf", "Olga",
    "Pierre", "Hans", "Kenji", "Min", "Jose", "David", "Elena", "Omar", "Chen", "Dmitry", "Sara"
  };
  private static final String[] CYRILLIC = {
    "Ка", "Вен", "Тор", "Ли", "Макс", "Ро", "Зен", "Дор", "Ви", "Сен", "Тра", "Но", "Лум", "Са"
  };
  private static final String[] HAN = {
    "海", "康", "威", "视", "华", "中", "兴", "天", "地", "伟", "业", "宇", "科", "达", "瑞", "安"
  };

  private SyntheticEntries() {}

  /** {@code count} entries, about a tenth of them persons, a twentieth with non-Latin names. */
  public static List<ListEntry> entries(int count, long seed) {
    Random random = new Random(seed);
    List<ListEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = "syn-" + i;
      int kind = random.nextInt(20);
      if (kind < 2) {
        String given = pick(random, GIVEN);
        String family = capitalised(brand(random, 2));
        entries.add(
            new ListEntry(
                id,
                "synthetic",
                "Person",
                given + " " + family,
                List.of(family + " " + given),
                Set.of("CHN"),
                Map.of()));
        continue;
      }
      String brand = capitalised(brand(random, 2 + random.nextInt(2)));
      String name =
          (random.nextBoolean() ? pick(random, PLACES) + " " : "")
              + brand
              + " "
              + pick(random, INDUSTRIES)
              + " "
              + pick(random, LEGAL_FORMS);
      List<String> aliases = new ArrayList<>();
      aliases.add(brand);
      if (kind == 2) {
        aliases.add("ООО «" + pick(random, CYRILLIC) + pick(random, CYRILLIC).toLowerCase() + "»");
      } else if (kind == 3) {
        aliases.add(pick(random, HAN) + pick(random, HAN) + pick(random, HAN) + "科技有限公司");
      }
      entries.add(
          new ListEntry(id, "synthetic", "Company", name.trim(), aliases, Set.of("CHN"), Map.of()));
    }
    return entries;
  }

  /**
   * Queries against {@code entries}: a third exact names, a third altered (a typo, the legal form
   * dropped, words swapped), a third invented names that should mostly find nothing.
   */
  public static List<String> queries(List<ListEntry> entries, int count, long seed) {
    Random random = new Random(seed);
    List<String> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ListEntry entry = entries.get(random.nextInt(entries.size()));
      switch (i % 3) {
        case 0 -> queries.add(entry.names().get(random.nextInt(entry.names().size())));
        case 1 -> queries.add(altered(entry.name(), random));
        default ->
            queries.add(
                capitalised(brand(random, 3))
                    + " "
                    + pick(random, INDUSTRIES)
                    + " "
                    + pick(random, LEGAL_FORMS));
      }
    }
    return queries;
  }

  private static String altered(String name, Random random) {
    String[] words = name.split(" ");
    switch (random.nextInt(3)) {
      case 0 -> {
        int w = random.nextInt(words.length);
        if (words[w].length() > 5) {
          int at = 1 + random.nextInt(words[w].length() - 2);
          words[w] = words[w].substring(0, at) + words[w].substring(at + 1);
        }
        return String.join(" ", words);
      }
      case 1 -> {
        return String.join(" ", java.util.Arrays.copyOf(words, Math.max(1, words.length - 2)));
      }
      default -> {
        if (words.length > 1) {
          String first = words[0];
          words[0] = words[1];
          words[1] = first;
        }
        return String.join(" ", words);
      }
    }
  }

  private static String brand(Random random, int syllables) {
    StringBuilder out = new StringBuilder();
    for (int s = 0; s < syllables; s++) {
      out.append(pick(random, SYLLABLES));
    }
    return out.toString();
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
