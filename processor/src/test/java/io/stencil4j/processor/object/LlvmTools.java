package io.stencil4j.processor.object;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and runs clang-19 and llvm-readobj-19, which the object-file tests compare against. They
 * are required: a missing tool fails the test rather than skipping it, so a machine without LLVM
 * cannot pass the suite by testing nothing.
 */
public final class LlvmTools {
  private static final String INSTALL_HINT =
      "install clang-19 and llvm-19 (Debian/Ubuntu: apt-get install clang-19 llvm-19)";

  private LlvmTools() {}

  static Path clang() {
    Optional<Path> onPath = onPath("clang-19");
    if (onPath.isPresent()) {
      return onPath.get();
    }
    String configured = System.getenv("STENCIL_CLANG");
    if (configured != null && !configured.isEmpty() && Files.isExecutable(Path.of(configured))) {
      return Path.of(configured);
    }
    return fail("clang-19 is not on PATH and STENCIL_CLANG is not set: " + INSTALL_HINT);
  }

  static Path readobj() {
    Optional<Path> onPath = onPath("llvm-readobj-19");
    if (onPath.isPresent()) {
      return onPath.get();
    }
    // A clang from STENCIL_CLANG usually sits in LLVM's bin directory, next to llvm-readobj.
    try {
      Path sibling = clang().toRealPath().resolveSibling("llvm-readobj");
      if (Files.isExecutable(sibling)) {
        return sibling;
      }
    } catch (IOException e) {
      // fall through to the failure below
    }
    return fail("llvm-readobj-19 is not on PATH nor next to clang: " + INSTALL_HINT);
  }

  /** Compiles {@code source} for {@code triple} into {@code directory} and returns the object. */
  public static Path compile(Path source, String triple, List<String> flags, Path directory, String name)
      throws IOException, InterruptedException {
    Path object = directory.resolve(name + ".o");
    List<String> command = new ArrayList<>(List.of(clang().toString(), "--target=" + triple));
    command.addAll(flags);
    command.addAll(List.of("-o", object.toString(), source.toString()));
    run(command, directory);
    return object;
  }

  /** Runs llvm-readobj-19 with {@code options} on {@code object} and returns its output. */
  static String readobj(Path object, List<String> options) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of(readobj().toString()));
    command.addAll(options);
    command.add(object.toString());
    return new String(run(command, object.getParent()), StandardCharsets.UTF_8);
  }

  /** A test resource under {@code object/}. */
  static Path resource(String name) {
    URL url = LlvmTools.class.getResource("/object/" + name);
    if (url == null) {
      return fail("missing test resource object/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** Runs {@code command} and returns its standard output; fails on a non-zero exit. */
  private static byte[] run(List<String> command, Path directory)
      throws IOException, InterruptedException {
    // Files rather than pipes: the output can be tens of megabytes, and stderr must not fill
    // its pipe while stdout is being read.
    Path out = Files.createTempFile(directory, "stdout", ".txt");
    Path err = Files.createTempFile(directory, "stderr", ".txt");
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      int exit = process.waitFor();
      if (exit != 0) {
        fail(String.join(" ", command) + " exited with " + exit + ":\n" + Files.readString(err));
      }
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty()) {
        Path candidate = Path.of(directory, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
