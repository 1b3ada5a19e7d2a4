package io.stencil4j.examples.stackvm;

import static io.stencil4j.examples.stackvm.Instruction.of;
import static io.stencil4j.examples.stackvm.Op.ADD;
import static io.stencil4j.examples.stackvm.Op.JUMP;
import static io.stencil4j.examples.stackvm.Op.JUMP_IF_FALSE;
import static io.stencil4j.examples.stackvm.Op.LOAD_LOCAL;
import static io.stencil4j.examples.stackvm.Op.PUSH_CONST;
import static io.stencil4j.examples.stackvm.Op.RETURN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Programs the JIT could not run safely are refused when they are made. */
class ProgramTest {
  @Test
  void stackUnderflow() {
    assertRefused("p: stack underflow at 1, ADD", of(PUSH_CONST, 1), of(ADD), of(RETURN));
  }

  @Test
  void stackOverflow() {
    List<Instruction> code = new ArrayList<>();
    for (int i = 0; i <= Program.MAX_STACK; i++) {
      code.add(of(PUSH_CONST, i));
    }
    code.add(of(RETURN));
    assertRefused("p: more than 64 stack slots at 64", code.toArray(Instruction[]::new));
  }

  @Test
  void localOutOfRange() {
    assertRefused("p: no local 4 at 0", of(LOAD_LOCAL, 4), of(RETURN));
    assertRefused("p: no local -1 at 0", of(LOAD_LOCAL, -1), of(RETURN));
  }

  @Test
  void jumpOutsideTheProgram() {
    assertRefused("p: jump to 2 at 0, outside the program", of(JUMP, 2), of(RETURN));
  }

  @Test
  void runningPastTheEnd() {
    assertRefused("p: runs past the last instruction", of(PUSH_CONST, 1));
  }

  @Test
  void inconsistentStackDepth() {
    // the loop pushes one more slot each time round
    assertRefused("p: 0 is reached with 0 and, from 2, with 1 stack slots",
        of(PUSH_CONST, 1), of(PUSH_CONST, 0), of(JUMP_IF_FALSE, 0), of(RETURN));
  }

  @Test
  void tooManyLocals() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Program("p", List.of(of(PUSH_CONST, 1), of(RETURN)),
            List.of(1L, 2L, 3L, 4L, 5L)));
    assertEquals("p: 5 locals, at most 4", e.getMessage());
  }

  private static void assertRefused(String message, Instruction... code) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Program("p", List.of(code), List.of()));
    assertEquals(message, e.getMessage());
  }
}
