package io.stencil4j.examples.stackvm;

import io.stencil4j.Label;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import io.stencil4j.runtime.JitAssembler;
import java.lang.foreign.Arena;

/**
 * The register VM's JIT: the stack VM's programs compiled from {@link RegisterVm}'s stencils,
 * which keep the locals and the stack in registers. The verified program gives the stack depth
 * before each instruction, which picks each stencil's variant; instructions no path reaches are
 * left out. Common sequences (a constant operand, a comparison and its branch, arithmetic from
 * locals into a local) become one superinstruction each when no jump goes into them. Constants
 * are folded first ({@link ConstantFolding}), then innermost loops unrolled
 * ({@link LoopUnrolling}). Programs that use more than
 * {@link RegisterVm#MAX_STACK} stack slots are refused.
 * Like {@link StackVmJit}, it reuses one assembler: a JIT compiles on one thread.
 */
public final class RegisterVmJit {
  private final StencilLibrary stencils = RegisterVmStencils.forHost();
  private final JitAssembler assembler;
  private final RegisterVm vm;
  private final JumpTargets targets = new JumpTargets();

  /**
   * A JIT. The native helper that CALL_HOST calls is placed once, with the first program that
   * calls it, and stays for the rest of the process.
   */
  public RegisterVmJit() {
    this.assembler = new JitAssembler(stencils);
    this.vm = RegisterVmStencils.emitter(assembler);
  }

  /** The triple of the stencils in use: the host's. */
  public Triple triple() {
    return stencils.triple();
  }

  /**
   * The JIT's assembler, reset, with the program appended, not yet finished: the shim, one
   * stencil per reachable instruction of the program with its constants folded and its loops
   * unrolled. The next call
   * resets it again.
   *
   * @throws IllegalArgumentException if the program uses more than {@link RegisterVm#MAX_STACK}
   *     stack slots
   */
  public JitAssembler assemble(Program source) {
    if (source.maxDepth() > RegisterVm.MAX_STACK) {
      throw new IllegalArgumentException(source.name() + ": uses " + source.maxDepth()
          + " stack slots; the register VM keeps at most " + RegisterVm.MAX_STACK
          + " in registers (StackVmJit has no such limit)");
    }
    Program program = LoopUnrolling.unrolled(ConstantFolding.folded(source));
    // in locals: the loop then reads no field of this JIT
    JitAssembler assembler = this.assembler;
    RegisterVm vm = this.vm;
    JumpTargets targets = this.targets;
    assembler.reset();
    Op[] ops = program.ops();
    long[] arguments = program.arguments();
    boolean[] jumpTargets = program.jumpTargets();
    vm.shim();
    for (int pc = 0; pc < ops.length; pc++) {
      int depth = program.depth(pc);
      if (depth < 0) {
        continue;
      }
      if (jumpTargets[pc]) {
        assembler.bind(targets.label(pc));
      }
      int fused = fuse(program, pc, depth);
      if (fused > 0) {
        pc += fused - 1;
        continue;
      }
      long argument = arguments[pc];
      switch (ops[pc]) {
        case PUSH_CONST -> vm.pushConst(depth, argument);
        case LOAD_LOCAL -> vm.loadLocal(depth * 4 + (int) argument);
        case STORE_LOCAL -> vm.storeLocal(depth * 4 + (int) argument);
        case ADD -> vm.add(depth);
        case SUB -> vm.sub(depth);
        case MUL -> vm.mul(depth);
        case LESS_THAN -> vm.lessThan(depth);
        case JUMP -> vm.jump(targets.label((int) argument));
        case JUMP_IF_FALSE -> vm.jumpIfFalse(depth, targets.label((int) argument));
        case CALL_HOST -> vm.callHost(depth);
        case PUSH_PRIME -> vm.pushPrime(depth, (int) argument);
        case RETURN -> vm.ret(depth);
      }
    }
    return assembler;
  }

  /**
   * Emits the superinstruction for the sequence at {@code pc}, if one fits and no jump goes
   * into the sequence past its start; returns how many instructions it took, 0 if none. The
   * longest sequence wins.
   */
  private int fuse(Program program, int pc, int depth) {
    int taken = fuseOnLocals(program, pc);
    return taken > 0 ? taken : fuseOnStack(program, pc, depth);
  }

