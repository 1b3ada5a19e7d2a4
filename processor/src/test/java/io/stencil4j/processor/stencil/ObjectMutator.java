package io.stencil4j.processor.stencil;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Damages an object file the ways that find reader and builder bugs: flipped bits, bytes and
 * little-endian length, offset or count fields set to boundary values or nudged, truncation, and
 * chunks duplicated within the file or spliced in from another object.
 */
final class ObjectMutator {
  private static final long[] INTERESTING = {0, 1, 2, 4, 8, 16, 0x7f, 0x80, 0xff, 0x100, 0x7fff,
      0x8000, 0xffff, 0x10000, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L,
      Long.MAX_VALUE, Long.MIN_VALUE, -1, -2};
  private static final int MAX_MUTATIONS = 4;

  private ObjectMutator() {}

  /** {@code seed} with one to four mutations; {@code other} supplies spliced chunks. */
  static byte[] mutate(byte[] seed, byte[] other, SplittableRandom random) {
    byte[] bytes = seed.clone();
    int mutations = 1 + random.nextInt(MAX_MUTATIONS);
    for (int i = 0; i < mutations && bytes.length > 0; i++) {
      bytes = switch (random.nextInt(7)) {
        case 0 -> flipBits(bytes, random);
        case 1 -> setByte(bytes, random);
        case 2 -> setField(bytes, random);
        case 3 -> nudgeField(bytes, random);
        case 4 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
        case 5 -> copyChunk(bytes, bytes, random);
        default -> spliceChunk(bytes, other, random);
      };
    }
    return bytes;
  }

  private static byte[] flipBits(byte[] bytes, SplittableRandom random) {
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return bytes;
  }

  private static byte[] setByte(byte[] bytes, SplittableRandom random) {
    bytes[random.nextInt(bytes.length)] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
    return bytes;
  }

  /** A 2-, 4- or 8-byte field, aligned as headers align theirs, set to a boundary value. */
  private static byte[] setField(byte[] bytes, SplittableRandom random) {
    int width = 2 << random.nextInt(3);
    long value = switch (random.nextInt(4)) {
      case 0 -> bytes.length + random.nextInt(-2, 3);
      case 1 -> random.nextInt(bytes.length);
      default -> INTERESTING[random.nextInt(INTERESTING.length)];
    };
    return put(bytes, fieldAt(bytes, width, random), width, value);
  }

  /** A field's value plus or minus a little: an index or offset that is one off. */
  private static byte[] nudgeField(byte[] bytes, SplittableRandom random) {
    int width = 2 << random.nextInt(3);
    int at = fieldAt(bytes, width, random);
    if (at < 0) {
      return bytes;
    }
    long value = 0;
    for (int i = width - 1; i >= 0; i--) {
      value = value << 8 | (bytes[at + i] & 0xff);
    }
    return put(bytes, at, width, value + random.nextInt(-16, 17));
  }

  private static int fieldAt(byte[] bytes, int width, SplittableRandom random) {
    return bytes.length < width ? -1 : random.nextInt(bytes.length / width) * width;
  }

  private static byte[] put(byte[] bytes, int at, int width, long value) {
    for (int i = 0; i < width && at >= 0; i++) {
      bytes[at + i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }

  /** Overwrites a chunk of {@code bytes} with one of {@code source}. */
  private static byte[] copyChunk(byte[] bytes, byte[] source, SplittableRandom random) {
    int length = 1 + random.nextInt(Math.min(64, Math.min(bytes.length, source.length)));
    int from = random.nextInt(source.length - length + 1);
    int to = random.nextInt(bytes.length - length + 1);
    System.arraycopy(source, from, bytes, to, length);
    return bytes;
  }

  /** Inserts a chunk of {@code source}, or overwrites with one, moving or keeping what follows. */
  private static byte[] spliceChunk(byte[] bytes, byte[] source, SplittableRandom random) {
    if (random.nextBoolean()) {
      return copyChunk(bytes, source, random);
    }
    int length = 1 + random.nextInt(Math.min(64, source.length));
    int from = random.nextInt(source.length - length + 1);
    int to = random.nextInt(bytes.length + 1);
    byte[] spliced = new byte[bytes.length + length];
    System.arraycopy(bytes, 0, spliced, 0, to);
    System.arraycopy(source, from, spliced, to, length);
    System.arraycopy(bytes, to, spliced, to + length, bytes.length - to);
    return spliced;
  }
}
