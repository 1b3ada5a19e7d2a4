package io.stencil4j.examples.stackvm;

/** The stack VM's operations, each with how many stack slots it pops and pushes. */
public enum Op {
  PUSH_CONST(0, 1),
  LOAD_LOCAL(0, 1),
  STORE_LOCAL(1, 0),
  ADD(2, 1),
  SUB(2, 1),
  MUL(2, 1),
  LESS_THAN(2, 1),
  JUMP(0, 0),
  JUMP_IF_FALSE(1, 0),
  CALL_HOST(1, 1),
  PUSH_PRIME(0, 1),
  RETURN(1, 0);

  private final int pops;
  private final int pushes;

  Op(int pops, int pushes) {
    this.pops = pops;
    this.pushes = pushes;
  }

  public int pops() {
    return pops;
  }

  public int pushes() {
    return pushes;
  }
}
