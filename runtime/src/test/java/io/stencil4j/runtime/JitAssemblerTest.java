package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stencil4j.Label;
import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs {@link X86Stencils}, so only on x86-64 Linux; the examples run the real stencils. */
class JitAssemblerTest {
  private static final FunctionDescriptor NO_ARGUMENTS = FunctionDescriptor.of(JAVA_LONG);
  /** The host functions' signature. */
  private static final FunctionDescriptor HOST = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG);

  private Arena arena;
  private JitAssembler assembler;

  @BeforeEach
  void setUp() {
    assumeTrue(Triple.host().orElse(null) == Triple.X86_64_UNKNOWN_LINUX_GNU);
    arena = Arena.ofConfined();
    assembler = new JitAssembler(X86Stencils.LIBRARY);
  }

  @AfterEach
  void tearDown() {
    if (arena != null) {
      arena.close();
    }
  }

  @Test
  void chainsStencilsIntoAFunction() throws Throwable {
    emit("CONST", 40);
    emit("ADD", 2);
    emit("RET");
    assertEquals(42L, (long) handle().invokeExact());
  }

  @Test
  void passesArgumentsThroughTheDescriptor() throws Throwable {
    emit("ARG");
    emit("ADD", 1);
    emit("RET");
    MethodHandle function = assembler.finish(arena)
        .handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    assertEquals(42L, (long) function.invokeExact(41L));
    assertEquals(-9L, (long) function.invokeExact(-10L));
  }

  @Test
  void aFunctionMayReturnNothing() throws Throwable {
    emit("CONST", 1);
    emit("RET");
    MethodHandle function = assembler.finish(arena).handle(FunctionDescriptor.ofVoid());
    function.invokeExact();
  }

  @Test
  void signExtendsAbs32s() throws Throwable {
    emit("CONST32", -5);
    emit("RET");
    assertEquals(-5L, (long) handle().invokeExact());
  }

  @Test
  void jumpsToALabelBoundLater() throws Throwable {
    Label end = new Label("end");
    emit("CONST", 1);
    emit("JUMP", end);
    emit("CONST", 2);
    assembler.bind(end);
    emit("RET");
    assertEquals(1L, (long) handle().invokeExact());
  }

  @Test
  void aLabelIsTheAddressOfTheCodeItIsBoundTo() throws Throwable {
    Label ret = new Label("ret");
    emit("CONST", ret);
    assembler.bind(ret);
    emit("RET");
    JitFunction function = assembler.finish(arena);
    assertEquals(function.code().address() + 10,
        (long) function.handle(NO_ARGUMENTS).invokeExact());
  }

  @Test
  void aFunctionMayNotContinuePastItsLastStencil() {
    emit("CONST", 7);
    emit("NEXT");
    assertFinishFails("stencil NEXT (#1, at code offset 0xa) is the last stencil, but it"
        + " continues to the next one (code hole 0x1 REL_32 CONTINUE-4); end the function with a"
        + " stencil that returns or jumps");
  }

  @Test
  void aFunctionMayNotFallOffItsLastStencil() throws Throwable {
    emit("CONST", 7);
    emit("INCREMENT");
    assertFinishFails("stencil INCREMENT (#1, at code offset 0xa) is the last stencil, but it"
        + " continues to the next one (it falls through: its jump to _JIT_CONTINUE was removed);"
        + " end the function with a stencil that returns or jumps");
    // followed by a stencil that returns, it runs into it
    assembler.reset();
    emit("CONST", 7);
    emit("INCREMENT");
    emit("RET");
    assertEquals(8L, (long) handle().invokeExact());
  }

  @Test
  void aLibraryWithAShimRequiresFunctionsToStartWithIt() throws Throwable {
    // nop: it falls through to the next stencil
    StencilGroup shim = new StencilGroup("SHIM", new byte[] {(byte) 0x90}, new byte[0],
        List.of(), List.of());
    List<StencilGroup> stencils = new ArrayList<>(X86Stencils.LIBRARY.stencils());
    stencils.add(shim);
    StencilLibrary library = new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, stencils);
    JitAssembler withShim = new JitAssembler(library);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> withShim.append(library.stencil("RET")));
    assertEquals("stencil RET is appended first, but this library has a shim: a function must"
        + " start with stencil SHIM (the emitter's shim()), which native code calls",
        e.getMessage());
    // two entries: the first through its shim, the second without one
    Label second = new Label("second");
    Label third = new Label("third");
    withShim.append(shim);
    withShim.append(library.stencil("ARG"));
    withShim.append(library.stencil("RET"));
    withShim.bind(second);
    withShim.append(shim);
    withShim.bind(third);
    withShim.append(library.stencil("ARG"));
    withShim.append(library.stencil("RET"));
    JitFunction function = withShim.finish(arena);
    assertEquals(5L, (long) function.handle(HOST).invokeExact(5L));
    assertEquals(6L, (long) function.handle(second, HOST).invokeExact(6L));
    IllegalArgumentException entry = assertThrows(IllegalArgumentException.class,
        () -> function.handle(third, HOST));
    assertEquals("label third is an entry from native code, but it is not bound to a SHIM"
        + " stencil, which this library's stencils need first", entry.getMessage());
  }

  @Test
  void continueIsTheNextStencil() throws Throwable {
    emit("CONST", 7);
    emit("NEXT");
    emit("RET");
    assertEquals(7L, (long) handle().invokeExact());
  }

  @Test
  void codeIsTheStencilsOwnAddress() throws Throwable {
    emit("CONST", 0);
    emit("HERE");
    emit("RET");
    JitFunction function = assembler.finish(arena);
    assertEquals(function.code().address() + 10,
        (long) function.handle(NO_ARGUMENTS).invokeExact());
  }

  @Test
  void dataIsWithinReachOfTheCodeEachStencils16ByteAligned() throws Throwable {
    emit("LOAD_DATA", 0x1111_2222_3333_4444L);
    emit("LOAD_DATA", 0x5555_6666_7777_8888L);
    emit("RET");
    JitFunction function = assembler.finish(arena);
    assertEquals(0x5555_6666_7777_8888L, (long) function.handle(NO_ARGUMENTS).invokeExact());
    MemorySegment code = function.code();
    MemorySegment data = function.data();
    assertEquals(15, code.byteSize());
    assertEquals(32, data.byteSize());
    assertEquals(0, data.address() % 16);
    assertTrue(Math.abs(data.address() - code.address()) < CodeHeap.MAX_SPAN,
        code + " " + data);
    assertEquals(0x1111_2222_3333_4444L, data.get(JAVA_LONG, 0));
    assertEquals(0x5555_6666_7777_8888L, data.get(JAVA_LONG, 16));
  }

  @Test
  void codeIsExecutableDataWritableAndNoHeapMappingBoth() {
    assumeTrue(ProcessMaps.available());
    emit("LOAD_DATA", 1);
    emit("RET");
    JitFunction function = assembler.finish(arena);
    assertEquals("r-xs", ProcessMaps.permissions(function.code().address()));
    assertEquals("rw-p", ProcessMaps.permissions(function.data().address()));
    List<String> heap = ProcessMaps.mappings().stream()
        .filter(line -> line.contains("/SYSV")).toList();
    assertEquals(2 * CodeHeap.shared().regionCount(), heap.size(), heap::toString);
    assertTrue(heap.stream().noneMatch(line -> line.split(" ")[1].matches(".wx.")),
        heap::toString);
  }

  @Test
  void callsJavaThroughAnUpcallStubFoundByName() throws Throwable {
    callingHost(Linker.nativeLinker().upcallStub(host("triple"), HOST, arena));
    emit("CONST", 14);
    emit("CALL");
    emit("RET");
    assertEquals(42L, (long) handle().invokeExact());
  }

  @Test
  void anExceptionOfAHostFunctionIsRethrownByTheCall() throws Throwable {
    callingHost(Upcalls.stub(host("failOnOdd"), HOST, arena));
    emit("ARG");
    emit("CALL");
    emit("ADD", 1);
    emit("RET");
    MethodHandle function = assembler.finish(arena)
        .handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      long unused = (long) function.invokeExact(7L);
    });
    assertEquals("odd: 7", e.getMessage());
    // caught once, rethrown once: the next call is clean
    assertEquals(5L, (long) function.invokeExact(4L));
  }

  @Test
  void callsCThroughTheDefaultLibraries() throws Throwable {
    emit("CONST", -5);
    emit("CALL_LABS");
    emit("RET");
    assertEquals(5L, (long) handle().invokeExact());
  }

  @Test
  void growsPastItsInitialCapacity() throws Throwable {
    emit("CONST", 0);
    for (int i = 0; i < 10_000; i++) {
      emit("ADD", i);
    }
    emit("RET");
    assertEquals(10_000L * 9_999 / 2, (long) handle().invokeExact());
  }

  @Test
  void theFunctionDiesWithItsArena() {
    emit("CONST", 1);
    emit("RET");
    MethodHandle function;
    try (Arena shortLived = Arena.ofConfined()) {
      function = assembler.finish(shortLived).handle(NO_ARGUMENTS);
    }
    assertThrows(IllegalStateException.class, () -> {
      long unused = (long) function.invokeExact();
    });
  }

  @Test
  void refusesStencilsForAnotherTriple() {
    StencilLibrary arm = new StencilLibrary(Triple.AARCH64_UNKNOWN_LINUX_GNU, List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JitAssembler(arm));
    assertTrue(e.getMessage().startsWith("these stencils were built for"
        + " aarch64-unknown-linux-gnu, which cannot run on this machine"
        + " (x86_64-unknown-linux-gnu, os.name="), e.getMessage());
  }

  @Test
  void refusesAStencilOfAnotherLibrary() {
    StencilGroup stranger = new StencilGroup("RET", new byte[] {(byte) 0xc3, (byte) 0x90},
        new byte[0], List.of(), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> assembler.append(stranger));
    assertEquals("stencil RET is not one of this assembler's stencils for"
        + " x86_64-unknown-linux-gnu", e.getMessage());
  }

  @Test
  void anIndexThatNamesAnotherStencilIsAHintOnly() throws Throwable {
    int constIndex = X86Stencils.LIBRARY.stencils().indexOf(stencil("CONST"));
    assembler.append(stencil("CONST"), constIndex);
    assembler.fill(0, 40);
    // the index of CONST, out of range, negative: the stencil given is appended all the same
    assembler.append(stencil("ADD"), constIndex);
    assembler.fill(0, 1);
    assembler.append(stencil("ADD"), 1_000);
    assembler.fill(0, 1);
    assembler.append(stencil("RET"), -1);
    assertEquals(42L, (long) handle().invokeExact());
    StencilGroup stranger = new StencilGroup("CONST", stencil("CONST").code(), new byte[0],
        stencil("CONST").codeHoles(), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JitAssembler(X86Stencils.LIBRARY).append(stranger, constIndex));
    assertEquals("stencil CONST is not one of this assembler's stencils for"
        + " x86_64-unknown-linux-gnu", e.getMessage());
  }

  @Test
  void startsEveryStencilsDataAt16BytesWhateverTheSizesBefore() throws Throwable {
    // NOP has 8 bytes of data; ADDRESS returns its own data's address: lea rax, [rip + data]; ret
    StencilGroup nop = new StencilGroup("NOP", new byte[] {(byte) 0x90}, new byte[8], List.of(),
        List.of());
    StencilGroup address = new StencilGroup("ADDRESS",
        new byte[] {0x48, (byte) 0x8d, 0x05, 0, 0, 0, 0, (byte) 0xc3}, new byte[8],
        List.of(Hole.of(3, HoleKind.REL_32, HoleValue.DATA, -4)), List.of());
    JitAssembler odd = new JitAssembler(
        new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of(nop, address)));
    odd.append(nop);
    odd.append(nop);
    odd.append(address);
    JitFunction function = odd.finish(arena);
    long data = (long) function.handle(NO_ARGUMENTS).invokeExact();
    assertEquals(function.data().address() + 32, data);
    assertEquals(0, data % 16);
  }

  @Test
  void anUnboundLabelNamesTheLabelAndTheStencil() {
    emit("CONST", 1);
    emit("JUMP", new Label("nowhere"));
    emit("RET");
    assertFinishFails("label nowhere is never bound; parameter TARGET of stencil JUMP"
        + " (#1, at code offset 0xa) jumps to it");
  }

  @Test
  void aLabelBindsOnce() {
    Label twice = new Label("twice");
    assembler.bind(twice);
    emit("RET");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> assembler.bind(twice));
    assertEquals("label twice is bound twice: at code offset 0x0 and at 0x1", e.getMessage());
  }

  @Test
  void anUnfilledParameterIsReportedAtTheNextAppend() {
    assembler.append(stencil("CONST"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> emit("RET"));
    assertEquals("parameter VALUE of stencil CONST (#0, at code offset 0x0) was never filled",
        e.getMessage());
  }

  @Test
  void anUnfilledParameterIsReportedAtFinish() {
    emit("CONST", 1);
    assembler.append(stencil("ADD"));
    assertFinishFails("parameter VALUE of stencil ADD (#1, at code offset 0xa) was never filled");
  }

  @Test
  void fillsTheLastStencilsParametersOnce() {
    IllegalStateException early = assertThrows(IllegalStateException.class,
        () -> assembler.fill(0, 1));
    assertEquals("fill(0) before any append: fill takes a parameter of the stencil appended last",
        early.getMessage());
    emit("CONST", 1);
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> assembler.fill(0, 2));
    assertEquals("parameter VALUE of stencil CONST (#0, at code offset 0x0) is filled twice",
        twice.getMessage());
    IndexOutOfBoundsException index = assertThrows(IndexOutOfBoundsException.class,
        () -> assembler.fill(1, 2));
    assertEquals("stencil CONST has the parameters [VALUE], no parameter 1", index.getMessage());
  }

  @Test
  void aMissingSymbolNamesTheSymbolAndTheStencil() {
    emit("CALL");
    emit("RET");
    assertFinishFails("cannot find the external symbol stencil4j_test_host, which stencil CALL"
        + " uses; give its address in the SymbolLookup of the JitAssembler"
        + " (e.g. Symbols.of(Map.of(\"stencil4j_test_host\", upcallStub)))");
  }

  @Test
  void aValueOutOfRangeNamesTheStencilTheHoleAndTheValue() {
    emit("RET");
    emit("CONST32", 1L << 40);
    HoleRangeException e = assertThrows(HoleRangeException.class,
        () -> assembler.finish(arena));
    assertTrue(e.getMessage().matches("stencil CONST32 \\(#1, at code offset 0x1\\),"
        + " code hole 0x3 ABS_32S PARAMETER VALUE\\+0: value 0x10000000000 does not fit the"
        + " ABS_32S hole at 0x[0-9a-f]+: it does not fit in a signed 32-bit integer"),
        e.getMessage());
  }

  @Test
  void aLabelOutOfRangeIsNamed() {
    // a label as an absolute 32-bit value: user-space addresses on x86-64 Linux are above 4 GiB
    Label label = new Label("far");
    assembler.bind(label);
    emit("CONST32", label);
    HoleRangeException e = assertThrows(HoleRangeException.class,
        () -> assembler.finish(arena));
    assertTrue(e.getMessage().startsWith("stencil CONST32 (#0, at code offset 0x0), code hole"
        + " 0x3 ABS_32S PARAMETER VALUE+0 (label far): value 0x"), e.getMessage());
  }

  @Test
  void anAssemblerFinishesOnce() {
    IllegalStateException empty = assertThrows(IllegalStateException.class,
        () -> assembler.finish(arena));
    assertEquals("nothing to finish: no stencil was appended", empty.getMessage());
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> emit("RET"));
    assertEquals("this assembler is finished; reset() it or use a new one", again.getMessage());
  }

  @Test
  void aFinishedFunctionTakesNoMoreStencilsNorValues() {
    emit("CONST", 1);
    emit("ADD", 2);
    emit("RET");
    assembler.finish(arena);
    IllegalStateException append = assertThrows(IllegalStateException.class,
        () -> emit("ADD"));
    assertEquals("this assembler is finished; reset() it or use a new one", append.getMessage());
    IllegalStateException fill = assertThrows(IllegalStateException.class,
        () -> assembler.fill(0, 1));
    assertEquals("this assembler is finished; reset() it or use a new one", fill.getMessage());
    IllegalStateException label = assertThrows(IllegalStateException.class,
        () -> assembler.fill(0, new Label("late")));
    assertEquals("this assembler is finished; reset() it or use a new one", label.getMessage());
  }

  @Test
  void anyBoundLabelIsAnEntryAndFunctionsOfOneBufferJumpToEachOther() throws Throwable {
    // increment(x) = x + 1; answer() = 41, then increment's body
    Label increment = new Label("increment");
    Label body = new Label("body");
    Label answer = new Label("answer");
    emitIncrement(increment, body);
    assembler.bind(answer);
    emit("CONST", 41);
    emit("JUMP", body);
    JitFunction function = assembler.finish(arena);
    MethodHandle first = function.handle(increment, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    assertEquals(8L, (long) first.invokeExact(7L));
    assertEquals(42L, (long) function.handle(answer, NO_ARGUMENTS).invokeExact());
    assertEquals(function.code().address() + 3, function.address(body));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> function.address(new Label("stranger")));
    assertTrue(e.getMessage().startsWith("label stranger is not bound in JitFunction[code 32 B"),
        e.getMessage());
  }

  @Test
  void functionsOfOneBufferCallEachOtherAndACallIsRepatchedAfterFinish() throws Throwable {
    // increment(x) = x + 1 and decrement(x) = x - 1, entered by native code or called with x in
    // rax; twice(x) = increment(increment(x)) + 10
    Label increment = new Label("increment");
    Label incrementBody = new Label("increment body");
    Label decrementBody = new Label("decrement body");
    Label twice = new Label("twice");
    emitIncrement(increment, incrementBody);
    assembler.bind(decrementBody);
    emit("ADD", -1);
    emit("RET");
    assembler.bind(twice);
    emit("ARG");
    emit("CALL_LABEL", incrementBody);
    PatchSite firstCall = assembler.patchable(0);
    emit("CALL_LABEL", incrementBody);
    emit("ADD", 10);
    emit("RET");
    JitFunction function = assembler.finish(arena);
    MethodHandle handle = function.handle(twice, HOST);
    assertEquals(6L, (long) function.handle(increment, HOST).invokeExact(5L));
    assertEquals(17L, (long) handle.invokeExact(5L));
    function.patch(firstCall, decrementBody);
    assertEquals(15L, (long) handle.invokeExact(5L));
    assertEquals(6L, (long) function.handle(increment, HOST).invokeExact(5L));
  }

  /** increment(x) = x + 1, entered at {@code entry} with x the argument, at {@code body} in rax. */
  private void emitIncrement(Label entry, Label body) {
    assembler.bind(entry);
    emit("ARG");
    assembler.bind(body);
    emit("ADD", 1);
    emit("RET");
  }

  @Test
  void aJumpTargetIsPatchedAfterFinish() throws Throwable {
    Label one = new Label("one");
    Label two = new Label("two");
    emit("JUMP", one);
    PatchSite target = assembler.patchable(0);
    assembler.bind(one);
    emit("CONST", 1);
    emit("RET");
    assembler.bind(two);
    emit("CONST", 2);
    emit("RET");
    JitFunction function = assembler.finish(arena);
    MethodHandle handle = function.handle(NO_ARGUMENTS);
    assertEquals(1L, (long) handle.invokeExact());
    function.patch(target, two);
    assertEquals(2L, (long) handle.invokeExact());
    function.patch(target, one);
    assertEquals(1L, (long) handle.invokeExact());
  }

  @Test
  void aPatchedValueIsRangeCheckedAndNothingWrittenWhenItDoesNotFit() throws Throwable {
    emit("CONST32", 5);
    PatchSite value = assembler.patchable(0);
    emit("LOAD_DATA", 6);
    PatchSite data = assembler.patchable(0);
    emit("RET");
    JitFunction function = assembler.finish(arena);
    MethodHandle handle = function.handle(NO_ARGUMENTS);
    function.patch(data, 7);
    assertEquals(7L, (long) handle.invokeExact());
    HoleRangeException e = assertThrows(HoleRangeException.class,
        () -> function.patch(value, 1L << 40));
    assertTrue(e.getMessage().startsWith("parameter VALUE of stencil CONST32 (#0, at code offset"
        + " 0x0): value 0x10000000000 does not fit the ABS_32S hole at 0x"), e.getMessage());
    assertEquals(7L, (long) handle.invokeExact());
    IllegalArgumentException stranger = assertThrows(IllegalArgumentException.class,
        () -> new JitFunction(function.code(), function.data(), null, null, Map.of(), null)
            .patch(value, 1));
    assertEquals("patch site parameter VALUE of stencil CONST32 (#0, at code offset 0x0)"
        + " belongs to another function", stranger.getMessage());
  }

  @Test
  void perfsMapNamesTheFunctionOrEachStencil() throws IOException {
    try {
      System.setProperty(PerfMap.PROPERTY, "functions");
      emit("CONST", 1);
      emit("RET");
      long function = assembler.finish(arena, "one").code().address();
      System.setProperty(PerfMap.PROPERTY, "stencils");
      assembler.reset();
      emit("CONST", 2);
      emit("RET");
      long stencils = assembler.finish(arena, "two").code().address();
      List<String> lines = Files.readAllLines(PerfMap.path());
      // perf's format: START SIZE NAME, hexadecimal without 0x
      assertTrue(lines.stream().allMatch(line -> line.matches("[0-9a-f]+ [0-9a-f]+ \\S.*")),
          lines::toString);
      assertTrue(lines.contains(Long.toHexString(function) + " b one"), lines::toString);
      assertTrue(lines.contains(Long.toHexString(stencils) + " a two:CONST"), lines::toString);
      assertTrue(lines.contains(Long.toHexString(stencils + 10) + " 1 two:RET"), lines::toString);
    } finally {
      System.clearProperty(PerfMap.PROPERTY);
    }
  }

  @Test
  void disassemblesAFunctionWithLlvmMc() {
    emit("CONST", 42);
    emit("RET");
    assertEquals("\t.text\n\tmovabs\trax, 42\n\tret\n", assembler.finish(arena).disassemble());
  }

  @Test
  void aMissingDisassemblerIsNamed() {
    emit("RET");
    JitFunction function = assembler.finish(arena);
    try {
      System.setProperty(Disassembler.PROPERTY, "/nonexistent/llvm-mc");
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          function::disassemble);
      assertEquals("cannot run /nonexistent/llvm-mc to disassemble JIT code; install LLVM or"
          + " name the tool with -Dstencil4j.llvm-mc=PATH", e.getMessage());
    } finally {
      System.clearProperty(Disassembler.PROPERTY);
    }
  }

  /** An assembler whose CALL stencil calls {@code stub}. */
  private void callingHost(MemorySegment stub) {
    assembler = new JitAssembler(X86Stencils.LIBRARY, Symbols.of(Map.of(X86Stencils.HOST, stub)));
  }

  /** A {@code long name(long)} of this class, for {@link #HOST}. */
  private static MethodHandle host(String name) throws ReflectiveOperationException {
    return MethodHandles.lookup().findStatic(JitAssemblerTest.class, name,
        MethodType.methodType(long.class, long.class));
  }

  private void assertFinishFails(String message) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> assembler.finish(arena));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aResetAssemblerBuildsTheNextFunction() throws Throwable {
    callingHost(Linker.nativeLinker().upcallStub(host("triple"), HOST, arena));
    Label end = new Label("end");
    emit("CONST", 2);
    emit("JUMP", end);
    emit("CONST", 3);
    assembler.bind(end);
    emit("CALL");
    emit("RET");
    MethodHandle first = handle();
    // an unfinished function is dropped too: its label, its unfilled parameter
    assembler.reset();
    assembler.bind(end);
    assembler.append(stencil("ADD"));
    assembler.reset();
    emit("CONST", 5);
    emit("JUMP", end);
    assembler.bind(end);
    emit("CALL");
    emit("RET");
    MethodHandle second = handle();
    assertEquals(6L, (long) first.invokeExact());
    assertEquals(15L, (long) second.invokeExact());
  }

  private MethodHandle handle() {
    return assembler.finish(arena).handle(NO_ARGUMENTS);
  }

  /** Appends stencil {@code name} by its index, as generated emitters do. */
  private void emit(String name) {
    assembler.append(stencil(name), X86Stencils.LIBRARY.stencils().indexOf(stencil(name)));
  }

  private void emit(String name, long value) {
    emit(name);
    assembler.fill(0, value);
  }

  private void emit(String name, Label label) {
    emit(name);
    assembler.fill(0, label);
  }

  private static StencilGroup stencil(String name) {
    return X86Stencils.LIBRARY.stencil(name);
  }

  private static long triple(long value) {
    return 3 * value;
  }

  private static long failOnOdd(long value) {
    if (value % 2 != 0) {
      throw new IllegalArgumentException("odd: " + value);
    }
    return value;
  }
}
