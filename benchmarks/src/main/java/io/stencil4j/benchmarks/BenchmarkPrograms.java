package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.Programs;
import java.util.List;

/**
 * The benchmarked programs by key (names with spaces and parentheses make poor JMH parameters):
 * the C consumer's four, a loop that calls the host with a value known only at run time, and
 * the 10,000-instruction one, whose bytecode is too large for HotSpot to compile.
 */
final class BenchmarkPrograms {
  /** Every key, in the order of the tables; JMH's {@code @Param}s list them too. */
  static final List<String> KEYS =
      List.of("factorial", "sum", "fibonacci", "primes", "squares", "synthetic10000");
  /** The key of the 10,000-instruction program. */
  static final String LARGE = "synthetic10000";
  /** Instructions in the large program. */
  static final int LENGTH = 10_000;

  private BenchmarkPrograms() {}

  static Program program(String key) {
    return switch (key) {
      case "factorial" -> Programs.factorial();
      case "sum" -> Programs.sum();
      case "fibonacci" -> Programs.fibonacci();
      case "primes" -> Programs.sumOfSquaredPrimes();
      case "squares" -> Programs.sumOfSquares();
      case LARGE -> Programs.synthetic(LENGTH);
      default -> throw new IllegalArgumentException("no program " + key);
    };
  }
}
