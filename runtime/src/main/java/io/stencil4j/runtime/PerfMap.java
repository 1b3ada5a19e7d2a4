package io.stencil4j.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Linux {@code perf}'s map of JIT code, {@code /tmp/perf-<pid>.map}: one line per function
 * ("START SIZE NAME", hexadecimal) or per stencil ("NAME:STENCIL"), when the system property
 * {@value #PROPERTY} is {@code functions} or {@code stencils}. perf reads it when it reports, so
 * an address reused by a later function is named by both lines: keep functions alive while
 * profiling.
 */
final class PerfMap {
  static final String PROPERTY = "stencil4j.perfmap";

  private static FileChannel file;

  private PerfMap() {}

  /** Whether functions are to be named: "functions", or "stencils" for each stencil. */
  static String mode() {
    return System.getProperty(PROPERTY, "");
  }

  static Path path() {
    return Path.of("/tmp", "perf-" + ProcessHandle.current().pid() + ".map");
  }

  /** Appends {@code lines}, each already ending with a newline. */
  static synchronized void write(String lines) {
    try {
      if (file == null) {
        file = FileChannel.open(path(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
      }
      ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        file.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write perf's map " + path(), e);
    }
  }

  /** A function's lines: one, or one per stencil that has code when {@code perStencil}. */
  static String lines(StagedFunction staged, long codeBase, String name, boolean perStencil) {
    if (!perStencil) {
      return line(codeBase, Math.max(staged.codeSize, 1), name);
    }
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < staged.count; i++) {
      PreparedStencil stencil = staged.stencil(i);
      if (stencil.codeSize > 0) {
        lines.append(line(codeBase + staged.codeAt(i), stencil.codeSize,
            name + ":" + stencil.stencil.name()));
      }
    }
    return lines.toString();
  }

  /** A map line. */
  static String line(long address, long size, String name) {
    return Long.toHexString(address) + " " + Long.toHexString(size) + " " + name + "\n";
  }
}
