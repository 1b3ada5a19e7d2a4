package io.stencil4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlockAllocatorTest {
  @Test
  void classesAreNumberedDenselyInOrderOfSize() {
    int previousClass = 0;
    int previousIndex = 0;
    // sizes up to 16 GiB: a region spans at most 1 GiB
    for (long units = 1; units <= 1L << 30; units += Math.max(1, units >> 5)) {
      int size = BlockAllocator.classOf(units * BlockAllocator.UNIT);
      int index = BlockAllocator.indexOf(size);
      if (size == previousClass) {
        assertEquals(previousIndex, index, "class " + size);
      } else {
        assertEquals(previousIndex + 1, index, "class " + size + " after " + previousClass);
      }
      previousClass = size;
      previousIndex = index;
    }
    assertTrue(previousIndex < 264, "the last class's number " + previousIndex);
  }

  @Test
  void aFreedBlockIsReusedForItsClassAndAResetForgetsIt() {
    BlockAllocator blocks = new BlockAllocator(1 << 20);
    long small = blocks.allocate(100);
    long large = blocks.allocate(5_000);
    assertEquals(0, small);
    assertEquals(BlockAllocator.bytesOf(100), large);
    blocks.free(large, 5_000);
    assertEquals(large, blocks.allocate(4_900), "the same class");
    blocks.free(large, 4_900);
    blocks.free(small, 100);
    assertTrue(blocks.isEmpty());
    blocks.reset();
    assertEquals(0, blocks.allocate(5_000), "after a reset, from the start");
    assertEquals(BlockAllocator.bytesOf(5_000), blocks.allocate(5_000),
        "and no block freed before the reset handed out again");
  }
}
