package io.stencil4j.processor.output;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import java.util.Map;

/**
 * Renders the C header's {@code PREFIX_link_helpers}: after {@code PREFIX_emit_HELPERS} placed
 * the native helpers, it points the symbols that name their functions at them, so that the
 * stencils emitted next call the helpers directly.
 */
final class HelperLinks {
  private HelperLinks() {}

  /**
   * Appends the link function when {@code library} has helpers.
   *
   * @param members the symbols struct's member of each external symbol
   */
  static void append(StringBuilder out, String prefix, StencilLibrary library,
      Map<String, String> members) {
    // the helpers are the one stencil that defines functions
    StencilGroup helpers = library.stencils().stream()
        .filter(stencil -> !stencil.functions().isEmpty()).findFirst().orElse(null);
    if (helpers == null) {
      return;
    }
    out.append("// Points the symbols that name a native helper at the helpers that ")
        .append(prefix).append("_emit_HELPERS\n// placed at helpers_code; call it before ")
        .append("emitting the stencils that call them.\n");
    out.append("static inline void ").append(prefix).append("_link_helpers(").append(prefix)
        .append("_symbols *symbols,\n    const unsigned char *helpers_code) {\n");
    boolean linked = false;
    for (Map.Entry<String, Integer> function : helpers.functions().entrySet()) {
      String member = members.get(function.getKey());
      if (member == null) {
        out.append("  // ").append(function.getKey()).append(": no stencil calls it\n");
      } else {
        out.append("  symbols->").append(member).append(" = helpers_code + ")
            .append(function.getValue()).append(";\n");
        linked = true;
      }
    }
    if (!linked) {
      out.append("  (void)symbols;\n  (void)helpers_code;\n");
    }
    out.append("}\n\n");
  }
}
