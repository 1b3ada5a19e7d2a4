package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Programs;
import io.stencil4j.examples.stackvm.StackVmJit;
import java.lang.foreign.Arena;
import java.time.Instant;

/**
 * Launch to first result in a fresh JVM: argument 1 is the launch time in nanoseconds since the
 * epoch (the shell's {@code date +%s%N}), argument 2 the JIT, {@code stencil} or {@code
 * bytecode}; prints factorial(20) compiled by it and run, and the microseconds from launch until
 * it was there.
 */
public final class FirstResult {
  private FirstResult() {}

  public static void main(String[] args) {
    long launched = Long.parseLong(args[0]);
    long result = switch (args[1]) {
      case "stencil" -> {
        try (Arena arena = Arena.ofConfined()) {
          yield new StackVmJit(arena).compile(Programs.factorial(), arena).run();
        }
      }
      case "bytecode" -> BytecodeJit.compile(Programs.factorial()).getAsLong();
      default -> throw new IllegalArgumentException("no JIT " + args[1]
          + "; stencil or bytecode");
    };
    Instant now = Instant.now();
    long elapsed = (now.getEpochSecond() * 1_000_000_000L + now.getNano() - launched) / 1000;
    System.out.println("result " + result + ", launch to first result " + elapsed + " us");
  }
}
