package io.stencil4j.processor.stencil;

import static com.google.common.truth.Truth.assertThat;

import io.stencil4j.processor.object.ObjectFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixed-seed part of {@code scripts/fuzz-objects.sh}: mutated real stencil objects of every
 * format through reader and stencil builder end in success or a typed error, each within 2 s.
 */
class ObjectFuzzTest {
  private static final long INPUTS = 10_000;
  private static final long SEED = 1;

  private static List<FuzzSeeds.Seed> seeds;

  @BeforeAll
  static void compileSeeds(@TempDir Path directory) throws Exception {
    seeds = FuzzSeeds.compile(directory);
  }

  @ParameterizedTest
  @EnumSource(ObjectFile.Format.class)
  void everyMutatedObjectEndsInSuccessOrATypedError(ObjectFile.Format format, @TempDir Path keep)
      throws Exception {
    ObjectFuzzer.Tally tally = new ObjectFuzzer(format, seeds, SEED, keep).run(INPUTS);

    assertThat(tally.failures()).isEmpty();
    assertThat(tally.count(ObjectFuzzer.Outcome.OK) + tally.count(ObjectFuzzer.Outcome.TYPED))
        .isEqualTo(INPUTS);
    // both outcomes occur, or the mutations are too weak (or too strong) to test anything
    assertThat(tally.count(ObjectFuzzer.Outcome.OK)).isGreaterThan(INPUTS / 100);
    assertThat(tally.count(ObjectFuzzer.Outcome.TYPED)).isGreaterThan(INPUTS / 100);
  }
}
