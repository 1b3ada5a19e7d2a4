package io.stencil4j.processor.output;

import io.stencil4j.model.StencilLibrary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The C names of a header: checked identifiers, and names that cannot clash with C or C++. */
final class CNames {
  private static final Pattern BASE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Lower-case words a parameter or struct member cannot be called in C11, C23 or C++17, including
   * the macros of standard headers a user may include first and GNU C's predefined macros.
   */
  private static final Set<String> KEYWORDS = Set.of(
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
      "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "co_await",
      "co_return", "co_yield", "compl", "complex", "concept", "const", "const_cast", "consteval",
      "constexpr", "constinit", "continue", "decltype", "default", "delete", "do", "double",
      "dynamic_cast", "else", "enum", "errno", "explicit", "export", "extern", "false", "float",
      "for", "friend", "goto", "i386", "if", "imaginary", "inline", "int", "linux", "long",
      "mutable", "namespace", "new", "noexcept", "noreturn", "not", "not_eq", "nullptr",
      "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
      "requires", "restrict", "return", "short", "signed", "sizeof", "static", "static_assert",
      "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true",
      "try", "typedef", "typeid", "typename", "typeof", "typeof_unqual", "union", "unix",
      "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq");

  /** The identifiers an emit function's body uses besides its parameters. */
  private static final Set<String> BODY_NAMES = Set.of(
      "code", "data", "symbols", "err", "memcpy", "size_t", "uint64_t", "uintptr_t");

  private CNames() {}

  /**
   * The C parameter of each stencil parameter of a header with {@code prefix}: its name in lower case, with {@code _} appended
   * while it would clash with a keyword, a name the body uses, the header's own prefix or an
   * earlier parameter.
   */
  static Map<String, String> parameters(String prefix, List<String> names) {
    Map<String, String> parameters = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>(BODY_NAMES);
    taken.addAll(KEYWORDS);
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!IDENTIFIER.matcher(lower).matches()) {
        lower = "_" + lower;
        checkIdentifier(lower, "parameter " + name);
      }
      if (lower.startsWith(prefix + "_")) {
        lower += "_";
      }
      while (!taken.add(lower)) {
        lower += "_";
      }
      parameters.put(name, lower);
    }
    return parameters;
  }

  /**
   * The struct member of each external symbol: its name as is, unless it is a keyword in C or
   * C++ (a C function may well be called {@code new}); then, like a parameter, it gets a {@code _}.
   */
  static Map<String, String> symbolMembers(StencilLibrary library) {
    TreeSet<String> symbols = new TreeSet<>();
    library.stencils().forEach(stencil -> symbols.addAll(stencil.symbols()));
    Map<String, String> members = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>(KEYWORDS);
    for (String symbol : symbols) {
      String member = checkIdentifier(symbol, "external symbol " + symbol);
      while (!taken.add(member)) {
        member += "_";
      }
      members.put(symbol, member);
    }
    return members;
  }

  static String checkBase(String base) {
    if (!BASE.matcher(base).matches()) {
      throw new IllegalArgumentException(
          "header base name must be a lower_snake C identifier, got \"" + base + "\"");
    }
    return base;
  }

  static String checkIdentifier(String name, String what) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " is not a C identifier");
    }
    return name;
  }
}
