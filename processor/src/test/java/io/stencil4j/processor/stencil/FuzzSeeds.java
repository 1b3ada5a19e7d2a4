package io.stencil4j.processor.stencil;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.compile.Toolchain;
import io.stencil4j.processor.object.LlvmTools;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.spec.TemplateNames;
import io.stencil4j.processor.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real objects the object fuzzer mutates: {@code stencil/fuzz_seed.c} compiled by clang-19
 * with Stencil4j's flags for every triple, as one stencil alone and as a batch of two.
 */
final class FuzzSeeds {
  /** The flags a batch adds, so that each case's function and data can be cut out alone. */
  private static final List<String> BATCH_FLAGS = List.of("-ffunction-sections",
      "-fdata-sections", "-falign-functions=1");

  /**
   * One seed object.
   *
   * @param target the target it was compiled for, whose rules build its stencils
   * @param entries the stencils' entry functions, by stencil name
   * @param bytes the object file
   */
  record Seed(Target target, List<String> names, List<String> entries, byte[] bytes) {
    ObjectFile.Format format() {
      return switch (target.triple()) {
        case X86_64_UNKNOWN_LINUX_GNU, AARCH64_UNKNOWN_LINUX_GNU -> ObjectFile.Format.ELF;
        case X86_64_APPLE_DARWIN, AARCH64_APPLE_DARWIN -> ObjectFile.Format.MACH_O;
        case X86_64_PC_WINDOWS_MSVC, I686_PC_WINDOWS_MSVC, AARCH64_PC_WINDOWS_MSVC ->
            ObjectFile.Format.COFF;
      };
    }
  }

  private FuzzSeeds() {}

  /** Every triple's seeds, compiled in {@code directory}. */
  static List<Seed> compile(Path directory) throws IOException, InterruptedException {
    Path source = directory.resolve("fuzz_seed.c");
    try (InputStream in = FuzzSeeds.class.getResourceAsStream("/stencil/fuzz_seed.c")) {
      if (in == null) {
        throw new IOException("missing test resource stencil/fuzz_seed.c");
      }
      Files.write(source, in.readAllBytes());
    }
    List<Seed> seeds = new ArrayList<>();
    for (Triple triple : Triple.values()) {
      Target target = Target.of(triple);
      seeds.add(seed(target, source, directory, List.of("-DFIRST=_JIT_ENTRY", "-DSECOND=second"),
          List.of("A"), List.of(TemplateNames.ENTRY)));
      List<String> batch = new ArrayList<>(BATCH_FLAGS);
      batch.addAll(List.of("-DFIRST=_JIT_ENTRY_A", "-DSECOND=_JIT_ENTRY_B"));
      seeds.add(seed(target, source, directory, batch, List.of("A", "B"),
          List.of("_JIT_ENTRY_A", "_JIT_ENTRY_B")));
    }
    return seeds;
  }

  private static Seed seed(Target target, Path source, Path directory, List<String> defines,
      List<String> names, List<String> entries) throws IOException, InterruptedException {
    List<String> flags = new ArrayList<>(Toolchain.commonFlags(Toolchain.Kind.CLANG));
    flags.addAll(target.flags());
    flags.addAll(defines);
    Path object = LlvmTools.compile(source, target.triple().triple(), flags, directory,
        target.triple().triple() + "-" + names.size());
    return new Seed(target, names, entries, Files.readAllBytes(object));
  }
}
