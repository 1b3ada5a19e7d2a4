package io.stencil4j.processor.spec;

import io.stencil4j.processor.StencilException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Splits a cases file into its cases with the {@code @Stencil(casePattern)} regular expression. */
public final class CaseSplitter {
  /**
   * CPython's shape: a line <code>case NAME: {</code> opens a case, which ends at the first line
   * that holds only <code>}</code> at the same indentation.
   */
  public static final String DEFAULT_PATTERN =
      "(?m)^(?<indent>[ \\t]*)(?<case>case[ \\t]+(?<name>\\w+)[ \\t]*:[ \\t]*\\{[ \\t]*\\n"
          + "(?s:.*?)\\n\\k<indent>\\})[ \\t]*$";

  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Pattern pattern;

  private CaseSplitter(Pattern pattern) {
    this.pattern = pattern;
  }

  /** A splitter for {@code regex}; empty means {@link #DEFAULT_PATTERN}. */
  public static CaseSplitter of(String regex) throws StencilException {
    if (regex.isEmpty()) {
      return new CaseSplitter(Pattern.compile(DEFAULT_PATTERN));
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw StencilException.at("casePattern",
          "casePattern is not a regular expression: " + e.getDescription() + " at index "
              + e.getIndex());
    }
    if (!regex.contains("(?<case>") || !regex.contains("(?<name>")) {
      throw StencilException.at("casePattern",
          "casePattern must define the named groups (?<case>...) and (?<name>...)");
    }
    return new CaseSplitter(pattern);
  }

  /** The cases of {@code content}, read from {@code file}, in file order. */
  public List<StencilCase> split(Path file, String content) throws StencilException {
    Map<String, StencilCase> cases = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    Matcher matcher = pattern.matcher(content);
    while (matcher.find()) {
      String name = matcher.group("name");
      String text = matcher.group("case");
      int line = lineAt(content, matcher.start("case"));
      if (name == null || text == null) {
        throw StencilException.at("cases",
            file + ":" + line + ": casePattern matched without the groups case and name");
      }
      if (!C_IDENTIFIER.matcher(name).matches()) {
        throw StencilException.at("cases",
            file + ":" + line + ": case name \"" + name + "\" is not a C identifier");
      }
      StencilCase found = new StencilCase(name, text, file, line);
      StencilCase earlier = cases.putIfAbsent(name, found);
      if (earlier != null) {
        duplicates.add(name + " at lines " + earlier.line() + " and " + line);
      }
    }
    if (!duplicates.isEmpty()) {
      throw StencilException.at("cases",
          file + ": duplicate case names: " + String.join(", ", duplicates));
    }
    if (cases.isEmpty()) {
      throw StencilException.at("cases", file + ": no case found (expected blocks "
          + "\"case NAME: {\" ... \"}\", or set casePattern)");
    }
    return List.copyOf(cases.values());
  }

  /** The 1-based line of {@code content} that holds the character at {@code index}. */
  public static int lineAt(String content, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (content.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
