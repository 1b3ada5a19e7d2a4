package io.stencil4j.processor.object;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Crafted objects of about 2 MB whose headers make many sections, relocation tables or names
 * share one range of the file, so that a reader copying each would build gigabytes: every
 * reader refuses them with the typed error, having allocated no more than a small multiple of
 * the file's size (measured on this thread).
 */
class AllocationBombTest {
  private static final int MIB = 1 << 20;
  /** What a reader may allocate per byte of file, reading it or refusing it. */
  private static final int ALLOWED_TIMES_FILE_SIZE = 16;

  private static final int SHT_PROGBITS = 1;
  private static final int SHT_SYMTAB = 2;
  private static final int SHT_STRTAB = 3;
  private static final int SHT_RELA = 4;
  private static final int SHF_ALLOC = 2;

  @Test
  void elfSectionsSharingTheirContents() {
    // 16,000 sections of 1 MiB, all at the same offset: 16 GB if each were copied
    Elf elf = new Elf(MIB + 16_000 * 64 + 4096);
    int contents = elf.reserve(MIB);
    int names = elf.strings("\0.s\0");
    elf.section(0, 0, 0, 0, 0, 0, 0, 0);
    elf.section(0, SHT_STRTAB, 0, names, 4, 0, 0, 0);
    for (int i = 2; i < 16_000; i++) {
      elf.section(1, SHT_PROGBITS, 0, contents, MIB, 0, 0, 0);
    }

    assertRefused(elf.finish(1), "section 17 (.s) contents: " + budget(elf.length()));
  }

  @Test
  void elfRelocationTablesSharingTheirEntries() {
    // 16,000 relocation sections sharing 40,000 entries: 640 million relocations
    Elf elf = new Elf(40_000 * 24 + 16_000 * 64 + 4096);
    int relocations = elf.reserve(40_000 * 24);
    int names = elf.strings("\0.t\0.r\0");
    int symbols = elf.reserve(24);
    int target = elf.reserve(8);
    elf.section(0, 0, 0, 0, 0, 0, 0, 0);
    elf.section(0, SHT_STRTAB, 0, names, 7, 0, 0, 0);
    elf.section(0, SHT_SYMTAB, 0, symbols, 24, 1, 1, 24);
    elf.section(1, SHT_PROGBITS, SHF_ALLOC, target, 8, 0, 0, 0);
    for (int i = 4; i < 16_000; i++) {
      elf.section(4, SHT_RELA, 0, relocations, 40_000 * 24, 2, 3, 24);
    }

    assertRefused(elf.finish(1), "section 10 (.r): " + budget(elf.length()));
  }

  @Test
  void elfSymbolsSharingOneLongName() {
    // 40,000 symbols named by the same 1 MiB string: 40 GB of names
    Elf elf = new Elf(MIB + 40_000 * 24 + 4096);
    int names = elf.strings("\0.strtab\0.symtab\0");
    int longName = elf.reserve(MIB + 1);
    java.util.Arrays.fill(elf.bytes, longName + 1, longName + MIB, (byte) 'a');
    int symbols = elf.reserve(40_000 * 24);
    for (int i = 1; i < 40_000; i++) {
      elf.buffer.putInt(symbols + i * 24, 1);
      elf.buffer.put(symbols + i * 24 + 4, (byte) 0x10); // STB_GLOBAL
    }
    elf.section(0, 0, 0, 0, 0, 0, 0, 0);
    elf.section(1, SHT_STRTAB, 0, names, 17, 0, 0, 0);
    elf.section(9, SHT_STRTAB, 0, longName, MIB + 1, 0, 0, 0);
    elf.section(17 - 8, SHT_SYMTAB, 0, symbols, 40_000 * 24, 2, 1, 24);

    assertRefused(elf.finish(1), "name of symbol 13: " + budget(elf.length()));
  }

