package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stencil4j.it.ItSupport.Output;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The template contract on C that the stack VM does not exercise (the Tally library of
 * src/test/fixtures/tally), executed and compared with a reference: a stencil that writes a
 * static counter in its own data on every call (its data must be writable in the C consumer as
 * in the Java runtime), and a template whose {@code _JIT_ENTRY} calls helpers defined after it,
 * one of them cold (gcc must still emit the entry first when a case is compiled alone). Built by
 * clang for every triple and by gcc for x86-64 Linux, in batches and each case alone.
 */
class TemplateContractTest {
  private static final long[] INPUTS = {5, -7, 11};

  @TempDir static Path dir;
  private static Output batched;
  private static Output isolated;
  private static Output gccBatched;
  private static Output gccIsolated;

  /** Tally's stencils, built four ways; nothing from the cache, so each way really compiles. */
  @BeforeAll
  static void compileTally() {
    batched = build("batched");
    isolated = build("isolated", "-Astencil.isolated");
    gccBatched = build("gcc-batched", "-Astencil.gcc");
    gccIsolated = build("gcc-isolated", "-Astencil.gcc", "-Astencil.isolated");
  }

  private static Output build(String name, String... options) {
    return FixtureRuns.build(dir.resolve(name), ItSupport.tally(), options);
  }

  /**
   * What SHIM TICK SCALE(3) TICK RETURN returns on its k-th call (from 1) with {@code acc}: each
   * TICK counts its own calls.
   */
  private static List<Long> reference() {
    List<Long> results = new ArrayList<>();
    for (int k = 1; k <= INPUTS.length; k++) {
      long acc = INPUTS[k - 1] * 100 + k;
      acc = Math.abs(acc) * 3 - 1;
      results.add(acc * 100 + k);
    }
    return results;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ExecutedTriple.class)
  void theCConsumerAgreesWithTheReference(ExecutedTriple triple) {
    assertEquals(reference(), runC(triple, batched, "batched"));
    assertEquals(reference(), runC(triple, isolated, "isolated"));
  }

  @Test
  void gccBuiltStencilsAgreeWithTheReference() {
    ExecutedTriple linux = ExecutedTriple.X86_64_UNKNOWN_LINUX_GNU;
    assertEquals(reference(), runC(linux, gccBatched, "gcc-batched"));
    assertEquals(reference(), runC(linux, gccIsolated, "gcc-isolated"));
  }

  @Test
  void theJavaRuntimeAgreesWithTheReference() throws Throwable {
    for (Output output : List.of(batched, isolated, gccBatched, gccIsolated)) {
      assertEquals(reference(), runJava(output), output.classes().toString());
    }
  }

  private static List<Long> runC(ExecutedTriple triple, Output from, String build) {
    return FixtureRuns.runC(dir, ItSupport.tally(), "tally", triple, from, build);
  }

  /** Emits the same function through the Java runtime from {@code from}'s host stencils. */
  private static List<Long> runJava(Output from) throws Throwable {
    return FixtureRuns.runJava(from, "tally", (tally, emitter) -> {
      tally.getMethod("shim").invoke(emitter);
      tally.getMethod("tick").invoke(emitter);
      tally.getMethod("scale", long.class).invoke(emitter, 3L);
      tally.getMethod("tick").invoke(emitter);
      tally.getMethod("ret").invoke(emitter);
    }, INPUTS);
  }
}
