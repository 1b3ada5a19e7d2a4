package io.stencil4j.processor.spec;

import javax.lang.model.element.VariableElement;

/**
 * A parameter of an emitter method: it fills the hole {@code _JIT_<holeName>}.
 *
 * @param element the parameter
 * @param holeName the hole it fills, e.g. {@code JUMP_TARGET} for {@code jumpTarget}
 * @param type how its value becomes the hole's value
 */
public record EmitterParameter(VariableElement element, String holeName, Type type) {

  /** The Java types a parameter may have. */
  public enum Type {
    /** The value itself. */
    LONG,
    /** The value, sign-extended. */
    INT,
    /** The code address the label is bound to. */
    LABEL
  }

  public String name() {
    return element.getSimpleName().toString();
  }
}
