package io.stencil4j.it;

import io.stencil4j.it.ItSupport.Fixture;
import io.stencil4j.it.ItSupport.Jdk;
import io.stencil4j.it.ItSupport.Output;
import io.stencil4j.it.ItSupport.Result;
import io.stencil4j.processor.StencilCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Csmith programs as one stencil library in a directory of its own: the fuzz template, a cases
 * file with one case per program, the programs' files and the stand-in for Csmith's runtime
 * header. It is built as a user would: with Stencil4j's command line, or with javac and the
 * annotation processor (which also writes the Java class the Java runtime loads).
 */
final class FuzzLibrary {
  /** The headers' base name, {@code fuzz-TRIPLE.h}, and the C identifiers' prefix. */
  static final String HEADER = "fuzz";
  /** The package and name of the javac-built library's interface. */
  static final String INTERFACE = "fuzz.Fuzz";
  private static final Duration BUILD_LIMIT = Duration.ofMinutes(20);

  final Path directory;
  final List<CsmithProgram> programs;

  private FuzzLibrary(Path directory, List<CsmithProgram> programs) {
    this.directory = directory;
    this.programs = List.copyOf(programs);
  }

  /** Writes the library of {@code programs} to {@code directory}. */
  static FuzzLibrary write(Path directory, List<CsmithProgram> programs, Path resources)
      throws IOException {
    Files.createDirectories(directory);
    for (String file : List.of("template.c", "csmith.h")) {
      Files.copy(resources.resolve(file), directory.resolve(file));
    }
    StringBuilder cases = new StringBuilder();
    for (CsmithProgram program : programs) {
      program.writeTo(directory);
      cases.append(program.caseText());
    }
    Files.writeString(directory.resolve("cases.c"), cases);
    return new FuzzLibrary(directory, programs);
  }

  /** The library of {@code program} alone, in a subdirectory. */
  FuzzLibrary alone(CsmithProgram program, Path resources) throws IOException {
    return write(directory.resolve(program.name()), List.of(program), resources);
  }

  /**
   * A finished build: where its C headers (and, from javac, its classes) are, or its error.
   *
   * @param headers the directory of {@code fuzz-TRIPLE.h}
   * @param classes javac's output directory, or null
   * @param error the build's error output, or null if it succeeded
   */
  record Build(Path headers, Path classes, String error) {
    boolean succeeded() {
      return error == null;
    }

    Path header(ExecutedTriple triple) {
      return headers.resolve(HEADER + "-" + triple.name + ".h");
    }
  }

  /**
   * Builds with the command line for {@code triples}, by gcc if {@code gcc} (then the only triple
   * is x86-64 Linux), each case alone if {@code isolated}.
   */
  Build buildWithCli(String tag, List<ExecutedTriple> triples, boolean gcc, boolean isolated)
      throws IOException {
    Path output = Files.createDirectories(directory.resolve("build-" + tag));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", ItSupport.processorPath().stream().map(Path::toString)
            .collect(Collectors.joining(java.io.File.pathSeparator)),
        StencilCli.class.getName(),
        "--template", directory.resolve("template.c").toString(),
        "--cases", directory.resolve("cases.c").toString(),
        "--include", directory.toString(),
        "--header", HEADER, "--output", output.toString(),
        "--cache", "none", "--flag", "-w"));
    for (ExecutedTriple triple : triples) {
      command.addAll(List.of("--triple", triple.name));
    }
    if (gcc) {
      command.add("--gcc");
    }
    if (isolated) {
      command.add("--isolated");
    }
    return finish(command, output, null);
  }

  /** Builds with javac and the processor for {@code triples}, each alone if {@code isolated}. */
  Build buildWithJavac(String tag, List<ExecutedTriple> triples, boolean isolated)
      throws IOException {
    Path build = directory.resolve("build-" + tag);
    Path source = build.resolve("java/fuzz/Fuzz.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package fuzz;\n\n"
        + "@io.stencil4j.Stencil(template = \"template.c\", cases = \"cases.c\",\n"
        + "    includes = \"" + directory + "\", header = \"" + HEADER + "\", flags = \"-w\",\n"
        + "    triples = {" + triples.stream().map(t -> "\"" + t.name + "\"")
            .collect(Collectors.joining(", ")) + "})\n"
        + "public interface Fuzz {}\n");
    Output output = Output.in(build);
    List<String> options = new ArrayList<>(List.of("-Astencil.cache=none"));
    if (isolated) {
      options.add("-Astencil.isolated");
    }
    List<String> command = ItSupport.javacCommand(Jdk.BUILD, new Fixture(source, directory),
        output, options.toArray(String[]::new));
    return finish(command, output.sources().resolve("fuzz"), output.classes());
  }

  private Build finish(List<String> command, Path headers, Path classes) {
    Optional<Result> result = ItSupport.runWithin(directory, command, Map.of(), BUILD_LIMIT);
    if (result.isEmpty()) {
      return new Build(headers, classes, "the build did not finish in " + BUILD_LIMIT);
    }
    if (result.get().exitCode() != 0) {
      return new Build(headers, classes, (result.get().stdout() + result.get().stderr()).strip());
    }
    return new Build(headers, classes, null);
  }
}
