package io.stencil4j.processor.spec;

import io.stencil4j.processor.diagnostic.StencilException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Splits a cases file into its cases: by default line by line in CPython's shape, else with the
 * {@code @Stencil(casePattern)} regular expression.
 */
public final class CaseSplitter {
  /**
   * CPython's shape: a line <code>case NAME: {</code>, or <code>case NAME(PARAMETER =
   * FIRST..LAST): {</code> for a variant case, opens a case, which ends at the first line that
   * holds only <code>}</code> at the same indentation.
   */
  private static final Pattern OPENING = Pattern.compile("(?<indent>[ \\t]*)(?<case>case[ \\t]+"
      + "(?<name>\\w+)(?:[ \\t]*\\((?<variant>[^)\\n]*)\\))?[ \\t]*:[ \\t]*\\{)[ \\t\\r]*");

  /** The user's pattern; null for the default shape, which is scanned without one. */
  private final Pattern pattern;
  /** Whether the user's pattern has the group {@code variant}. */
  private final boolean variants;

  private CaseSplitter(Pattern pattern, boolean variants) {
    this.pattern = pattern;
    this.variants = variants;
  }

  /**
   * {@return a splitter for {@code regex}; empty means CPython's shape}
   *
   * @param regex the {@code casePattern} value
   * @throws StencilException if it is not a regular expression or lacks the groups
   */
  public static CaseSplitter of(String regex) throws StencilException {
    if (regex.isEmpty()) {
      return new CaseSplitter(null, true);
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
    return new CaseSplitter(pattern, regex.contains("(?<variant>"));
  }

  /**
   * {@return the cases of {@code content}, read from {@code file}, in file order}
   *
   * @param file the cases file, for messages
   * @param content its text
   * @throws StencilException if two cases share a name or a match lacks a group, with the line
   */
  public List<StencilCase> split(Path file, String content) throws StencilException {
    Found found = new Found(file);
    if (pattern == null) {
      scan(file, content, found);
    } else {
      match(file, content, found);
    }
    return found.cases();
  }

  /**
   * Finds the cases of CPython's shape in one pass over the lines: a regular expression that
   * looks ahead for each case's end takes quadratic time on cases that are never closed.
   */
  private static void scan(Path file, String content, Found found) throws StencilException {
    int position = 0;
    int line = 1;
    while (position <= content.length()) {
      int end = lineEnd(content, position);
      Matcher opening = OPENING.matcher(content).region(position, end);
      if (!opening.matches()) {
        position = end + 1;
        line++;
        continue;
      }
      String indent = opening.group("indent");
      int closing = end + 1;
      int closingLine = line + 1;
      while (closing <= content.length() && !closes(content, closing, indent)) {
        closing = lineEnd(content, closing) + 1;
        closingLine++;
      }
      if (closing > content.length()) {
        throw StencilException.at("cases", file + ":" + line + ": case " + opening.group("name")
            + " is not closed: no line after it holds only a } indented like its case");
      }
      found.add(opening.group("name"), opening.group("variant"),
          content.substring(opening.start("case"), closing + indent.length() + 1), line);
      position = lineEnd(content, closing) + 1;
      line = closingLine + 1;
    }
  }

  /** Whether the line at {@code start} holds only {@code indent}, a }, and blanks. */
  private static boolean closes(String content, int start, String indent) {
    if (!content.startsWith(indent + "}", start)) {
      return false;
    }
    int end = lineEnd(content, start);
    for (int i = start + indent.length() + 1; i < end; i++) {
      if (" \t\r".indexOf(content.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int lineEnd(String content, int start) {
    int newline = content.indexOf('\n', start);
    return newline < 0 ? content.length() : newline;
  }

  /** Finds the cases with the user's pattern. */
  private void match(Path file, String content, Found found) throws StencilException {
    Matcher matcher = pattern.matcher(content);
    // matches come in file order, so lines are counted on from the last match
    int counted = 0;
    int line = 1;
    while (matcher.find()) {
      String name = matcher.group("name");
      String text = matcher.group("case");
      int start = text == null ? matcher.start() : matcher.start("case");
      line += lines(content, counted, start);
      counted = start;
      if (name == null || text == null) {
        throw StencilException.at("cases",
            file + ":" + line + ": casePattern matched without the groups case and name");
      }
      found.add(name, variants ? matcher.group("variant") : null, text, line);
    }
  }
  /**
   * {@return the 1-based line of {@code content} that holds the character at {@code index}}
   *
   * @param content the text
   * @param index the character's index
   */
  public static int lineAt(String content, int index) {
    return 1 + lines(content, 0, index);
  }

  private static int lines(String content, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (content.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  /** The cases found so far, each name checked and once. */
  private static final class Found {
    private final Path file;
    private final List<StencilCase> cases = new ArrayList<>();
    /** The line of every name taken: each stencil's, and each variant case's own. */
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();

    Found(Path file) {
      this.file = file;
    }

    /** Adds the case {@code name}, whose {@code range} is null unless it is a variant case. */
    void add(String name, String range, String text, int line) throws StencilException {
      checkName(name, line);
      if (range == null) {
        cases.add(new StencilCase(name, text, file, line, Optional.empty(), 0));
        return;
      }
      VariantCase variant = VariantCase.parse(name, range, file, line);
      for (int value = variant.first(); value <= variant.last(); value++) {
        String stencil = variant.stencilName(value);
        checkName(stencil, line);
        cases.add(new StencilCase(stencil, text, file, line, Optional.of(variant), value));
      }
    }

    private void checkName(String name, int line) throws StencilException {
      Optional<String> problem = StencilNames.stencilProblem(name);
      if (problem.isPresent()) {
        throw StencilException.at("cases",
            file + ":" + line + ": case name " + problem.get() + ": rename the case");
      }
      Integer earlier = lines.putIfAbsent(name, line);
      if (earlier != null) {
        duplicates.add(name + " at lines " + earlier + " and " + line);
      }
    }

    List<StencilCase> cases() throws StencilException {
      if (!duplicates.isEmpty()) {
        throw StencilException.at("cases",
            file + ": duplicate case names: " + String.join(", ", duplicates));
      }
      if (cases.isEmpty()) {
        throw StencilException.at("cases", file + ": no case found (expected blocks "
            + "\"case NAME: {\" ... \"}\", or set casePattern)");
      }
      for (StencilCase stencilCase : cases) {
        Optional<VariantCase> variant = stencilCase.variant();
        if (variant.isPresent() && lines.containsKey(variant.get().parameter())) {
          throw StencilException.at("cases", file + ":" + stencilCase.line() + ": case "
              + variant.get().name() + ": the variant parameter " + variant.get().parameter()
              + " is also the name of the case at line " + lines.get(variant.get().parameter())
              + ", which it would replace: rename one");
        }
      }
      return List.copyOf(cases);
    }
  }
}
