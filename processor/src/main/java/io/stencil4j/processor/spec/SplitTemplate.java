package io.stencil4j.processor.spec;

import io.stencil4j.processor.diagnostic.StencilException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template split at its {@code CASE} token.
 *
 * @param file the template file
 * @param before the text before the token
 * @param after the text after the token
 * @param caseLine the 1-based line of the token
 */
public record SplitTemplate(Path file, String before, String after, int caseLine) {
  private static final Pattern CASE_TOKEN = Pattern.compile("\\bCASE\\b");

  /**
   * {@return splits {@code text} at its one {@code CASE} token (comments and literals aside)}
   *
   * @param file the template, for messages
   * @param text its text
   * @throws StencilException if the template has no {@code CASE} token or more than one
   */
  public static SplitTemplate split(Path file, String text) throws StencilException {
    String code = blankCommentsAndLiterals(text);
    Matcher matcher = CASE_TOKEN.matcher(code);
    List<Integer> lines = new ArrayList<>();
    int start = -1;
    while (matcher.find()) {
      if (start < 0) {
        start = matcher.start();
      }
      lines.add(CaseSplitter.lineAt(text, matcher.start()));
    }
    if (lines.size() != 1) {
      throw StencilException.at("template", file + ": the template must contain the token CASE "
          + "exactly once, where each case is pasted; "
          + (lines.isEmpty() ? "it has none" : "it is on lines " + lines));
    }
    return new SplitTemplate(file, text.substring(0, start), text.substring(start + 4),
        lines.get(0));
  }

  /** {@code text} with comments and string and character literals replaced by spaces. */
  private static String blankCommentsAndLiterals(String text) {
    char[] chars = text.toCharArray();
    int i = 0;
    while (i < chars.length) {
      char c = chars[i];
      char next = i + 1 < chars.length ? chars[i + 1] : 0;
      int end;
      if (c == '/' && next == '*') {
        int close = text.indexOf("*/", i + 2);
        end = close < 0 ? chars.length : close + 2;
      } else if (c == '/' && next == '/') {
        int newline = text.indexOf('\n', i);
        end = newline < 0 ? chars.length : newline;
      } else if (c == '"' || c == '\'') {
        end = i + 1;
        while (end < chars.length && chars[end] != c && chars[end] != '\n') {
          end += chars[end] == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, chars.length);
      } else {
        i++;
        continue;
      }
      for (int j = i; j < end; j++) {
        if (chars[j] != '\n') {
          chars[j] = ' ';
        }
      }
      i = end;
    }
    return new String(chars);
  }
}
