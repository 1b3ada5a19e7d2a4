package io.stencil4j.processor.spec;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * An abstract method of a {@code @Stencil} interface: it appends the stencil {@code caseName}
 * and fills its holes from the parameters.
 *
 * @param method the method
 * @param caseName the stencil it appends, from {@code @Case} or the method's name
 * @param parameters its parameters that fill holes, in declaration order
 * @param variant its {@code @Variant} parameter, which selects a variant of its case, if any
 * @param returnsSelf whether it returns the interface (for chaining) rather than {@code void}
 */
public record EmitterMethod(ExecutableElement method, String caseName,
    List<EmitterParameter> parameters, Optional<VariableElement> variant, boolean returnsSelf) {

  /**
   * Copies the parameters, so that a method cannot change once read.
   *
   * @param method the method
   * @param caseName the stencil it appends, from {@code @Case} or the method's name
   * @param parameters its parameters that fill holes, in declaration order
   * @param variant its {@code @Variant} parameter, if any
   * @param returnsSelf whether it returns the interface (for chaining) rather than {@code void}
   */
  public EmitterMethod {
    parameters = List.copyOf(parameters);
  }

  /** {@return the method's name} */
  public String name() {
    return method.getSimpleName().toString();
  }
}
