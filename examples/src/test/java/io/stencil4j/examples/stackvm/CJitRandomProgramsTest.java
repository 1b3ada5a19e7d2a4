package io.stencil4j.examples.stackvm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both C JITs (regvm_jit.h, stackvm_jit.h, with the host's generated header) against the C
 * interpreter on the random programs the Java JITs run: the C consumers' report, built with gcc
 * over the random programs instead of the examples.
 */
class CJitRandomProgramsTest {
  private static final int COUNT = 300;

  @ParameterizedTest
  @ValueSource(strings = {"regvm_main.c", "stackvm_main.c"})
  void theCJitAgreesWithTheCInterpreterOnRandomPrograms(String consumer, @TempDir Path directory)
      throws Exception {
    TestProcesses.assertOnPath("gcc", "gcc");
    Path programs = Files.writeString(directory.resolve("random_programs.h"), cPrograms());
    Path binary = directory.resolve("consumer");
    Path sources = Path.of(System.getProperty("stencil.c"));
    TestProcesses.run(List.of("gcc", "-std=c11", "-O1", "-Wall", "-Wextra", "-Werror",
        "-I" + System.getProperty("stencil.headers"), "-I" + sources, "-include",
        programs.toString(), "-o", binary.toString(), sources.resolve(consumer).toString()),
        null);
    String report = TestProcesses.run(List.of(binary.toString()), null);
    assertTrue(report.endsWith(COUNT + " programs, 0 different\n"), report);
  }

  /** The random programs as the initialisers of stackvm_programs.h's EXAMPLE_PROGRAMS. */
  private static String cPrograms() {
    return LongStream.rangeClosed(1, COUNT)
        .mapToObj(seed -> cProgram(RandomPrograms.generate(seed, RegisterVm.MAX_STACK)))
        .collect(Collectors.joining(", \\\n", "#define EXAMPLE_PROGRAMS \\\n", "\n"));
  }

  private static String cProgram(Program program) {
    String locals = program.locals().stream().map(local -> local + "LL")
        .collect(Collectors.joining(", "));
    String code = program.code().stream()
        .map(in -> "I(" + in.op() + ", " + in.argument() + "LL)")
        .collect(Collectors.joining(", "));
    return "PROGRAM(\"" + program.name() + "\", LOCALS(" + locals + "), " + code + ")";
  }
}
