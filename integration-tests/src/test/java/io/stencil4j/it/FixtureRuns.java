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
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs a fixture library of {@code src/test/fixtures/NAME} (interface {@code Name} in package
 * {@code io.stencil4j.it.NAME}) whose function is {@code int64_t f(int64_t acc)}: through its C
 * consumer {@code NAME_main.c} on one triple's header, or through the Java runtime.
 */
final class FixtureRuns {
  /** Appends the function's stencils through the generated emitter of the interface. */
  interface Emission {
    void emit(Class<?> library, Object emitter) throws ReflectiveOperationException;
  }

  private FixtureRuns() {}

  /** Builds {@code fixture} into {@code directory} with {@code options}, none from the cache. */
  static Output build(Path directory, Fixture fixture, String... options) {
    Output output = Output.in(directory);
    List<String> all = new ArrayList<>(List.of(options));
    all.add("-Astencil.cache=none");
    ItSupport.javac(Jdk.BUILD, fixture, output, all.toArray(String[]::new)).assertSuccess();
    return output;
  }

  /**
   * Builds and runs {@code NAME_main.c} on {@code triple}'s header in {@code from} (in {@code
   * dir}); what it printed after {@code NAME (C), stencils for TRIPLE:}.
   */
  static List<Long> runC(Path dir, Fixture fixture, String name, ExecutedTriple triple,
      Output from, String build) {
    String header = name + "-" + triple + ".h";
    Path program = dir.resolve(name + "-" + build + "-" + triple);
    Path consumer = fixture.cDirectory().resolve(name + "_main.c");
    ItSupport.run(dir, triple.host.compileConsumer(consumer, name.toUpperCase(Locale.ROOT),
        from.sources().resolve("io/stencil4j/it/" + name), header, program)).assertSuccess();
    Result run = ItSupport.run(dir, triple.host.run(program)).assertSuccess();
    String prefix = name + " (C), stencils for " + triple + ":";
    String line = run.stdout().strip();
    assertTrue(line.startsWith(prefix), run::describe);
    System.out.println(line + " (" + build + ", run " + triple.host.how + ")");
    return Arrays.stream(line.substring(prefix.length()).trim().split(" "))
        .map(Long::valueOf).toList();
  }

  /**
   * Emits the function through the Java runtime from {@code from}'s host stencils, with the
   * default native libraries' symbols, and calls it once per input; what it returned.
   */
  static List<Long> runJava(Output from, String name, Emission emission, long... inputs)
      throws Throwable {
    String type = "io.stencil4j.it." + name + "."
        + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {from.classes().toUri().toURL()},
        FixtureRuns.class.getClassLoader())) {
      Class<?> stencils = loader.loadClass(type + "Stencils");
      JitAssembler assembler =
          new JitAssembler((StencilLibrary) stencils.getMethod("forHost").invoke(null));
      emission.emit(loader.loadClass(type),
          stencils.getMethod("emitter", StencilSink.class).invoke(null, assembler));
      try (Arena arena = Arena.ofConfined()) {
        MethodHandle function = assembler.finish(arena)
            .handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
        List<Long> results = new ArrayList<>();
        for (long input : inputs) {
          results.add((long) function.invokeExact(input));
        }
        return results;
      }
    }
  }
}
