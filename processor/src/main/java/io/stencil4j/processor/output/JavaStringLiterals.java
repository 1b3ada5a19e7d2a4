package io.stencil4j.processor.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Bytes as Java string literals, one char per byte, in chunks that always fit a class file's
 * constant pool (65,535 bytes of modified UTF-8, where a char above 0x7f takes two).
 */
final class JavaStringLiterals {
  static final int CHUNK = 32_767;

  private JavaStringLiterals() {}

  /** The literals, quotes included, for {@code bytes} split into chunks. */
  static List<String> of(byte[] bytes) {
    List<String> literals = new ArrayList<>();
    for (int start = 0; start < bytes.length || start == 0; start += CHUNK) {
      int end = Math.min(bytes.length, start + CHUNK);
      StringBuilder literal = new StringBuilder(end - start + 2).append('"');
      for (int i = start; i < end; i++) {
        int b = bytes[i] & 0xff;
        if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
          literal.append((char) b);
        } else {
          // always three octal digits, so a following digit cannot join the escape
          literal.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + ((b >> 3) & 7)))
              .append((char) ('0' + (b & 7)));
        }
      }
      literals.add(literal.append('"').toString());
      if (end == bytes.length) {
        break;
      }
    }
    return literals;
  }
}
