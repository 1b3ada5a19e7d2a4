package io.stencil4j.processor.build;

import io.stencil4j.model.Triple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compilers' warnings of one build, each distinct diagnostic once: a warning in the template
 * is printed for every case and triple, and is one warning naming them all.
 */
final class CompilerWarnings {
  /** More stencil names than this are counted rather than listed. */
  private static final int NAMES_LISTED = 5;

  /** Where a diagnostic is reported, by which compiler, with what it said. */
  private record Key(String member, String compiler, String diagnostic) {}

  /** The stencils and triples a diagnostic came from. */
  private record Origins(Set<String> stencils, Set<Triple> triples) {}

  private final Map<Key, Origins> warnings = new LinkedHashMap<>();

  /**
   * Adds {@code diagnostics}, what {@code compiler} said about the stencil {@code stencil} of
   * the annotation member {@code member} ("cases", "template", "shim" or "helpers") on {@code
   * triple}.
   */
  void add(String member, String stencil, String compiler, Triple triple,
      List<String> diagnostics) {
    for (String diagnostic : diagnostics) {
      Origins origins = warnings.computeIfAbsent(new Key(member, compiler, diagnostic.strip()),
          k -> new Origins(new LinkedHashSet<>(), new LinkedHashSet<>()));
      origins.stencils().add(stencil);
      origins.triples().add(triple);
    }
  }

  /** One warning per distinct diagnostic, in the order they were first added. */
  List<BuiltLibrary.Warning> warnings() {
    List<BuiltLibrary.Warning> list = new ArrayList<>();
    warnings.forEach((key, origins) -> {
      List<String> triples = origins.triples().stream().map(Triple::triple).toList();
      list.add(new BuiltLibrary.Warning(key.member(), key.compiler() + " warned on "
          + stencils(key.member(), new ArrayList<>(origins.stencils())) + " for "
          + String.join(", ", triples) + ":\n" + key.diagnostic()));
    });
    return list;
  }

  /** "case ADD", "cases ADD, SUB", "cases A, B, C, D, E and 7 more", "the shim". */
  private static String stencils(String member, List<String> names) {
    return switch (member) {
      case "shim" -> "the shim";
      case "helpers" -> "the helpers";
      case "template" -> "the template";
      default -> names.size() == 1 ? "case " + names.get(0)
          : "cases " + String.join(", ", names.subList(0, Math.min(NAMES_LISTED, names.size())))
              + (names.size() > NAMES_LISTED ? " and " + (names.size() - NAMES_LISTED) + " more"
              : "");
    };
  }
}
