package io.stencil4j.model;

import java.util.Locale;
import java.util.Optional;

/** A target triple Stencil4j builds stencils for. */
public enum Triple {
  /** Linux on x86-64: System V calling convention, ELF objects. */
  X86_64_UNKNOWN_LINUX_GNU("x86_64-unknown-linux-gnu", "defined(__x86_64__) && defined(__linux__)",
      8),
  /** Linux on AArch64: ELF objects. */
  AARCH64_UNKNOWN_LINUX_GNU("aarch64-unknown-linux-gnu",
      "defined(__aarch64__) && defined(__linux__)", 8),
  /** macOS on Intel: Mach-O objects, symbols prefixed with an underscore. */
  X86_64_APPLE_DARWIN("x86_64-apple-darwin", "defined(__x86_64__) && defined(__APPLE__)", 8),
  /** macOS on Apple silicon: Mach-O objects, symbols prefixed with an underscore. */
  AARCH64_APPLE_DARWIN("aarch64-apple-darwin", "defined(__aarch64__) && defined(__APPLE__)", 8),
  /** Windows on x86-64: Microsoft x64 calling convention, COFF objects. */
  X86_64_PC_WINDOWS_MSVC("x86_64-pc-windows-msvc", "defined(_M_X64)", 8),
  /** Windows on 32-bit x86: 4-byte pointers, COFF objects, symbols prefixed with an underscore. */
  I686_PC_WINDOWS_MSVC("i686-pc-windows-msvc", "defined(_M_IX86)", 4),
  /** Windows on AArch64: COFF objects. */
  AARCH64_PC_WINDOWS_MSVC("aarch64-pc-windows-msvc", "defined(_M_ARM64)", 8);

  private final String triple;
  private final String cCondition;
  private final int pointerSize;

  Triple(String triple, String cCondition, int pointerSize) {
    this.triple = triple;
    this.cCondition = cCondition;
    this.pointerSize = pointerSize;
  }

  /** {@return the triple as clang spells it, e.g. {@code x86_64-unknown-linux-gnu}} */
  public String triple() {
    return triple;
  }

  /**
   * {@return the C preprocessor condition that holds when compiling for this triple} The
   * generated headers guard each triple's stencils with it.
   */
  public String cCondition() {
    return cCondition;
  }

  /** {@return how many bytes a pointer has on this triple: 4 or 8} */
  public int pointerSize() {
    return pointerSize;
  }

  /**
   * {@return the triple spelled {@code triple}, if Stencil4j knows it}
   *
   * @param triple the triple as clang spells it
   */
  public static Optional<Triple> of(String triple) {
    for (Triple t : values()) {
      if (t.triple.equals(triple)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** {@return the triple of the machine this JVM runs on, if Stencil4j knows it} */
  public static Optional<Triple> host() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
    boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
    boolean x86 = arch.equals("x86") || arch.equals("i386") || arch.equals("i686");
    if (os.contains("linux")) {
      return x64 ? Optional.of(X86_64_UNKNOWN_LINUX_GNU)
          : arm64 ? Optional.of(AARCH64_UNKNOWN_LINUX_GNU) : Optional.empty();
    }
    if (os.contains("mac")) {
      return x64 ? Optional.of(X86_64_APPLE_DARWIN)
          : arm64 ? Optional.of(AARCH64_APPLE_DARWIN) : Optional.empty();
    }
    if (os.contains("windows")) {
      return x64 ? Optional.of(X86_64_PC_WINDOWS_MSVC)
          : arm64 ? Optional.of(AARCH64_PC_WINDOWS_MSVC)
          : x86 ? Optional.of(I686_PC_WINDOWS_MSVC) : Optional.empty();
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return triple;
  }
}
