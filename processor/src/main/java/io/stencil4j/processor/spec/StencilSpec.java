package io.stencil4j.processor.spec;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The validated values of one {@code @Stencil} annotation, with its C files found.
 *
 * @param type the annotated interface
 * @param library what the stencils are built from
 * @param emitters the interface's emitter methods
 */
public record StencilSpec(TypeElement type, LibrarySpec library, List<EmitterMethod> emitters) {

  /**
   * Copies the emitters, so that a spec cannot change once read.
   *
   * @param type the annotated interface
   * @param library what the stencils are built from
   * @param emitters the interface's emitter methods
   */
  public StencilSpec {
    emitters = List.copyOf(emitters);
  }
}
