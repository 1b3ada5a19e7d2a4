package io.stencil4j.processor.stencil;

import io.stencil4j.processor.object.ObjectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The object fuzzing campaign of {@code scripts/fuzz-objects.sh}: N mutated objects per format
 * through reader and stencil builder, a table of outcomes, failing inputs kept. Exits with 1 if
 * any input ended otherwise than in success or a typed error.
 *
 * <pre>ObjectFuzzMain N [--seed S] [--format elf|coff|macho] [--keep DIR]</pre>
 */
public final class ObjectFuzzMain {
  private static final String USAGE =
      "usage: fuzz-objects.sh N [--seed S] [--format elf|coff|macho] [--keep DIR]";

  private ObjectFuzzMain() {}

  public static void main(String[] args) throws Exception {
    long inputs = -1;
    long seed = 1;
    List<ObjectFile.Format> formats = new ArrayList<>(List.of(ObjectFile.Format.values()));
    Path keep = Path.of("fuzz-objects-failures");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--format" -> formats = List.of(format(value(args, ++i)));
        case "--keep" -> keep = Path.of(value(args, ++i));
        default -> {
          if (args[i].startsWith("-") || inputs >= 0) {
            usage("unexpected argument " + args[i]);
          }
          inputs = Long.parseLong(args[i].replace(",", "").replace("_", ""));
        }
      }
    }
    if (inputs < 0) {
      usage("the number of inputs per format is missing");
    }
    Path seeds = Files.createTempDirectory("fuzz-objects-seeds");
    List<FuzzSeeds.Seed> compiled = FuzzSeeds.compile(seeds);
    List<ObjectFuzzer.Tally> tallies = new ArrayList<>();
    for (ObjectFile.Format format : formats) {
      long start = System.nanoTime();
      ObjectFuzzer.Tally tally = new ObjectFuzzer(format, compiled, seed, keep).run(inputs);
      System.out.printf(Locale.ROOT, "%s: %,d inputs in %.0f s%n", format, inputs,
          (System.nanoTime() - start) / 1e9);
      for (Map.Entry<String, Long> failure : tally.failures().entrySet()) {
        System.out.printf(Locale.ROOT, "  %,8d  %s%n", failure.getValue(), failure.getKey());
      }
      tallies.add(tally);
    }
    System.out.println();
    System.out.println(table(tallies, seed));
    boolean clean = tallies.stream().allMatch(ObjectFuzzer.Tally::clean);
    if (!clean) {
      System.out.println("failing inputs are kept in " + keep.toAbsolutePath());
    }
    System.exit(clean ? 0 : 1);
  }

  static String table(List<ObjectFuzzer.Tally> tallies, long seed) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "seed %d%n%-7s %11s %11s %13s %16s %6s %4s%n", seed, "format", "inputs", "ok",
        "typed errors", "other exceptions", "hangs", "OOM"));
    for (ObjectFuzzer.Tally t : tallies) {
      text.append(String.format(Locale.ROOT, "%-7s %,11d %,11d %,13d %,16d %,6d %,4d%n",
          t.format().name().toLowerCase(Locale.ROOT).replace("_", ""), t.inputs(),
          t.count(ObjectFuzzer.Outcome.OK), t.count(ObjectFuzzer.Outcome.TYPED),
          t.count(ObjectFuzzer.Outcome.OTHER), t.count(ObjectFuzzer.Outcome.HANG),
          t.count(ObjectFuzzer.Outcome.OOM)));
    }
    return text.toString();
  }

  private static ObjectFile.Format format(String name) {
    return switch (name) {
      case "elf" -> ObjectFile.Format.ELF;
      case "coff" -> ObjectFile.Format.COFF;
      case "macho" -> ObjectFile.Format.MACH_O;
      default -> usage("unknown format " + name);
    };
  }

  private static String value(String[] args, int i) {
    return i < args.length ? args[i] : usage(args[i - 1] + " needs a value");
  }

  private static <T> T usage(String problem) {
    System.err.println(problem + "\n" + USAGE);
    System.exit(2);
    throw new AssertionError();
  }
}
