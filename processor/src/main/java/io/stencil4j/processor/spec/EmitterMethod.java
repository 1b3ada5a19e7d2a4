package io.stencil4j.processor.spec;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * An abstract method of a {@code @Stencil} interface: it appends the stencil {@code caseName}
 * and fills its holes from the parameters.
 *
 * @param method the method
 * @param caseName the stencil it appends, from {@code @Case} or the method's name
 * @param parameters its parameters, in declaration order
 * @param returnsSelf whether it returns the interface (for chaining) rather than {@code void}
 */
public record EmitterMethod(ExecutableElement method, String caseName,
    List<EmitterParameter> parameters, boolean returnsSelf) {

  /**
   * Copies the parameters, so that a method cannot change once read.
   *
   * @param method the method
   * @param caseName the stencil it appends, from {@code @Case} or the method's name
   * @param parameters its parameters, in declaration order
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
