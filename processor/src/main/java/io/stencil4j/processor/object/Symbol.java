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

  public enum Binding { LOCAL, GLOBAL, WEAK }

  public enum Type { NONE, OBJECT, FUNCTION, SECTION, FILE, OTHER }

  public boolean isDefined() {
    return section != UNDEFINED;
  }

  /** Symbol {@code index} called {@code name}, as the readers' messages name it. */
  static String describe(int index, String name) {
    return "symbol " + index + " (" + name + ")";
  }
}