  /** The superinstructions that read and write only locals, at any depth. */
  private int fuseOnLocals(Program program, int pc) {
    Op first = program.ops()[pc];
    Op second = inside(program, pc + 1);
    Op third = inside(program, pc + 2);
    Op fourth = inside(program, pc + 3);
    long[] arguments = program.arguments();
    int a = (int) arguments[pc];
    if (third == Op.LESS_THAN && fourth == Op.JUMP_IF_FALSE) {
      long b = arguments[pc + 1];
      Label target = targets.label((int) arguments[pc + 3]);
      if (first == Op.LOAD_LOCAL && second == Op.LOAD_LOCAL) {
        vm.jumpIfNotLocalsLess(a * 4 + (int) b, target);
        return 4;
      }
      if (first == Op.LOAD_LOCAL && second == Op.PUSH_CONST) {
        vm.jumpIfNotLocalLessConst(a, b, target);
        return 4;
      }
      if (first == Op.PUSH_CONST && second == Op.LOAD_LOCAL) {
        long constant = arguments[pc];
        if (constant == 0) {
          vm.jumpIfLocalNotPositive((int) b, target);
        } else {
          vm.jumpIfNotConstLessLocal((int) b, constant, target);
        }
        return 4;
      }
    }
    if (first != Op.LOAD_LOCAL) {
      return 0;
    }
    if (second == Op.STORE_LOCAL) {
      vm.moveLocal(a * 4 + (int) arguments[pc + 1]);
      return 2;
    }
    if (second == null || third == null || fourth != Op.STORE_LOCAL) {
      return 0;
    }
    long b = arguments[pc + 1];
    int c = (int) arguments[pc + 3];
    switch (second) {
      case LOAD_LOCAL -> {
        int at = a * 16 + (int) b * 4 + c;
        switch (third) {
          case ADD -> vm.addLocals(at);
          case MUL -> vm.mulLocals(at);
          default -> {
            return 0;
          }
        }
      }
      case PUSH_CONST -> {
        boolean step = b == 1 && a == c;
        switch (third) {
          case ADD -> {
            if (step) {
              vm.incrementLocal(a);
            } else {
              vm.addConstLocal(a * 4 + c, b);
            }
          }
          case SUB -> {
            if (step) {
              vm.decrementLocal(a);
            } else {
              vm.subConstLocal(a * 4 + c, b);
            }
          }
          default -> {
            return 0;
          }
        }
      }
      default -> {
        return 0;
      }
    }
    return 4;
  }

  /** The superinstructions on the stack, {@code depth} the depth before the sequence. */
  private int fuseOnStack(Program program, int pc, int depth) {
    Op first = program.ops()[pc];
    Op second = inside(program, pc + 1);
    long[] arguments = program.arguments();
    if (first == Op.LESS_THAN && second == Op.JUMP_IF_FALSE) {
      vm.jumpIfNotLess(depth, targets.label((int) arguments[pc + 1]));
      return 2;
    }
    if (first != Op.PUSH_CONST || depth == 0 || second == null) {
      return 0;
    }
    long value = arguments[pc];
    switch (second) {
      case ADD -> vm.addConst(depth, value);
      case SUB -> vm.subConst(depth, value);
      case MUL -> vm.mulConst(depth, value);
      case LESS_THAN -> {
        if (inside(program, pc + 2) != Op.JUMP_IF_FALSE) {
          return 0;
        }
        vm.jumpIfNotLessConst(depth, value, targets.label((int) arguments[pc + 2]));
        return 3;
      }
      default -> {
        return 0;
      }
    }
    return 2;
  }

  /**
   * The operation at {@code pc} if a superinstruction may take it in: it exists and no jump
   * goes to it; null otherwise.
   */
  private static Op inside(Program program, int pc) {
    Op[] ops = program.ops();
    return pc < ops.length && !program.jumpTargets()[pc] ? ops[pc] : null;
  }

  /**
   * The program compiled to native code that lives in {@code arena}, named after the program in
   * perf's map of JIT code ({@code -Dstencil4j.perfmap=functions}). Its code neither blocks nor
   * calls back into Java (the host's square is a native helper): it is entered through a
   * critical downcall, which skips the thread's state transitions.
   */
  public CompiledProgram compile(Program program, Arena arena) {
    // the shim loads the locals into registers, and nothing stores them back
    return new CompiledProgram(program, assemble(program).finish(arena, program.name()), false,
        arena, true);
  }
}
