package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A process on this Linux x86-64 machine that can run a triple's code: pure stencils make no
 * system calls, so the OS they were built for does not matter, only the instruction set and the
 * calling convention they are entered with.
 */
enum Host {
  X86_64("natively"),
  X86_64_MS_ABI("natively, entered through an ms_abi function pointer"),
  I686("in a 32-bit process under qemu-i386"),
  AARCH64("in an AArch64 process under qemu-aarch64");

  /** The attribute a C consumer puts on the entry's function pointer type for X86_64_MS_ABI. */
  static final String MS_ABI = "__attribute__((ms_abi))";

  final String how;

  Host(String how) {
    this.how = how;
  }

  /**
   * The command that compiles C {@code sources} into {@code program} for this host, with
   * {@code flags} (warnings, defines, include directories) before the sources.
   */
  List<String> compile(List<String> flags, Path program, Path... sources) {
    List<String> command = new ArrayList<>();
    switch (this) {
      case X86_64, X86_64_MS_ABI -> command.add(ItSupport.gcc().toString());
      // gcc -m32 needs gcc-multilib, which Debian 12 cannot install beside the AArch64 gcc
      case I686 -> command.addAll(List.of(ItSupport.tool("clang-19", "clang-19").toString(),
          "--target=i686-linux-gnu"));
      case AARCH64 -> command.addAll(List.of(
          ItSupport.tool("clang-19", "clang-19").toString(), "--target=aarch64-linux-gnu",
          "--sysroot=" + directory("/usr/aarch64-linux-gnu", "libc6-dev-arm64-cross"),
          "--gcc-install-dir=" + directory("/usr/lib/gcc-cross/aarch64-linux-gnu/12",
              "libgcc-12-dev-arm64-cross"),
          "-fuse-ld=lld", "-static"));
    }
    command.addAll(flags);
    command.addAll(List.of("-o", program.toString()));
    for (Path source : sources) {
      command.add(source.toString());
    }
    return command;
  }

  /**
   * The command that builds a C consumer of generated stencils, warnings as errors: the header
   * {@code header} (in {@code headers}) is named by the macro {@code <macros>_HEADER}, the
   * entry's calling convention by {@code <macros>_ABI}; the example's {@code jit_memory.h} is on
   * the include path; {@code moreFlags} come last.
   */
  List<String> compileConsumer(Path source, String macros, Path headers, String header,
      Path program, String... moreFlags) {
    List<String> flags = new ArrayList<>(List.of("-std=c11", "-O2", "-Wall", "-Wextra",
        "-Werror", "-D" + macros + "_HEADER=\"" + header + "\"", "-I" + headers,
        "-I" + ItSupport.exampleCDirectory()));
    if (this == X86_64_MS_ABI) {
      flags.add("-D" + macros + "_ABI=" + MS_ABI);
    }
    flags.addAll(List.of(moreFlags));
    return compile(flags, program, source);
  }

  /** The command that runs {@code program}, compiled by {@link #compile}, with {@code args}. */
  List<String> run(Path program, String... args) {
    List<String> command = new ArrayList<>(switch (this) {
      case X86_64, X86_64_MS_ABI -> List.<String>of();
      case I686 -> List.of(ItSupport.tool("qemu-i386", "qemu-user").toString());
      case AARCH64 -> List.of(ItSupport.tool("qemu-aarch64", "qemu-user").toString());
    });
    command.add(program.toString());
    command.addAll(List.of(args));
    return command;
  }

  private static String directory(String path, String debianPackage) {
    assertTrue(Files.isDirectory(Path.of(path)),
        path + " is missing: install the Debian package " + debianPackage);
    return path;
  }
}
