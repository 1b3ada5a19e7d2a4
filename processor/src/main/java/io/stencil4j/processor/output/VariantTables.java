package io.stencil4j.processor.output;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.processor.spec.VariantCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The C side of a variant case in a header: a table of its stencils in order of value, and an
 * emit function that selects one by value, or returns -2 for a value outside the range.
 */
final class VariantTables {
  /** What a variant case's emit function returns for a value outside its range. */
  static final int OUT_OF_RANGE = -2;

  private final String prefix;
  private final String macro;

  /** For a header with C prefix {@code prefix} and macro prefix {@code macro}. */
  VariantTables(String prefix, String macro) {
    this.prefix = prefix;
    this.macro = macro;
  }

  /** The table and emit function of {@code variant}, whose stencils {@code library} holds. */
  void append(StringBuilder out, StencilLibrary library, VariantCase variant) {
    String base = macro + "_" + variant.name();
    TreeSet<String> holes = new TreeSet<>();
    variant.stencilNames().forEach(name -> holes.addAll(library.stencil(name).parameters()));
    List<String> names = new ArrayList<>(List.of(variant.parameter()));
    names.addAll(holes);
    Map<String, String> parameters = CNames.parameters(prefix, names);
    String selector = parameters.get(variant.parameter());

    out.append("// ").append(variant.describe()).append(": its stencils, the one for ")
        .append(variant.parameter()).append(" = k at k - ").append(base).append("_FIRST.\n");
    out.append("#define ").append(base).append("_FIRST ").append(variant.first()).append('\n');
    out.append("#define ").append(base).append("_VARIANT_COUNT ")
        .append(variant.last() - variant.first() + 1).append("\n\n");
    out.append("static const enum ").append(prefix).append("_stencil ").append(prefix)
        .append('_').append(variant.name()).append("_variants[").append(base)
        .append("_VARIANT_COUNT] = {\n");
    for (String name : variant.stencilNames()) {
      out.append("  ").append(macro).append("_STENCIL_").append(name).append(",\n");
    }
    out.append("};\n\n");

    out.append("// Emits the stencil for ").append(variant.parameter()).append(" = ")
        .append(selector).append("; returns ").append(OUT_OF_RANGE).append(" if it is not in ")
        .append(variant.first()).append("..").append(variant.last()).append(".\n");
    out.append("static inline int ").append(prefix).append("_emit_").append(variant.name())
        .append("(unsigned char *code, unsigned char *data, const ").append(prefix)
        .append("_symbols *symbols, int ").append(selector);
    holes.forEach(hole -> out.append(", uint64_t ").append(parameters.get(hole)));
    out.append(") {\n  switch (").append(selector).append(") {\n");
    for (int value = variant.first(); value <= variant.last(); value++) {
      String stencil = variant.stencilName(value);
      out.append("    case ").append(value).append(": return ").append(prefix).append("_emit_")
          .append(stencil).append("(code, data, symbols");
      library.stencil(stencil).parameters()
          .forEach(hole -> out.append(", ").append(parameters.get(hole)));
      out.append(");\n");
    }
    out.append("  }\n  return ").append(OUT_OF_RANGE).append(";\n}\n\n");
  }
}
