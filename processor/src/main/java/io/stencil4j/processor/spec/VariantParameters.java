package io.stencil4j.processor.spec;

import io.stencil4j.processor.diagnostic.StencilException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that each variant parameter is a macro of its own: each compile of a variant case
 * defines it, so a definition of the same name elsewhere would silently take its place or clash.
 */
final class VariantParameters {
  private VariantParameters() {}

  /**
   * Checks the variant cases among {@code cases} against the library's definitions and the
   * {@code #define}s of its template and cases file.
   *
   * @throws StencilException on the first clash, naming both places
   */
  static void check(LibrarySpec spec, String template, String casesText, List<StencilCase> cases)
      throws StencilException {
    Set<VariantCase> variants = new LinkedHashSet<>();
    cases.forEach(c -> c.variant().ifPresent(variants::add));
    for (VariantCase variant : variants) {
      String where = variant.file() + ":" + variant.line() + ": case " + variant.name()
          + ": the variant parameter " + variant.parameter();
      for (String define : spec.defines()) {
        if (define.split("=", 2)[0].equals(variant.parameter())) {
          throw StencilException.at("cases", where + " is also defined by the definition \""
              + define + "\": rename one");
        }
      }
      checkNotDefined(where, spec.template(), template, variant.parameter());
      checkNotDefined(where, variant.file(), casesText, variant.parameter());
    }
  }

  /** Throws if a line of {@code text}, from {@code file}, {@code #define}s {@code macro}. */
  private static void checkNotDefined(String where, Path file, String text, String macro)
      throws StencilException {
    Matcher matcher = Pattern.compile("(?m)^[ \\t]*#[ \\t]*define[ \\t]+" + macro + "\\b")
        .matcher(text);
    if (matcher.find()) {
      throw StencilException.at("cases", where + " is also defined at " + file + ":"
          + CaseSplitter.lineAt(text, matcher.start()) + ": rename one");
    }
  }
}
