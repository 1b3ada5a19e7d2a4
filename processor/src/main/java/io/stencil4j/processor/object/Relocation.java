package io.stencil4j.processor.object;

/**
 * A relocation: the place at {@code offset} in its section refers to {@code symbol} plus
 * {@code addend}.
 *
 * @param offset the patched place, from the start of the section
 * @param type the format's raw relocation type
 * @param typeName the type's name as LLVM spells it, e.g. {@code R_X86_64_PC32}
 * @param symbol the symbol referred to
 * @param addend the explicit addend (ELF RELA), or the implicit one read from the section bytes
 */
public record Relocation(long offset, int type, String typeName, Symbol symbol, long addend) {}
