package io.stencil4j.model;

import java.util.Objects;

/**
 * A place in a stencil's code or data that is patched when the stencil is emitted.
 *
 * @param offset where the patched bytes start, from the start of the code or data
 * @param kind how the value is encoded
 * @param value what the value is relative to
 * @param name the parameter name ({@link HoleValue#PARAMETER}) or symbol name
 *     ({@link HoleValue#SYMBOL}); empty otherwise
 * @param addend added to the value
 */
public record Hole(int offset, HoleKind kind, HoleValue value, String name, long addend) {

  /**
   * Rejects a negative offset, and a name on a hole that takes none or none where it must.
   *
   * @param offset where the patched bytes start, not negative
   * @param kind how the value is encoded
   * @param value what the value is relative to
   * @param name the parameter or symbol name, empty for any other value
   * @param addend added to the value
   */
  public Hole {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(name, "name");
    if (offset < 0) {
      throw new IllegalArgumentException("negative hole offset " + offset);
    }
    boolean named = value == HoleValue.PARAMETER || value == HoleValue.SYMBOL;
    if (named == name.isEmpty()) {
      throw new IllegalArgumentException(
          value + (named ? " hole needs a name" : " hole takes no name, got " + name));
    }
  }

  /**
   * A hole relative to {@code value}, which is neither a parameter nor a symbol.
   *
   * @param offset where the patched bytes start
   * @param kind how the value is encoded
   * @param value what the value is relative to
   * @param addend added to the value
   * @return the hole
   */
  public static Hole of(int offset, HoleKind kind, HoleValue value, long addend) {
    return new Hole(offset, kind, value, "", addend);
  }

  /**
   * A hole filled from the emitter's parameter {@code name}.
   *
   * @param offset where the patched bytes start
   * @param kind how the value is encoded
   * @param name the parameter, as after {@code _JIT_} in the template
   * @param addend added to the parameter's value
   * @return the hole
   */
  public static Hole parameter(int offset, HoleKind kind, String name, long addend) {
    return new Hole(offset, kind, HoleValue.PARAMETER, name, addend);
  }

  /**
   * A hole filled with the address of the external symbol {@code name}.
   *
   * @param offset where the patched bytes start
   * @param kind how the value is encoded
   * @param name the symbol as the object file names it
   * @param addend added to the symbol's address
   * @return the hole
   */
  public static Hole symbol(int offset, HoleKind kind, String name, long addend) {
    return new Hole(offset, kind, HoleValue.SYMBOL, name, addend);
  }

  /**
   * {@return this hole moved by {@code delta} bytes} For bytes placed behind others, as the jump
   * in front of a stencil's trampolines is.
   *
   * @param delta bytes to add to the offset
   */
  public Hole shifted(int delta) {
    return new Hole(offset + delta, kind, value, name, addend);
  }

  @Override
  public String toString() {
    String target = name.isEmpty() ? value.name() : value.name() + " " + name;
    return String.format("%#x %s %s%+d", offset, kind, target, addend);
  }
}
