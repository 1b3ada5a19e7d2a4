package io.stencil4j.processor.assembly;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.target.Target;

/**
 * What the optimizer needs to know of one triple's assembly language: its branches, how a
 * comment starts, how C names are spelled, and which branches the object format can point at a
 * symbol.
 *
 * @param branches the instruction set's jumps and conditional branches
 * @param comment what starts a comment
 * @param symbolPrefix what the format puts before a C name, as the triple's {@link Target} says
 * @param gotTailJumps whether clang jumps to an undefined function through the GOT ({@code jmp
 *     *f@GOTPCREL(%rip)}), which a direct jump can replace
 * @param conditionalBranchesToSymbols whether a conditional branch may target a symbol: Mach-O
 *     has no relocation for AArch64's 19-bit branch
 */
record Dialect(Branches branches, String comment, String symbolPrefix, boolean gotTailJumps,
    boolean conditionalBranchesToSymbols) {

  static Dialect of(Triple triple) {
    String prefix = Target.of(triple).symbolPrefix();
    return switch (triple) {
      case X86_64_UNKNOWN_LINUX_GNU, X86_64_APPLE_DARWIN ->
          new Dialect(X86Branches.INSTANCE, "#", prefix, true, true);
      case X86_64_PC_WINDOWS_MSVC, I686_PC_WINDOWS_MSVC ->
          new Dialect(X86Branches.INSTANCE, "#", prefix, false, true);
      case AARCH64_UNKNOWN_LINUX_GNU, AARCH64_PC_WINDOWS_MSVC ->
          new Dialect(Arm64Branches.INSTANCE, "//", prefix, false, true);
      case AARCH64_APPLE_DARWIN -> new Dialect(Arm64Branches.INSTANCE, ";", prefix, false, false);
    };
  }
}
