package io.stencil4j.processor.compile;

import io.stencil4j.processor.StencilException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clang that compiles stencils (and the llvm-objdump that disassembles them, if present).
 *
 * @param clang the clang executable
 * @param major clang's major version
 * @param version the first line of {@code clang --version}, part of every input digest
 * @param objdump llvm-objdump of the same version, for disassembly comments
 */
public record Toolchain(Path clang, int major, String version, Optional<Path> objdump) {
  /** The javac option naming clang. */
  public static final String CLANG_OPTION = "stencil.clang";
  /** The environment variable naming clang. */
  public static final String CLANG_VARIABLE = "STENCIL_CLANG";
  /** The oldest clang with what the templates rely on ({@code preserve_none} on AArch64). */
  public static final int MIN_MAJOR = 19;
  private static final int NEWEST_MAJOR_TRIED = 40;
  private static final Pattern VERSION = Pattern.compile("clang version (\\d+)\\.\\d+");

  /**
   * Finds clang: {@code -Astencil.clang}, then {@code $STENCIL_CLANG}, then {@code clang-NN} on
   * the PATH from the newest NN down to 19, then {@code clang}.
   */
  public static Toolchain find(Map<String, String> options, Map<String, String> environment)
      throws StencilException {
    List<String> tried = new ArrayList<>();
    String explicit = options.get(CLANG_OPTION);
    if (explicit == null) {
      explicit = environment.get(CLANG_VARIABLE);
    }
    if (explicit != null) {
      Path clang = Path.of(explicit);
      if (!Files.isExecutable(clang)) {
        Optional<Path> onPath = onPath(explicit, environment);
        if (onPath.isEmpty()) {
          throw StencilException.onAnnotation("clang \"" + explicit + "\" (from -A" + CLANG_OPTION
              + " or $" + CLANG_VARIABLE + ") is not an executable file");
        }
        clang = onPath.get();
      }
      return checked(clang, environment);
    }
    for (int major = NEWEST_MAJOR_TRIED; major >= MIN_MAJOR; major--) {
      Optional<Path> clang = onPath("clang-" + major, environment);
      if (clang.isPresent()) {
        return checked(clang.get(), environment);
      }
    }
    tried.add("clang-" + NEWEST_MAJOR_TRIED + " ... clang-" + MIN_MAJOR);
    Optional<Path> plain = onPath("clang", environment);
    if (plain.isPresent()) {
      return checked(plain.get(), environment);
    }
    tried.add("clang");
    throw StencilException.onAnnotation("no clang found (looked for " + String.join(", ", tried)
        + " on the PATH). Install one with \"apt-get install clang-" + MIN_MAJOR
        + "\", or name it with -A" + CLANG_OPTION + "=/path/to/clang");
  }

  private static Toolchain checked(Path clang, Map<String, String> environment)
      throws StencilException {
    String output;
    try {
      output = run(List.of(clang.toString(), "--version"));
    } catch (IOException e) {
      throw StencilException.onAnnotation("cannot run " + clang + " --version: " + e.getMessage());
    }
    String firstLine = output.lines().findFirst().orElse("").trim();
    Matcher matcher = VERSION.matcher(firstLine);
    if (!matcher.find() || firstLine.contains("Apple clang")) {
      throw StencilException.onAnnotation(clang + " is not LLVM clang (its --version says \""
          + firstLine + "\"). Install one with \"apt-get install clang-" + MIN_MAJOR
          + "\", or name it with -A" + CLANG_OPTION + "=/path/to/clang");
    }
    int major = Integer.parseInt(matcher.group(1));
    if (major < MIN_MAJOR) {
      throw StencilException.onAnnotation(clang + " is clang " + major + "; Stencil4j needs clang "
          + MIN_MAJOR + " or newer. Install one with \"apt-get install clang-" + MIN_MAJOR
          + "\", or name it with -A" + CLANG_OPTION + "=/path/to/clang");
    }
    return new Toolchain(clang, major, firstLine, objdump(clang, major, environment));
  }

  private static Optional<Path> objdump(Path clang, int major, Map<String, String> environment) {
    try {
      Path beside = clang.toRealPath().resolveSibling("llvm-objdump");
      if (Files.isExecutable(beside)) {
        return Optional.of(beside);
      }
    } catch (IOException e) {
      // a clang we cannot resolve has no sibling to offer; the PATH may still have one
    }
    return onPath("llvm-objdump-" + major, environment);
  }

  private static Optional<Path> onPath(String name, Map<String, String> environment) {
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Runs {@code command}, returning its standard output and error together. */
  static String run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish in a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
    return new String(output, StandardCharsets.UTF_8);
  }
}
