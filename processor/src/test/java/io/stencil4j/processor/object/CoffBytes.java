package io.stencil4j.processor.object;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A copy of a COFF object with just enough structure knowledge to find and patch header fields.
 * Kept independent of {@link CoffReader}, so that tests which corrupt a file do not rely on the
 * code under test to find what to corrupt. Sections are numbered from 1, as in COFF.
 */
final class CoffBytes {
  static final int MACHINE = 0;
  static final int NUMBER_OF_SECTIONS = 2;
  static final int POINTER_TO_SYMBOL_TABLE = 8;
  static final int NUMBER_OF_SYMBOLS = 12;
  static final int SIZE_OF_OPTIONAL_HEADER = 16;

  static final int NAME = 0;
  static final int SIZE_OF_RAW_DATA = 16;
  static final int POINTER_TO_RAW_DATA = 20;
  static final int POINTER_TO_RELOCATIONS = 24;
  static final int NUMBER_OF_RELOCATIONS = 32;
  static final int CHARACTERISTICS = 36;
  static final int SECTION_HEADER_SIZE = 40;

  static final int VALUE = 8;
  static final int SECTION_NUMBER = 12;
  static final int STORAGE_CLASS = 16;
  static final int NUMBER_OF_AUX_SYMBOLS = 17;
  static final int SYMBOL_SIZE = 18;

  static final int VIRTUAL_ADDRESS = 0;
  static final int SYMBOL_TABLE_INDEX = 4;
  static final int RELOCATION_TYPE = 8;
  static final int RELOCATION_SIZE = 10;

  final byte[] bytes;
  private final ByteBuffer buffer;

  CoffBytes(byte[] original) {
    bytes = original.clone();
    buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  int u16(int at) {
    return buffer.getShort(at) & 0xffff;
  }

  long u32(int at) {
    return buffer.getInt(at) & 0xffffffffL;
  }

  CoffBytes put8(int at, int value) {
    bytes[at] = (byte) value;
    return this;
  }

  CoffBytes put16(int at, int value) {
    buffer.putShort(at, (short) value);
    return this;
  }

  CoffBytes put32(int at, long value) {
    buffer.putInt(at, (int) value);
    return this;
  }

  int sectionCount() {
    return u16(NUMBER_OF_SECTIONS);
  }

  /** The file offset of a field of section {@code number}'s header. */
  int header(int number, int field) {
    return 20 + u16(SIZE_OF_OPTIONAL_HEADER) + (number - 1) * SECTION_HEADER_SIZE + field;
  }

  long size(int number) {
    return u32(header(number, SIZE_OF_RAW_DATA));
  }

  /** The file offset of section {@code number}'s contents, plus {@code offset}. */
  int contents(int number, long offset) {
    return (int) (u32(header(number, POINTER_TO_RAW_DATA)) + offset);
  }

  int relocationCount(int number) {
    return u16(header(number, NUMBER_OF_RELOCATIONS));
  }

  /** The file offset of a field of relocation {@code index} of section {@code number}. */
  int relocation(int number, int index, int field) {
    return (int) u32(header(number, POINTER_TO_RELOCATIONS)) + index * RELOCATION_SIZE + field;
  }

  int symbolCount() {
    return (int) u32(NUMBER_OF_SYMBOLS);
  }

  /** The file offset of a field of symbol table record {@code index}. */
  int symbol(int index, int field) {
    return (int) u32(POINTER_TO_SYMBOL_TABLE) + index * SYMBOL_SIZE + field;
  }

  int stringTable() {
    return symbol(symbolCount(), 0);
  }

  long stringTableSize() {
    return u32(stringTable());
  }

  /** The name of section {@code number}, following a "/NNN" reference to the string table. */
  String name(int number) {
    String name = shortName(header(number, NAME));
    return name.startsWith("/") ? string(Integer.parseInt(name.substring(1))) : name;
  }

  /** The number of the first section named {@code name}. */
  int number(String name) {
    for (int number = 1; number <= sectionCount(); number++) {
      if (name(number).equals(name)) {
        return number;
      }
    }
    throw new IllegalArgumentException("no section " + name);
  }

  String symbolName(int index) {
    int at = symbol(index, NAME);
    return u32(at) == 0 ? string(u32(at + 4)) : shortName(at);
  }

  /** The index of the first symbol named {@code name}, skipping auxiliary records. */
  int symbolIndex(String name) {
    for (int i = 0; i < symbolCount(); i += 1 + bytes[symbol(i, NUMBER_OF_AUX_SYMBOLS)]) {
      if (symbolName(i).equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no symbol " + name);
  }

  private String shortName(int at) {
    int length = 0;
    while (length < 8 && bytes[at + length] != 0) {
      length++;
    }
    return new String(bytes, at, length, StandardCharsets.UTF_8);
  }

  private String string(long offset) {
    int start = stringTable() + (int) offset;
    int end = start;
    while (bytes[end] != 0) {
      end++;
    }
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }
}
