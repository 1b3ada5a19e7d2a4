package io.stencil4j.processor.object;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A copy of an ELF64 little-endian file with just enough structure knowledge to find and patch
 * header fields. Kept independent of {@link ElfReader}, so that tests which corrupt a file do
 * not rely on the code under test to find what to corrupt.
 */
final class ElfBytes {
  static final int E_TYPE = 16;
  static final int E_MACHINE = 18;
  static final int E_SHOFF = 0x28;
  static final int E_SHENTSIZE = 0x3a;
  static final int E_SHNUM = 0x3c;
  static final int E_SHSTRNDX = 0x3e;

  static final int SH_NAME = 0;
  static final int SH_TYPE = 4;
  static final int SH_FLAGS = 8;
  static final int SH_OFFSET = 24;
  static final int SH_SIZE = 32;
  static final int SH_LINK = 40;
  static final int SH_INFO = 44;
  static final int SH_ADDRALIGN = 48;
  static final int SH_ENTSIZE = 56;

  static final int ST_NAME = 0;
  static final int ST_INFO = 4;
  static final int ST_SHNDX = 6;
  static final int ST_VALUE = 8;
  static final int SYM_SIZE = 24;

  static final int R_OFFSET = 0;
  static final int R_INFO = 8;
  static final int RELA_SIZE = 24;

  static final long SHT_SYMTAB = 2;
  static final long SHT_RELA = 4;
  static final long SHT_NOBITS = 8;

  final byte[] bytes;
  private final ByteBuffer buffer;

  ElfBytes(byte[] original) {
    bytes = original.clone();
    buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  int u16(int at) {
    return buffer.getShort(at) & 0xffff;
  }

  long u32(int at) {
    return buffer.getInt(at) & 0xffffffffL;
  }

  long u64(int at) {
    return buffer.getLong(at);
  }

  ElfBytes put8(int at, int value) {
    bytes[at] = (byte) value;
    return this;
  }

  ElfBytes put16(int at, int value) {
    buffer.putShort(at, (short) value);
    return this;
  }

  ElfBytes put32(int at, long value) {
    buffer.putInt(at, (int) value);
    return this;
  }

  ElfBytes put64(int at, long value) {
    buffer.putLong(at, value);
    return this;
  }

  int sectionCount() {
    return u16(E_SHNUM);
  }

  /** The file offset of section {@code index}'s header. */
  int header(int index) {
    return (int) u64(E_SHOFF) + index * 64;
  }

  /** The file offset of a field of section {@code index}'s header. */
  int header(int index, int field) {
    return header(index) + field;
  }

  /** The file offset of section {@code index}'s contents, plus {@code offset}. */
  int contents(int index, long offset) {
    return (int) (u64(header(index, SH_OFFSET)) + offset);
  }

  long size(int index) {
    return u64(header(index, SH_SIZE));
  }

  String name(int index) {
    int table = contents(u16(E_SHSTRNDX), 0);
    int start = table + (int) u32(header(index, SH_NAME));
    int end = start;
    while (bytes[end] != 0) {
      end++;
    }
    return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
  }

  int index(String name) {
    for (int i = 0; i < sectionCount(); i++) {
      if (name(i).equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no section " + name);
  }

  int firstOfType(long type) {
    for (int i = 0; i < sectionCount(); i++) {
      if (u32(header(i, SH_TYPE)) == type) {
        return i;
      }
    }
    throw new IllegalArgumentException("no section of type " + type);
  }

  /** The file offset of a field of symbol {@code index}. */
  int symbol(int index, int field) {
    return contents(firstOfType(SHT_SYMTAB), (long) index * SYM_SIZE) + field;
  }

  /** The index of the first symbol named {@code name}. */
  int symbolIndex(String name) {
    int symtab = firstOfType(SHT_SYMTAB);
    int strtab = (int) u32(header(symtab, SH_LINK));
    for (int i = 1; i < size(symtab) / SYM_SIZE; i++) {
      int start = contents(strtab, u32(symbol(i, ST_NAME)));
      if (new String(bytes, start, name.length(), StandardCharsets.US_ASCII).equals(name)
          && bytes[start + name.length()] == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("no symbol " + name);
  }
}
