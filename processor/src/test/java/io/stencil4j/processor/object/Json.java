package io.stencil4j.processor.object;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for llvm-readobj's {@code --elf-output-style=JSON}: objects become maps,
 * arrays lists, integers {@link BigInteger} (readobj prints 64-bit values unsigned), strings
 * strings. Fractions and exponents never occur there and are rejected.
 */
final class Json {
  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    Json json = new Json(text);
    Object value = json.value();
    json.skipSpace();
    if (json.pos != text.length()) {
      throw json.error("trailing text");
    }
    return value;
  }

  /**
   * llvm-readobj 19's COFF "JSON": loose {@code "File":…,"Format":…} pairs precede the objects
   * of the top-level array, so they are cut off (as CPython's Tools/jit does) and the objects,
   * one per option, merged into one.
   *
   * @param text the output of {@code llvm-readobj --elf-output-style=JSON --file-headers …}
   */
  static Map<String, Object> parseCoffReadobj(String text) {
    int start = text.indexOf("{\"ImageFileHeader\"");
    if (!text.startsWith("[") || start < 0) {
      throw new IllegalArgumentException("not readobj COFF output with --file-headers");
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    for (Object part : array(parse("[" + text.substring(start)))) {
      merged.putAll(object(part));
    }
    return merged;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> array(Object value) {
    return (List<Object>) value;
  }

  /** The low 64 bits of an integer, so unsigned values above Long.MAX_VALUE wrap like C's. */
  static long number(Object value) {
    return ((BigInteger) value).longValue();
  }

  /** {@code root.get(keys[0]).get(keys[1])...}. */
  static Object at(Object root, String... keys) {
    Object value = root;
    for (String key : keys) {
      if (!object(value).containsKey(key)) {
        throw new IllegalArgumentException("no " + key + " in " + value);
      }
      value = object(value).get(key);
    }
    return value;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return switch (text.charAt(pos)) {
      case '{' -> parseObject();
      case '[' -> parseArray();
      case '"' -> parseString();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> parseNumber();
    };
  }

  private Map<String, Object> parseObject() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      String key = parseString();
      skipSpace();
      expect(':');
      map.put(key, value());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> parseArray() {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String parseString() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> sb.append(e);
      }
    }
  }

  private BigInteger parseNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == digits || (pos < text.length() && ".eE".indexOf(text.charAt(pos)) >= 0)) {
      throw error("unsupported value");
    }
    return new BigInteger(text.substring(start, pos));
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected text");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    int end = Math.min(text.length(), pos + 40);
    return new IllegalArgumentException(message + " at " + pos + ": " + text.substring(pos, end));
  }
}
