package io.stencil4j.processor.target;

/**
 * Where a relocation applies in the stencil being built.
 *
 * @param part the code or the data
 * @param offset from the start of that part
 */
public record Site(Part part, int offset) {
  /** The two parts of a stencil. */
  public enum Part {
    /** The machine code. */
    CODE,
    /** The data the code references. */
    DATA
  }
}
