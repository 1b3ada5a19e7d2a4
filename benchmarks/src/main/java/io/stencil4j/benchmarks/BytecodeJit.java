package io.stencil4j.benchmarks;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import io.stencil4j.examples.stackvm.HostFunctions;
import io.stencil4j.examples.stackvm.Instruction;
import io.stencil4j.examples.stackvm.Interpreter;
import io.stencil4j.examples.stackvm.Op;
import io.stencil4j.examples.stackvm.Program;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The baseline a JVM user would write instead of stencils: a stack VM program translated to
 * bytecode with {@code java.lang.classfile} and defined as a hidden class, which HotSpot then
 * interprets and compiles like any other code.
 *
 * <p>The VM's stack is the JVM's operand stack and the VM's locals are JVM locals (the verifier
 * gives every instruction one stack depth, so this mapping always exists): no array, nothing in
 * memory, every value an SSA value for C2. The host function is a direct {@code invokestatic},
 * which C2 inlines. LESS_THAN followed by JUMP_IF_FALSE becomes one {@code lcmp; ifge}, as
 * javac would write {@code if (a < b)}.
 *
 * <p>The initial locals are the program's inputs: they come from a field of the instance, as
 * the stencil JIT's come from memory, so that C2 cannot fold a run into a constant.
 */
public final class BytecodeJit {
  private static final String METHOD = "getAsLong";
  private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_long);
  private static final MethodTypeDesc LONG_TO_LONG = MethodTypeDesc.of(CD_long, CD_long);
  private static final ClassDesc LONGS = CD_long.arrayType();
  private static final String LOCALS = "locals";
  private static final MethodTypeDesc INIT = MethodTypeDesc.of(CD_void, LONGS);
  private static final ClassDesc HOST = ClassDesc.of(HostFunctions.class.getName());
  /** Hidden classes are named after a class of the defining lookup's package. */
  private static final ClassDesc NAME = ClassDesc.of(BytecodeJit.class.getPackageName(),
      "StackVmProgram");
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, long[].class);

  private BytecodeJit() {}

  /**
   * {@code program} compiled to a hidden class: each call runs it from the start with its
   * initial locals. The class is unloaded once the result is unreachable.
   */
  public static LongSupplier compile(Program program) {
    try {
      MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(classBytes(program), true);
      return (LongSupplier) hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR)
          .invoke(program.initialLocals());
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("cannot define the class of " + program, t);
    }
  }

  /** The size of {@code program}'s method in bytes of bytecode (HotSpot compiles up to 8,000). */
  public static int bytecodeSize(Program program) {
    MethodModel method = ClassFile.of().parse(classBytes(program)).methods().stream()
        .filter(m -> m.methodName().equalsString(METHOD))
        .findFirst().orElseThrow();
    return method.findAttribute(Attributes.code()).orElseThrow().codeLength();
  }

  /**
   * A final class implementing {@link LongSupplier}, constructed with the initial locals, whose
   * {@code getAsLong} is the program.
   */
  private static byte[] classBytes(Program program) {
    return ClassFile.of().build(NAME, type -> type
        .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
        .withInterfaceSymbols(ClassDesc.of(LongSupplier.class.getName()))
        .withField(LOCALS, LONGS, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL)
        .withMethodBody(INIT_NAME, INIT, ClassFile.ACC_PUBLIC, code -> code
            .aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void)
            .aload(0).aload(1).putfield(NAME, LOCALS, LONGS).return_())
        .withMethodBody(METHOD, RUN, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
            code -> translate(program, code)));
  }

  private static void translate(Program program, CodeBuilder code) {
    for (int i = 0; i < Program.MAX_LOCALS; i++) {
      code.aload(0).getfield(NAME, LOCALS, LONGS).loadConstant(i).laload().lstore(slot(i));
    }
    List<Instruction> instructions = program.code();
    Label[] targets = jumpTargets(instructions, code);
    for (int pc = 0; pc < instructions.size(); pc++) {
      if (targets[pc] != null) {
        code.labelBinding(targets[pc]);
      }
      long argument = instructions.get(pc).argument();
      switch (instructions.get(pc).op()) {
        case PUSH_CONST -> code.loadConstant(argument);
        case LOAD_LOCAL -> code.lload(slot((int) argument));
        case STORE_LOCAL -> code.lstore(slot((int) argument));
        case ADD -> code.ladd();
        case SUB -> code.lsub();
        case MUL -> code.lmul();
        case LESS_THAN -> {
          if (fusesWithNext(instructions, targets, pc)) {
            code.lcmp().ifge(targets[(int) instructions.get(++pc).argument()]);
          } else {
            lessThan(code);
          }
        }
        case JUMP -> code.goto_(targets[(int) argument]);
        case JUMP_IF_FALSE -> code.lconst_0().lcmp().ifeq(targets[(int) argument]);
        case CALL_HOST -> code.invokestatic(HOST, "square", LONG_TO_LONG);
        case PUSH_PRIME -> code.loadConstant(Interpreter.prime(argument));
        case RETURN -> code.lreturn();
      }
    }
  }

  /** Whether a JUMP_IF_FALSE that no jump goes to follows the LESS_THAN at {@code pc}. */
  private static boolean fusesWithNext(List<Instruction> code, Label[] targets, int pc) {
    return code.get(pc + 1).op() == Op.JUMP_IF_FALSE && targets[pc + 1] == null;
  }

  /** {@code a < b ? 1L : 0L}, as javac compiles it. */
  private static void lessThan(CodeBuilder code) {
    Label no = code.newLabel();
    Label done = code.newLabel();
    code.lcmp().ifge(no).lconst_1().goto_(done).labelBinding(no).lconst_0().labelBinding(done);
  }

  /** A label for each instruction a jump goes to; null for the others. */
  private static Label[] jumpTargets(List<Instruction> instructions, CodeBuilder code) {
    Label[] targets = new Label[instructions.size()];
    for (Instruction instruction : instructions) {
      if (instruction.op() == Op.JUMP || instruction.op() == Op.JUMP_IF_FALSE) {
        int target = (int) instruction.argument();
        if (targets[target] == null) {
          targets[target] = code.newLabel();
        }
      }
    }
    return targets;
  }

  /** The JVM local of VM local {@code index}: slot 0 is {@code this}, a long takes two. */
  private static int slot(int index) {
    return 1 + 2 * index;
  }
}
