package io.stencil4j.processor.output;

/** Text put in C line comments of a generated header. */
final class CComments {
  private CComments() {}

  /**
   * {@code text} made safe to follow {@code //}: printable ASCII and tabs stay, everything else
   * is escaped ({@code \xNN}, {@code \}{@code uNNNN}), trailing blanks go, and a last character
   * that would splice the next line into the comment (a backslash, or the {@code ??/} trigraph
   * that C11 turns into one) is escaped too.
   */
  static String text(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
        out.appendCodePoint(c);
      } else if (c < 0x80) {
        out.append(String.format("\\x%02x", c));
      } else if (c <= 0xffff) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.append(String.format("\\U%08x", c));
      }
    });
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
      end--;
    }
    out.setLength(end);
    boolean splices = end > 0 && (out.charAt(end - 1) == '\\'
        || (end >= 3 && out.substring(end - 3).equals("??/")));
    if (splices) {
      out.replace(end - 1, end, String.format("\\x%02x", (int) out.charAt(end - 1)));
    }
    return out.toString();
  }
}
