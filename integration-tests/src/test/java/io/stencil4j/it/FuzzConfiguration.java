package io.stencil4j.it;

/**
 * Where the differential test runs the programs' stencils: each triple built by clang, the
 * x86-64 Linux stencils built by gcc, and the host's stencils emitted by the Java runtime.
 */
enum FuzzConfiguration {
  X86_64_UNKNOWN_LINUX_GNU(ExecutedTriple.X86_64_UNKNOWN_LINUX_GNU, Builder.CLANG),
  X86_64_APPLE_DARWIN(ExecutedTriple.X86_64_APPLE_DARWIN, Builder.CLANG),
  X86_64_PC_WINDOWS_MSVC(ExecutedTriple.X86_64_PC_WINDOWS_MSVC, Builder.CLANG),
  I686_PC_WINDOWS_MSVC(ExecutedTriple.I686_PC_WINDOWS_MSVC, Builder.CLANG),
  AARCH64_UNKNOWN_LINUX_GNU(ExecutedTriple.AARCH64_UNKNOWN_LINUX_GNU, Builder.CLANG),
  AARCH64_APPLE_DARWIN(ExecutedTriple.AARCH64_APPLE_DARWIN, Builder.CLANG),
  AARCH64_PC_WINDOWS_MSVC(ExecutedTriple.AARCH64_PC_WINDOWS_MSVC, Builder.CLANG),
  GCC(ExecutedTriple.X86_64_UNKNOWN_LINUX_GNU, Builder.GCC),
  /** The x86-64 Linux stencils of javac-built libraries, run by {@code JitAssembler}. */
  JAVA_RUNTIME(ExecutedTriple.X86_64_UNKNOWN_LINUX_GNU, Builder.JAVAC);

  /** What builds the stencils. */
  enum Builder { CLANG, GCC, JAVAC }

  final ExecutedTriple triple;
  final Builder builder;

  FuzzConfiguration(ExecutedTriple triple, Builder builder) {
    this.triple = triple;
    this.builder = builder;
  }

  /** The configuration's name on the command line and in the table. */
  String label() {
    return switch (builder) {
      case CLANG -> triple.name;
      case GCC -> triple.name + "/gcc";
      case JAVAC -> triple.name + "/java";
    };
  }

  /** The configuration named {@code label}, or null. */
  static FuzzConfiguration of(String label) {
    for (FuzzConfiguration configuration : values()) {
      if (configuration.label().equals(label)) {
        return configuration;
      }
    }
    return null;
  }

  /** The clang-built configuration of {@code triple}. */
  static FuzzConfiguration clang(ExecutedTriple triple) {
    for (FuzzConfiguration configuration : values()) {
      if (configuration.triple == triple && configuration.builder == Builder.CLANG) {
        return configuration;
      }
    }
    throw new IllegalArgumentException(triple.name);
  }
}
