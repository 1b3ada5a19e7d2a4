package io.stencil4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagedFunctionTest {
  private static final StencilGroup SHIM = new StencilGroup("SHIM", new byte[] {1, 2, 3},
      new byte[0], List.of(), List.of());
  private static final StencilGroup DATA = new StencilGroup("DATA", new byte[] {4, 5},
      new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, List.of(), List.of());
  private static final StencilGroup NEXT = new StencilGroup("NEXT", new byte[5], new byte[0],
      List.of(Hole.of(1, HoleKind.REL_32, HoleValue.CONTINUE, -4)), List.of());
  private static final StencilGroup HERE = new StencilGroup("HERE", new byte[7], new byte[0],
      List.of(Hole.of(3, HoleKind.REL_32, HoleValue.CODE, -4)), List.of());

  private static final StencilGroup VALUE = new StencilGroup("VALUE", new byte[10], new byte[0],
      List.of(Hole.parameter(2, HoleKind.ABS_64, "V", 5)), List.of());

  @Test
  void layingOutPlacesEachStencilWhereItWasDescribedAndPatchesItsImmediateHoles() {
    PreparedLibrary library = library();
    StagedFunction staged = new StagedFunction(library);
    staged.add(library.get(SHIM));
    staged.add(library.get(DATA));
    staged.add(library.get(VALUE));
    staged.fill(0, 0x1122334455667788L);
    staged.add(library.get(DATA));
    int[] codeAt = {staged.codeAt(0), staged.codeAt(1), staged.codeAt(2), staged.codeAt(3)};
    assertArrayEquals(new int[] {0, 3, 5, 15}, codeAt);
    assertEquals(16, staged.dataAt(3));
    assertEquals(1, staged.parametersAt(3));
    staged.layOut();
    assertArrayEquals(codeAt, Arrays.copyOf(staged.codeAt, 4));
    assertArrayEquals(new int[] {0, 0, 16, 16}, Arrays.copyOf(staged.dataAt, 4));
    assertArrayEquals(new int[] {0, 0, 0, 1}, Arrays.copyOf(staged.parametersAt, 4));
    // the value plus the addend 5, little-endian, at VALUE's code offset 5 + 2
    assertArrayEquals(new byte[] {(byte) 0x8d, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11},
        Arrays.copyOfRange(staged.code, 7, 15));
  }

  @Test
  void stencilsWithHolesLeftAreGroupedByLibraryStencilInStagingOrder() {
    PreparedLibrary library = library();
    StagedFunction staged = new StagedFunction(library);
    for (StencilGroup stencil : List.of(SHIM, NEXT, DATA, HERE, NEXT, HERE, NEXT)) {
      staged.add(library.get(stencil));
    }
    staged.layOut();
    HoledStencils holed = new HoledStencils(library);
    holed.group(staged);
    // SHIM and DATA have no holes; NEXT is library stencil 2, HERE 3
    assertEquals(2, holed.groupCount);
    assertArrayEquals(new int[] {0, 3, 5}, Arrays.copyOf(holed.starts, 3));
    assertArrayEquals(new int[] {1, 4, 6, 3, 5}, Arrays.copyOf(holed.grouped, 5));
  }

  @Test
  void aFewStencilsOfALargeLibraryAreGroupedTheSameWay() {
    PreparedLibrary library = library();
    StagedFunction staged = new StagedFunction(library);
    // a library of 5 stencils is large for a function that leaves holes in 1 or 2: sorted, not
    // counted
    for (StencilGroup stencil : List.of(SHIM, HERE, DATA)) {
      staged.add(library.get(stencil));
    }
    staged.layOut();
    HoledStencils holed = new HoledStencils(library);
    holed.group(staged);
    assertEquals(1, holed.groupCount);
    assertArrayEquals(new int[] {0, 1}, Arrays.copyOf(holed.starts, 2));
    assertArrayEquals(new int[] {1}, Arrays.copyOf(holed.grouped, 1));
    staged.add(library.get(NEXT));
    staged.layOut();
    holed.group(staged);
    // NEXT (library stencil 2) before HERE (3), as counting would group them
    assertEquals(2, holed.groupCount);
    assertArrayEquals(new int[] {0, 1, 2}, Arrays.copyOf(holed.starts, 3));
    assertArrayEquals(new int[] {3, 1}, Arrays.copyOf(holed.grouped, 2));
  }

  @Test
  void dataIsPaddedWithZerosWhateverAnEarlierFunctionLeft() {
    PreparedLibrary library = library();
    StagedFunction staged = new StagedFunction(library);
    staged.add(library.get(DATA));
    Arrays.fill(staged.data, (byte) 0x55);
    staged.clear();
    staged.add(library.get(DATA));
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0, 0, 0, 0, 0},
        Arrays.copyOf(staged.data, 16));
    assertEquals(16, staged.dataSize);
  }

  @Test
  void quickStagingStopsWhereTheLargestStencilMightNotFitAndOnceClosed() {
    PreparedLibrary library = library();
    StagedFunction staged = new StagedFunction(library);
    assertEquals(0, staged.quickUntil);
    staged.add(library.get(SHIM));
    for (int i = 0; i < 1000; i++) {
      if (staged.count < staged.quickUntil) {
        staged.addQuick(library.get(DATA));
      } else {
        staged.add(library.get(DATA));
      }
      // the largest stencil (16 bytes of data, 7 of code) fits up to quickUntil
      int left = staged.quickUntil - staged.count;
      assertTrue(staged.data.length - staged.dataSize >= 16 * left);
      assertTrue(staged.code.length - staged.codeSize >= 7 * left);
      assertTrue(staged.indices.length - staged.count >= left);
    }
    assertEquals(1001, staged.count);
    assertEquals(3 + 2 * 1000, staged.codeSize);
    assertEquals(1000 * 16, staged.dataSize);
    assertArrayEquals(new int[] {0}, staged.shimOffsets());
    staged.close();
    assertEquals(0, staged.quickUntil);
  }

  private static PreparedLibrary library() {
    assumeTrue(Triple.host().orElse(null) == Triple.X86_64_UNKNOWN_LINUX_GNU);
    return PreparedLibrary.of(
        new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of(SHIM, DATA, NEXT, HERE, VALUE)));
  }
}
