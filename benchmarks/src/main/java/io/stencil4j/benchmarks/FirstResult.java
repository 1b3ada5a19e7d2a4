package io.stencil4j.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.stencil4j.examples.stackvm.Programs;
import io.stencil4j.examples.stackvm.StackVmJit;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Instant;

/**
 * Launch to first result in a fresh JVM: argument 1 is the launch time in nanoseconds since the
 * epoch (the shell's {@code date +%s%N}), argument 2 the JIT, {@code stencil} or {@code
 * bytecode}; prints factorial(20) compiled by it and run, and the microseconds from launch until
 * it was there. With {@code ffm-floor} instead of a JIT, it measures what any JIT calling native
 * code through the JDK's foreign function API pays before its first result: the native linker,
 * its default lookup and one downcall linked (the shape the stencil runtime links, six words)
 * and called; the result is the process id.
 */
public final class FirstResult {
  private FirstResult() {}

  public static void main(String[] args) {
    long launched = Long.parseLong(args[0]);
    long result = switch (args[1]) {
      case FreshJvms.STENCIL -> {
        try (Arena arena = Arena.ofConfined()) {
          yield new StackVmJit(arena).compile(Programs.factorial(), arena).run();
        }
      }
      case FreshJvms.BYTECODE -> BytecodeJit.compile(Programs.factorial()).getAsLong();
      case FreshJvms.FFM_FLOOR -> ffmFloor();
      default -> throw new IllegalArgumentException("no JIT " + args[1]
          + "; stencil, bytecode or " + FreshJvms.FFM_FLOOR);
    };
    Instant now = Instant.now();
    long elapsed = (now.getEpochSecond() * 1_000_000_000L + now.getNano() - launched) / 1000;
    System.out.println("result " + result + ", launch to first result " + elapsed + " us");
  }

  private static long ffmFloor() {
    Linker linker = Linker.nativeLinker();
    MemorySegment getpid = linker.defaultLookup().find("getpid").orElseThrow();
    MethodHandle sixWords = linker.downcallHandle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG,
        JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    try {
      // getpid takes no argument and returns a pid_t: the low 32 bits of the word
      return (int) (long) sixWords.invokeExact(getpid, 0L, 0L, 0L, 0L, 0L, 0L);
    } catch (Throwable t) {
      throw new AssertionError("getpid threw", t);
    }
  }
}
