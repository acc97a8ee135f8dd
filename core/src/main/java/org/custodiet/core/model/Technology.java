package org.custodiet.core.model;

import java.util.Objects;

/** One entry of the technology taxonomy, with the written definition coders apply. */
public record Technology(String code, String label, String definition) {
  public Technology {
    if (code == null || !code.matches("[a-z_]+(:[a-z_]+)?")) {
      throw new IllegalArgumentException(
          "technology: '" + code + "' is not a taxonomy code like 'facial_recognition'");
    }
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(definition, "definition");
  }
}
