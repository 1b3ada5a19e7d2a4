package io.stencil4j.processor.object;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bounds-checked reads of an object file's bytes, shared by the three readers.
 *
 * <p>Every read and every range is checked against the file first, negative and overflowing
 * offsets and sizes included, so that a damaged field ends in a {@link MalformedObjectException}
 * naming it, never in a runtime exception from an array or buffer access.
 */
final class ByteReader {
  private final byte[] bytes;
  private final ByteBuffer data;

  ByteReader(byte[] bytes, ByteOrder order) {
    this.bytes = bytes;
    this.data = ByteBuffer.wrap(bytes).order(order);
  }

  /** The file's size in bytes. */
  int length() {
    return bytes.length;
  }

  /** Checks that the {@code size} bytes at {@code offset}, called {@code what}, are in the file. */
  void requireInFile(long offset, long size, String what) throws MalformedObjectException {
    if (offset < 0 || size < 0 || offset > bytes.length - size) {
      throw new MalformedObjectException(what + " (offset 0x" + Long.toHexString(offset)
          + ", size " + Long.toUnsignedString(size) + ") extends past the end of the file ("
          + bytes.length + " bytes)");
    }
  }

  int u8(long at, String field) throws MalformedObjectException {
    requireInFile(at, 1, field);
    return bytes[(int) at] & 0xff;
  }

  int u16(long at, String field) throws MalformedObjectException {
    requireInFile(at, 2, field);
    return data.getShort((int) at) & 0xffff;
  }

  long u32(long at, String field) throws MalformedObjectException {
    return s32(at, field) & 0xffffffffL;
  }

  int s32(long at, String field) throws MalformedObjectException {
    requireInFile(at, 4, field);
    return data.getInt((int) at);
  }

  long u64(long at, String field) throws MalformedObjectException {
    requireInFile(at, 8, field);
    return data.getLong((int) at);
  }

  /** A copy of the {@code size} bytes at {@code offset}, called {@code what}. */
  byte[] copy(long offset, long size, String what) throws MalformedObjectException {
    requireInFile(offset, size, what);
    return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + size));
  }

  /** A name field of {@code width} bytes: NUL-padded, or all of them if there is no NUL. */
  String fixedString(long at, int width, String field) throws MalformedObjectException {
    requireInFile(at, width, field);
    int length = 0;
    while (length < width && bytes[(int) at + length] != 0) {
      length++;
    }
    return new String(bytes, (int) at, length, StandardCharsets.UTF_8);
  }

  /**
   * The length of the NUL-terminated string at {@code start}, looking no further than
   * {@code limit}; -1 if there is no NUL before it. Both lie in the file.
   */
  int terminatedLength(int start, int limit) {
    for (int end = start; end < limit; end++) {
      if (bytes[end] == 0) {
        return end - start;
      }
    }
    return -1;
  }

  /** The UTF-8 text of the {@code length} bytes at {@code start}, which lie in the file. */
  String utf8(int start, int length) {
    return new String(bytes, start, length, StandardCharsets.UTF_8);
  }
}
