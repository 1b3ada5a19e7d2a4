package io.stencil4j.it;

import static io.stencil4j.it.ItSupport.DISPATCHER_HEADER;
import static io.stencil4j.it.ItSupport.GENERATED;
import static io.stencil4j.it.ItSupport.TRIPLE_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.it.ItSupport.Jdk;
import io.stencil4j.it.ItSupport.Output;
import io.stencil4j.it.ItSupport.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The processor runs inside javac 17 (its floor) and inside the build's javac (22+): each
 * compiles the stack VM example, and gcc builds the C consumer against the headers that javac
 * run wrote, which JIT-compiles four programs and compares them with its interpreter.
 */
class JavacMatrixTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(Jdk.class)
  void javacCompilesTheStackVmAndTheCConsumerAgreesWithItsInterpreter(Jdk jdk, @TempDir Path dir)
      throws Exception {
    assertEquals(jdk.feature(), ItSupport.javacFeature(jdk),
        jdk.javac() + " is not the javac this case is about");
    Path gcc = ItSupport.gcc();

    Output output = Output.in(dir);
    Result javac = ItSupport.javac(jdk, ItSupport.stackVm(), output).assertSuccess();
    assertFalse(javac.stderr().contains("warning:"), javac::describe);
    for (String name : GENERATED) {
      assertTrue(Files.isRegularFile(output.generated(name)),
          name + " is missing in " + output.generatedDirectory() + "\n" + javac.describe());
    }
    for (String type : List.of("StackVm", "StackVmStencils")) {
      Path classFile = output.classFile(type);
      assertTrue(Files.isRegularFile(classFile), classFile + " was not compiled");
      assertEquals(jdk.classFileMajor(), ItSupport.classFileMajor(classFile),
          classFile + ": class-file version");
    }

    Path program = dir.resolve("stackvm_main");
    ItSupport.run(dir, List.of(gcc.toString(), "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror",
        "-I" + output.generatedDirectory(), "-I" + ItSupport.stackVm().cDirectory(),
        "-o", program.toString(), ItSupport.stackVmConsumer().toString())).assertSuccess();
    Result run = ItSupport.run(dir, List.of(program.toString())).assertSuccess();
    assertTrue(run.stdout().contains("4 programs, 0 different"), run::describe);
    // the consumer includes the dispatcher, which includes the x86-64 header
    assertTrue(Files.readString(output.generated(DISPATCHER_HEADER)).contains(TRIPLE_HEADER),
        DISPATCHER_HEADER + " does not include " + TRIPLE_HEADER);
  }
}
