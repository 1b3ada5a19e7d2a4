package io.stencil4j;

/**
 * A position in emitted code, possibly bound after it is first used. Passing a label for a
 * parameter fills the hole with the code address the label is bound to.
 */
public final class Label {
  private final String name;

  /** A label without a name: error messages show its identity instead. */
  public Label() {
    this("");
  }

  /**
   * A label whose name appears in error messages.
   *
   * @param name how error messages and {@link #toString()} call this label
   */
  public Label(String name) {
    this.name = name;
  }

  /** {@return the name given at construction, empty for an unnamed label} */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name.isEmpty() ? "Label@" + Integer.toHexString(System.identityHashCode(this)) : name;
  }
}
