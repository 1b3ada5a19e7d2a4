package io.stencil4j.processor.object;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * llvm-readobj's default (LLVM style) text output as a tree. Its JSON style is only real JSON for
 * ELF: for Mach-O it mixes in bare {@code Extern} lines and plain-text relocation groups.
 *
 * <p>The output is made of {@code Key: value} lines, scopes opened by {@code Key {} or
 * {@code Key [} (a flag list carries its value as {@code Key [ (0x..)}), closed by a lone
 * {@code }} or {@code ]}, hex dumps between {@code Key (} and {@code )}, and bare lines such as
 * {@code Extern}.
 */
final class ReadobjText {

  /**
   * One line, with the lines of its scope as children.
   *
   * @param key the text before {@code ": "}, the scope's name, or the bare line
   * @param value the text after {@code ": "}, a flag list's value, a hex dump's bytes as
   *     lower-case hex; null if none
   */
  record Node(String key, String value, List<Node> children) {

    Node child(String key) {
      return children.stream().filter(c -> c.key().equals(key)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no " + key + " in " + this.key));
    }

    List<Node> all(String key) {
      return children.stream().filter(c -> c.key().equals(key)).toList();
    }

    boolean has(String key) {
      return children.stream().anyMatch(c -> c.key().equals(key));
    }

    String get(String key) {
      return child(key).value();
    }

    /** A hex ({@code 0x..}) or decimal value. */
    long number(String key) {
      return ReadobjText.number(get(key));
    }
  }

  private ReadobjText() {}

  static Node parse(String text) {
    Deque<Node> open = new ArrayDeque<>();
    open.push(new Node("", null, new ArrayList<>()));
    String dumpKey = null;
    StringBuilder dump = new StringBuilder();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (dumpKey != null) {
        if (line.equals(")")) {
          open.peek().children().add(new Node(dumpKey, dump.toString(), List.of()));
          dumpKey = null;
        } else {
          // "0010: 00666666 6666662E  |.ffffff.|": the hex columns end where the text starts.
          String hex = line.substring(line.indexOf(':') + 1, line.indexOf('|'));
          dump.append(hex.replace(" ", "").toLowerCase());
        }
      } else if (line.equals("}") || line.equals("]")) {
        open.pop();
      } else if (line.endsWith(" {") || line.endsWith(" [")) {
        push(open, line.substring(0, line.length() - 2), null);
      } else if (line.matches(".* \\[ \\(.*\\)")) {
        int bracket = line.lastIndexOf(" [ (");
        push(open, line.substring(0, bracket), line.substring(bracket + 4, line.length() - 1));
      } else if (line.endsWith(" (")) {
        dumpKey = line.substring(0, line.length() - 2);
        dump.setLength(0);
      } else if (!line.isEmpty()) {
        int colon = line.indexOf(": ");
        open.peek().children().add(colon < 0 ? new Node(line, null, List.of())
            : new Node(line.substring(0, colon), line.substring(colon + 2), List.of()));
      }
    }
    return open.getLast();
  }

  private static void push(Deque<Node> open, String key, String value) {
    Node node = new Node(key, value, new ArrayList<>());
    open.peek().children().add(node);
    open.push(node);
  }

  /** The name in a {@code name (number)} value. */
  static String name(String value) {
    int paren = value.lastIndexOf(" (");
    return paren < 0 ? value : value.substring(0, paren);
  }

  /** The number in a {@code name (number)} value, or the value itself if it is a number. */
  static long number(String value) {
    int paren = value.lastIndexOf(" (");
    String number = paren < 0 ? value : value.substring(paren + 2, value.length() - 1);
    return number.startsWith("0x") ? Long.parseUnsignedLong(number.substring(2), 16)
        : Long.parseLong(number);
  }
}
