package io.stencil4j.examples.stackvm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import io.stencil4j.runtime.JitAssembler;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;

/**
 * The stack VM's JIT: emits a program's stencils through the generated {@link StackVm} emitter,
 * the shim first, and calls the result through it. It reuses one assembler, reset for each
 * program, so its buffers are grown and its symbols found once: a JIT compiles on one thread.
 */
public final class StackVmJit {
  /** The shim's signature: {@code int64_t entry(int64_t *stack, int64_t *locals)}. */
  public static final FunctionDescriptor ENTRY = FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS);

  private final StencilLibrary stencils = StackVmStencils.forHost();
  private final JitAssembler assembler;
  private final StackVm vm;
  private final JumpTargets targets = new JumpTargets();

  /**
   * A JIT whose programs call {@link HostFunctions#square} through an upcall stub that lives in
   * {@code arena}, which must outlive every program compiled.
   */
  public StackVmJit(Arena arena) {
    this.assembler = new JitAssembler(stencils, HostFunctions.lookup(arena));
    this.vm = StackVmStencils.emitter(assembler);
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
    // in locals: the loop then reads no field of this JIT
    JitAssembler assembler = this.assembler;
    StackVm vm = this.vm;
    JumpTargets targets = this.targets;
    assembler.reset();
    Op[] ops = program.ops();
    long[] arguments = program.arguments();
    boolean[] jumpTargets = program.jumpTargets();
    vm.shim();
    for (int pc = 0; pc < ops.length; pc++) {
      if (jumpTargets[pc]) {
        assembler.bind(targets.label(pc));
      }
      long argument = arguments[pc];
      switch (ops[pc]) {
        case PUSH_CONST -> vm.pushConst(argument);
        case LOAD_LOCAL -> vm.loadLocal((int) argument);
        case STORE_LOCAL -> vm.storeLocal((int) argument);
        case ADD -> vm.add();
        case SUB -> vm.sub();
        case MUL -> vm.mul();
        case LESS_THAN -> vm.lessThan();
        case JUMP -> vm.jump(targets.label((int) argument));
        case JUMP_IF_FALSE -> vm.jumpIfFalse(targets.label((int) argument));
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
    return new CompiledProgram(program, assemble(program).finish(arena, program.name()), true,
        arena, false);
  }
}
