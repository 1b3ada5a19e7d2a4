package io.stencil4j.benchmarks;

/** The geometric mean of a JIT's time ratios, over all programs and over the small ones. */
final class Geomean {
  private double logSum;
  private double logSumSmall;
  private int count;
  private int countSmall;

  void add(double ratio, boolean large) {
    logSum += Math.log(ratio);
    count++;
    if (!large) {
      logSumSmall += Math.log(ratio);
      countSmall++;
    }
  }

  double all() {
    return Math.exp(logSum / count);
  }

  double small() {
    return Math.exp(logSumSmall / countSmall);
  }

  int count() {
    return count;
  }
}
