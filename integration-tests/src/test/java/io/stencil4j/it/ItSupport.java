package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.palantir.javapoet.JavaFile;
import io.stencil4j.Stencil;
import io.stencil4j.processor.StencilProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the integration tests share: where the stack VM example is, the javacs under test, the
 * processor path, and running javac, gcc and programs as separate processes.
 */
final class ItSupport {
  /** The package of the stack VM example, as a path. */
  static final String PACKAGE_PATH = "io/stencil4j/examples/stackvm";
  static final String DISPATCHER_HEADER = "stack_vm.h";
  static final String TRIPLE_HEADER = "stack_vm-x86_64-unknown-linux-gnu.h";
  static final String ENTRY_SOURCE = "StackVmStencils.java";
  /** Every file the processor writes for the stack VM, in the source output directory. */
  static final List<String> GENERATED = List.of(DISPATCHER_HEADER, TRIPLE_HEADER, ENTRY_SOURCE);

  private static final long TIMEOUT_SECONDS = 120;

  private ItSupport() {}

  /** A javac under test. */
  enum Jdk {
    /** javac 17 (the processor's floor), from the root POM's {@code jdk17.home}. */
    JDK_17,
    /** The javac of the JDK running the build (22 or newer). */
    BUILD;

    Path javac() {
      return switch (this) {
        case JDK_17 -> {
          Path home = Path.of(property("stencil.it.jdk17.home"));
          Path javac = home.resolve("bin/javac");
          if (!Files.isExecutable(javac)) {
            fail("javac 17 is missing: " + javac + " does not exist. Install the Debian package "
                + "openjdk-17-jdk-headless (apt-get install openjdk-17-jdk-headless), or point "
                + "the Maven property jdk17.home at a JDK 17 (mvn -Djdk17.home=...)");
          }
          yield javac;
        }
        case BUILD -> {
          assertTrue(Runtime.version().feature() >= 22, "the build must run on a JDK 22 or "
              + "newer, it runs on " + Runtime.version());
          yield Path.of(System.getProperty("java.home"), "bin", "javac");
        }
      };
    }

    /** The feature version {@code javac -version} must report. */
    int feature() {
      return this == JDK_17 ? 17 : Runtime.version().feature();
    }

    /** {@code --release} for javac 17; none for the newest, which compiles for itself. */
    List<String> releaseOptions() {
      return this == JDK_17 ? List.of("--release", "17") : List.of();
    }

    /** The class-file major version the compiled classes must have. */
    int classFileMajor() {
      return 44 + feature();
    }

    @Override
    public String toString() {
      return this == JDK_17 ? "javac 17 --release 17"
          : "javac " + Runtime.version().feature() + " (the build's JDK)";
    }
  }

  /**
   * The stack VM's {@code @Stencil} interface and the directory of its C files (the template,
   * cases, shim and header they include).
   */
  record Fixture(Path javaSource, Path cDirectory) {
    Path cases() {
      return cDirectory.resolve("vm_cases.c");
    }
  }

  /** The javac output directories: {@code -d} and {@code -s}. */
  record Output(Path classes, Path sources) {
    /** {@code classes} and {@code generated} under {@code directory}, created. */
    static Output in(Path directory) {
      Output output = new Output(directory.resolve("classes"), directory.resolve("generated"));
      try {
        Files.createDirectories(output.classes);
        Files.createDirectories(output.sources);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return output;
    }

    /** Where the processor writes the stack VM's headers and Java source. */
    Path generatedDirectory() {
      return sources.resolve(PACKAGE_PATH);
    }

    Path generated(String name) {
      return generatedDirectory().resolve(name);
    }

    Path classFile(String simpleName) {
      return classes.resolve(PACKAGE_PATH).resolve(simpleName + ".class");
    }

    /** The contents of every generated file, by name. */
    Map<String, byte[]> readGenerated() throws IOException {
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (String name : GENERATED) {
        Path file = generated(name);
        assertTrue(Files.isRegularFile(file), file + " was not generated");
        files.put(name, Files.readAllBytes(file));
      }
      return files;
    }
  }

  /** What a finished process left. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    /** The command, exit code and output, for assertion messages. */
    String describe() {
      return String.join(" ", command) + "\nexited with " + exitCode
          + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }

    Result assertSuccess() {
      assertEquals(0, exitCode, this::describe);
      return this;
    }
  }

