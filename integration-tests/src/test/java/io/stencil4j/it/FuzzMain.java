package io.stencil4j.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The differential test from the command line.
 *
 * <p>{@code scripts/fuzz-stencils.sh}: a campaign of any size with fresh seeds, {@code [N]
 * [--triples LABEL,...] [--seed-from S] [--jobs J] [--per-library K] [--keep DIR] [--work DIR]};
 * a label is a triple (built by clang), {@code x86_64-unknown-linux-gnu/gcc} or {@code
 * x86_64-unknown-linux-gnu/java}. Exits with 1 when a program mismatches, crashes or cannot be
 * emitted anywhere.
 *
 * <p>{@code scripts/fuzz-reduce.sh}'s oracle: {@code --check FILE --triples LABEL --expect
 * OUTCOME [--isolated]} runs one program in the form {@link CsmithProgram} writes, and exits with
 * 0 exactly when it has that outcome there.
 */
public final class FuzzMain {
  private FuzzMain() {}

  public static void main(String[] args) throws Exception {
    int count = 50;
    long seedFrom = Math.floorMod(System.nanoTime(), 1_000_000_000L);
    int jobs = Runtime.getRuntime().availableProcessors();
    int perLibrary = 4;
    Set<FuzzConfiguration> configurations = FuzzCampaign.everywhere();
    Optional<Path> keep = Optional.of(Path.of("fuzz-failures"));
    Path work = null;
    Path check = null;
    String expect = null;
    boolean isolated = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--triples" -> configurations = configurations(args[++i]);
        case "--seed-from" -> seedFrom = Long.parseLong(args[++i]);
        case "--jobs" -> jobs = Integer.parseInt(args[++i]);
        case "--per-library" -> perLibrary = Integer.parseInt(args[++i]);
        case "--keep" -> keep = Optional.of(Path.of(args[++i]));
        case "--work" -> work = Path.of(args[++i]);
        case "--check" -> check = Path.of(args[++i]);
        case "--expect" -> expect = args[++i];
        case "--isolated" -> isolated = true;
        default -> count = Integer.parseInt(args[i]);
      }
    }
    boolean temporary = work == null;
    if (temporary) {
      work = Files.createTempDirectory("stencil4j-fuzz-");
    }
    int status;
    try {
      if (check != null) {
        List<FuzzVerdict> verdicts = new FuzzCampaign(List.of(new FuzzCampaign.Library(
            List.of(FuzzCampaign.Source.file(check)), isolated)), configurations, 1, work,
            Optional.empty()).run();
        verdicts.forEach(System.out::println);
        String expected = expect;
        status = verdicts.stream().anyMatch(v -> v.outcome().label.equals(expected)) ? 0 : 1;
      } else {
        status = campaign(count, seedFrom, jobs, perLibrary, configurations, work, keep);
      }
    } finally {
      if (temporary) {
        delete(work);
      }
    }
    System.exit(status);
  }

  /** Runs the campaign, prints its table; 1 if any stencil failed. */
  private static int campaign(int count, long seedFrom, int jobs, int perLibrary,
      Set<FuzzConfiguration> configurations, Path work, Optional<Path> keep)
      throws InterruptedException {
    System.out.printf("stencil4j fuzz: seeds %d..%d, %d jobs, %d programs per library, "
        + "failures kept in %s%n", seedFrom, seedFrom + count - 1, jobs, perLibrary,
        keep.orElseThrow().toAbsolutePath());
    long start = System.nanoTime();
    List<FuzzVerdict> verdicts = new FuzzCampaign(FuzzCampaign.alternating(
        FuzzCampaign.seeds(seedFrom, count), perLibrary), configurations, jobs, work, keep).run();
    FuzzTable.print(verdicts, configurations, System.out);
    System.out.printf("%d programs in %.0f s%n", count, (System.nanoTime() - start) / 1e9);
    return verdicts.stream().anyMatch(v -> v.outcome().failure) ? 1 : 0;
  }

  private static Set<FuzzConfiguration> configurations(String labels) {
    Set<FuzzConfiguration> configurations = EnumSet.noneOf(FuzzConfiguration.class);
    for (String label : labels.split(",")) {
      FuzzConfiguration configuration = FuzzConfiguration.of(label);
      if (configuration == null) {
        throw new IllegalArgumentException("unknown configuration " + label + "; known: "
            + FuzzCampaign.everywhere().stream().map(FuzzConfiguration::label).toList());
      }
      configurations.add(configuration);
    }
    return configurations;
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
