package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.examples.stackvm.CPrograms;
import io.stencil4j.examples.stackvm.LocalPatterns;
import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.RandomPrograms;
import io.stencil4j.examples.stackvm.RegisterVm;
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
import java.util.stream.LongStream;
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
 * stencils, once as compiled in batches and once with each case compiled alone; the register
 * VM's consumer does the same with its stencils (preserve_none state, variants). x86-64 code
 * (ELF, Mach-O, COFF through the Windows calling convention) runs
 * natively, i686 code in a 32-bit process under qemu-i386, AArch64 code in a cross-compiled
 * process under qemu-aarch64. Pure stencils make no system calls, so the OS does not matter.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutionMatrixTest {
  private static final Pattern CODE_SIZE = Pattern.compile("#define \\w+_CODE_SIZE (\\d+)");
  /** How many of the example's random programs each C JIT runs on each triple. */
  private static final int RANDOM_PROGRAMS = 300;

  /** A C consumer: its library's header prefix, its source and its macros' prefix. */
  private record Consumer(String library, Path source, String macros) {}

  private static final Consumer STACK_VM =
      new Consumer("stack_vm", ItSupport.stackVmConsumer(), "STACKVM");
  private static final Consumer REGISTER_VM =
      new Consumer("register_vm", ItSupport.registerVmConsumer(), "REGVM");

  @TempDir static Path dir;
  private static Output batched;
  private static Output isolated;
  private static Output registers;
  private static final List<String> executed = new ArrayList<>();

  /** The example's stencils for every triple: compiled in batches (the default) and alone. */
  @BeforeAll
  static void compileTheExampleForEveryTriple() {
    batched = Output.in(dir.resolve("batched"));
    ItSupport.javac(Jdk.BUILD, ItSupport.stackVm(), batched).assertSuccess();
    isolated = Output.in(dir.resolve("isolated"));
    ItSupport.javac(Jdk.BUILD, ItSupport.stackVm(), isolated, "-Astencil.isolated")
        .assertSuccess();
    registers = Output.in(dir.resolve("registers"));
    ItSupport.javac(Jdk.BUILD, ItSupport.registerVm(), registers).assertSuccess();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @EnumSource(ExecutedTriple.class)
  void programsAgreeWithTheInterpreter(ExecutedTriple triple) throws IOException {
    String line = runConsumer(triple, STACK_VM, batched, "clang");
    System.out.println(line);
    System.out.println(runConsumer(triple, STACK_VM, isolated, "clang")
        + " (each case compiled alone)");
    System.out.println(runConsumer(triple, REGISTER_VM, registers, "clang"));
    executed.add(line);
  }

  /**
   * Both C JITs on the programs that the Java JITs are tested with, against the C interpreter:
   * random ones (the example's RandomPrograms) and those that run every variant of the register
   * VM's superinstructions on locals (LocalPatterns).
   */
  @Order(1)
  @ParameterizedTest(name = "{0}")
  @EnumSource(ExecutedTriple.class)
  void randomProgramsAgreeWithTheInterpreter(ExecutedTriple triple) throws IOException {
    List<Program> tested = new ArrayList<>(LocalPatterns.all());
    LongStream.rangeClosed(1, RANDOM_PROGRAMS)
        .forEach(seed -> tested.add(RandomPrograms.generate(seed, RegisterVm.MAX_STACK)));
    Path programs = Files.writeString(dir.resolve("random_programs-" + triple.name + ".h"),
        CPrograms.header(tested));
    for (Consumer consumer : List.of(STACK_VM, REGISTER_VM)) {
      Path program = dir.resolve(consumer.library() + "-random-" + triple.name);
      Output from = consumer == REGISTER_VM ? registers : batched;
      // -O0: gcc takes 20 s to optimise the report's 860 programs; the stencils are as built
      Result run = compileAndRun(triple, consumer, from, program, "-O0", "-include",
          programs.toString());
      assertTrue(run.stdout().contains(tested.size() + " programs, 0 different"),
          run::describe);
    }
  }

  /** Builds and runs {@code consumer} on {@code triple}'s header in {@code from}; a report line. */
  private static String runConsumer(ExecutedTriple triple, Consumer consumer, Output from,
      String compiler) throws IOException {
    String header = consumer.library() + "-" + triple.name + ".h";
    Path headerFile = from.generated(header);
    Path program = from.classes().resolveSibling(consumer.library() + "-" + triple.name);
    Result run = compileAndRun(triple, consumer, from, program);
    assertTrue(run.stdout().contains("4 programs, 0 different"), run::describe);

    int stencils = 0;
    long codeBytes = 0;
    Matcher size = CODE_SIZE.matcher(Files.readString(headerFile));
    while (size.find()) {
      stencils++;
      codeBytes += Long.parseLong(size.group(1));
    }
    return String.format("%-26s %-5s %-11s 4/4 programs equal to the interpreter, %d stencils, "
        + "%d code bytes, run %s", triple.name, compiler, consumer.library(), stencils,
        codeBytes, triple.host.how);
  }

  /**
   * Builds {@code consumer} against {@code triple}'s header in {@code from} into {@code program},
   * with {@code moreFlags}, and runs it; checks that it used that triple's stencils.
   */
  private static Result compileAndRun(ExecutedTriple triple, Consumer consumer, Output from,
      Path program, String... moreFlags) {
    String header = consumer.library() + "-" + triple.name + ".h";
    assertTrue(Files.isRegularFile(from.generated(header)), header
        + " was not generated: is " + triple + " among the example's triples?");
    ItSupport.run(dir, triple.host.compileConsumer(consumer.source(), consumer.macros(),
        from.generatedDirectory(), header, program, moreFlags)).assertSuccess();
    Result run = ItSupport.run(dir, triple.host.run(program)).assertSuccess();
    assertTrue(run.stdout().contains("stencils for " + triple.name), run::describe);
    return run;
  }

  /** The seed's x86_64-unknown-linux-gnu/gcc row: the same stencils built by gcc. */
  @Order(2)
  @Test
  void gccBuiltStencilsAgreeWithTheInterpreter() throws IOException {
    Output gccOutput = Output.in(dir.resolve("gcc"));
    ItSupport.javac(Jdk.BUILD, ItSupport.stackVm(), gccOutput, "-Astencil.gcc").assertSuccess();
    String line = runConsumer(ExecutedTriple.X86_64_UNKNOWN_LINUX_GNU, STACK_VM, gccOutput,
        "gcc");
    System.out.println(line);
  }

  @Order(3)
  @Test
  void everyTripleRan() {
    assertEquals(ExecutedTriple.values().length, executed.size(), String.join("\n", executed));
  }

  @AfterAll
  static void summary() {
    System.out.println(executed.size() + "/" + ExecutedTriple.values().length
        + " triples executed");
  }
}
