package io.stencil4j.runtime;

import io.stencil4j.model.Triple;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Machine code as assembly, by LLVM's {@code llvm-mc} (the tool of {@code -Dstencil4j.llvm-mc},
 * else the newest {@code llvm-mc-NN} on the PATH, else {@code llvm-mc}), for debugging JIT code.
 * Intel syntax on x86.
 */
final class Disassembler {
  static final String PROPERTY = "stencil4j.llvm-mc";
  private static final long TIMEOUT_SECONDS = 30;
  private static final Pattern VERSIONED = Pattern.compile("llvm-mc-(\\d+)");

  private Disassembler() {}

  /**
   * The assembly of {@code code} for {@code triple}.
   *
   * @throws UnsupportedOperationException if llvm-mc cannot be run
   * @throws IllegalStateException if it fails or takes longer than 30 seconds
   */
  static String disassemble(byte[] code, Triple triple) {
    return disassemble(code, triple, TIMEOUT_SECONDS);
  }

  /** {@link #disassemble(byte[], Triple)} with another timeout, for tests. */
  static String disassemble(byte[] code, Triple triple, long timeoutSeconds) {
    String tool = System.getProperty(PROPERTY, newestOnPath());
    boolean x86 = triple.triple().startsWith("x86_64") || triple.triple().startsWith("i686");
    List<String> command = x86
        ? List.of(tool, "--disassemble", "-triple=" + triple.triple(), "-output-asm-variant=1")
        : List.of(tool, "--disassemble", "-triple=" + triple.triple());
    StringBuilder input = new StringBuilder();
    for (byte b : code) {
      input.append(String.format("0x%02x ", b));
    }
    Path output = null;
    try {
      output = Files.createTempFile("stencil4j-disassembly", ".s");
      Process process;
      try {
        process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
      } catch (IOException e) {
        throw new UnsupportedOperationException("cannot run " + tool + " to disassemble JIT"
            + " code; install LLVM or name the tool with -D" + PROPERTY + "=PATH", e);
      }
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.toString().getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        // a tool that exits without reading its input (a broken pipe) is judged by its exit code
      }
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException(tool + " took longer than " + timeoutSeconds
            + " seconds to disassemble " + code.length + " bytes; stopped");
      }
      String text = Files.readString(output);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(tool + " failed (exit " + process.exitValue()
            + ") to disassemble " + code.length + " bytes for " + triple.triple() + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot disassemble with " + tool, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while disassembling with " + tool, e);
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  /** The newest {@code llvm-mc-NN} in a directory of the PATH, else {@code llvm-mc}. */
  private static String newestOnPath() {
    String newest = "llvm-mc";
    int version = -1;
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      String[] names = new File(directory).list();
      for (String name : names == null ? new String[0] : names) {
        Matcher versioned = VERSIONED.matcher(name);
        if (versioned.matches() && Integer.parseInt(versioned.group(1)) > version) {
          version = Integer.parseInt(versioned.group(1));
          newest = name;
        }
      }
    }
    return newest;
  }
}
