package org.custodiet.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {
  private static List<String> sentences(String text) {
    int[] b = Sentences.split(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < b.length; i += 2) {
      out.add(text.substring(b[i], b[i + 1]));
    }
    return out;
  }

  @Test
  void splitsOnStopsAndLineBreaksButNotAbbreviationsOrInitials() {
    assertThat(
            sentences(
                "Acme Co. Ltd. signed in the U.S. market. Dr. Smith agreed!\n"
                    + "Headline without stop\n\n  \"Quoted.\" Next one? Yes."))
        .containsExactly(
            "Acme Co. Ltd. signed in the U.S. market.",
            "Dr. Smith agreed!",
            "Headline without stop",
            "\"Quoted.\"",
            "Next one?",
            "Yes.");
  }

  @Test
  void decimalsAndLowerCaseContinuationsStayTogether() {
    assertThat(sentences("It cost 3.5 million. that was all"))
        .containsExactly("It cost 3.5 million. that was all");
  }

  @Test
  void emptyAndBlankTextHaveNoSentences() {
    assertThat(sentences("")).isEmpty();
    assertThat(sentences("  \n ")).isEmpty();
  }
}