  /** This module's directory (set by the POM). */
  static Path moduleDirectory() {
    return Path.of(property("stencil.it.basedir"));
  }

  /** The stack VM example, where it lives in the examples module. */
  static Fixture stackVm() {
    Path examples = moduleDirectory().resolveSibling("examples");
    return new Fixture(
        examples.resolve("src/main/java").resolve(PACKAGE_PATH).resolve("StackVm.java"),
        examples.resolve("src/main/c/stackvm"));
  }

  /** The register VM example, beside the stack VM in the examples module. */
  static Fixture registerVm() {
    Fixture stackVm = stackVm();
    return new Fixture(stackVm.javaSource().resolveSibling("RegisterVm.java"),
        stackVm.cDirectory());
  }

  /**
   * The Tally library of {@code src/test/fixtures/tally}: a stencil that writes its own data and
   * one whose helpers the template defines after {@code _JIT_ENTRY}; its C consumer is
   * {@code tally_main.c} there.
   */
  static Fixture tally() {
    return fixtureInTally("Tally.java");
  }

  /**
   * The Picks library of {@code src/test/fixtures/tally}: variant cases, each compiled for a range
   * of a parameter; its C consumer is {@code picks_main.c} there.
   */
  static Fixture picks() {
    return fixtureInTally("Picks.java");
  }

  /**
   * The Regs library of {@code src/test/fixtures/tally}: stencils that pass the VM's hot state
   * along in registers; its C consumer is {@code regs_main.c} there.
   */
  static Fixture regs() {
    return fixtureInTally("Regs.java");
  }

  /** The interface {@code javaSource} of {@code src/test/fixtures/tally}, with its C files. */
  private static Fixture fixtureInTally(String javaSource) {
    Path directory = moduleDirectory().resolve("src/test/fixtures/tally");
    return new Fixture(directory.resolve(javaSource), directory);
  }

  /**
   * The Helped library of {@code src/test/fixtures/tally}: stencils that call native helpers;
   * its C consumer is {@code helped_main.c} there.
   */
  static Fixture helped() {
    return fixtureInTally("Helped.java");
  }

  /** The stack VM's C consumer ({@code #include "stack_vm.h"}, exit 0 when all programs agree). */
  static Path stackVmConsumer() {
    return exampleCDirectory().resolve("stackvm_main.c");
  }

  /** The register VM's C consumer, as {@link #stackVmConsumer} for the stack VM. */
  static Path registerVmConsumer() {
    return exampleCDirectory().resolve("regvm_main.c");
  }

  /** The C example's directory: its consumers and the memory they map ({@code jit_memory.h}). */
  static Path exampleCDirectory() {
    return moduleDirectory().resolveSibling("examples").resolve("c");
  }

