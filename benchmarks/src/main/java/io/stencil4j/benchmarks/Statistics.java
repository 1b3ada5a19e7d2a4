package io.stencil4j.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;

/** The median, minimum and maximum of a benchmark's measurements, in nanoseconds. */
record Statistics(double median, double min, double max, long count) {
  /**
   * Over every sampled call of a sampling benchmark, or else over every measured iteration of
   * every fork of {@code run}.
   */
  static Statistics of(RunResult run) {
    if (run.getParams().getMode() == Mode.SampleTime) {
      org.openjdk.jmh.util.Statistics samples =
          run.getAggregatedResult().getPrimaryResult().getStatistics();
      return new Statistics(samples.getPercentile(50), samples.getMin(), samples.getMax(),
          samples.getN());
    }
    return of(run.getBenchmarkResults().stream()
        .flatMap(fork -> fork.getIterationResults().stream())
        .map(iteration -> iteration.getPrimaryResult().getScore())
        .toList());
  }

  static Statistics of(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2)
        : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Statistics(median, sorted.get(0), sorted.get(n - 1), n);
  }
}
