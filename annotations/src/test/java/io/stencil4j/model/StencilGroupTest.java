package io.stencil4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A stencil's holes are kept by offset, and may not overlap. */
class StencilGroupTest {
  private static final Hole FIRST = Hole.parameter(0, HoleKind.ABS_32, "A", 0);
  private static final Hole SECOND = Hole.parameter(4, HoleKind.ABS_32, "B", 0);
  private static final Hole THIRD = Hole.symbol(8, HoleKind.ABS_32, "helper", 0);

  @Test
  void holesGivenOutOfOrderAreSortedByOffset() {
    StencilGroup stencil = new StencilGroup("S", new byte[12], new byte[0],
        List.of(THIRD, FIRST, SECOND), List.of());
    assertEquals(List.of(FIRST, SECOND, THIRD), stencil.codeHoles());
    assertEquals(List.of("A", "B"), stencil.parameters());
  }

  @Test
  void holesInOrderStayInOrder() {
    StencilGroup stencil = new StencilGroup("S", new byte[12], new byte[0],
        List.of(FIRST, SECOND, THIRD), List.of());
    assertEquals(List.of(FIRST, SECOND, THIRD), stencil.codeHoles());
  }

  @Test
  void overlappingHolesOutOfOrderAreRejected() {
    Hole overlapping = Hole.parameter(2, HoleKind.ABS_32, "C", 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StencilGroup("S", new byte[12], new byte[0], List.of(SECOND, overlapping),
            List.of()));
    assertEquals("S: code hole " + SECOND + " overlaps another or ends past 12", e.getMessage());
  }
}
