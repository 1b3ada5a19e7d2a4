package io.stencil4j.examples.stackvm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.stencil4j.Label;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import io.stencil4j.runtime.JitAssembler;
import io.stencil4j.runtime.Symbols;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;

/**
 * The stack VM's JIT: emits a program's stencils through the generated {@link StackVm} emitter,
 * the shim first, and calls the result through it. It reuses one assembler, reset for each
 * program, so its buffers are grown and its symbols found once: a JIT compiles on one thread.
 */
public final class StackVmJit {
  /** The shim's signature: {@code int64_t entry(int64_t *stack, int64_t *locals)}. */
  public static final FunctionDescriptor ENTRY = FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS);

  /** The host function's signature: {@code int64_t stackvm_host_square(int64_t)}. */
  private static final FunctionDescriptor SQUARE_TYPE = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG);

  private final StencilLibrary stencils = StackVmStencils.forHost();
  private final JitAssembler assembler;
  private final StackVm vm;
  /** The labels of jump targets by instruction, made as programs need them. */
  private Label[] labels = new Label[0];
  /**
   * By instruction, the number of the last program in which a jump goes to it: marks that need
   * no clearing between programs.
   */
  private int[] targetIn = new int[0];
  private int programs;

  /**
   * A JIT whose programs call {@link HostFunctions#square} through an upcall stub that lives in
   * {@code arena}, which must outlive every program compiled.
   */
  public StackVmJit(Arena arena) {
    // the stub is linked when the first program calling the host is finished, if one is
    this.assembler = new JitAssembler(stencils, Symbols.lazy(HostFunctions.SQUARE_SYMBOL,
        () -> Linker.nativeLinker().upcallStub(square(), SQUARE_TYPE, arena)));
    this.vm = StackVmStencils.emitter(assembler);
  }

  private static MethodHandle square() {
    try {
      return MethodHandles.lookup().findStatic(HostFunctions.class, "square",
          MethodType.methodType(long.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The triple of the stencils in use: the host's. */
  public Triple triple() {
    return stencils.triple();
  }

  /**
   * The JIT's assembler, reset, with the program appended, not yet finished: the shim, one
   * stencil per instruction. The next call resets it again.
   */
  public JitAssembler assemble(Program program) {
    assembler.reset();
    List<Instruction> code = program.code();
    int mark = markJumpTargets(code);
    Label[] targets = labels;
    vm.shim();
    for (int pc = 0; pc < code.size(); pc++) {
      if (targetIn[pc] == mark) {
        assembler.bind(targets[pc]);
      }
      Instruction instruction = code.get(pc);
      long argument = instruction.argument();
      switch (instruction.op()) {
        case PUSH_CONST -> vm.pushConst(argument);
        case LOAD_LOCAL -> vm.loadLocal((int) argument);
        case STORE_LOCAL -> vm.storeLocal((int) argument);
        case ADD -> vm.add();
        case SUB -> vm.sub();
        case MUL -> vm.mul();
        case LESS_THAN -> vm.lessThan();
        case JUMP -> vm.jump(targets[(int) argument]);
        case JUMP_IF_FALSE -> vm.jumpIfFalse(targets[(int) argument]);
        case CALL_HOST -> vm.callHost();
        case PUSH_PRIME -> vm.pushPrime((int) argument);
        case RETURN -> vm.ret();
      }
    }
    return assembler;
  }

  /**
   * The program compiled to native code that lives in {@code arena}, named after the program in
   * perf's map of JIT code ({@code -Dstencil4j.perfmap=functions}).
   */
  public CompiledProgram compile(Program program, Arena arena) {
    return new CompiledProgram(program,
        assemble(program).finish(arena, program.name()).handle(ENTRY), arena);
  }

  /**
   * Marks the instructions a jump goes to with the number it returns, each with its label: no
   * array to allocate per program.
   */
  private int markJumpTargets(List<Instruction> code) {
    if (targetIn.length < code.size()) {
      targetIn = Arrays.copyOf(targetIn, Math.max(code.size(), targetIn.length * 2));
    }
    int mark = ++programs;
    for (Instruction instruction : code) {
      if (instruction.op() == Op.JUMP || instruction.op() == Op.JUMP_IF_FALSE) {
        int target = (int) instruction.argument();
        targetIn[target] = mark;
        label(target);
      }
    }
    return mark;
  }

  /**
   * The label of instruction {@code pc}, made once: a label is bound again in each function,
   * and naming one formats a number, which would cost more than the stencil it marks.
   */
  private Label label(int pc) {
    if (pc >= labels.length) {
      labels = Arrays.copyOf(labels, Math.max(pc + 1, labels.length * 2));
    }
    if (labels[pc] == null) {
      labels[pc] = new Label("instruction " + pc);
    }
    return labels[pc];
  }
}
