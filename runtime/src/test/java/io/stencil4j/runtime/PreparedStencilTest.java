package io.stencil4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedStencilTest {
  @Test
  void onlyAParametersOnlyHoleAnAbs64InTheCodeIsPatchedAsTheCodeIsLaidOut() {
    // parameters, sorted: DATA_ONE, ONE, TWICE, WIDE
    StencilGroup stencil = new StencilGroup("MIXED", new byte[40], new byte[16], List.of(
        Hole.parameter(0, HoleKind.ABS_64, "ONE", 0),
        Hole.parameter(8, HoleKind.ABS_64, "TWICE", 0),
        Hole.parameter(16, HoleKind.ABS_64, "TWICE", 1),
        Hole.parameter(24, HoleKind.ABS_32S, "WIDE", 0),
        Hole.of(28, HoleKind.REL_32, HoleValue.DATA, -4)),
        List.of(Hole.parameter(0, HoleKind.ABS_64, "DATA_ONE", 0)));
    PreparedStencil prepared = new PreparedStencil(stencil, 0);
    assertArrayEquals(new int[] {0}, prepared.immediateHoles);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5}, prepared.deferredHoles);
    // hole 0, of parameter 1 (ONE), in fields of its own
    assertEquals(0, prepared.immediateOffset);
    assertEquals(1, prepared.immediateParameter);
    assertEquals(0, prepared.immediateAddend);
    assertFalse(prepared.moreImmediateHoles);
  }
}
