package io.stencil4j.processor.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;

/** Assertions shared by the object-file reader tests, for any of the readers. */
final class ReaderAssertions {

  /** An object-file reader, such as {@link MachOReader#read}. */
  interface Reader {
    ObjectFile read(byte[] bytes) throws MalformedObjectException;
  }

  private ReaderAssertions() {}

  /** Equal lists, reported as the first difference rather than two huge lists. */
  static void assertSameLines(String what, List<String> expected, List<String> actual) {
    if (expected.equals(actual)) {
      return;
    }
    int common = Math.min(expected.size(), actual.size());
    int first = 0;
    while (first < common && expected.get(first).equals(actual.get(first))) {
      first++;
    }
    fail(String.format("%s differ from llvm-readobj (%d expected, %d read) at line %d:%n"
            + "  readobj: %s%n  reader:  %s", what, expected.size(), actual.size(), first,
        first < expected.size() ? abbreviate(expected.get(first)) : "(none)",
        first < actual.size() ? abbreviate(actual.get(first)) : "(none)"));
  }

  /** Reading {@code bytes} fails with a message that contains every one of {@code parts}. */
  static MalformedObjectException assertMalformed(Reader reader, byte[] bytes,
      String... parts) {
    MalformedObjectException e =
        assertThrows(MalformedObjectException.class, () -> reader.read(bytes));
    for (String part : parts) {
      if (!e.getMessage().contains(part)) {
        fail("message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
      }
    }
    return e;
  }

  /** {@code original} with the byte at {@code at} set to {@code value}. */
  static byte[] patched(byte[] original, int at, int value) {
    byte[] bytes = original.clone();
    bytes[at] = (byte) value;
    return bytes;
  }

  /** The first section named {@code name}. */
  static Section named(ObjectFile file, String name) {
    return file.sections().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no section " + name));
  }

  /** The section named {@code name} is of {@code kind}. */
  static void assertKind(ObjectFile file, String name, Section.Kind kind) {
    assertEquals(kind, named(file, name).kind(), name);
  }

  /**
   * Random changes of one to {@code maxLength} bytes within {@code ranges} ({start, end} file
   * offsets) of {@code original}: each changed file must read, with every section's bytes
   * complete, or fail with a {@link MalformedObjectException}, never another exception. The new
   * values favour those that break bounds checks most often: all ones, all zeros, the high bit.
   */
  static void assertSurvivesCorruption(Reader reader, byte[] original, List<int[]> ranges,
      int maxLength, long seed, int rounds) {
    Random random = new Random(seed);
    for (int i = 0; i < rounds; i++) {
      byte[] bytes = original.clone();
      int[] range = ranges.get(random.nextInt(ranges.size()));
      int at = range[0] + random.nextInt(range[1] - range[0]);
      int length = Math.min(1 + random.nextInt(maxLength), bytes.length - at);
      for (int j = 0; j < length; j++) {
        bytes[at + j] = switch (random.nextInt(4)) {
          case 0 -> (byte) 0xff;
          case 1 -> 0;
          case 2 -> (byte) 0x80;
          default -> (byte) random.nextInt(256);
        };
      }
      String change = length + " bytes at " + at;
      try {
        for (Section section : reader.read(bytes).sections()) {
          if (section.bytes().length != 0) {
            assertEquals(section.size(), section.bytes().length, change + ": " + section);
          }
        }
      } catch (MalformedObjectException expected) {
        // the only acceptable failure
      } catch (RuntimeException e) {
        throw new AssertionError(change + ": " + e, e);
      }
    }
  }

  private static String abbreviate(String line) {
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }
}
