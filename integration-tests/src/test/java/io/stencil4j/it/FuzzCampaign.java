package io.stencil4j.it;

import io.stencil4j.it.FuzzConfiguration.Builder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * The random-program differential test: Csmith programs, each built as a stencil and executed on
 * every configuration, compared with the same program compiled normally ({@link FuzzReference}).
 *
 * <p>Programs are grouped into libraries of a few; libraries alternate between a batched build
 * (the programs share compiler runs, so each stencil is cut out of a shared object; with javac,
 * whose Java class the Java runtime then runs too) and an isolated one (each program compiled
 * alone). A library that fails to build is built again program by program, then triple by
 * triple, so an error is charged to the program and configuration it belongs to.
 *
 * @param libraries the programs, by library
 * @param configurations where to run them
 * @param threads how many libraries are built and run at once
 * @param work the working directory
 * @param keep where to copy every failing program with its header and outputs, if anywhere
 */
record FuzzCampaign(List<Library> libraries, Set<FuzzConfiguration> configurations,
    int threads, Path work, Optional<Path> keep) {

  /** Programs built as one library, batched or each alone. */
  record Library(List<Source> sources, boolean isolated) {}

  /** {@code sources} in libraries of {@code size}, batched and isolated in turn. */
  static List<Library> alternating(List<Source> sources, int size) {
    List<Library> libraries = new ArrayList<>();
    for (int i = 0; i < sources.size(); i += size) {
      libraries.add(new Library(sources.subList(i, Math.min(sources.size(), i + size)),
          libraries.size() % 2 == 1));
    }
    return libraries;
  }

  /** A program to test: generated from a Csmith seed, or read from a file. */
  record Source(long seed, Path file) {
    static Source seed(long seed) {
      return new Source(seed, null);
    }

    static Source file(Path file) {
      return new Source(-1, file);
    }

    Optional<CsmithProgram> program(Path directory) throws IOException {
      return file != null ? Optional.of(CsmithProgram.read(file))
          : CsmithProgram.generate(seed, directory);
    }

    String name() {
      return file != null ? file.getFileName().toString() : "SEED_" + seed;
    }
  }

  /** The programs of {@code count} seeds from {@code first}. */
  static List<Source> seeds(long first, int count) {
    List<Source> sources = new ArrayList<>();
    for (long seed = first; seed < first + count; seed++) {
      sources.add(Source.seed(seed));
    }
    return sources;
  }

  /** The reduced programs of earlier failures, kept as regression inputs, if there are any. */
  static List<Source> regressions() throws IOException {
    Path directory = FuzzFiles.resources().resolve("regressions");
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (var files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".c")).sorted().map(Source::file).toList();
    }
  }

  /** Runs every library, {@code threads} at once; the verdicts in program order. */
  List<FuzzVerdict> run() throws InterruptedException {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<FuzzVerdict>>> futures = new ArrayList<>();
      for (int i = 0; i < libraries.size(); i++) {
        Library library = libraries.get(i);
        Path directory = work.resolve("library-" + i);
        futures.add(executor.submit(() -> library(library.sources(), library.isolated(),
            directory)));
      }
      List<FuzzVerdict> verdicts = new ArrayList<>();
      for (Future<List<FuzzVerdict>> future : futures) {
        try {
          verdicts.addAll(future.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("the differential test itself failed", e.getCause());
        }
      }
      return verdicts;
    } finally {
      executor.shutdownNow();
    }
  }

  /** Generates, references, builds and runs one library's programs. */
  private List<FuzzVerdict> library(List<Source> sources, boolean isolated, Path directory)
      throws IOException {
    String build = isolated ? "isolated" : "batched";
    List<FuzzVerdict> verdicts = Collections.synchronizedList(new ArrayList<>());
    List<CsmithProgram> valid = new ArrayList<>();
    Map<String, FuzzReference> references = new LinkedHashMap<>();
    Files.createDirectories(directory);
    for (Source source : sources) {
      Optional<CsmithProgram> program = source.program(directory);
      if (program.isEmpty()) {
        skip(verdicts, source.name(), build, "Csmith failed");
        continue;
      }
      FuzzReference reference = FuzzReference.of(program.get(), FuzzFiles.resources(),
          directory.resolve("reference").resolve(program.get().name()));
      if (reference.skipped() != null) {
        skip(verdicts, program.get().name(), build, reference.skipped());
        continue;
      }
      valid.add(program.get());
      references.put(program.get().name(), reference);
    }
    if (valid.isEmpty()) {
      return verdicts;
    }
    FuzzLibrary library = FuzzLibrary.write(directory.resolve("stencils"), valid,
        FuzzFiles.resources());
    List<FuzzConfiguration> clang = new ArrayList<>();
    for (FuzzConfiguration configuration : configurations) {
      boolean java = configuration.builder == Builder.JAVAC;
      if (configuration.builder == Builder.CLANG || (java && !isolated)) {
        clang.add(configuration);
      }
    }
    Runner runner = new Runner(references, build, isolated, verdicts);
    if (!clang.isEmpty()) {
      runner.buildAndRun(library, clang);
    }
    if (configurations.contains(FuzzConfiguration.GCC)) {
      runner.buildAndRun(library, List.of(FuzzConfiguration.GCC));
    }
    return verdicts;
  }

  private void skip(List<FuzzVerdict> verdicts, String program, String build, String why) {
    for (FuzzConfiguration configuration : configurations) {
      if (configuration.builder != Builder.JAVAC || build.equals("batched")) {
        verdicts.add(new FuzzVerdict(program, configuration, build, FuzzOutcome.SKIPPED, why));
      }
    }
  }

  /** Builds libraries and runs their stencils for one group of programs. */
  private final class Runner {
    private final Map<String, FuzzReference> references;
    private final String build;
    private final boolean isolated;
    private final List<FuzzVerdict> verdicts;

    Runner(Map<String, FuzzReference> references, String build, boolean isolated,
        List<FuzzVerdict> verdicts) {
      this.references = references;
      this.build = build;
      this.isolated = isolated;
      this.verdicts = verdicts;
    }

    /**
     * Builds {@code library} for {@code targets} (all built by one tool) and runs it; on a build
     * error, each program alone, then each configuration alone.
     */
    void buildAndRun(FuzzLibrary library, List<FuzzConfiguration> targets) throws IOException {
      FuzzLibrary.Build result = build(library, targets);
      if (result.succeeded()) {
        for (FuzzConfiguration configuration : targets) {
          Map<String, FuzzExecution> executions = configuration.builder == Builder.JAVAC
              ? FuzzJava.run(library, result)
              : FuzzDriver.run(library, result, configuration.triple, FuzzFiles.resources());
          for (CsmithProgram program : library.programs) {
            FuzzExecution execution = executions.get(program.name());
            FuzzOutcome outcome =
                execution.judge(references.get(program.name()).expected(configuration));
            String detail = outcome == FuzzOutcome.MISMATCH
                ? "expected " + references.get(program.name()).expected(configuration) + ", got "
                    + execution.checksum()
                : execution.detail();
            record(library, result, program, configuration, outcome, detail);
          }
        }
      } else if (library.programs.size() > 1) {
        for (CsmithProgram program : library.programs) {
          buildAndRun(library.alone(program, FuzzFiles.resources()), targets);
        }
      } else if (targets.size() > 1) {
        for (FuzzConfiguration configuration : targets) {
          buildAndRun(library, List.of(configuration));
        }
      } else {
        record(library, result, library.programs.get(0), targets.get(0),
            FuzzOutcome.BUILD_ERROR, FuzzReference.firstLines(result.error()));
      }
    }

    private FuzzLibrary.Build build(FuzzLibrary library, List<FuzzConfiguration> targets)
        throws IOException {
      List<ExecutedTriple> triples = new ArrayList<>();
      boolean javac = false;
      for (FuzzConfiguration configuration : targets) {
        javac |= configuration.builder == Builder.JAVAC;
        if (!triples.contains(configuration.triple)) {
          triples.add(configuration.triple);
        }
      }
      String tag = targets.size() == 1 ? targets.get(0).label().replace('/', '-') : "all";
      if (javac) {
        return library.buildWithJavac(tag, triples, isolated);
      }
      return library.buildWithCli(tag, triples, targets.contains(FuzzConfiguration.GCC),
          isolated);
    }

    private void record(FuzzLibrary library, FuzzLibrary.Build result, CsmithProgram program,
        FuzzConfiguration configuration, FuzzOutcome outcome, String detail) throws IOException {
      FuzzVerdict verdict = new FuzzVerdict(program.name(), configuration, build, outcome, detail);
      verdicts.add(verdict);
      if (keep.isPresent() && outcome != FuzzOutcome.MATCH) {
        keep(library, result, program, verdict);
      }
    }

    /** Copies what reproduces {@code verdict}: the library's sources, header and outputs. */
    private void keep(FuzzLibrary library, FuzzLibrary.Build result, CsmithProgram program,
        FuzzVerdict verdict) throws IOException {
      Path to = keep.get().resolve(verdict.configuration().label().replace('/', '-'))
          .resolve(program.name());
      Files.createDirectories(to);
      for (String file : List.of("template.c", "cases.c", "csmith.h", program.name() + ".c")) {
        copy(library.directory.resolve(file), to);
      }
      copy(library.directory.getParent().resolve("reference").resolve(program.name())
          .resolve("reference.c"), to);
      Path header = result.header(verdict.configuration().triple);
      copy(header, to);
      copy(header.resolveSibling("driver-" + verdict.configuration().triple.name + ".out"), to);
      Files.writeString(to.resolve("verdict.txt"), verdict + "\n"
          + "reference: " + references.get(program.name()) + "\n"
          + (result.error() != null ? "build error:\n" + result.error() + "\n" : ""));
    }

    private static void copy(Path file, Path directory) throws IOException {
      if (Files.isRegularFile(file)) {
        Files.copy(file, directory.resolve(file.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** All configurations. */
  static Set<FuzzConfiguration> everywhere() {
    return EnumSet.allOf(FuzzConfiguration.class);
  }
}
