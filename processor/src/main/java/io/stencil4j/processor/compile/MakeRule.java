package io.stencil4j.processor.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The make rule a compiler writes with {@code -MD -MF}: {@code TARGET: PREREQUISITE ...}, lines
 * continued by a backslash, a blank in a name written {@code "\ "}, a {@code $} as {@code $$}.
 */
final class MakeRule {
  private MakeRule() {}

  /** The prerequisites of {@code rule}, in order; empty if it is no make rule. */
  static Optional<List<String>> prerequisites(String rule) {
    String text = rule.replace("\\\r\n", " ").replace("\\\n", " ");
    int colon = targetEnd(text);
    if (colon < 0) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    for (int i = colon + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '\\' && (next == ' ' || next == '#')) {
        name.append(next);
        i++;
      } else if (c == '$' && next == '$') {
        name.append('$');
        i++;
      } else if (Character.isWhitespace(c)) {
        if (!name.isEmpty()) {
          names.add(name.toString());
          name.setLength(0);
        }
      } else {
        name.append(c);
      }
    }
    if (!name.isEmpty()) {
      names.add(name.toString());
    }
    return Optional.of(names);
  }

  /**
   * The colon that ends the target: the first one that is neither escaped nor a drive letter's
   * ({@code C:\dir}, at the start of a name), with or without a blank after it.
   */
  private static int targetEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != ':' || i > 0 && text.charAt(i - 1) == '\\') {
        continue;
      }
      boolean driveLetter = i > 0 && Character.isLetter(text.charAt(i - 1))
          && (i == 1 || Character.isWhitespace(text.charAt(i - 2)))
          && i + 1 < text.length() && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == '/');
      if (!driveLetter) {
        return i;
      }
    }
    return -1;
  }
}
