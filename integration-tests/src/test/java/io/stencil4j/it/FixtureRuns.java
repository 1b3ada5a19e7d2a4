package io.stencil4j.it;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.StencilSink;
import io.stencil4j.it.ItSupport.Fixture;
import io.stencil4j.it.ItSupport.Jdk;
import io.stencil4j.it.ItSupport.Output;
import io.stencil4j.it.ItSupport.Result;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.runtime.JitAssembler;
import io.stencil4j.runtime.JitFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a fixture library of {@code src/test/fixtures/tally} and runs its chain of stencils,
 * {@code int64_t f(int64_t acc)}: in C, through its consumer {@code NAME_main.c} on each triple,
 * and in Java, through the runtime on this machine.
 */
final class FixtureRuns {
  private static final String PACKAGE = "io.stencil4j.it.tally";

  private FixtureRuns() {}

  /** What a test emits through the generated emitter, loaded from the build's classes. */
  interface Emission {
    void emit(Class<?> iface, Object emitter, JitAssembler assembler) throws Exception;
  }

  /** How a test calls the function it emitted; what the calls returned. */
  interface Calls {
    List<Long> call(JitFunction function, Arena arena) throws Throwable;
  }

  /** Builds {@code fixture} into {@code directory}, nothing from the cache, so it compiles. */
  static Output build(Fixture fixture, Path directory, String... options) {
    Output output = Output.in(directory);
    List<String> all = new ArrayList<>(List.of(options));
    all.add("-Astencil.cache=none");
    ItSupport.javac(Jdk.BUILD, fixture, output, all.toArray(String[]::new)).assertSuccess();
    return output;
  }

  /**
   * Builds and runs {@code name_main.c} on {@code triple}'s header from {@code from}; what it
   * printed after {@code "name (C), stencils for TRIPLE:"}.
   */
  static String runC(ExecutedTriple triple, Fixture fixture, String name, Output from,
      Path directory, String build) {
    Path program = directory.resolve(name + "-" + build + "-" + triple);
    ItSupport.run(directory, triple.host.compileConsumer(
        fixture.cDirectory().resolve(name + "_main.c"), name.toUpperCase(Locale.ROOT),
        from.sources().resolve(PACKAGE.replace('.', '/')), name + "-" + triple + ".h",
        program)).assertSuccess();
    Result run = ItSupport.run(directory, triple.host.run(program)).assertSuccess();
    String prefix = name + " (C), stencils for " + triple + ":";
    String line = run.stdout().strip();
    assertTrue(line.startsWith(prefix), run::describe);
    System.out.println(line + " (" + build + ", run " + triple.host.how + ")");
    return line.substring(prefix.length()).trim();
  }

  /**
   * Emits {@code emission} through the Java runtime from {@code from}'s host stencils of the
   * interface {@code iface}, and calls the function, {@code int64_t f(int64_t)}, once per input;
   * what it returned.
   */
  static List<Long> runJava(Output from, String iface, long[] inputs, Emission emission)
      throws Throwable {
    return runJava(from, iface, emission, (function, arena) -> {
      MethodHandle handle = function.handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
      List<Long> results = new ArrayList<>();
      for (long input : inputs) {
        results.add((long) handle.invokeExact(input));
      }
      return results;
    });
  }

  /**
   * Emits {@code emission} through the Java runtime from {@code from}'s host stencils of the
   * interface {@code iface}, and makes the {@code calls}; what they returned.
   */
  static List<Long> runJava(Output from, String iface, Emission emission, Calls calls)
      throws Throwable {
    try (URLClassLoader loader = loader(from)) {
      JitAssembler assembler = new JitAssembler(library(loader, iface));
      emission.emit(loader.loadClass(PACKAGE + "." + iface), emitter(loader, iface, assembler),
          assembler);
      try (Arena arena = Arena.ofConfined()) {
        return calls.call(assembler.finish(arena), arena);
      }
    }
  }

  /** A loader of the classes {@code from} holds. */
  static URLClassLoader loader(Output from) throws Exception {
    return new URLClassLoader(new URL[] {from.classes().toUri().toURL()},
        FixtureRuns.class.getClassLoader());
  }

  /** The host's stencils of {@code iface}, from the entry class {@code loader} loads. */
  static StencilLibrary library(ClassLoader loader, String iface) throws Exception {
    return (StencilLibrary) entryClass(loader, iface).getMethod("forHost").invoke(null);
  }

  /** The generated emitter of {@code iface} that appends to {@code sink}. */
  static Object emitter(ClassLoader loader, String iface, StencilSink sink) throws Exception {
    return entryClass(loader, iface).getMethod("emitter", StencilSink.class).invoke(null, sink);
  }

  /** The entry class {@code ifaceStencils}. */
  static Class<?> entryClass(ClassLoader loader, String iface) throws ClassNotFoundException {
    return loader.loadClass(PACKAGE + "." + iface + "Stencils");
  }
}
