package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stencil4j.it.ItSupport.Output;
import io.stencil4j.runtime.JitAssembler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
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
 * Variant cases (the Picks library of src/test/fixtures/tally), executed and compared with a
 * reference: every value of every variant case in one chain of stencils, selected by value in
 * the C header's emit functions on every triple and in the generated Java emitter on this one,
 * built in batches and each case alone; and values out of range, refused by both.
 */
class VariantsTest {
  private static final long[] INPUTS = {5, -7, 11};

  @TempDir static Path dir;
  private static Output batched;
  private static Output isolated;

  /** Picks' stencils, built both ways; nothing from the cache, so each way really compiles. */
  @BeforeAll
  static void compilePicks() {
    batched = FixtureRuns.build(ItSupport.picks(), dir.resolve("batched"));
    isolated = FixtureRuns.build(ItSupport.picks(), dir.resolve("isolated"), "-Astencil.isolated");
  }

  /** What the chain returns for each input: MUL 2 3 4 5, ADD_SHIFTED 1 << 0..3, MAYBE_ADD. */
  private static List<Long> reference() {
    List<Long> results = new ArrayList<>();
    for (long input : INPUTS) {
      long acc = input;
      for (int k = 2; k <= 5; k++) {
        acc *= k;
      }
      for (int by = 0; by <= 3; by++) {
        acc += 1L << by;
      }
      results.add(acc + 10000); // MAYBE_ADD adds 1000 with USE = 0 (not at all), 10000 with 1
    }
    return results;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ExecutedTriple.class)
  void theCHeaderSelectsEachVariantByValue(ExecutedTriple triple) {
    String outOfRange = " out of range: -2 -2";
    assertEquals(reference() + outOfRange, runC(triple, batched, "batched"));
    assertEquals(reference() + outOfRange, runC(triple, isolated, "isolated"));
  }

  @Test
  void theJavaEmitterSelectsEachVariantByValue() throws Throwable {
    for (Output output : List.of(batched, isolated)) {
      List<Long> results = FixtureRuns.runJava(output, "Picks", INPUTS, (picks, emitter, assembler) -> {
        picks.getMethod("shim").invoke(emitter);
        for (int k = 2; k <= 5; k++) {
          picks.getMethod("mul", int.class).invoke(emitter, k);
        }
        for (int by = 0; by <= 3; by++) {
          picks.getMethod("addShifted", int.class, long.class).invoke(emitter, by, 1L);
        }
        Method maybeAdd = picks.getMethod("maybeAdd", int.class, long.class);
        maybeAdd.invoke(maybeAdd.invoke(emitter, 0, 1000L), 1, 10000L);
        picks.getMethod("ret").invoke(emitter);
      });
      assertEquals(reference(), results, output.classes().toString());
    }
  }

  @Test
  void theJavaEmitterRefusesAValueOutOfRange() throws Exception {
    try (URLClassLoader loader = FixtureRuns.loader(batched)) {
      Object emitter = FixtureRuns.emitter(loader, "Picks",
          new JitAssembler(FixtureRuns.library(loader, "Picks")));
      Method mul = loader.loadClass("io.stencil4j.it.tally.Picks").getMethod("mul", int.class);
      InvocationTargetException thrown =
          assertThrows(InvocationTargetException.class, () -> mul.invoke(emitter, 6));
      assertEquals(IllegalArgumentException.class, thrown.getCause().getClass());
      assertEquals("mul: k = 6 is not a variant of case MUL(K = 2..5)",
          thrown.getCause().getMessage());
    }
  }

  @Test
  void theEntryClassListsEachVariantCasesStencilsInOrder() throws Exception {
    try (URLClassLoader loader = FixtureRuns.loader(batched)) {
      Object variants =
          FixtureRuns.entryClass(loader, "Picks").getField("MUL_VARIANTS").get(null);
      assertEquals("[MUL_2, MUL_3, MUL_4, MUL_5]", variants.toString());
    }
  }

  /**
   * Builds and runs picks_main.c on {@code triple}'s header in {@code from}; what it printed:
   * the results as a list, then what out-of-range emits returned.
   */
  private static String runC(ExecutedTriple triple, Output from, String build) {
    String[] parts = FixtureRuns.runC(triple, ItSupport.picks(), "picks", from, dir, build)
        .split(" out of range:");
    return Arrays.stream(parts[0].trim().split(" ")).map(Long::valueOf).toList()
        + " out of range:" + parts[1];
  }
}
