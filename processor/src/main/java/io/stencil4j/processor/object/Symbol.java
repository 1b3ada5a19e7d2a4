package io.stencil4j.processor.object;

/**
 * A symbol table entry.
 *
 * @param index the symbol's index in the format's symbol table
 * @param name the name as stored (with any format prefix such as Mach-O's {@code _})
 * @param section the index of the defining section, or {@link #UNDEFINED}
 * @param value the offset within the defining section (absolute for absolute symbols)
 * @param size the size in bytes, 0 where unknown
 * @param binding local, global or weak
 * @param type what the symbol names
 */
public record Symbol(int index, String name, int section, long value, long size, Binding binding,
    Type type) {

  /** The section index of an undefined (external) symbol. */
  public static final int UNDEFINED = 0;
  /** The section index of an absolute symbol (ELF {@code SHN_ABS}). */
  public static final int ABSOLUTE = -1;

  /** Who may refer to the symbol, in ELF's terms; the other formats map onto them. */
  public enum Binding {
    /** Only its own object file. */
    LOCAL,
    /** Any object file. */
    GLOBAL,
    /** Any object file, and another definition may take its place. */
    WEAK
  }

  /** What the symbol names, in ELF's terms; the other formats map onto them. */
  public enum Type {
    /** Not said. */
    NONE,
    /** Data. */
    OBJECT,
    /** Code. */
    FUNCTION,
    /** A section's start. */
    SECTION,
    /** The source file's name. */
    FILE,
    /** Anything else, such as thread-local or common data. */
    OTHER
  }

  /**
   * {@return whether a section of this file defines the symbol} An undefined one is external: a
   * hole, filled at emit time.
   */
  public boolean isDefined() {
    return section != UNDEFINED;
  }

  /** Symbol {@code index} called {@code name}, as the readers' messages name it. */
  static String describe(int index, String name) {
    return "symbol " + index + " (" + name + ")";
  }
}
