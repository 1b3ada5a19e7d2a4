package io.stencil4j.processor.stencil;

import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.Section;
import io.stencil4j.processor.object.Symbol;
import io.stencil4j.processor.spec.TemplateNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The functions the native helpers' object offers to stencils: every global (or weak) symbol
 * defined in a code section, in the object's layout order, named as C names it.
 */
final class HelperFunctions {
  /** One function: its C name (without the format's symbol prefix), symbol and atom. */
  private record Function(String name, Symbol symbol, Atoms.Atom atom) {}

  private final List<Function> functions;

  private HelperFunctions(List<Function> functions) {
    this.functions = functions;
  }

  /**
   * {@return the functions {@code object} defines, by section and offset}
   *
   * @throws BadStencilException if it defines none, or one whose name the template contract
   *     reserves
   */
  static HelperFunctions of(ObjectFile object, String symbolPrefix, Atoms atoms)
      throws BadStencilException {
    List<Function> functions = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Symbol symbol : object.symbols()) {
      if (!symbol.isDefined() || symbol.section() < 0
          || symbol.binding() == Symbol.Binding.LOCAL || symbol.type() == Symbol.Type.SECTION) {
        continue;
      }
      Section section = object.section(symbol.section());
      if (section.kind() != Section.Kind.CODE || symbol.value() >= section.size()) {
        continue;
      }
      String name = symbol.name().startsWith(symbolPrefix)
          ? symbol.name().substring(symbolPrefix.length()) : symbol.name();
      if (name.startsWith(TemplateNames.PREFIX)) {
        throw new BadStencilException("the function " + name + " has a name the template "
            + "contract reserves (" + TemplateNames.PREFIX + "...): rename it");
      }
      if (names.add(name)) {
        functions.add(new Function(name, symbol, atoms.at(section, symbol.value())));
      }
    }
    if (functions.isEmpty()) {
      throw new BadStencilException("no function is defined that stencils can call (one that "
          + "is not static)");
    }
    functions.sort(Comparator.comparingInt((Function f) -> f.symbol().section())
        .thenComparingLong(f -> f.symbol().value()));
    return new HelperFunctions(functions);
  }

  /** {@return the atoms the functions start in, in layout order} */
  List<Atoms.Atom> atoms() {
    return functions.stream().map(Function::atom).toList();
  }

  /** {@return each function's code offset, by name, its atom placed at {@code placedAt}} */
  Map<String, Integer> offsets(ToIntFunction<Atoms.Atom> placedAt) {
    Map<String, Integer> offsets = new LinkedHashMap<>();
    for (Function function : functions) {
      offsets.put(function.name(), placedAt.applyAsInt(function.atom())
          + (int) (function.symbol().value() - function.atom().start()));
    }
    return offsets;
  }
}
