package io.stencil4j.processor.object;

import java.util.List;
import java.util.Optional;

/**
 * A relocatable object file as the stencil builder needs it: sections with their bytes and
 * relocations, and the symbol table. Format-independent; the readers know the formats.
 *
 * @param format the container format
 * @param machine the format's machine code (ELF {@code e_machine}, COFF {@code Machine},
 *     Mach-O {@code cputype})
 * @param architecture the instruction set that machine code stands for
 * @param sections every section, in the file's order (ELF: index 0 is the null section)
 * @param symbols every symbol, in the file's order
 */
public record ObjectFile(Format format, int machine, Architecture architecture,
    List<Section> sections, List<Symbol> symbols) {

  /** The container formats the readers accept. */
  public enum Format {
    /** Linux's, read by {@link ElfReader}. */
    ELF,
    /** Windows', read by {@link CoffReader}. */
    COFF,
    /** macOS's, read by {@link MachOReader}. */
    MACH_O
  }

  /** The instruction sets the readers accept. */
  public enum Architecture {
    /** 64-bit x86. */
    X86_64("x86-64"),
    /** 32-bit x86 (i686 Windows). */
    X86_32("32-bit x86"),
    /** 64-bit ARM. */
    AARCH64("AArch64");

    private final String description;

    Architecture(String description) {
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /**
   * Copies the lists, so that an object file cannot change once read.
   *
   * @param format the container format
   * @param machine the format's machine code
   * @param architecture the instruction set
   * @param sections every section, in the file's order
   * @param symbols every symbol, in the file's order
   */
  public ObjectFile {
    sections = List.copyOf(sections);
    symbols = List.copyOf(symbols);
  }

  /**
   * {@return whether a linker may move each symbol's piece of a section on its own, so that code
   * can rely on nothing but the piece a symbol starts: Mach-O's subsections via symbols, which
   * clang always asks for}
   */
  public boolean splitsAtSymbols() {
    return format == Format.MACH_O;
  }

  /**
   * {@return the first symbol named {@code name}}
   *
   * @param name the name as stored, with any format prefix
   */
  public Optional<Symbol> symbol(String name) {
    return symbols.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * {@return the section with the format's index {@code index}}
   *
   * @param index the format's section index
   * @throws IllegalArgumentException if there is no such section
   */
  public Section section(int index) {
    if (index >= 0 && index < sections.size() && sections.get(index).index() == index) {
      return sections.get(index); // ELF: the index is the position
    }
    if (index >= 1 && index <= sections.size() && sections.get(index - 1).index() == index) {
      return sections.get(index - 1); // COFF and Mach-O number sections from 1
    }
    for (Section section : sections) {
      if (section.index() == index) {
        return section;
      }
    }
    throw new IllegalArgumentException("no section with index " + index);
  }
}
