package io.stencil4j.examples.stackvm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stencil4j.Label;
import io.stencil4j.runtime.JitAssembler;
import io.stencil4j.runtime.Symbols;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime's example in the README, as it is written there: the lines from {@code long r;}
 * to the end of the {@code try} block are the README's (integration-tests' {@code ReadmeTest}
 * checks that they are).
 */
class ReadmeExampleTest {
  @Test
  void readmeExample() throws Throwable {
    MethodHandle squareInJava = MethodHandles.lookup().findStatic(HostFunctions.class, "square",
        MethodType.methodType(long.class, long.class));
    long r;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment square = Linker.nativeLinker().upcallStub(squareInJava,  // a host helper in Java
          FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), arena);
      JitAssembler asm = new JitAssembler(StackVmStencils.forHost(),         // this machine's stencils
          Symbols.of(Map.of("stackvm_host_square", square)));
      StackVm vm = StackVmStencils.emitter(asm);                             // typed emitter
      Label done = new Label("done");
      vm.shim(); vm.pushConst(6); vm.callHost(); vm.pushConst(6); vm.add(); vm.jump(done);
      asm.bind(done); vm.ret();
      MethodHandle f = asm.finish(arena).handle(FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS));
      r = (long) f.invokeExact(arena.allocate(JAVA_LONG, 64), arena.allocate(JAVA_LONG, 4));  // 42
    }
    assertEquals(42L, r);
  }
}
