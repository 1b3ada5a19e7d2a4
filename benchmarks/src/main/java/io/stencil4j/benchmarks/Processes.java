package io.stencil4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a benchmark's helper process to its end, within a time limit. */
final class Processes {
  private Processes() {}

  /**
   * The output (stdout and stderr) of {@code command}.
   *
   * @throws IllegalStateException if it fails or runs longer than {@code timeoutSeconds}
   */
  static String run(List<String> command, long timeoutSeconds) {
    try {
      Path log = Files.createTempFile("stencil4j-benchmark", ".log");
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new IllegalStateException(command.get(0) + " ran longer than " + timeoutSeconds
              + " s: " + String.join(" ", command));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed with status "
              + process.exitValue() + ":\n" + output);
        }
        return output;
      } finally {
        Files.delete(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
