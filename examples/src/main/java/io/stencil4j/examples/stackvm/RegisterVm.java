package io.stencil4j.examples.stackvm;

import io.stencil4j.Case;
import io.stencil4j.Label;
import io.stencil4j.Stencil;
import io.stencil4j.Variant;

/**
 * The stack VM's instructions with the VM's state in registers: the four locals and the four
 * stack slots are {@code preserve_none} arguments passed from stencil to stencil (regvm.h), and
 * each instruction has a variant per stack depth, so that the slot it reads or writes is a
 * register chosen when it was compiled. The host's square is a native helper
 * (regvm_helpers.c), called natively rather than through a JVM upcall. {@code depth} is the stack depth before the instruction;
 * {@code at} is {@code depth * 4 + local}. The last methods are superinstructions: a sequence of
 * the stack VM's instructions in one stencil, {@code depth} the depth before the sequence; those
 * that read and write only locals take the locals' indexes as their variant, at any depth.
 */
@Stencil(template = "regvm.c", cases = "regvm_cases.c", shim = "regvm_shim.c",
    helpers = "regvm_helpers.c",
    triples = {"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "x86_64-apple-darwin",
        "aarch64-apple-darwin", "x86_64-pc-windows-msvc", "i686-pc-windows-msvc",
        "aarch64-pc-windows-msvc"})
public interface RegisterVm {
  /** The most stack slots a program may use: as many as the state has registers for them. */
  int MAX_STACK = 4;

  /** Enters the JIT-compiled code from the native calling convention, loading the locals. */
  void shim();

  void pushConst(@Variant int depth, long value);

  void loadLocal(@Variant int at);

  void storeLocal(@Variant int at);

  void add(@Variant int depth);

  void sub(@Variant int depth);

  void mul(@Variant int depth);

  void lessThan(@Variant int depth);

  void jump(Label target);

  void jumpIfFalse(@Variant int depth, Label target);

  /** Replaces the top of the stack with its square, by the native helper {@code regvm_square}. */
  void callHost(@Variant int depth);

  /** Pushes the {@code index}-th prime of the table inside the stencil. */
  void pushPrime(@Variant int depth, int index);

  /** Returns the top of the stack to the caller of the shim. */
  @Case("RETURN")
  void ret(@Variant int depth);

  /** {@code PUSH_CONST value; ADD}. */
  void addConst(@Variant int depth, long value);

  /** {@code PUSH_CONST value; SUB}. */
  void subConst(@Variant int depth, long value);

  /** {@code PUSH_CONST value; MUL}. */
  void mulConst(@Variant int depth, long value);

  /** {@code LESS_THAN; JUMP_IF_FALSE target}. */
  void jumpIfNotLess(@Variant int depth, Label target);

  /** {@code PUSH_CONST value; LESS_THAN; JUMP_IF_FALSE target}. */
  void jumpIfNotLessConst(@Variant int depth, long value, Label target);

  /** {@code LOAD_LOCAL a; STORE_LOCAL c}, {@code at = a * 4 + c}, at any depth. */
  void moveLocal(@Variant int at);

  /**
   * {@code LOAD_LOCAL a; LOAD_LOCAL b; ADD; STORE_LOCAL c}, {@code at = a * 16 + b * 4 + c}, at
   * any depth.
   */
  void addLocals(@Variant int at);

  /**
   * {@code LOAD_LOCAL a; LOAD_LOCAL b; MUL; STORE_LOCAL c}, {@code at = a * 16 + b * 4 + c}, at
   * any depth.
   */
  void mulLocals(@Variant int at);

  /** {@code LOAD_LOCAL a; PUSH_CONST value; ADD; STORE_LOCAL c}, {@code at = a * 4 + c}. */
  void addConstLocal(@Variant int at, long value);

  /** {@code LOAD_LOCAL a; PUSH_CONST value; SUB; STORE_LOCAL c}, {@code at = a * 4 + c}. */
  void subConstLocal(@Variant int at, long value);

  /** {@code LOAD_LOCAL local; PUSH_CONST value; LESS_THAN; JUMP_IF_FALSE target}. */
  void jumpIfNotLocalLessConst(@Variant int local, long value, Label target);

  /** {@code PUSH_CONST value; LOAD_LOCAL local; LESS_THAN; JUMP_IF_FALSE target}. */
  void jumpIfNotConstLessLocal(@Variant int local, long value, Label target);

  /** {@code LOAD_LOCAL a; LOAD_LOCAL b; LESS_THAN; JUMP_IF_FALSE target}, {@code at = a * 4 + b}. */
  void jumpIfNotLocalsLess(@Variant int at, Label target);

  /** {@code LOAD_LOCAL local; PUSH_CONST 1; ADD; STORE_LOCAL local}. */
  void incrementLocal(@Variant int local);

  /** {@code LOAD_LOCAL local; PUSH_CONST 1; SUB; STORE_LOCAL local}. */
  void decrementLocal(@Variant int local);

  /** {@code PUSH_CONST 0; LOAD_LOCAL local; LESS_THAN; JUMP_IF_FALSE target}. */
  void jumpIfLocalNotPositive(@Variant int local, Label target);
}
