package io.stencil4j.processor.compile;

import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.LibrarySpec;
import io.stencil4j.processor.target.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flags a library's units are compiled with: the compiler's, the target's, the user's. */
public final class CompileFlags {
  /**
   * Each case's function and data in sections of their own, so a stencil is cut out whole; and,
   * for Mach-O, which keeps every function in one section, no padding between functions, so each
   * ends with its own last instruction (a stencil's trailing jump is found there).
   */
  private static final List<String> BATCH_FLAGS = List.of("-ffunction-sections",
      "-fdata-sections", "-falign-functions=1");

  private CompileFlags() {}

  /**
   * Rejects flags that make code a stencil cannot be: a sanitizer's instrumentation calls its
   * run-time library and adds functions before {@code _JIT_ENTRY}, which would otherwise be
   * reported as if the template were wrong.
   *
   * @param spec the library, whose {@code flags} are checked
   * @throws StencilException on the first such flag, naming it
   */
  public static void check(LibrarySpec spec) throws StencilException {
    for (int i = 0; i < spec.flags().size(); i++) {
      String flag = spec.flags().get(i);
      if (flag.startsWith("-fsanitize=") || flag.startsWith("-fsanitize-coverage=")) {
        throw StencilException.at("flags", i, "flag " + flag + " instruments the code with "
            + "calls into a sanitizer's run-time library, which a stencil cannot have: remove it");
      }
    }
  }

  /**
   * {@return the flags of {@code spec}'s units for {@code target}, compiled by {@code compiler}}
   *
   * @param spec the library
   * @param target the triple's rules
   * @param compiler the kind of compiler, whose flags differ
   */
  public static List<String> of(LibrarySpec spec, Target target, Toolchain.Kind compiler) {
    List<String> flags = new ArrayList<>(Toolchain.commonFlags(compiler));
    flags.addAll(target.flags());
    for (String define : spec.defines()) {
      flags.add("-D" + define);
    }
    flags.add("-iquote");
    flags.add(spec.template().getParent().toString());
    for (Path include : spec.includes()) {
      flags.add("-I" + include);
    }
    flags.addAll(prefixMaps(spec));
    flags.addAll(spec.flags());
    return flags;
  }

  /**
   * The project's directories renamed in what the compiler writes ({@code __FILE__}, debug
   * information), so that a stencil's bytes do not depend on where the project lives and a
   * checkout elsewhere may take it from the cache. A directory inside another comes after it
   * (gcc applies the last matching map, clang the longest); otherwise they keep their order,
   * which is the same wherever the project lives.
   */
  private static List<String> prefixMaps(LibrarySpec spec) {
    Map<Path, String> names = new LinkedHashMap<>();
    names.put(spec.template().getParent(), "template");
    for (int i = 0; i < spec.includes().size(); i++) {
      names.putIfAbsent(spec.includes().get(i), "include" + i);
    }
    return names.entrySet().stream()
        .sorted(Comparator.comparingLong(e -> names.keySet().stream()
            .filter(other -> !other.equals(e.getKey()) && e.getKey().startsWith(other)).count()))
        .map(e -> "-ffile-prefix-map=" + e.getKey() + "=" + e.getValue()).toList();
  }

  /**
   * {@return {@code flags} for {@code unit}: a batch's cases each in sections of their own}
   *
   * @param flags the library's flags for a triple
   * @param unit the unit
   */
  public static List<String> forUnit(List<String> flags, TranslationUnit unit) {
    if (!unit.batch()) {
      return flags;
    }
    List<String> batch = new ArrayList<>(flags);
    batch.addAll(BATCH_FLAGS);
    return batch;
  }

  /**
   * {@return a batch's {@code flags} for one of its cases compiled alone}
   *
   * @param flags a batch's flags
   */
  public static List<String> alone(List<String> flags) {
    List<String> alone = new ArrayList<>(flags);
    alone.removeAll(BATCH_FLAGS);
    return alone;
  }
}
