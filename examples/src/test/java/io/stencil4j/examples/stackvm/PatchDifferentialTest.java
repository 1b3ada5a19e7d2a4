package io.stencil4j.examples.stackvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stencil4j.model.HoleKind;
import io.stencil4j.runtime.HolePatcher;
import io.stencil4j.runtime.HoleRangeException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java patcher against the C header's patch helpers, compiled with gcc: for every hole kind,
 * values at and around every power of two and random ones, in random instruction words, both must
 * write the same bytes or both refuse the value and write nothing.
 */
class PatchDifferentialTest {
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

  /** AArch64 instructions the kinds patch: B, BL, B.EQ, CBZ, LDR (literal), ADRP, ADD, loads. */
  private static final int[] ARM64_WORDS = {0x14000000, 0x94000000, 0x54000000, 0xb4000000,
      0x58000000, 0x90000000, 0x91000000, 0x39400001, 0x79400001, 0xb9400001, 0xf9400001,
      0x3dc00000, 0xf9000001, 0xd2800000, 0xf2a00000, 0xf2c00000, 0xf2e00000};

  private record Case(HoleKind kind, int pageOffset, long delta, int word0, int word1) {
    String line() {
      return String.format("%s %d %d %x %x", kind, pageOffset, delta, word0, word1);
    }

    byte[] bytes() {
      return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(word0).putInt(word1)
          .array();
    }
  }

  @Test
  void theJavaPatcherWritesWhatTheCHelpersWrite(@TempDir Path directory) throws Exception {
    TestProcesses.assertOnPath("gcc", "gcc");
    Path harness = directory.resolve("patch_differential");
    TestProcesses.run(List.of("gcc", "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror",
        "-I" + System.getProperty("stencil.headers"), "-o", harness.toString(),
        Path.of(System.getProperty("stencil.test.c"), "patch_differential.c").toString()), null);
    List<Case> cases = cases();
    StringBuilder input = new StringBuilder();
    cases.forEach(c -> input.append(c.line()).append('\n'));
    Path inputFile = Files.writeString(directory.resolve("cases.txt"), input);
    String[] lines = TestProcesses.run(List.of(harness.toString()), inputFile).split("\n");
    assertEquals(cases.size(), lines.length);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String[] fields = lines[i].split(" ", 4);
      long address = Long.parseUnsignedLong(fields[0], 16);
      long value = Long.parseUnsignedLong(fields[1], 16);
      boolean cFits = fields[2].equals("0");
      byte[] bytes = c.bytes();
      boolean javaFits = true;
      try {
        HolePatcher.patch(MemorySegment.ofArray(bytes), 0, address, c.kind(), value);
      } catch (HoleRangeException e) {
        javaFits = false;
      }
      String what = c.line() + " (value " + Long.toHexString(value) + " at "
          + Long.toHexString(address) + ")";
      assertEquals(cFits, javaFits, what + ": does the value fit?");
      assertEquals(fields[3], HEX.formatHex(bytes), what + ": bytes");
    }
  }

  private static List<Case> cases() {
    Random random = new Random(20261124);
    List<Long> deltas = new ArrayList<>();
    for (int bit = 0; bit < 64; bit++) {
      for (long near : new long[] {-4, -1, 0, 1, 4}) {
        deltas.add((1L << bit) + near);
        deltas.add(-(1L << bit) + near);
      }
    }
    for (int i = 0; i < 100; i++) {
      deltas.add(random.nextLong());
      deltas.add((long) random.nextInt());
    }
    List<Case> cases = new ArrayList<>();
    for (HoleKind kind : HoleKind.values()) {
      boolean arm64 = kind.name().startsWith("ARM64");
      for (long delta : deltas) {
        int pageOffset = random.nextInt(4096) & (arm64 ? ~3 : ~0);
        int word0 = arm64 && random.nextBoolean()
            ? ARM64_WORDS[random.nextInt(ARM64_WORDS.length)] | (random.nextInt() & 0x1f)
            : random.nextInt();
        cases.add(new Case(kind, pageOffset, delta, word0, random.nextInt()));
      }
    }
    return cases;
  }
}
