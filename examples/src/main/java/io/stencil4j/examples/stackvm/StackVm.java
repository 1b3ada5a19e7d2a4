package io.stencil4j.examples.stackvm;

import io.stencil4j.Case;
import io.stencil4j.Label;
import io.stencil4j.Stencil;

/** The stack VM's instructions: each method appends the stencil of the case with its name. */
@Stencil(template = "vm.c", cases = "vm_cases.c", shim = "shim.c",
    triples = {"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "x86_64-apple-darwin",
        "aarch64-apple-darwin", "x86_64-pc-windows-msvc", "i686-pc-windows-msvc",
        "aarch64-pc-windows-msvc"})
public interface StackVm {
  /** Enters the JIT-compiled code from the native calling convention. */
  void shim();

  void pushConst(long value);

  void loadLocal(int index);

  void storeLocal(int index);

  void add();

  void sub();

  void mul();

  void lessThan();

  void jump(Label target);

  void jumpIfFalse(Label target);

  /** Replaces the top of the stack with the host's square of it. */
  void callHost();

  /** Pushes the {@code index}-th prime of the table inside the stencil. */
  void pushPrime(int index);

  /** Returns the top of the stack to the caller of the shim. */
  @Case("RETURN")
  void ret();
}
