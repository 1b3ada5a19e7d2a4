package io.stencil4j.processor;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.cache.Snapshot;
import io.stencil4j.processor.cache.StencilCache;
import io.stencil4j.processor.compile.Toolchain;
import io.stencil4j.processor.spec.CaseSplitter;
import io.stencil4j.processor.spec.LibrarySpec;
import io.stencil4j.processor.spec.StencilNames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The C headers from the command line, for C and C++ users without javac: the same inputs and
 * pipeline as the annotation processor, minus the Java side.
 */
public final class StencilCli {
  private static final String USAGE = """
      usage: stencil4j --template FILE [--cases FILE] [--shim FILE] --header NAME --output DIR
                       [--triple TRIPLE]... [--include DIR]... [--define NAME[=VALUE]]...
                       [--flag FLAG]... [--case-pattern REGEX] [--clang PATH] [--gcc[=PATH]]
                       [--cache DIR|none] [--snapshot DIR] [--isolated] [--timeout SECONDS]
      Writes NAME.h and NAME-TRIPLE.h for each triple (default x86_64-unknown-linux-gnu) to DIR.
      """;

  private StencilCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs with {@code args}; 0 when the headers are written (or already up to date), 1 on bad
   * input, 2 on bad usage.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, List<String>> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        err.print("stencil4j: unexpected argument " + arg + "\n" + USAGE);
        return 2;
      }
      String name = arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg.substring(2);
      boolean flag = name.equals("isolated") || (name.equals("gcc") && !arg.contains("="));
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
          : flag ? "" : i + 1 < args.length ? args[++i] : null;
      if (value == null) {
        err.print("stencil4j: " + arg + " needs a value\n" + USAGE);
        return 2;
      }
      options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    for (String required : List.of("template", "header", "output")) {
      if (!options.containsKey(required)) {
        err.print("stencil4j: --" + required + " is required\n" + USAGE);
        return 2;
      }
    }
    LibrarySpec spec;
    try {
      spec = spec(options);
    } catch (StencilException e) {
      return error(err, e);
    }
    OutputDirectory output = new OutputDirectory(Path.of(options.get("output").get(0)));
    try {
      LibraryBuild build = build(spec, options);
      boolean wrote = HeaderFiles.write(output, spec.header(), build);
      build.notes().forEach(note -> err.println("stencil4j: note: " + note));
      build.warnings().forEach(warning -> err.println("stencil4j: warning"
          + (warning.member().isEmpty() ? "" : " (--" + warning.member() + ")") + ": "
          + warning.message()));
      out.printf("stencil4j: %d stencils x %d triples: %d compiled in %d compiler runs, %d from "
              + "the cache; %s %s%n", build.names().size(), build.libraries().size(),
          build.compiled(), build.compilerRuns(), build.cached(),
          wrote ? "wrote" : "kept (up to date)",
          String.join(", ", HeaderFiles.names(spec.header(), spec.triples())));
      return 0;
    } catch (StencilException e) {
      removeStale(output, spec, err);
      return error(err, e);
    } catch (IOException e) {
      removeStale(output, spec, err);
      err.println("stencil4j: error: " + e);
      return 1;
    }
  }

  /** Builds the stencils of {@code spec} with the compiler, cache and snapshots asked for. */
  private static LibraryBuild build(LibrarySpec spec, Map<String, List<String>> options)
      throws StencilException {
    Map<String, String> javacStyle = new HashMap<>();
    first(options, "clang").ifPresent(c -> javacStyle.put(Toolchain.CLANG_OPTION, c));
    first(options, "timeout").ifPresent(t -> javacStyle.put(Toolchain.TIMEOUT_OPTION, t));
    first(options, "gcc").ifPresent(g -> javacStyle.put(Toolchain.GCC_OPTION,
        g.isEmpty() ? null : g));
    Optional<Path> snapshots = first(options, "snapshot").map(Path::of);
    Optional<Toolchain> clang = Optional.empty();
    String noCompiler = null;
    try {
      clang = Optional.of(Toolchain.find(javacStyle, System.getenv()));
    } catch (StencilException e) {
      if (snapshots.isEmpty()) {
        throw e;
      }
      noCompiler = e.getMessage();
    }
    if (snapshots.isPresent()) {
      Snapshot.checkOption("--snapshot", snapshots.get(), spec.header(), spec.triples(),
          clang.isPresent());
    }
    LibraryBuilder builder = new LibraryBuilder(clang,
        Toolchain.gcc(javacStyle, System.getenv()), Optional.empty(),
        !options.containsKey("isolated"),
        StencilCache.forOption("--cache", first(options, "cache").orElse(null), System.getenv()),
        snapshots,
        Stencil4jVersion.current());
    return clang.isPresent() ? builder.build(spec)
        : builder.fromSnapshots(spec, snapshots.get(), noCompiler);
  }

  private static int error(PrintStream err, StencilException e) {
    String where = e.member().filter(m -> !m.isEmpty()).map(m -> " (--" + m + ")").orElse("");
    err.println("stencil4j: error" + where + ": " + e.getMessage());
    return 1;
  }

  /** Removes the headers of an earlier build, as the processor does, so none looks valid. */
  private static void removeStale(OutputDirectory output, LibrarySpec spec, PrintStream err) {
    for (String failure : HeaderFiles.remove(output,
        HeaderFiles.names(spec.header(), List.of(Triple.values())))) {
      err.println("stencil4j: note: could not check for a stale " + failure);
    }
  }

  private static LibrarySpec spec(Map<String, List<String>> options) throws StencilException {
    List<Triple> triples = new ArrayList<>();
    for (String name : options.getOrDefault("triple",
        List.of(Triple.X86_64_UNKNOWN_LINUX_GNU.triple()))) {
      Triple triple = Triple.of(name).orElseThrow(() -> StencilException.at("triple",
          "unknown triple \"" + name + "\""));
      if (!triples.contains(triple)) {
        triples.add(triple);
      }
    }
    String header = options.get("header").get(0);
    Optional<String> problem = StencilNames.headerProblem(header);
    if (problem.isPresent()) {
      throw StencilException.at("header", problem.get());
    }
    List<Path> includes = new ArrayList<>();
    for (String include : options.getOrDefault("include", List.of())) {
      includes.add(existing("include", include, true));
    }
    return new LibrarySpec(existing("template", options.get("template").get(0), false),
        optionalFile(options, "cases"), optionalFile(options, "shim"), triples, includes,
        options.getOrDefault("define", List.of()), options.getOrDefault("flag", List.of()),
        header, CaseSplitter.of(first(options, "case-pattern").orElse("")));
  }

  private static Optional<Path> optionalFile(Map<String, List<String>> options, String name)
      throws StencilException {
    Optional<String> value = first(options, name);
    return value.isEmpty() ? Optional.empty() : Optional.of(existing(name, value.get(), false));
  }

  private static Path existing(String option, String name, boolean directory)
      throws StencilException {
    Path path = Path.of(name).toAbsolutePath().normalize();
    if (directory ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
      throw StencilException.at(option, "cannot find " + option + " "
          + (directory ? "directory" : "file") + " " + path);
    }
    return path;
  }

  private static Optional<String> first(Map<String, List<String>> options, String name) {
    List<String> values = options.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
  }
}
