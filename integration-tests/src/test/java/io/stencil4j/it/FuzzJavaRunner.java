package io.stencil4j.it;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.runtime.JitAssembler;
import io.stencil4j.runtime.JitFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The Java runtime's side of the differential test, run in a JVM of its own (a crashing stencil
 * takes its process down): emits each named stencil of the javac-built library with
 * {@link JitAssembler}, calls it and prints what {@code fuzz/driver.c} prints. "START NAME" comes
 * first, so that the caller knows which stencil a crash or hang belongs to.
 */
public final class FuzzJavaRunner {
  private FuzzJavaRunner() {}

  /** {@code args}: the generated class ({@code fuzz.FuzzStencils}), then the stencils' names. */
  public static void main(String[] args) throws Throwable {
    StencilLibrary library = (StencilLibrary) Class.forName(args[0]).getMethod("forHost")
        .invoke(null);
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      System.out.println("START " + name);
      System.out.flush();
      try (Arena arena = Arena.ofConfined()) {
        JitFunction function;
        try {
          JitAssembler assembler = new JitAssembler(library);
          assembler.append(library.stencil(name));
          function = assembler.finish(arena);
        } catch (RuntimeException e) {
          System.out.println(name + " EMIT-ERROR " + e);
          continue;
        }
        MethodHandle entry = function.handle(FunctionDescriptor.of(ValueLayout.JAVA_INT));
        int checksum = (int) entry.invokeExact();
        System.out.println(name + " VALUE " + Integer.toUnsignedString(checksum));
      }
      System.out.flush();
    }
  }
}
