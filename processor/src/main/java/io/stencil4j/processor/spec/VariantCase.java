package io.stencil4j.processor.spec;

import io.stencil4j.processor.diagnostic.StencilException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case written once for a range of a compile-time parameter, <code>case LOAD(SLOT = 0..3):
 * {</code>: it is compiled once per value, with {@code PARAMETER} defined as that value, into the
 * stencils {@code NAME_FIRST} to {@code NAME_LAST}.
 *
 * @param name the case's name as written, e.g. {@code LOAD}
 * @param parameter the macro each compile defines, e.g. {@code SLOT}
 * @param first the parameter's first value
 * @param last its last value, not less than {@code first}
 * @param file the cases file, for messages
 * @param line the 1-based line of the case, for messages
 */
public record VariantCase(String name, String parameter, int first, int last, Path file,
    int line) {
  /** The most values a range may have: each is one more stencil, compiled for every triple. */
  public static final int MAX_VALUES = 64;

  private static final Pattern RANGE = Pattern.compile(
      "[ \\t]*(?<parameter>[A-Z][A-Z0-9_]*)[ \\t]*=[ \\t]*(?<first>\\d{1,18})[ \\t]*\\.\\.[ \\t]*"
          + "(?<last>\\d{1,18})[ \\t]*");

  /**
   * {@return the variant case that {@code range} ({@code PARAMETER = FIRST..LAST}) describes}
   *
   * @param name the case's name
   * @param range the text between the parentheses after the name
   * @param file the cases file
   * @param line the case's line
   * @throws StencilException if the range is malformed, empty or larger than {@link #MAX_VALUES}
   */
  public static VariantCase parse(String name, String range, Path file, int line)
      throws StencilException {
    Matcher matcher = RANGE.matcher(range);
    String where = file + ":" + line + ": case " + name + ": ";
    if (!matcher.matches()) {
      throw StencilException.at("cases", where + "the variant range \"" + range + "\" is not "
          + "PARAMETER = FIRST..LAST (an upper-case macro name and two whole numbers, e.g. "
          + "SLOT = 0..3)");
    }
    String parameter = matcher.group("parameter");
    long first = Long.parseLong(matcher.group("first"));
    long last = Long.parseLong(matcher.group("last"));
    String written = parameter + " = " + first + ".." + last;
    if (last < first) {
      throw StencilException.at("cases", where + "the variant range " + written + " is empty: "
          + "its first value must not exceed its last");
    }
    if (last - first + 1 > MAX_VALUES) {
      throw StencilException.at("cases", where + "the variant range " + written + " has "
          + (last - first + 1) + " values; at most " + MAX_VALUES + " are allowed, as each is "
          + "one more stencil compiled for every triple");
    }
    return new VariantCase(name, parameter, (int) first, (int) last, file, line);
  }

  /** {@return how the case is written: {@code LOAD(SLOT = 0..3)}} */
  public String describe() {
    return name + "(" + parameter + " = " + first + ".." + last + ")";
  }

  /**
   * {@return the stencil of {@code value}: {@code LOAD_2}}
   *
   * @param value a value of the range
   */
  public String stencilName(int value) {
    return name + "_" + value;
  }

  /** {@return the stencils of every value, in order} */
  public List<String> stencilNames() {
    List<String> names = new ArrayList<>();
    for (int value = first; value <= last; value++) {
      names.add(stencilName(value));
    }
    return names;
  }
}
