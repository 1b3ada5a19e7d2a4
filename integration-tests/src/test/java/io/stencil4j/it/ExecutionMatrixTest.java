package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.it.ItSupport.Jdk;
import io.stencil4j.it.ItSupport.Output;
import io.stencil4j.it.ItSupport.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every triple's stencils, executed on this Linux x86-64 machine: the stack VM's C consumer is
 * built against each triple's header and JIT-compiles the four programs from that triple's
 * stencils, once as compiled in batches and once with each case compiled alone. x86-64 code (ELF, Mach-O, COFF through the Windows calling convention) runs
 * natively, i686 code in a 32-bit process under qemu-i386, AArch64 code in a cross-compiled
 * process under qemu-aarch64. Pure stencils make no system calls, so the OS does not matter.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutionMatrixTest {
  private static final Pattern CODE_SIZE =
      Pattern.compile("#define STACK_VM_\\w+_CODE_SIZE (\\d+)");

  /** How each triple's code is run here. */
  enum Triple {
    X86_64_UNKNOWN_LINUX_GNU("x86_64-unknown-linux-gnu", Host.X86_64),
    X86_64_APPLE_DARWIN("x86_64-apple-darwin", Host.X86_64),
    X86_64_PC_WINDOWS_MSVC("x86_64-pc-windows-msvc", Host.X86_64_MS_ABI),
    I686_PC_WINDOWS_MSVC("i686-pc-windows-msvc", Host.I686),
    AARCH64_UNKNOWN_LINUX_GNU("aarch64-unknown-linux-gnu", Host.AARCH64),
    AARCH64_APPLE_DARWIN("aarch64-apple-darwin", Host.AARCH64),
    AARCH64_PC_WINDOWS_MSVC("aarch64-pc-windows-msvc", Host.AARCH64);

    final String name;
    final Host host;

    Triple(String name, Host host) {
      this.name = name;
      this.host = host;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A process on this machine that can run a triple's code. */
  enum Host {
    X86_64("natively"),
    X86_64_MS_ABI("natively, entered through an ms_abi function pointer"),
    I686("in a 32-bit process under qemu-i386"),
    AARCH64("in an AArch64 process under qemu-aarch64");

    final String how;

    Host(String how) {
      this.how = how;
    }

    /**
     * The command that builds the C consumer {@code source} for this host: the generated
     * {@code header} (in {@code headers}) is named by the macro {@code <macros>_HEADER}, and the
     * entry's calling convention by {@code <macros>_ABI}.
     */
    List<String> compile(Path source, String macros, Path headers, String header, Path program) {
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
      if (this == X86_64_MS_ABI) {
        command.add("-D" + macros + "_ABI=__attribute__((ms_abi))");
      }
      command.addAll(List.of("-std=c11", "-O2", "-Wall", "-Wextra", "-Werror",
          "-D" + macros + "_HEADER=\"" + header + "\"", "-I" + headers,
          "-I" + ItSupport.exampleCDirectory(), "-o", program.toString(), source.toString()));
      return command;
    }

    List<String> run(Path program) {
      return switch (this) {
        case X86_64, X86_64_MS_ABI -> List.of(program.toString());
        case I686 -> List.of(ItSupport.tool("qemu-i386", "qemu-user").toString(),
            program.toString());
        case AARCH64 -> List.of(ItSupport.tool("qemu-aarch64", "qemu-user").toString(),
            program.toString());
      };
    }

    private static String directory(String path, String debianPackage) {
      assertTrue(Files.isDirectory(Path.of(path)),
          path + " is missing: install the Debian package " + debianPackage);
      return path;
    }
  }

  @TempDir static Path dir;
  private static Output batched;
  private static Output isolated;
  private static final List<String> executed = new ArrayList<>();

  /** The example's stencils for every triple: compiled in batches (the default) and alone. */
  @BeforeAll
  static void compileTheExampleForEveryTriple() {
    batched = Output.in(dir.resolve("batched"));
    ItSupport.javac(Jdk.BUILD, ItSupport.stackVm(), batched).assertSuccess();
    isolated = Output.in(dir.resolve("isolated"));
    ItSupport.javac(Jdk.BUILD, ItSupport.stackVm(), isolated, "-Astencil.isolated")
        .assertSuccess();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @EnumSource(Triple.class)
  void programsAgreeWithTheInterpreter(Triple triple) throws IOException {
    String line = runConsumer(triple, batched, "clang");
    System.out.println(line);
    System.out.println(runConsumer(triple, isolated, "clang") + " (each case compiled alone)");
    executed.add(line);
  }

  /** Builds and runs the C consumer on {@code triple}'s header in {@code from}; a report line. */
  private static String runConsumer(Triple triple, Output from, String compiler)
      throws IOException {
    String header = "stack_vm-" + triple.name + ".h";
    Path headerFile = from.generated(header);
    assertTrue(Files.isRegularFile(headerFile), header + " was not generated: is " + triple
        + " among the example's triples?");
    Path program = from.classes().resolveSibling("stackvm-" + triple.name);
    ItSupport.run(dir, triple.host.compile(ItSupport.stackVmConsumer(), "STACKVM",
        from.generatedDirectory(), header, program)).assertSuccess();
    Result run = ItSupport.run(dir, triple.host.run(program)).assertSuccess();
    assertTrue(run.stdout().contains("stencils for " + triple.name), run::describe);
    assertTrue(run.stdout().contains("4 programs, 0 different"), run::describe);

    int stencils = 0;
    long codeBytes = 0;
    Matcher size = CODE_SIZE.matcher(Files.readString(headerFile));
    while (size.find()) {
      stencils++;
      codeBytes += Long.parseLong(size.group(1));
    }
    return String.format("%-26s %-5s 4/4 programs equal to the interpreter, %d stencils, "
        + "%d code bytes, run %s", triple.name, compiler, stencils, codeBytes, triple.host.how);
  }

  /** The seed's x86_64-unknown-linux-gnu/gcc row: the same stencils built by gcc. */
  @Order(2)
  @Test
  void gccBuiltStencilsAgreeWithTheInterpreter() throws IOException {
    Output gccOutput = Output.in(dir.resolve("gcc"));
    ItSupport.javac(Jdk.BUILD, ItSupport.stackVm(), gccOutput, "-Astencil.gcc").assertSuccess();
    String line = runConsumer(Triple.X86_64_UNKNOWN_LINUX_GNU, gccOutput, "gcc");
    System.out.println(line);
  }

  @Order(3)
  @Test
  void everyTripleRan() {
    assertEquals(Triple.values().length, executed.size(), String.join("\n", executed));
  }

  @AfterAll
  static void summary() {
    System.out.println(executed.size() + "/" + Triple.values().length + " triples executed");
  }
}
