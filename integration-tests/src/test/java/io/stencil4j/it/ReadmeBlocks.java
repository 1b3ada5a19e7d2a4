package io.stencil4j.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown page, each with the marker that says how a test checks
 * it: an HTML comment on the line before the fence, such as {@code <!-- file: pom.xml -->}.
 */
final class ReadmeBlocks {
  /** How a block is checked, from its marker. */
  enum Kind {
    /** A file of the quick start's project, at the marker's path: it is written and built. */
    FILE,
    /** What a command prints, named by the marker: compared with what it prints. */
    OUTPUT,
    /** Lines of a file of this repository, at the marker's path, whose tests run them. */
    EXCERPT,
    /** One of the two commands a reader runs in a clone of this repository. */
    COMMAND
  }

  /** A code block: how it is checked, the marker's argument, its lines, where it starts. */
  record Block(Kind kind, String argument, List<String> lines, int line) {
    String text() {
      return String.join("\n", lines) + "\n";
    }
  }

  private static final Pattern MARKER =
      Pattern.compile("<!-- (file|output|excerpt|command)(?:: (.+?))? -->");

  private ReadmeBlocks() {}

  /**
   * The blocks of {@code page}, in order.
   *
   * @throws IllegalArgumentException naming the line of a block that has no marker, or of a
   *     fence that is never closed
   */
  static List<Block> of(List<String> page) {
    List<Block> blocks = new ArrayList<>();
    List<String> unmarked = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      if (!page.get(i).startsWith("```")) {
        continue;
      }
      int close = i + 1;
      while (close < page.size() && !page.get(close).equals("```")) {
        close++;
      }
      if (close == page.size()) {
        throw new IllegalArgumentException("line " + (i + 1) + ": the code block is not closed");
      }
      Matcher marker = i > 0 ? MARKER.matcher(page.get(i - 1).strip()) : null;
      if (marker == null || !marker.matches()) {
        unmarked.add("line " + (i + 1));
      } else {
        blocks.add(new Block(Kind.valueOf(marker.group(1).toUpperCase(Locale.ROOT)),
            marker.group(2), List.copyOf(page.subList(i + 1, close)), i + 1));
      }
      i = close;
    }
    if (!unmarked.isEmpty()) {
      throw new IllegalArgumentException("code blocks with no <!-- file|output|excerpt|command"
          + " --> marker on the line before, so no test checks them: " + unmarked);
    }
    return blocks;
  }

  /** The blocks of {@code kind}. */
  static List<Block> ofKind(List<Block> blocks, Kind kind) {
    return blocks.stream().filter(block -> block.kind() == kind).toList();
  }

  /** {@code lines} without the indentation they all share (blank lines aside). */
  static List<String> dedented(List<String> lines) {
    int indent = lines.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
  }

  /**
   * Whether {@code excerpt} is a run of consecutive lines of {@code file}, indentation shifted
   * as a whole.
   */
  static boolean isExcerptOf(List<String> excerpt, List<String> file) {
    List<String> wanted = dedented(excerpt);
    for (int start = 0; start + wanted.size() <= file.size(); start++) {
      if (dedented(file.subList(start, start + wanted.size())).equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