  @Test
  void coffSectionsSharingTheirContents() {
    // 25,000 sections of 1 MiB at the same offset
    int sections = 25_000;
    int contents = 20 + sections * 40;
    ByteBuffer coff = ByteBuffer.allocate(contents + MIB).order(ByteOrder.LITTLE_ENDIAN);
    coff.putShort(0, (short) 0x8664).putShort(2, (short) sections);
    for (int i = 0; i < sections; i++) {
      int at = 20 + i * 40;
      coff.put(at, (byte) '.').put(at + 1, (byte) 's');
      coff.putInt(at + 16, MIB).putInt(at + 20, contents);
      coff.putInt(at + 36, 0x40000040); // initialized data, readable
    }

    assertRefused(coff.array(), "section 16 (.s) contents: " + budget(coff.capacity()));
  }

  @Test
  void machOSectionsSharingTheirContents() {
    // 13,000 sections of 1 MiB at the same offset, in one segment
    int sections = 13_000;
    int commandSize = 72 + sections * 80;
    int contents = 32 + commandSize;
    ByteBuffer macho = ByteBuffer.allocate(contents + MIB).order(ByteOrder.LITTLE_ENDIAN);
    macho.putInt(0, 0xfeedfacf).putInt(4, 0x01000007).putInt(8, 3).putInt(12, 1)
        .putInt(16, 1).putInt(20, commandSize);
    macho.putInt(32, 0x19).putInt(36, commandSize).putInt(32 + 64, sections);
    for (int i = 0; i < sections; i++) {
      int at = 32 + 72 + i * 80;
      macho.put(at, "__s".getBytes(StandardCharsets.US_ASCII));
      macho.put(at + 16, "__DATA".getBytes(StandardCharsets.US_ASCII));
      macho.putLong(at + 40, MIB).putInt(at + 48, contents);
    }

    assertRefused(macho.array(), "contents of section __s: " + budget(macho.capacity()));
  }

  /** The reader's message for a file of {@code length} bytes that would take too much. */
  private static String budget(int length) {
    return "the file's sections, tables and names would take more than "
        + (64 * 1024 + 8L * length) + " bytes of memory to read (8 times its " + length
        + " bytes, plus 64 KiB): they share or overlap ranges of the file";
  }

  private static void assertRefused(byte[] file, String message) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    MalformedObjectException e =
        assertThrows(MalformedObjectException.class, () -> ObjectFiles.read(file));

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(e).hasMessageThat().isEqualTo(message);
    assertThat(allocated).isLessThan((long) ALLOWED_TIMES_FILE_SIZE * file.length);
  }

  /** An ELF64 x86-64 relocatable file built from scratch: contents first, headers last. */
  private static final class Elf {
    final byte[] bytes;
    final ByteBuffer buffer;
    private int end = 64;
    private int headers;
    private int headerCount;

    Elf(int capacity) {
      bytes = new byte[capacity];
      buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    int reserve(int size) {
      int at = end;
      end += (size + 7) & ~7;
      return at;
    }

    int strings(String text) {
      int at = reserve(text.length());
      buffer.put(at, text.getBytes(StandardCharsets.US_ASCII));
      return at;
    }

    void section(int name, int type, int flags, int offset, int size, int link, int info,
        int entrySize) {
      if (headers == 0) {
        headers = reserve(0);
      }
      int at = headers + headerCount++ * 64;
      end = at + 64;
      buffer.putInt(at, name).putInt(at + 4, type).putLong(at + 8, flags)
          .putLong(at + 24, offset).putLong(at + 32, size).putInt(at + 40, link)
          .putInt(at + 44, info).putLong(at + 48, 1).putLong(at + 56, entrySize);
    }

    int length() {
      return end;
    }

    byte[] finish(int nameTable) {
      buffer.put(0, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
      buffer.putShort(16, (short) 1).putShort(18, (short) 62).putInt(20, 1)
          .putLong(0x28, headers).putShort(0x34, (short) 64).putShort(0x3a, (short) 64)
          .putShort(0x3c, (short) headerCount).putShort(0x3e, (short) nameTable);
      return java.util.Arrays.copyOf(bytes, end);
    }
  }
}
