package io.stencil4j.it;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The differential test's report: a row of outcome counts per configuration, then the failures. */
final class FuzzTable {
  private FuzzTable() {}

  static void print(List<FuzzVerdict> verdicts, Set<FuzzConfiguration> configurations,
      PrintStream out) {
    StringBuilder header = new StringBuilder(String.format("%-36s %8s", "configuration",
        "programs"));
    for (FuzzOutcome outcome : FuzzOutcome.values()) {
      header.append(String.format(" %11s", outcome.label));
    }
    out.println(header);
    for (FuzzConfiguration configuration : configurations) {
      Map<FuzzOutcome, Integer> counts = new EnumMap<>(FuzzOutcome.class);
      int programs = 0;
      for (FuzzVerdict verdict : verdicts) {
        if (verdict.configuration() == configuration) {
          counts.merge(verdict.outcome(), 1, Integer::sum);
          programs++;
        }
      }
      StringBuilder row = new StringBuilder(String.format("%-36s %8d", configuration.label(),
          programs));
      for (FuzzOutcome outcome : FuzzOutcome.values()) {
        row.append(String.format(" %11d", counts.getOrDefault(outcome, 0)));
      }
      out.println(row);
    }
    Map<String, String> skipped = new java.util.TreeMap<>();
    for (FuzzVerdict verdict : verdicts) {
      if (verdict.outcome() == FuzzOutcome.SKIPPED) {
        skipped.put(verdict.program(), verdict.detail());
      }
    }
    skipped.forEach((program, why) -> out.println("skipped " + program + ": " + why));
    boolean first = true;
    for (FuzzVerdict verdict : verdicts) {
      if (verdict.outcome() != FuzzOutcome.MATCH && verdict.outcome() != FuzzOutcome.SKIPPED) {
        if (first) {
          out.println("\nnot matching:");
          first = false;
        }
        out.println(verdict);
      }
    }
  }
}
