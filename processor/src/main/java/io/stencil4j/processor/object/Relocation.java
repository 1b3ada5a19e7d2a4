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
 * @param pcBias how far past the patched place the address lies that a PC-relative field counts
 *     from, so that {@code symbol + addend + pcBias} is the place the reference means: 4 for an
 *     x86 displacement that ends its instruction, 4 + N when N bytes of immediate follow it
 *     (COFF {@code REL32_N}, Mach-O {@code SIGNED_N}), 0 for absolute types and AArch64;
 *     {@link #UNKNOWN_PC_BIAS} where the format does not say (an ELF x86-64 PC-relative field in
 *     code, whose instruction may go on after it)
 */
public record Relocation(long offset, int type, String typeName, Symbol symbol, long addend,
    int width, int pcBias) {

  /** The {@link #pcBias()} of a relocation whose format leaves the instruction's end open. */
  public static final int UNKNOWN_PC_BIAS = -1;

  /**
   * A relocation whose type fixes its width.
   *
   * @param offset the patched place, from the start of the section
   * @param type the format's raw relocation type
   * @param typeName the type's name as LLVM spells it
   * @param symbol the symbol referred to
   * @param addend the ELF-RELA-equivalent addend
   * @param pcBias how far past the patched place a PC-relative field counts from
   */
  public Relocation(long offset, int type, String typeName, Symbol symbol, long addend,
      int pcBias) {
    this(offset, type, typeName, symbol, addend, 0, pcBias);
  }
}
