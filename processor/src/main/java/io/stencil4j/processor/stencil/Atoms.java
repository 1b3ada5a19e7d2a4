package io.stencil4j.processor.stencil;

import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.Section;
import io.stencil4j.processor.object.Symbol;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cuts an object's sections into atoms, the pieces a stencil takes whole or not at all, so that
 * one object compiled from many cases yields each stencil with exactly what it references and
 * nothing of its neighbours. The atoms are the linkers' own: an ELF or COFF section (with
 * {@code -ffunction-sections -fdata-sections}, one function or variable); a piece of a Mach-O
 * section from one symbol to the next (the format keeps all functions in {@code __text}); one
 * entry of a mergeable section, a constant or a string through its terminator, since a linker
 * merges and moves those one by one, so code may rely on nothing beyond the entry it refers to.
 */
final class Atoms {
  /**
   * A piece of a section.
   *
   * @param section the section
   * @param start the first byte
   * @param end one past the last byte
   */
  record Atom(Section section, long start, long end) {
    boolean contains(long offset) {
      return offset >= start && offset < end;
    }
  }

  private final Map<Integer, TreeSet<Long>> splits = new HashMap<>();

  Atoms(ObjectFile object) {
    if (object.format() == ObjectFile.Format.MACH_O) {
      for (Symbol symbol : object.symbols()) {
        if (symbol.section() > 0) {
          splits.computeIfAbsent(symbol.section(), s -> new TreeSet<>()).add(symbol.value());
        }
      }
    }
  }

  /** Whether {@code section} is one atom, so that any place in it selects all of it. */
  boolean isWhole(Section section) {
    return !isPool(section) && !splits.containsKey(section.index());
  }

  /** Whether {@code section} is a pool of entries that a linker may merge. */
  private static boolean isPool(Section section) {
    return section.merge() != Section.Merge.NONE;
  }

  /** The atom that holds {@code offset} of {@code section}, a place within it. */
  Atom at(Section section, long offset) {
    if (offset < 0 || offset >= section.size()) {
      throw new IllegalArgumentException(offset + " is outside " + section);
    }
    return switch (section.merge()) {
      case CONSTANTS -> {
        long start = offset - offset % section.entrySize();
        yield new Atom(section, start, Math.min(section.size(), start + section.entrySize()));
      }
      case STRINGS -> string(section, offset);
      case NONE -> piece(section, offset);
    };
  }

  private Atom piece(Section section, long offset) {
    TreeSet<Long> points = splits.get(section.index());
    if (points == null) {
      return new Atom(section, 0, section.size());
    }
    Long start = points.floor(offset);
    Long end = points.higher(offset);
    return new Atom(section, start == null ? 0 : start, end == null ? section.size() : end);
  }

  /** The string holding {@code offset}: from the end of the one before through its terminator. */
  private static Atom string(Section section, long offset) {
    int width = Math.toIntExact(section.entrySize());
    byte[] bytes = section.bytes();
    long start = offset - offset % width;
    while (start >= width && !isTerminator(bytes, start - width, width)) {
      start -= width;
    }
    long end = offset - offset % width;
    while (end + width <= bytes.length && !isTerminator(bytes, end, width)) {
      end += width;
    }
    return new Atom(section, start, Math.min(section.size(), end + width));
  }

  private static boolean isTerminator(byte[] bytes, long at, int width) {
    for (int i = 0; i < width; i++) {
      if (bytes[(int) at + i] != 0) {
        return false;
      }
    }
    return true;
  }
}
