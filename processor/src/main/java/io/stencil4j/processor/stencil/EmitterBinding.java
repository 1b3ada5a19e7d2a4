package io.stencil4j.processor.stencil;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.EmitterMethod;
import io.stencil4j.processor.spec.EmitterParameter;
import io.stencil4j.processor.spec.TemplateNames;
import io.stencil4j.processor.spec.VariantCase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An emitter method bound to its stencil, or to each stencil of its variant case: each
 * parameter's index among the stencil's parameters. Binding checks the C side against the Java
 * side on every triple, so they cannot drift apart.
 *
 * @param method the emitter method
 * @param variant the variant case the method selects from, if any
 * @param targets the stencil it appends, or one per variant in order of value
 */
public record EmitterBinding(EmitterMethod method, Optional<VariantCase> variant,
    List<Target> targets) {

  /**
   * Copies the targets, so that a binding cannot change once made.
   *
   * @param method the emitter method
   * @param variant the variant case the method selects from, if any
   * @param targets the stencil it appends, or one per variant in order of value
   */
  public EmitterBinding {
    targets = List.copyOf(targets);
  }

  /**
   * A stencil the method may append.
   *
   * @param stencil the stencil's name
   * @param value the variant parameter's value that selects it (0 without variants)
   * @param parameterIndexes for each method parameter that fills holes, its index in the
   *     stencil's parameters, or -1 where this variant does not use its hole
   */
  public record Target(String stencil, int value, List<Integer> parameterIndexes) {
    /**
     * Copies the indexes, so that a target cannot change once made.
     *
     * @param stencil the stencil's name
     * @param value the variant parameter's value that selects it
     * @param parameterIndexes each parameter's index in the stencil's parameters, or -1
     */
    public Target {
      parameterIndexes = List.copyOf(parameterIndexes);
    }
  }

  /**
   * Checks that every emitter names a case, and selects a variant exactly when its case has
   * variants; runs before anything is compiled.
   *
   * @param methods the interface's emitter methods
   * @param caseNames the stencils of the library
   * @param variants the variant cases of the library
   * @throws StencilException on a method that names no case, listing the cases, or that lacks
   *     or has a {@code @Variant} parameter where it should not
   */
  public static void checkCases(List<EmitterMethod> methods, Collection<String> caseNames,
      List<VariantCase> variants) throws StencilException {
    TreeSet<String> names = new TreeSet<>(caseNames);
    variants.forEach(variant -> names.add(variant.name()));
    for (EmitterMethod method : methods) {
      if (!names.contains(method.caseName())) {
        throw StencilException.on(method.method(), "method " + method.name() + " appends stencil "
            + method.caseName() + ", which is not a case of this interface; the cases are "
            + names);
      }
      Optional<VariantCase> variant = variantOf(method, variants);
      if (variant.isPresent() && method.variant().isEmpty()) {
        throw StencilException.on(method.method(), "method " + method.name() + " appends case "
            + variant.get().describe() + ", which has variants: give it an int parameter "
            + "annotated @Variant, whose value selects " + variant.get().parameter());
      }
      if (variant.isEmpty() && method.variant().isPresent()) {
        throw StencilException.on(method.variant().get(), "parameter "
            + method.variant().get().getSimpleName() + " of " + method.name() + " is @Variant, "
            + "but case " + method.caseName() + " has no variants (a variant case is written "
            + "case " + method.caseName() + "(PARAMETER = FIRST..LAST): {)");
      }
    }
  }

  private static Optional<VariantCase> variantOf(EmitterMethod method,
      List<VariantCase> variants) {
    return variants.stream().filter(v -> v.name().equals(method.caseName())).findFirst();
  }

  /**
   * Binds {@code method} to its stencil, or to every stencil of its variant case, in every
   * library.
   *
   * @param method the emitter method, checked by {@link #checkCases}
   * @param libraries the library of every triple
   * @param variants the variant cases of the library
   * @return the binding
   * @throws StencilException if a parameter fills no hole of the stencil (of any variant) or a
   *     hole is left unfilled on some triple, on that method
   */
  public static EmitterBinding bind(EmitterMethod method, Collection<StencilLibrary> libraries,
      List<VariantCase> variants) throws StencilException {
    Optional<VariantCase> variant = variantOf(method, variants);
    Map<String, Integer> stencils = new LinkedHashMap<>();
    if (variant.isPresent()) {
      for (int value = variant.get().first(); value <= variant.get().last(); value++) {
        stencils.put(variant.get().stencilName(value), value);
      }
    } else {
      stencils.put(method.caseName(), 0);
    }
    Map<String, List<String>> expected = new HashMap<>();
    for (StencilLibrary library : libraries) {
      TreeSet<String> used = new TreeSet<>();
      for (String stencil : stencils.keySet()) {
        List<String> holes = library.stencil(stencil).parameters();
        List<String> earlier = expected.putIfAbsent(stencil, holes);
        if (earlier != null && !earlier.equals(holes)) {
          throw StencilException.on(method.method(), "stencil " + stencil + " of method "
              + method.name() + " uses the holes " + holes + " on " + library.triple()
              + " but " + earlier + " on another triple; give every triple the same holes");
        }
        used.addAll(holes);
      }
      checkParameters(method, variant, library, used);
      for (String stencil : stencils.keySet()) {
        List<String> missing = new ArrayList<>(library.stencil(stencil).parameters());
        method.parameters().forEach(parameter -> missing.remove(parameter.holeName()));
        if (!missing.isEmpty()) {
          throw StencilException.on(method.method(), "method " + method.name() + " has no "
              + "parameter for hole(s) " + missing + " of stencil " + stencil + " on "
              + library.triple() + "; add parameters named " + camelNames(missing));
        }
      }
    }
    List<Target> targets = new ArrayList<>();
    stencils.forEach((stencil, value) -> {
      List<Integer> indexes = new ArrayList<>();
      for (EmitterParameter parameter : method.parameters()) {
        indexes.add(expected.get(stencil).indexOf(parameter.holeName()));
      }
      targets.add(new Target(stencil, value, indexes));
    });
    return new EmitterBinding(method, variant, targets);
  }

  /** Checks that each parameter fills a hole that one of the stencils {@code used}, once. */
  private static void checkParameters(EmitterMethod method, Optional<VariantCase> variant,
      StencilLibrary library, TreeSet<String> used) throws StencilException {
    TreeSet<String> given = new TreeSet<>();
    for (EmitterParameter parameter : method.parameters()) {
      if (!used.contains(parameter.holeName())) {
        String user = variant.isEmpty() ? "stencil " + method.caseName() + " does not use"
            : "no variant of case " + variant.get().describe() + " uses";
        throw StencilException.on(parameter.element(), "parameter " + parameter.name()
            + " of " + method.name() + " fills " + TemplateNames.PREFIX + parameter.holeName()
            + ", which " + user + " on " + library.triple() + "; its holes are "
            + new ArrayList<>(used));
      }
      if (!given.add(parameter.holeName())) {
        throw StencilException.on(parameter.element(), "parameter " + parameter.name()
            + " of " + method.name() + " fills " + TemplateNames.PREFIX + parameter.holeName()
            + ", which another parameter fills already");
      }
    }
  }

  private static List<String> camelNames(List<String> holes) {
    List<String> names = new ArrayList<>();
    for (String hole : holes) {
      StringBuilder name = new StringBuilder();
      for (String word : hole.toLowerCase(Locale.ROOT).split("_")) {
        if (word.isEmpty()) {
          continue;
        }
        name.append(name.length() == 0 ? word
            : Character.toUpperCase(word.charAt(0)) + word.substring(1));
      }
      names.add(name.toString());
    }
    return names;
  }
}
