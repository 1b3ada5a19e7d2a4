package io.stencil4j.processor.object;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a 64-bit little-endian Mach-O file with just enough structure knowledge to find and
 * patch fields. Kept independent of {@link MachOReader}, so that tests which corrupt a file do not
 * rely on the code under test to find what to corrupt.
 */
final class MachOBytes {
  static final int CPUTYPE = 4;
  static final int FILETYPE = 12;
  static final int NCMDS = 16;
  static final int SIZEOFCMDS = 20;
  static final int HEADER_SIZE = 32;

  static final int CMD = 0;
  static final int CMDSIZE = 4;
  static final int LC_SYMTAB = 0x2;
  static final int LC_SEGMENT_64 = 0x19;
  static final int LC_DYSYMTAB = 0xb;
  static final int SEGMENT_NSECTS = 64;

  static final int SECT_SEGNAME = 16;
  static final int SECT_ADDR = 32;
  static final int SECT_SIZE = 40;
  static final int SECT_OFFSET = 48;
  static final int SECT_ALIGN = 52;
  static final int SECT_RELOFF = 56;
  static final int SECT_NRELOC = 60;
  static final int SECT_FLAGS = 64;

  static final int SYMTAB_SYMOFF = 8;
  static final int SYMTAB_NSYMS = 12;
  static final int SYMTAB_STROFF = 16;
  static final int SYMTAB_STRSIZE = 20;

  static final int N_STRX = 0;
  static final int N_TYPE = 4;
  static final int N_SECT = 5;
  static final int N_DESC = 6;
  static final int N_VALUE = 8;
  static final int NLIST_SIZE = 16;

  static final int R_ADDRESS = 0;
  static final int R_INFO = 4;
  static final int RELOCATION_SIZE = 8;

  final byte[] bytes;
  private final ByteBuffer buffer;

  MachOBytes(byte[] original) {
    bytes = original.clone();
    buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  long u32(int at) {
    return buffer.getInt(at) & 0xffffffffL;
  }

  long u64(int at) {
    return buffer.getLong(at);
  }

  MachOBytes put8(int at, int value) {
    bytes[at] = (byte) value;
    return this;
  }

  MachOBytes put16(int at, int value) {
    buffer.putShort(at, (short) value);
    return this;
  }

  MachOBytes put32(int at, long value) {
    buffer.putInt(at, (int) value);
    return this;
  }

  MachOBytes put64(int at, long value) {
    buffer.putLong(at, value);
    return this;
  }

  /** The file offsets of the load commands. */
  List<Integer> loadCommands() {
    List<Integer> commands = new ArrayList<>();
    int at = HEADER_SIZE;
    for (int i = 0; i < u32(NCMDS); i++) {
      commands.add(at);
      at += (int) u32(at + CMDSIZE);
    }
    return commands;
  }

  /** The file offset of the first load command of type {@code cmd}. */
  int command(int cmd) {
    return loadCommands().stream().filter(at -> u32(at + CMD) == cmd).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no load command 0x" + cmd));
  }

  /** The file offsets of every section header, in section-number order. */
  List<Integer> sectionHeaders() {
    List<Integer> headers = new ArrayList<>();
    for (int at : loadCommands()) {
      if (u32(at + CMD) == LC_SEGMENT_64) {
        for (int i = 0; i < u32(at + SEGMENT_NSECTS); i++) {
          headers.add(at + 72 + i * 80);
        }
      }
    }
    return headers;
  }

  /** The file offset of a field of the header of section {@code number} (from 1). */
  int section(int number, int field) {
    return sectionHeaders().get(number - 1) + field;
  }

  /** The number (from 1) of the section {@code segment,name}. */
  int sectionNumber(String segment, String name) {
    List<Integer> headers = sectionHeaders();
    for (int i = 0; i < headers.size(); i++) {
      if (fixedString(headers.get(i)).equals(name)
          && fixedString(headers.get(i) + SECT_SEGNAME).equals(segment)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no section " + segment + "," + name);
  }

  /** The file offset of section {@code number}'s contents, plus {@code offset}. */
  int contents(int number, long offset) {
    return (int) (u32(section(number, SECT_OFFSET)) + offset);
  }

  /** The file offset of a field of relocation {@code index} of section {@code number}. */
  int relocation(int number, int index, int field) {
    return (int) u32(section(number, SECT_RELOFF)) + index * RELOCATION_SIZE + field;
  }

  int symtab(int field) {
    return command(LC_SYMTAB) + field;
  }

  /** The file offset of a field of symbol {@code index}. */
  int symbol(int index, int field) {
    return (int) u32(symtab(SYMTAB_SYMOFF)) + index * NLIST_SIZE + field;
  }

  /** The index of the symbol named {@code name}. */
  int symbolIndex(String name) {
    for (int i = 0; i < u32(symtab(SYMTAB_NSYMS)); i++) {
      int start = (int) (u32(symtab(SYMTAB_STROFF)) + u32(symbol(i, N_STRX)));
      if (cString(start).equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no symbol " + name);
  }

  private String fixedString(int at) {
    int end = at;
    while (end < at + 16 && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, at, end - at, StandardCharsets.US_ASCII);
  }

  private String cString(int at) {
    int end = at;
    while (bytes[end] != 0) {
      end++;
    }
    return new String(bytes, at, end - at, StandardCharsets.US_ASCII);
  }
}
