package io.stencil4j.processor.object;

/**
 * A relocation: the place at {@code offset} in its section refers to {@code symbol} plus
 * {@code addend}.
 *
 * @param offset the patched place, from the start of the section
 * @param type the format's raw relocation type
 * @param typeName the type's name as LLVM spells it, e.g. {@code R_X86_64_PC32}
 * @param symbol the symbol referred to
 * @param addend the ELF-RELA-equivalent addend: explicit (ELF RELA) or read from the section
 *     bytes, such that the symbol plus it (minus the place, for PC-relative types) is what the
 *     object means
 * @param width how many bytes the relocation patches where the type leaves it open (Mach-O
 *     {@code *_UNSIGNED}: 4 or 8); 0 where the type fixes it
 */
public record Relocation(long offset, int type, String typeName, Symbol symbol, long addend,
    int width) {

  /** A relocation whose type fixes its width. */
  public Relocation(long offset, int type, String typeName, Symbol symbol, long addend) {
    this(offset, type, typeName, symbol, addend, 0);
  }
}
