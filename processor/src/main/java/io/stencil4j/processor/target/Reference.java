package io.stencil4j.processor.target;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;

/**
 * What a relocation refers to, resolved: a symbol defined in the stencil becomes its code or data
 * plus an offset; {@code _JIT_CONTINUE} the next stencil; {@code _JIT_NAME} a parameter; any
 * other undefined symbol an external symbol.
 *
 * @param value what the address is relative to
 * @param name the parameter or symbol name, empty for the others
 * @param offset added to the value (a symbol's offset within the code or data)
 */
public record Reference(HoleValue value, String name, long offset) {

  /**
   * {@return whether the address is inside the emitted stencils, so always within reach of the
   * code}
   */
  public boolean isLocal() {
    return value == HoleValue.CODE || value == HoleValue.DATA || value == HoleValue.CONTINUE;
  }

  /**
   * {@return a hole at {@code at} that writes this reference plus {@code addend} as {@code kind}}
   *
   * @param at the hole's offset in the code or data
   * @param kind how the hole is written
   * @param addend the relocation's addend
   */
  public Hole hole(int at, HoleKind kind, long addend) {
    return new Hole(at, kind, value, name, offset + addend);
  }

  @Override
  public String toString() {
    String base = name.isEmpty() ? value.name() : name;
    return offset == 0 ? base : base + String.format("%+d", offset);
  }
}
