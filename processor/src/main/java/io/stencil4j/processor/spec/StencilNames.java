package io.stencil4j.processor.spec;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The names a user chooses that end up in generated code: a stencil's name is a C enumerator
 * beside the header's own and a constant of the generated Java enum, and the header's name is
 * a file name that C programs include. Each check says why a name cannot be used, so the
 * message can say what to rename, instead of the generated code failing to compile.
 */
public final class StencilNames {
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern HEADER = Pattern.compile("[a-z][a-z0-9_]*");
  /** The C11 library's headers: a generated one of the same name would hide it. */
  private static final Set<String> C_LIBRARY_HEADERS = Set.of("assert", "complex", "ctype",
      "errno", "fenv", "float", "inttypes", "iso646", "limits", "locale", "math", "setjmp",
      "signal", "stdalign", "stdarg", "stdatomic", "stdbool", "stddef", "stdint", "stdio",
      "stdlib", "stdnoreturn", "string", "tgmath", "threads", "time", "uchar", "wchar", "wctype");

  /**
   * The longest header name: with {@code -aarch64-unknown-linux-gnu.h} it stays within the 255
   * bytes a file name may have.
   */
  private static final int MAX_HEADER = 200;

  private StencilNames() {}

  /**
   * {@return why {@code name} cannot name a stencil, if it cannot}
   *
   * @param name a case's name
   */
  public static Optional<String> stencilProblem(String name) {
    if (!C_IDENTIFIER.matcher(name).matches()) {
      return Optional.of("\"" + name + "\" is not a C identifier");
    }
    if (name.equals("COUNT")) {
      return Optional.of("COUNT would clash with the C header's enumerator HEADER_STENCIL_COUNT");
    }
    if (SourceVersion.isKeyword(name)) {
      return Optional.of("\"" + name + "\" is a Java keyword, which cannot name a constant of "
          + "the generated enum Name");
    }
    return Optional.empty();
  }

  /**
   * {@return why {@code header} cannot name the C headers, if it cannot}
   *
   * @param header the {@code header} value
   */
  public static Optional<String> headerProblem(String header) {
    if (!HEADER.matcher(header).matches()) {
      return Optional.of("header \"" + header + "\" must be a lower-case C identifier that "
          + "starts with a letter (it names the files and prefixes the C names)");
    }
    if (header.length() > MAX_HEADER) {
      return Optional.of("header \"" + header + "\" is longer than " + MAX_HEADER
          + " characters, too long for the headers' file names");
    }
    if (C_LIBRARY_HEADERS.contains(header)) {
      return Optional.of("header \"" + header + "\" would write " + header + ".h, which hides "
          + "the C library's <" + header + ".h> wherever the generated headers are included "
          + "from: choose another header name");
    }
    return Optional.empty();
  }
}
