package io.stencil4j.processor.object;

import java.util.List;

/**
 * A section of an object file.
 *
 * @param index the format's section index (ELF section header index)
 * @param name the section's name
 * @param kind what the section holds, decided from its type and flags, never its name
 * @param type the format's raw section type (ELF {@code sh_type}; 0 where the format has none)
 * @param flags the format's raw flags (ELF {@code sh_flags})
 * @param alignment required alignment in bytes (at least 1)
 * @param size size in bytes, also for zero-fill sections
 * @param bytes the contents; empty for zero-fill sections
 * @param relocations the relocations that apply to this section, in file order
 * @param merge whether a linker may merge and move the entries of this section independently
 * @param entrySize the size of one entry of a mergeable section (ELF {@code sh_entsize}; the
 *     size of a Mach-O literal; the width of a character in a string pool); 0 when not mergeable
 */
public record Section(int index, String name, Kind kind, long type, long flags, long alignment,
    long size, byte[] bytes, List<Relocation> relocations, Merge merge, long entrySize) {

  /** What a section contributes to a stencil. */
  public enum Kind {
    /** Allocated and executable: machine code. */
    CODE,
    /** Allocated, not executable, with contents: constants, strings, tables, writable data. */
    DATA,
    /** Allocated, not executable, without contents in the file: {@code .bss}. */
    ZERO_FILL,
    /** Thread-local storage ({@code .tdata}, {@code .tbss}): no stencil can use it. */
    THREAD_LOCAL,
    /** Not allocated at run time: symbol and string tables, relocations, notes, comments. */
    OTHER
  }

  /**
   * How a linker may treat a section's contents. A mergeable section is a pool: each entry may
   * be deduplicated or moved on its own, so code may rely on nothing but the entry it refers to.
   */
  public enum Merge {
    /** The section stays whole. */
    NONE,
    /** Constants of {@link #entrySize()} bytes each. */
    CONSTANTS,
    /** Strings, each ending with a zero character of {@link #entrySize()} bytes. */
    STRINGS
  }

  /**
   * Rejects an entry size that does not fit {@code merge}, and copies the relocations.
   *
   * @param index the format's section index
   * @param name the section's name
   * @param kind what the section holds
   * @param type the format's raw section type
   * @param flags the format's raw flags
   * @param alignment required alignment in bytes
   * @param size size in bytes
   * @param bytes the contents
   * @param relocations the relocations that apply to this section
   * @param merge whether a linker may merge the section's entries
   * @param entrySize the size of one entry, 0 when not mergeable
   */
  public Section {
    relocations = List.copyOf(relocations);
    if ((merge == Merge.NONE) != (entrySize == 0)) {
      throw new IllegalArgumentException(
          "entry size " + entrySize + " does not fit merge " + merge);
    }
  }

  /**
   * A section that is not mergeable.
   *
   * @param index the format's section index
   * @param name the section's name
   * @param kind what the section holds
   * @param type the format's raw section type
   * @param flags the format's raw flags
   * @param alignment required alignment in bytes
   * @param size size in bytes
   * @param bytes the contents
   * @param relocations the relocations that apply to this section
   */
  public Section(int index, String name, Kind kind, long type, long flags, long alignment,
      long size, byte[] bytes, List<Relocation> relocations) {
    this(index, name, kind, type, flags, alignment, size, bytes, relocations, Merge.NONE, 0);
  }

  @Override
  public String toString() {
    return "Section[" + index + " " + name + " " + kind + ", " + size + " B, "
        + relocations.size() + " relocations]";
  }
}
