package io.stencil4j.examples.stackvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the C compilers and the programs they build for the tests, each within a time limit. */
final class TestProcesses {
  private static final long TIMEOUT_SECONDS = 120;

  private TestProcesses() {}

  /** Fails the test with how to install {@code tool} if it is not on the PATH. */
  static void assertOnPath(String tool, String debianPackage) {
    assertTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool))),
        tool + " is missing: install it with apt-get install " + debianPackage);
  }

  /**
   * Runs {@code command} with {@code input} (a file, so no pipe fills up; null for none) as
   * standard input and returns its output; fails the test if it exits with other than 0 or runs
   * longer than the limit.
   */
  static String run(List<String> command, Path input) throws IOException, InterruptedException {
    Path output = Files.createTempFile("stencil4j-test", ".out");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      if (input != null) {
        builder.redirectInput(input.toFile());
      }
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " ran longer than "
            + TIMEOUT_SECONDS + " s");
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + text);
      return text;
    } finally {
      Files.delete(output);
    }
  }
}
