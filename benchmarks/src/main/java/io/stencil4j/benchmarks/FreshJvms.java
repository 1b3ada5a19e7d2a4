package io.stencil4j.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launch to first result: {@link FirstResult} in fresh JVMs (this JVM's {@code java} and class
 * path), the JITs alternating so that both see the same machine, and the median of each.
 */
final class FreshJvms {
  static final List<String> JITS = List.of("stencil", "bytecode");
  private static final Pattern ELAPSED = Pattern.compile("launch to first result (\\d+) us");
  private static final long TIMEOUT_SECONDS = 60;

  private FreshJvms() {}

  /** {@code runs} launches per JIT: for each, the statistics of the times in nanoseconds. */
  static Map<String, Statistics> measure(int runs) {
    Map<String, List<Double>> times = new TreeMap<>();
    for (int run = 0; run < runs; run++) {
      for (String jit : JITS) {
        times.computeIfAbsent(jit, j -> new ArrayList<>()).add(launch(jit));
      }
    }
    Map<String, Statistics> statistics = new TreeMap<>();
    times.forEach((jit, values) -> statistics.put(jit, Statistics.of(values)));
    return statistics;
  }

  private static double launch(String jit) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Instant now = Instant.now();
    String launched = Long.toString(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    String output = Processes.run(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), FirstResult.class.getName(), launched, jit),
        TIMEOUT_SECONDS);
    Matcher elapsed = ELAPSED.matcher(output);
    if (!elapsed.find()) {
      throw new IllegalStateException("FirstResult " + jit + " printed no time:\n" + output);
    }
    return Double.parseDouble(elapsed.group(1)) * 1000;
  }
}
