package io.stencil4j.processor.output;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.StencilGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The emit function of each stencil in a header: it copies the stencil's code and data and
 * patches every hole with the patch helper of its kind.
 */
final class EmitFunctions {
  private final String prefix;
  private final String macro;

  /** For a header with C prefix {@code prefix} and macro prefix {@code macro}. */
  EmitFunctions(String prefix, String macro) {
    this.prefix = prefix;
    this.macro = macro;
  }

  /** The emit function: data first, since code may be relaxed by reading patched data. */
  void append(StringBuilder out, StencilGroup stencil, Map<String, String> members) {
    String sizes = macro + "_" + stencil.name();
    String codeArray = array(stencil, "code");
    String dataArray = array(stencil, "data");
    Map<String, String> parameters = CNames.parameters(prefix, stencil.parameters());
    Set<String> used = new HashSet<>();
    List<String> body = new ArrayList<>();
    if (stencil.dataSize() > 0) {
      body.add("memcpy(data, " + dataArray + ", sizeof " + dataArray + ");");
      used.add("data");
    }
    for (Hole hole : stencil.dataHoles()) {
      body.add(patch("data", hole, sizes, parameters, members, used));
    }
    if (stencil.codeSize() > 0) {
      body.add("memcpy(code, " + codeArray + ", sizeof " + codeArray + ");");
      used.add("code");
    }
    for (Hole hole : stencil.codeHoles()) {
      body.add(patch("code", hole, sizes, parameters, members, used));
    }

    out.append("static inline int ").append(prefix).append("_emit_").append(stencil.name())
        .append("(unsigned char *code, unsigned char *data, const ").append(prefix)
        .append("_symbols *symbols");
    parameters.values().forEach(parameter -> out.append(", uint64_t ").append(parameter));
    out.append(") {\n");
    boolean patches = !stencil.codeHoles().isEmpty() || !stencil.dataHoles().isEmpty();
    if (patches) {
      out.append("  int err = 0;\n");
    }
    List<String> arguments = new ArrayList<>(List.of("code", "data", "symbols"));
    arguments.addAll(parameters.values());
    for (String argument : arguments) {
      if (!used.contains(argument)) {
        out.append("  (void)").append(argument).append(";\n");
      }
    }
    body.forEach(line -> out.append("  ").append(line).append('\n'));
    out.append(patches ? "  return err;\n" : "  return 0;\n").append("}\n\n");
  }

  /** The name of a stencil's code or data array, which {@code part} names. */
  String array(StencilGroup stencil, String part) {
    return prefix + "_" + stencil.name() + "_" + part;
  }

  /** One line patching {@code hole} in the code or data, which {@code part} names. */
  private String patch(String part, Hole hole, String sizes, Map<String, String> parameters,
      Map<String, String> members, Set<String> used) {
    String base = switch (hole.value()) {
      case CODE -> {
        used.add("code");
        yield "(uint64_t)(uintptr_t)code";
      }
      case DATA -> {
        used.add("data");
        yield "(uint64_t)(uintptr_t)data";
      }
      case CONTINUE -> {
        used.add("code");
        yield "(uint64_t)(uintptr_t)(code + " + sizes + "_CODE_SIZE)";
      }
      case PARAMETER -> {
        String parameter = parameters.get(hole.name());
        used.add(parameter);
        yield parameter;
      }
      case SYMBOL -> {
        used.add("symbols");
        yield "(uint64_t)(uintptr_t)symbols->" + members.get(hole.name());
      }
    };
    // Unsigned arithmetic wraps modulo 2^64, so subtracting the magnitude adds the negative addend.
    long addend = hole.addend();
    String offset = addend == 0 ? ""
        : addend > 0 ? " + UINT64_C(0x" + Long.toHexString(addend) + ")"
        : " - UINT64_C(0x" + Long.toHexString(-addend) + ")";
    return "err |= " + patchName(hole.kind()) + "(" + part + " + 0x"
        + Integer.toHexString(hole.offset()) + ", " + base + offset + ");";
  }

  private String patchName(HoleKind kind) {
    return prefix + "_patch_" + kind.name().toLowerCase(Locale.ROOT);
  }
}
