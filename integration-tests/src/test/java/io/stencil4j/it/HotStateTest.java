package io.stencil4j.it;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.Label;
import io.stencil4j.it.ItSupport.Output;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * VM state in registers (the Regs library of src/test/fixtures/tally): every stencil takes the
 * VM's hot state -- two cached values and the memory pointer -- as preserve_none arguments and
 * passes it on with musttail, to the next stencil and to a jump's target; the shim turns native
 * arguments into that state. Executed and compared with a reference on every triple through the
 * C header, and on this one through the Java runtime; where preserve_none applies, a stencil
 * that only works on the state is one instruction, while on i686, where clang ignores
 * preserve_none, the state passes on the stack.
 */
class HotStateTest {
  private static final long[] INPUTS = {5, -7, -100};
  private static final long[] MEMORY = {10, 20, 30, 40};
  /** The stencils that load or store a slot: each is one instruction. */
  private static final List<String> ONE_INSTRUCTION = List.of("LOAD_B_0", "LOAD_B_1",
      "LOAD_B_2", "LOAD_B_3", "STORE_A_0", "STORE_A_1", "STORE_A_2", "STORE_A_3");

  @TempDir static Path dir;
  private static Output built;

  @BeforeAll
  static void compileRegs() {
    built = FixtureRuns.build(ItSupport.regs(), dir.resolve("batched"));
  }

  /**
   * What the program returns for each input x (with a = x, b = 0, memory = MEMORY): LOAD_B 2, ADD,
   * STORE_A 0, LOAD_B 3, SWAP, ADD, JUMP_IF_NEGATIVE END, LOAD_B 1, ADD, STORE_A 3, END: LOAD_B 0,
   * ADD, RETURN.
   */
  private static List<Long> reference() {
    List<Long> results = new ArrayList<>();
    for (long x : INPUTS) {
      long[] memory = MEMORY.clone();
      long a = x;
      long b = memory[2];
      a += b;
      memory[0] = a;
      b = memory[3];
      long t = a;
      a = b;
      b = t;
      a += b;
      if (a >= 0) {
        b = memory[1];
        a += b;
        memory[3] = a;
      }
      b = memory[0];
      results.add(a + b);
    }
    return results;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ExecutedTriple.class)
  void theCHeaderPassesTheStateAlong(ExecutedTriple triple) {
    String results = FixtureRuns.runC(triple, ItSupport.regs(), "regs", built, dir, "batched");
    assertEquals(reference(), Arrays.stream(results.split(" ")).map(Long::valueOf).toList());
  }

  @Test
  void theJavaRuntimePassesTheStateAlong() throws Throwable {
    List<Long> results = FixtureRuns.runJava(built, "Regs", (regs, emitter, assembler) -> {
      Label end = new Label("end");
      regs.getMethod("shim").invoke(emitter);
      regs.getMethod("loadB", int.class).invoke(emitter, 2);
      regs.getMethod("add").invoke(emitter);
      regs.getMethod("storeA", int.class).invoke(emitter, 0);
      regs.getMethod("loadB", int.class).invoke(emitter, 3);
      regs.getMethod("swap").invoke(emitter);
      regs.getMethod("add").invoke(emitter);
      regs.getMethod("jumpIfNegative", Label.class).invoke(emitter, end);
      regs.getMethod("loadB", int.class).invoke(emitter, 1);
      regs.getMethod("add").invoke(emitter);
      regs.getMethod("storeA", int.class).invoke(emitter, 3);
      assembler.bind(end);
      regs.getMethod("loadB", int.class).invoke(emitter, 0);
      regs.getMethod("add").invoke(emitter);
      regs.getMethod("ret").invoke(emitter);
    }, (function, arena) -> {
      MethodHandle handle = function.handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS));
      List<Long> returned = new ArrayList<>();
      for (long input : INPUTS) {
        MemorySegment memory = arena.allocateFrom(JAVA_LONG, MEMORY);
        returned.add((long) handle.invokeExact(input, memory));
      }
      return returned;
    });
    assertEquals(reference(), results);
  }

  /**
   * Where preserve_none applies, the state arrives in its first argument registers and never
   * leaves them: ADD is {@code add %r13, %r12} on x86-64 and {@code add x20, x21, x20} on AArch64
   * (the C convention would use RDI and RSI, RCX and RDX on Windows, X0 and X1), and loading or storing a slot is one
   * instruction of at most 4 bytes, with no data. On i686 clang ignores preserve_none, so the
   * state passes on the stack and ADD loads and stores it.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ExecutedTriple.class)
  void theStateStaysInRegistersWherePreserveNoneApplies(ExecutedTriple triple) throws Exception {
    StencilLibrary library;
    try (URLClassLoader loader = FixtureRuns.loader(built)) {
      library = (StencilLibrary) FixtureRuns.entryClass(loader, "Regs")
          .getMethod("forTriple", Triple.class).invoke(null, Triple.valueOf(triple.name()));
    }
    byte[] add = library.stencil("ADD").code();
    if (triple == ExecutedTriple.I686_PC_WINDOWS_MSVC) {
      assertTrue(add.length > 16, "ADD on i686 moves the state through the stack: "
          + add.length + " bytes");
      return;
    }
    String expected = triple.name.startsWith("x86_64") ? "4d01ec" : "b402148b";
    assertEquals(expected, HexFormat.of().formatHex(add), "ADD on " + triple);
    for (String name : ONE_INSTRUCTION) {
      StencilGroup stencil = library.stencil(name);
      assertTrue(stencil.codeSize() <= 4 && stencil.dataSize() == 0,
          name + " on " + triple + ": " + stencil.codeSize() + " code bytes, "
              + stencil.dataSize() + " data bytes");
    }
  }
}