  /**
   * Copies the stack VM example under {@code directory}: the interface to
   * {@code java/<package>/StackVm.java}, the C files to {@code c/}.
   */
  static Fixture copyStackVm(Path directory) throws IOException {
    Fixture original = stackVm();
    Fixture copy = new Fixture(directory.resolve("java").resolve(PACKAGE_PATH)
        .resolve("StackVm.java"), directory.resolve("c"));
    Files.createDirectories(copy.javaSource().getParent());
    Files.copy(original.javaSource(), copy.javaSource());
    Files.createDirectories(copy.cDirectory());
    try (Stream<Path> files = Files.list(original.cDirectory())) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Files.copy(file, copy.cDirectory().resolve(file.getFileName()));
      }
    }
    return copy;
  }

  /**
   * The processor path a user's build would have: the processor and its run-time dependencies
   * (the annotations and model, JavaPoet), each where the test class path has it (a reactor
   * module's {@code target/classes} or jar, or the local repository's jar).
   */
  static List<Path> processorPath() {
    return List.of(location(StencilProcessor.class), location(Stencil.class),
        location(JavaFile.class));
  }

  /** The class path of code that uses {@code @Stencil}: the annotations only. */
  static Path annotationsPath() {
    return location(Stencil.class);
  }

  /**
   * Forks {@code jdk}'s javac on the fixture's interface with the processor on the processor
   * path, {@code -Astencil.root} at the fixture's C files, and any other processor options.
   */
  static Result javac(Jdk jdk, Fixture fixture, Output output, String... processorOptions) {
    return javac(jdk, fixture, output, Map.of(), processorOptions);
  }

  /** {@link #javac(Jdk, Fixture, Output, String...)} with {@code environment} for javac. */
  static Result javac(Jdk jdk, Fixture fixture, Output output, Map<String, String> environment,
      String... processorOptions) {
    return run(output.classes().getParent(), javacCommand(jdk, fixture, output, processorOptions),
        environment);
  }

  /** The command {@link #javac(Jdk, Fixture, Output, String...)} runs. */
  static List<String> javacCommand(Jdk jdk, Fixture fixture, Output output,
      String... processorOptions) {
    List<String> command = new ArrayList<>();
    command.add(jdk.javac().toString());
    command.addAll(jdk.releaseOptions());
    command.addAll(List.of(processorOptions));
    command.addAll(List.of(
        "-processorpath", join(processorPath()),
        "-classpath", annotationsPath().toString(),
        "-Astencil.root=" + fixture.cDirectory(),
        "-d", output.classes().toString(),
        "-s", output.sources().toString(),
        fixture.javaSource().toString()));
    return command;
  }

  /** The feature version {@code javac -version} reports. */
  static int javacFeature(Jdk jdk) {
    Result result = run(moduleDirectory(), List.of(jdk.javac().toString(), "-version"))
        .assertSuccess();
    String version = (result.stdout() + result.stderr()).strip();
    assertTrue(version.startsWith("javac "), result::describe);
    return Runtime.Version.parse(version.substring("javac ".length()).split("\\s")[0]).feature();
  }

  /** The class-file major version of {@code classFile}. */
  static int classFileMajor(Path classFile) throws IOException {
    byte[] bytes = Files.readAllBytes(classFile);
    assertTrue(bytes.length > 8 && (bytes[0] & 0xff) == 0xca && (bytes[1] & 0xff) == 0xfe,
        classFile + " is not a class file");
    return (bytes[6] & 0xff) << 8 | (bytes[7] & 0xff);
  }

  /** gcc on the {@code PATH}; fails naming the package when there is none. */
  static Path gcc() {
    return tool("gcc", "gcc");
  }

  /** {@code name} on the {@code PATH}; fails naming the Debian package when there is none. */
  static Path tool(String name, String debianPackage) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty()) {
        Path tool = Path.of(directory, name);
        if (Files.isExecutable(tool)) {
          return tool;
        }
      }
    }
    return fail(name + " is missing: no " + name + " on the PATH (" + path + "). Install the "
        + "Debian package " + debianPackage + " (apt-get install " + debianPackage + ")");
  }

  /**
   * Runs {@code command} in {@code directory} with the C locale (stable, English diagnostics),
   * no input, and a time limit; fails when it does not finish in time.
   */
  static Result run(Path directory, List<String> command) {
    return run(directory, command, Map.of());
  }

  /** {@link #run(Path, List)} with {@code environment} added to (or replacing in) this one's. */
  static Result run(Path directory, List<String> command, Map<String, String> environment) {
    return runWithin(directory, command, environment, Duration.ofSeconds(TIMEOUT_SECONDS))
        .orElseGet(() -> fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS
            + " s"));
  }

  /**
   * {@link #run(Path, List, Map)} with a time limit of {@code limit}: empty when the process did
   * not finish in time (it is killed then, with every process it started).
   */
  static Optional<Result> runWithin(Path directory, List<String> command,
      Map<String, String> environment, Duration limit) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().put("LC_ALL", "C");
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      return fail("cannot start " + command, e);
    }
    CompletableFuture<String> stdout = readAsync(process.getInputStream());
    CompletableFuture<String> stderr = readAsync(process.getErrorStream());
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      fail("interrupted while waiting for " + command);
    }
    return Optional.of(new Result(command, process.exitValue(), stdout.join(), stderr.join()));
  }

  /** Reads {@code stream} to its end on a thread of its own (pipes must drain concurrently). */
  private static CompletableFuture<String> readAsync(InputStream stream) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (stream) {
        text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        text.completeExceptionally(e);
      }
    }, "stencil4j-it-reader");
    reader.setDaemon(true);
    reader.start();
    return text;
  }

  static Path location(Class<?> type) {
    try {
      Path path = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      assertTrue(Files.exists(path), type + " comes from " + path + ", which does not exist");
      return path;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String join(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      fail("system property " + name + " is not set: run the integration tests through Maven "
          + "(mvn verify -pl integration-tests -am)");
    }
    return value;
  }
}
