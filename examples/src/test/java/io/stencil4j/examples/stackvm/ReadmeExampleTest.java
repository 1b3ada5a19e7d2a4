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

/** The runtime's usage example in the README, as it is written there. */
class ReadmeExampleTest {
  @Test
  void readmeExample() throws Throwable {
    MethodHandle squareInJava = MethodHandles.lookup().findStatic(HostFunctions.class, "square",
        MethodType.methodType(long.class, long.class));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment square = Linker.nativeLinker().upcallStub(squareInJava,
          FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), arena);
      JitAssembler asm = new JitAssembler(StackVmStencils.forHost(),
          Symbols.of(Map.of("stackvm_host_square", square)));
      StackVm vm = StackVmStencils.emitter(asm);
      Label done = new Label("done");
      vm.shim();
      vm.pushConst(6);
      vm.callHost();
      vm.pushConst(6);
      vm.add();
      vm.jump(done);
      asm.bind(done);
      vm.ret();
      MethodHandle f = asm.finish(arena).handle(FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS));
      long result = (long) f.invokeExact(arena.allocate(JAVA_LONG, 64),
          arena.allocate(JAVA_LONG, 4));
      assertEquals(42L, result);
    }
  }
}
