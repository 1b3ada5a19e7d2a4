package io.stencil4j.processor.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the C compilers and programs of the header tests. A missing tool fails the test, naming the
 * Debian package to install: these tests are what proves the header compiles and works.
 */
public final class CTools {
  private static final Map<String, String> PACKAGES = Map.of(
      "gcc", "gcc", "g++", "g++", "clang-19", "clang-19", "clang++-19", "clang-19",
      "qemu-i386", "qemu-user");
  private static final long TIMEOUT_SECONDS = 120;

  /** What a finished command printed (stdout and stderr, interleaved) and its exit status. */
  public record Result(int exitCode, String output) {}

  private CTools() {}

  /** Copies the test resource {@code output/name} into {@code dir}. */
  public static Path resource(Path dir, String name) {
    Path target = dir.resolve(name);
    try (InputStream in = CTools.class.getResourceAsStream("/output/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource output/" + name);
      }
      Files.copy(in, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Runs {@code command} in {@code dir}; fails when its program is not installed. */
  public static Result run(Path dir, List<String> command) {
    Process process;
    Path log;
    try {
      // A file rather than a pipe, so that the timeout holds even if the program never exits.
      log = Files.createTempFile(dir, "run-", ".log");
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      String tool = command.get(0);
      return fail(tool + " is needed to test the generated C header but could not be run ("
          + e.getMessage() + "): install it, e.g. apt-get install "
          + PACKAGES.getOrDefault(tool, tool));
    }
    try {
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return fail("timed out: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code command} in {@code dir} and asserts that it succeeds; returns its output. */
  public static String succeed(Path dir, List<String> command) {
    Result result = run(dir, command);
    assertEquals(0, result.exitCode(),
        () -> String.join(" ", command) + " failed:\n" + result.output());
    return result.output();
  }

  /** {@code compiler} followed by {@code flags}, then {@code more}. */
  public static List<String> command(String compiler, List<String> flags, String... more) {
    List<String> command = new ArrayList<>();
    command.add(compiler);
    command.addAll(flags);
    command.addAll(List.of(more));
    return command;
  }
}
