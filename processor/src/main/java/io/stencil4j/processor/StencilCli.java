package io.stencil4j.processor;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.build.BuildOptions;
import io.stencil4j.processor.build.BuiltLibrary;
import io.stencil4j.processor.build.StencilBuild;
import io.stencil4j.processor.compile.Toolchain;
import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.FileLocator;
import io.stencil4j.processor.spec.LibrarySpec;
import io.stencil4j.processor.spec.LibraryValues;
import io.stencil4j.processor.spec.StencilNames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
      usage: stencil4j --template FILE [--cases FILE] [--shim FILE] [--helpers FILE]
                       --header NAME --output DIR
                       [--triple TRIPLE]... [--include DIR]... [--define NAME[=VALUE]]...
                       [--flag FLAG]... [--case-pattern REGEX] [--clang PATH] [--gcc[=PATH]]
                       [--cache DIR|none] [--snapshot DIR] [--isolated] [--timeout SECONDS]
             stencil4j --help | --version
      """;
  private static final String HELP = USAGE + """

      Compiles the stencils of a C template for each target triple and writes the C headers
      NAME.h and NAME-TRIPLE.h to DIR; the same inputs as @Stencil, minus the Java side.

        --template FILE       the C template (with the cases, unless --cases is given)
        --cases FILE          the cases, each starting with `case NAME:`
        --shim FILE           C code compiled before the template
        --helpers FILE        native helpers: C functions that stencils call by name
        --header NAME         the headers' base name, a lower-case C identifier
        --output DIR          where the headers are written
        --triple TRIPLE       a target triple (repeatable; default x86_64-unknown-linux-gnu)
        --include DIR         an include directory (repeatable)
        --define NAME[=VALUE] a preprocessor definition (repeatable)
        --flag FLAG           an extra compiler flag (repeatable)
        --case-pattern REGEX  what starts a case; group 1 is its name
        --clang PATH          the clang to use (default: clang-19 or clang on the PATH)
        --gcc[=PATH]          compile the x86-64 Linux stencils with gcc
        --cache DIR|none      the stencil cache (default: the user's cache directory)
        --snapshot DIR        stencil snapshots: written with a compiler, read without one
        --isolated            compile each case alone instead of in batches
        --timeout SECONDS     how long one compiler run may take (default 300)

      Exit status: 0 when the headers are written or up to date, 1 on bad input (one error
      naming the option; no header of an earlier build is left), 2 on bad usage.
      """;
  /** The option that names each annotation member in messages. */
  private static final Map<String, String> OPTION_OF_MEMBER = Map.of("triples", "triple",
      "includes", "include", "defines", "define", "flags", "flag", "casePattern", "case-pattern");

  private StencilCli() {}

  /**
   * Runs the command line and exits with its status (see {@link #run}).
   *
   * @param args the arguments, as {@code --help} lists them
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs with {@code args}; 0 when the headers are written (or already up to date), 1 on bad
   * input, 2 on bad usage.
   *
   * @param args the arguments, as {@code --help} lists them
   * @param out where {@code --help} and {@code --version} print
   * @param err where errors and notes go
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Path.of("").toAbsolutePath());
  }

  /** Runs with {@code args}, relative file names taken from {@code workingDirectory}. */
  static int run(String[] args, PrintStream out, PrintStream err, Path workingDirectory) {
    CliArguments arguments;
    try {
      arguments = CliArguments.parse(args);
      if (arguments.has("help")) {
        out.print(HELP);
        return 0;
      }
      if (arguments.has("version")) {
        out.println("stencil4j " + Stencil4jVersion.current());
        return 0;
      }
      for (String required : List.of("template", "header", "output")) {
        if (!arguments.has(required)) {
          throw new CliArguments.UsageException("--" + required + " is required");
        }
      }
    } catch (CliArguments.UsageException e) {
      err.print("stencil4j: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    OutputDirectory output;
    try {
      output = new OutputDirectory(outputDirectory(workingDirectory,
          arguments.value("output").get()));
    } catch (StencilException e) {
      return error(err, e);
    }
    String header = arguments.value("header").get();
    LibrarySpec spec;
    try {
      spec = spec(arguments, workingDirectory);
    } catch (StencilException e) {
      removeStale(output, header, err);
      return error(err, e);
    }
    try {
      BuiltLibrary build = build(spec, arguments);
      boolean wrote = HeaderFiles.write(output, spec.header(), build);
      build.notes().forEach(note -> err.println("stencil4j: note: " + note));
      build.warnings().forEach(warning -> err.println("stencil4j: warning"
          + option(warning.member()) + ": " + warning.message()));
      out.printf("stencil4j: %d stencils x %d triples: %d compiled in %d compiler runs, %d from "
              + "the cache; %s %s%n", build.names().size(), build.libraries().size(),
          build.compiled(), build.compilerRuns(), build.cached(),
          wrote ? "wrote" : "kept (up to date)",
          String.join(", ", HeaderFiles.names(spec.header(), spec.triples())));
      return 0;
    } catch (StencilException e) {
      removeStale(output, header, err);
      return error(err, e);
    } catch (IOException e) {
      removeStale(output, header, err);
      return error(err, StencilException.at("output", "cannot write the headers in "
          + output.path("") + ": " + e));
    }
  }

  /** Builds the stencils of {@code spec} with the compiler, cache and snapshots asked for. */
  private static BuiltLibrary build(LibrarySpec spec, CliArguments arguments)
      throws StencilException {
    Map<String, String> javacStyle = new HashMap<>();
    arguments.value("clang").ifPresent(c -> javacStyle.put(Toolchain.CLANG_OPTION, c));
    arguments.value("timeout").ifPresent(t -> javacStyle.put(Toolchain.TIMEOUT_OPTION, t));
    arguments.value("gcc").ifPresent(g -> javacStyle.put(Toolchain.GCC_OPTION,
        g.isEmpty() ? null : g));
    BuildOptions options = new BuildOptions(Optional.empty(), arguments.has("isolated"),
        "--cache", arguments.value("cache"),
        arguments.value("snapshot").map(d -> new BuildOptions.Directory("--snapshot", Path.of(d))),
        Stencil4jVersion.current());
    return new StencilBuild(javacStyle, System.getenv()).build(spec, List.of(), options);
  }

  /** The directory {@code name}: where it exists, a directory, so no compile is wasted. */
  private static Path outputDirectory(Path workingDirectory, String name)
      throws StencilException {
    Path path;
    try {
      path = workingDirectory.resolve(name);
    } catch (InvalidPathException e) {
      throw StencilException.at("output", "output \"" + name + "\" is not a valid path: "
          + e.getReason());
    }
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw StencilException.at("output", "output " + path + " is not a directory");
    }
    return path;
  }

  private static int error(PrintStream err, StencilException e) {
    err.println("stencil4j: error" + option(e.member().orElse("")) + ": " + e.getMessage());
    return 1;
  }

  /** " (--OPTION)" for the annotation member {@code member}, or nothing for none. */
  private static String option(String member) {
    return member.isEmpty() ? "" : " (--" + OPTION_OF_MEMBER.getOrDefault(member, member) + ")";
  }

  /**
   * Removes the headers named {@code header} of an earlier build, as the processor does, so that
   * none looks valid; also when the failure is in the other options.
   */
  private static void removeStale(OutputDirectory output, String header, PrintStream err) {
    if (StencilNames.headerProblem(header).isPresent()) {
      return; // no header can have that name
    }
    for (String failure : HeaderFiles.remove(output,
        HeaderFiles.names(header, List.of(Triple.values())))) {
      err.println("stencil4j: note: could not check for a stale " + failure);
    }
  }

  /** The library the arguments describe, validated as the processor validates @Stencil. */
  private static LibrarySpec spec(CliArguments arguments, Path workingDirectory)
      throws StencilException {
    List<String> triples = arguments.has("triple") ? arguments.values("triple")
        : List.of(Triple.X86_64_UNKNOWN_LINUX_GNU.triple());
    return new LibraryValues(arguments.value("template").get(),
        arguments.value("cases").orElse(""), arguments.value("shim").orElse(""),
        arguments.value("helpers").orElse(""), triples,
        arguments.values("include"), arguments.values("define"), arguments.values("flag"),
        arguments.value("header").get(), arguments.value("case-pattern").orElse(""))
        .validate(FileLocator.in(workingDirectory));
  }
}
