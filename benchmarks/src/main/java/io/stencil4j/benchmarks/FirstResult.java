package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Programs;
import io.stencil4j.examples.stackvm.StackVmJit;
import java.lang.foreign.Arena;
import java.time.Instant;

/**
 * Launch to first result in a fresh JVM: argument 1 is the launch time in nanoseconds since the
 * epoch (the shell's {@code date +%s%N}); prints factorial(20) JIT-compiled and run, and the
 * microseconds from launch until it was there.
 */
public final class FirstResult {
  private FirstResult() {}

  public static void main(String[] args) {
    long launched = Long.parseLong(args[0]);
    try (Arena arena = Arena.ofConfined()) {
      long result = new StackVmJit(arena).compile(Programs.factorial(), arena).run();
      Instant now = Instant.now();
      long elapsed = (now.getEpochSecond() * 1_000_000_000L + now.getNano() - launched) / 1000;
      System.out.println("result " + result + ", launch to first result " + elapsed + " us");
    }
  }
}
