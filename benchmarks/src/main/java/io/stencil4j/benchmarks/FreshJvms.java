package io.stencil4j.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Launch to first result: {@link FirstResult} in fresh JVMs (this JVM's {@code java} and class
 * path), the JITs alternating so that both see the same machine, and the median of each. On JDK
 * 25 and later also with an AOT cache ({@code -XX:AOTCache}) that a training run of the same
 * JIT wrote, for both JITs alike.
 */
final class FreshJvms {
  static final String STENCIL = "stencil";
  static final String BYTECODE = "bytecode";
  /**
   * {@link FirstResult}'s measure of the JDK's foreign function API alone: the native linker and
   * one downcall, as the stencil runtime needs them before its first result.
   */
  static final String FFM_FLOOR = "ffm-floor";
  /** What is launched: the two JITs and the FFM floor, {@link FirstResult}'s second arguments. */
  static final List<String> LAUNCHED = List.of(STENCIL, BYTECODE, FFM_FLOOR);
  /** The suffix of a JIT's key in {@link #measure}'s result when launched with an AOT cache. */
  static final String AOT = " (AOT cache)";
  private static final Pattern ELAPSED = Pattern.compile("launch to first result (\\d+) us");
  private static final long TIMEOUT_SECONDS = 60;
  private static final int FIRST_AOT_JDK = 25;

  private FreshJvms() {}

  /**
   * Launch to first result alone, without JMH: {@code [launches]} JVMs per JIT and for the
   * {@linkplain #FFM_FLOOR FFM floor} (7 unless given), alternating, then as many with AOT caches
   * where the JDK has them; prints the median, minimum and maximum of each and their ratios to
   * the bytecode baseline. Run with the benchmarks' class path ({@code benchmarks/classpath.sh}),
   * which the launched JVMs use too.
   *
   * @param args the number of launches per JIT, optionally
   */
  public static void main(String[] args) {
    Map<String, Statistics> statistics = measure(args.length > 0 ? Integer.parseInt(args[0]) : 7);
    statistics.forEach((jit, s) -> System.out.printf(
        "%-23s median %7.2f ms  [%7.2f - %7.2f, n = %d]%n", jit, s.median() / 1e6,
        s.min() / 1e6, s.max() / 1e6, s.count()));
    for (String suffix : List.of("", AOT)) {
      Statistics baseline = statistics.get(BYTECODE + suffix);
      for (String jit : List.of(STENCIL, FFM_FLOOR)) {
        if (baseline != null) {
          System.out.printf("%s / bytecode%s: %.2fx%n", jit, suffix,
              statistics.get(jit + suffix).median() / baseline.median());
        }
      }
    }
  }

  /**
   * {@code runs} launches of each of {@link #LAUNCHED}, alternating, and as many with an AOT
   * cache where the JDK has them: for each, the statistics of the times in nanoseconds.
   */
  static Map<String, Statistics> measure(int runs) {
    Map<String, List<Double>> times = new TreeMap<>();
    String classPath = System.getProperty("java.class.path");
    for (int run = 0; run < runs; run++) {
      for (String jit : LAUNCHED) {
        times.computeIfAbsent(jit, j -> new ArrayList<>()).add(launch(jit, classPath, List.of()));
      }
    }
    if (Runtime.version().feature() >= FIRST_AOT_JDK) {
      withAotCaches(runs, LAUNCHED, times);
    }
    Map<String, Statistics> statistics = new TreeMap<>();
    times.forEach((jit, values) -> statistics.put(jit, Statistics.of(values)));
    return statistics;
  }

  /** Trains an AOT cache per JIT (one run each), then launches with it, alternating. */
  private static void withAotCaches(int runs, List<String> jits,
      Map<String, List<Double>> times) {
    Path directory = null;
    try {
      directory = Files.createTempDirectory("stencil4j-aot");
      String classPath = jarsOnly(directory);
      for (String jit : jits) {
        launch(jit, classPath, List.of("-XX:AOTCacheOutput=" + directory.resolve(jit + ".aot")));
      }
      for (int run = 0; run < runs; run++) {
        for (String jit : jits) {
          times.computeIfAbsent(jit + AOT, j -> new ArrayList<>()).add(launch(jit, classPath,
              List.of("-XX:AOTCache=" + directory.resolve(jit + ".aot"))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(directory);
    }
  }

  /** This JVM's class path with each directory packed into a jar: AOT caches take jars only. */
  private static String jarsOnly(Path directory) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!Files.isDirectory(path)) {
        entries.add(entry);
        continue;
      }
      Path jar = directory.resolve("classes-" + entries.size() + ".jar");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
          Stream<Path> files = Files.walk(path)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          out.putNextEntry(new JarEntry(path.relativize(file).toString()
              .replace(File.separatorChar, '/')));
          Files.copy(file, (OutputStream) out);
          out.closeEntry();
        }
      }
      entries.add(jar.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void delete(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double launch(String jit, String classPath, List<String> options) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
    command.addAll(options);
    Instant now = Instant.now();
    String launched = Long.toString(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    command.addAll(List.of("-cp", classPath, FirstResult.class.getName(), launched, jit));
    String output = Processes.run(command, TIMEOUT_SECONDS);
    Matcher elapsed = ELAPSED.matcher(output);
    if (!elapsed.find()) {
      throw new IllegalStateException("FirstResult " + jit + " printed no time:\n" + output);
    }
    return Double.parseDouble(elapsed.group(1)) * 1000;
  }
}
