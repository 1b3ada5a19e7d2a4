package io.stencil4j.benchmarks;

import java.util.List;
import org.openjdk.jmh.results.RunResult;

/** The median, minimum and maximum of a benchmark's measurements, in nanoseconds. */
record Statistics(double median, double min, double max, int count) {
  /** Over every measured iteration of every fork of {@code run}. */
  static Statistics of(RunResult run) {
    List<Double> scores = run.getBenchmarkResults().stream()
        .flatMap(fork -> fork.getIterationResults().stream())
        .map(iteration -> iteration.getPrimaryResult().getScore())
        .sorted()
        .toList();
    int n = scores.size();
    double median = n % 2 == 1 ? scores.get(n / 2)
        : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
    return new Statistics(median, scores.get(0), scores.get(n - 1), n);
  }
}
