package io.stencil4j.processor.object;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Reads in either byte order, and every read or range outside the file is one named error. */
class ByteReaderTest {
  private static final byte[] BYTES = {1, 2, 3, 4, 5, 6, 7, (byte) 0x88, 'a', 'b', 0, 'c'};
  private final ByteReader little = new ByteReader(BYTES, ByteOrder.LITTLE_ENDIAN);
  private final ByteReader big = new ByteReader(BYTES, ByteOrder.BIG_ENDIAN);

  @Test
  void readsBothByteOrders() throws MalformedObjectException {
    assertEquals(0x88, little.u8(7, "f"));
    assertEquals(0x0201, little.u16(0, "f"));
    assertEquals(0x0102, big.u16(0, "f"));
    assertEquals(0x88070605L, little.u32(4, "f"));
    assertEquals(0x88070605, little.s32(4, "f"));
    assertEquals(0x05060788L, big.u32(4, "f"));
    assertEquals(0x8807060504030201L, little.u64(0, "f"));
    assertEquals(0x0102030405060788L, big.u64(0, "f"));
  }

  @Test
  void readsNamesOfFixedWidth() throws MalformedObjectException {
    assertEquals("ab", little.fixedString(8, 4, "f"));
    assertEquals("ab", little.fixedString(8, 2, "f"));
  }

  @Test
  void namesTheFieldAndOffsetOfEveryReadOutsideTheFile() {
    assertMalformed(() -> little.u8(12, "st_info"),
        "st_info (offset 0xc, size 1) extends past the end of the file (12 bytes)");
    assertMalformed(() -> little.u32(10, "sh_link"),
        "sh_link (offset 0xa, size 4) extends past the end of the file (12 bytes)");
    assertMalformed(() -> little.u64(-8, "e_shoff"),
        "e_shoff (offset 0xfffffffffffffff8, size 8) extends past the end of the file (12 bytes)");
    assertMalformed(() -> little.u16(Long.MAX_VALUE, "e_type"), "e_type (offset 0x"
        + Long.toHexString(Long.MAX_VALUE) + ", size 2) extends past the end of the file");
    assertMalformed(() -> little.fixedString(8, 16, "sectname"),
        "sectname (offset 0x8, size 16) extends past the end of the file (12 bytes)");
  }

  @Test
  void rejectsRangesWithNegativeOrOverflowingOffsetsAndSizes() {
    assertMalformed(() -> little.requireInFile(-1, 2, "table"),
        "table (offset 0xffffffffffffffff, size 2) extends past the end of the file");
    assertMalformed(() -> little.requireInFile(4, -1, "table"),
        "table (offset 0x4, size 18446744073709551615) extends past the end of the file");
    assertMalformed(() -> little.copy(Long.MAX_VALUE, Long.MAX_VALUE, "contents"),
        "contents (offset 0x7fffffffffffffff, size 9223372036854775807) extends past the end");
  }

  private interface Read {
    void run() throws MalformedObjectException;
  }

  private static void assertMalformed(Read read, String message) {
    assertThat(assertThrows(MalformedObjectException.class, read::run)).hasMessageThat()
        .startsWith(message);
  }
}
