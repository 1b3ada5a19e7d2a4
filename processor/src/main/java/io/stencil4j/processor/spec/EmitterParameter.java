package io.stencil4j.processor.spec;

import javax.lang.model.element.VariableElement;

/**
 * A parameter of an emitter method: it fills the hole {@code _JIT_<holeName>}.
 *
 * @param element the parameter
 * @param holeName the hole it fills, e.g. {@code JUMP_TARGET} for {@code jumpTarget}
 */
public record EmitterParameter(VariableElement element, String holeName) {

  /** {@return the parameter's name in Java, for messages} */
  public String name() {
    return element.getSimpleName().toString();
  }
}
