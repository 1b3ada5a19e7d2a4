package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stencil4j.it.ItSupport.Output;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Native helpers executed and compared with a reference (the Helped library of
 * src/test/fixtures/tally): stencils call helpers by name, a helper calls another helper, reads
 * its own constant data and calls an external function. Built by clang for every triple and by
 * gcc for x86-64 Linux; run through the C header on every triple and through the Java runtime.
 */
class NativeHelpersTest {
  private static final long[] INPUTS = {5, -7, 11};
  private static final long[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19};

  @TempDir static Path dir;
  private static Output clang;
  private static Output gcc;

  /** Helped's stencils built by clang and by gcc; nothing from the cache. */
  @BeforeAll
  static void compileHelped() {
    clang = build("clang");
    gcc = build("gcc", "-Astencil.gcc");
  }

  private static Output build(String name, String... options) {
    return FixtureRuns.build(ItSupport.helped(), dir.resolve(name), options);
  }

  /** helped_mix: |acc| * factor + helped_prime(acc). */
  private static long mix(long acc, long factor) {
    return Math.abs(acc) * factor + prime(acc);
  }

  /** helped_prime: the prime at acc mod 8, acc taken unsigned. */
  private static long prime(long acc) {
    return PRIMES[(int) (acc & 7)];
  }

  /** What SHIM MIX(3) PRIME MIX(-2) RETURN returns for each input. */
  private static List<Long> reference() {
    List<Long> results = new ArrayList<>();
    for (long input : INPUTS) {
      long acc = mix(input, 3);
      acc += prime(acc);
      results.add(mix(acc, -2));
    }
    return results;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ExecutedTriple.class)
  void theCConsumerAgreesWithTheReference(ExecutedTriple triple) {
    assertEquals(reference(), runC(triple, clang, "clang"));
  }

  @Test
  void gccBuiltStencilsAgreeWithTheReference() {
    assertEquals(reference(), runC(ExecutedTriple.X86_64_UNKNOWN_LINUX_GNU, gcc, "gcc"));
  }

  @Test
  void theJavaRuntimeAgreesWithTheReference() throws Throwable {
    for (Output output : List.of(clang, gcc)) {
      assertEquals(reference(), runJava(output), output.classes().toString());
    }
  }

  private static List<Long> runC(ExecutedTriple triple, Output from, String build) {
    String results = FixtureRuns.runC(triple, ItSupport.helped(), "helped", from, dir, build);
    return Arrays.stream(results.split(" ")).map(Long::valueOf).toList();
  }

  /**
   * Emits the same function through the Java runtime from {@code from}'s host stencils: the
   * helpers' external llabs is the C library's.
   */
  private static List<Long> runJava(Output from) throws Throwable {
    return FixtureRuns.runJava(from, "Helped", INPUTS, (helped, emitter, assembler) -> {
      helped.getMethod("shim").invoke(emitter);
      helped.getMethod("mix", long.class).invoke(emitter, 3L);
      helped.getMethod("prime").invoke(emitter);
      helped.getMethod("mix", long.class).invoke(emitter, -2L);
      helped.getMethod("ret").invoke(emitter);
    });
  }
}
