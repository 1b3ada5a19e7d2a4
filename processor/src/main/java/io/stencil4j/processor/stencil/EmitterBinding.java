package io.stencil4j.processor.stencil;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.EmitterMethod;
import io.stencil4j.processor.spec.EmitterParameter;
import io.stencil4j.processor.spec.TemplateNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * An emitter method bound to its stencil: each parameter's index among the stencil's parameters.
 * Binding checks the C side against the Java side on every triple, so they cannot drift apart.
 *
 * @param method the emitter method
 * @param parameterIndexes for each method parameter, its index in the stencil's parameters
 */
public record EmitterBinding(EmitterMethod method, List<Integer> parameterIndexes) {

  /**
   * Copies the indexes, so that a binding cannot change once made.
   *
   * @param method the emitter method
   * @param parameterIndexes for each method parameter, its index in the stencil's parameters
   */
  public EmitterBinding {
    parameterIndexes = List.copyOf(parameterIndexes);
  }

  /**
   * Checks that every emitter names a case; runs before anything is compiled.
   *
   * @param methods the interface's emitter methods
   * @param caseNames the cases of the library
   * @throws StencilException on a method that names no case, listing the cases
   */
  public static void checkCases(List<EmitterMethod> methods, Collection<String> caseNames)
      throws StencilException {
    for (EmitterMethod method : methods) {
      if (!caseNames.contains(method.caseName())) {
        throw StencilException.on(method.method(), "method " + method.name() + " appends stencil "
            + method.caseName() + ", which is not a case of this interface; the cases are "
            + new TreeSet<>(caseNames));
      }
    }
  }

  /**
   * Binds {@code method} to its stencil in every library.
   *
   * @param method the emitter method
   * @param libraries the library of every triple
   * @return the binding
   * @throws StencilException if a parameter fills no hole of the stencil or a hole is left unfilled
   *     on some triple, on that method
   */
  public static EmitterBinding bind(EmitterMethod method, Collection<StencilLibrary> libraries)
      throws StencilException {
    List<String> expected = null;
    for (StencilLibrary library : libraries) {
      StencilGroup stencil = library.stencil(method.caseName());
      List<String> holes = stencil.parameters();
      TreeSet<String> given = new TreeSet<>();
      for (EmitterParameter parameter : method.parameters()) {
        if (!holes.contains(parameter.holeName())) {
          throw StencilException.on(parameter.element(), "parameter " + parameter.name()
              + " of " + method.name() + " fills " + TemplateNames.PREFIX + parameter.holeName()
              + ", which stencil " + method.caseName() + " does not use on " + library.triple()
              + "; its holes are " + holes);
        }
        if (!given.add(parameter.holeName())) {
          throw StencilException.on(parameter.element(), "parameter " + parameter.name()
              + " of " + method.name() + " fills " + TemplateNames.PREFIX + parameter.holeName()
              + ", which another parameter fills already");
        }
      }
      List<String> missing = new ArrayList<>(holes);
      missing.removeAll(given);
      if (!missing.isEmpty()) {
        throw StencilException.on(method.method(), "method " + method.name() + " has no parameter "
            + "for hole(s) " + missing + " of stencil " + method.caseName() + " on "
            + library.triple() + "; add parameters named " + camelNames(missing));
      }
      if (expected == null) {
        expected = holes;
      }
    }
    List<Integer> indexes = new ArrayList<>();
    for (EmitterParameter parameter : method.parameters()) {
      indexes.add(expected.indexOf(parameter.holeName()));
    }
    return new EmitterBinding(method, indexes);
  }

  private static List<String> camelNames(List<String> holes) {
    List<String> names = new ArrayList<>();
    for (String hole : holes) {
      StringBuilder name = new StringBuilder();
      for (String word : hole.toLowerCase(java.util.Locale.ROOT).split("_")) {
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
