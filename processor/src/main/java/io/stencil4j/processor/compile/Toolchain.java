package io.stencil4j.processor.compile;

import io.stencil4j.processor.diagnostic.StencilException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.stencil4j.model.Triple;

/**
 * A C compiler that compiles stencils: clang for every triple (with the llvm-objdump that
 * disassembles them, if present), or gcc for x86-64 Linux only.
 *
 * @param kind clang or gcc
 * @param compiler the executable
 * @param version the first line of {@code --version}, part of every input digest
 * @param objdump llvm-objdump of clang's version, for disassembly comments
 * @param timeout how long any one run of the compiler or its tools may take
 */
public record Toolchain(Kind kind, Path compiler, String version, Optional<Path> objdump,
    Duration timeout) {

  /** The compilers Stencil4j drives. */
  public enum Kind {
    /** clang, for every triple. */
    CLANG,
    /** gcc, for x86-64 Linux when {@code -Astencil.gcc} asks for it. */
    GCC
  }

  /** The javac option that builds the x86-64 Linux stencils with gcc (its value: which gcc). */
  public static final String GCC_OPTION = "stencil.gcc";

  /** The javac option naming clang. */
  public static final String CLANG_OPTION = "stencil.clang";
  /** The environment variable naming clang. */
  public static final String CLANG_VARIABLE = "STENCIL_CLANG";
  /** The javac option that bounds, in seconds, how long one run of the compiler may take. */
  public static final String TIMEOUT_OPTION = "stencil.timeout";
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  private static final long MAX_TIMEOUT_SECONDS = Long.MAX_VALUE / 1_000_000_000;
  /** The oldest clang with what the templates rely on ({@code preserve_none} on AArch64). */
  public static final int MIN_MAJOR = 19;
  private static final int NEWEST_MAJOR_TRIED = 40;
  private static final Pattern VERSION = Pattern.compile("clang version (\\d+)\\.\\d+");

  /**
   * Finds clang: {@code -Astencil.clang}, then {@code $STENCIL_CLANG}, then {@code clang-NN} on
   * the PATH from the newest NN down to 19, then {@code clang}.
   *
   * @param options javac's options
   * @param environment where {@code STENCIL_CLANG} and {@code PATH} are looked up
   * @return clang, version 19 or newer
   * @throws StencilException if none is found, or the one named is not clang 19+, saying how to
   *     install one
   */
  public static Toolchain find(Map<String, String> options, Map<String, String> environment)
      throws StencilException {
    Duration timeout = timeout(options);
    List<String> tried = new ArrayList<>();
    String explicit = options.get(CLANG_OPTION);
    if (explicit == null) {
      explicit = environment.get(CLANG_VARIABLE);
    }
    if (explicit != null) {
      Path clang = Path.of(explicit);
      if (!Files.isRegularFile(clang) || !Files.isExecutable(clang)) {
        Optional<Path> onPath = onPath(explicit, environment);
        if (onPath.isEmpty()) {
          throw StencilException.onAnnotation("clang \"" + explicit + "\" (from -A" + CLANG_OPTION
              + " or $" + CLANG_VARIABLE + ") is not an executable file");
        }
        clang = onPath.get();
      }
      return checked(clang, environment, timeout);
    }
    for (int major = NEWEST_MAJOR_TRIED; major >= MIN_MAJOR; major--) {
      Optional<Path> clang = onPath("clang-" + major, environment);
      if (clang.isPresent()) {
        return checked(clang.get(), environment, timeout);
      }
    }
    tried.add("clang-" + NEWEST_MAJOR_TRIED + " ... clang-" + MIN_MAJOR);
    Optional<Path> plain = onPath("clang", environment);
    if (plain.isPresent()) {
      return checked(plain.get(), environment, timeout);
    }
    tried.add("clang");
    throw StencilException.onAnnotation("no clang found (looked for " + String.join(", ", tried)
        + " on the PATH). Install one with \"apt-get install clang-" + MIN_MAJOR
        + "\", or name it with -A" + CLANG_OPTION + "=/path/to/clang");
  }

  /**
   * {@code -Astencil.timeout}, or five minutes. The longest is what a deadline in nanoseconds
   * can hold (292 years).
   */
  private static Duration timeout(Map<String, String> options) throws StencilException {
    if (!options.containsKey(TIMEOUT_OPTION)) {
      return DEFAULT_TIMEOUT;
    }
    // -Astencil.timeout without "=" has the value null
    String seconds = Objects.requireNonNullElse(options.get(TIMEOUT_OPTION), "");
    try {
      long value = Long.parseLong(seconds.strip());
      if (value > 0 && value <= MAX_TIMEOUT_SECONDS) {
        return Duration.ofSeconds(value);
      }
    } catch (NumberFormatException e) {
      // reported below, as a value out of range is
    }
    throw StencilException.onAnnotation("the timeout \"" + seconds + "\" (-A" + TIMEOUT_OPTION
        + " or --timeout) is not a whole number of seconds from 1 to " + MAX_TIMEOUT_SECONDS);
  }

  private static Toolchain checked(Path clang, Map<String, String> environment, Duration timeout)
      throws StencilException {
    String firstLine = firstLineOfVersion(clang, timeout);
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
    return new Toolchain(Kind.CLANG, clang, firstLine, objdump(clang, major, environment),
        timeout);
  }

  /**
   * gcc, when {@code -Astencil.gcc} asks for it: its value, or {@code gcc} on the PATH.
   *
   * @param options javac's options
   * @param environment where {@code PATH} is looked up
   * @return gcc, or empty when not asked for
   * @throws StencilException if the one named is not gcc
   */
  public static Optional<Toolchain> gcc(Map<String, String> options,
      Map<String, String> environment) throws StencilException {
    if (!options.containsKey(GCC_OPTION)) {
      return Optional.empty();
    }
    String name = options.get(GCC_OPTION) == null ? "gcc" : options.get(GCC_OPTION);
    Path gcc = Files.isExecutable(Path.of(name)) ? Path.of(name)
        : onPath(name, environment).orElseThrow(() -> StencilException.onAnnotation("gcc \""
            + name + "\" (from -A" + GCC_OPTION + ") is not on the PATH. Install it with "
            + "\"apt-get install gcc\""));
    Duration timeout = timeout(options);
    String firstLine = firstLineOfVersion(gcc, timeout);
    if (!firstLine.contains("gcc") && !firstLine.contains("GCC")) {
      throw StencilException.onAnnotation(gcc + " is not gcc (its --version says \"" + firstLine
          + "\")");
    }
    return Optional.of(new Toolchain(Kind.GCC, gcc, firstLine, Optional.empty(), timeout));
  }

  /**
   * {@return the command that compiles for {@code triple}, before the flags}
   *
   * @param triple the triple
   */
  public List<String> command(Triple triple) {
    return kind == Kind.CLANG
        ? List.of(compiler.toString(), "--target=" + triple.triple())
        : List.of(compiler.toString());
  }

  /**
   * Flags for every stencil compiled by a compiler of kind {@code kind}: freestanding (no
   * sysroot needed), no unwind tables or stack protector (stencils are code fragments), no
   * builtins (no hidden libc calls), no FP contraction (results equal an interpreter's on every
   * architecture).
   *
   * @param kind the compiler
   * @return the flags
   */
  public static List<String> commonFlags(Kind kind) {
    List<String> flags = new ArrayList<>(List.of("-c", "-O3", "-std=c11", "-ffreestanding",
        "-fno-builtin", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables",
        "-fno-stack-protector", "-fno-common", "-ffp-contract=off"));
    flags.add(kind == Kind.CLANG ? "-fno-color-diagnostics" : "-fdiagnostics-color=never");
    return flags;
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

  /** The first line {@code compiler --version} prints. */
  private static String firstLineOfVersion(Path compiler, Duration timeout)
      throws StencilException {
    ProcessRunner.Result result;
    try {
      result = ProcessRunner.run(List.of(compiler.toString(), "--version"), timeout,
          ProcessRunner.DIAGNOSTIC_LIMIT);
    } catch (IOException e) {
      throw StencilException.onAnnotation("cannot run " + compiler + " --version: "
          + e.getMessage());
    }
    if (result.timedOut()) {
      throw StencilException.onAnnotation(compiler + " --version "
          + ProcessRunner.didNotFinish(timeout));
    }
    return result.output().lines().findFirst().orElse("").trim();
  }

  /**
   * Runs {@code command} (this compiler or one of its tools) within this toolchain's timeout.
   *
   * @param command the program and its arguments
   * @param limit how many bytes of output to keep
   * @return the exit status and output
   * @throws IOException if the program cannot be started
   */
  public ProcessRunner.Result run(List<String> command, int limit) throws IOException {
    return ProcessRunner.run(command, timeout, limit);
  }
}
