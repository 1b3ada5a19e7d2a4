package io.stencil4j.processor.stencil;

import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.Relocation;
import io.stencil4j.processor.object.Section;
import io.stencil4j.processor.object.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
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

    // A section is itself: the record's equality would compare all its bytes and relocations,
    // once for every relocation that reaches the atom.
    @Override
    public boolean equals(Object other) {
      return other instanceof Atom atom && atom.section == section && atom.start == start
          && atom.end == end;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(section) * 31 + Long.hashCode(start)) * 31
          + Long.hashCode(end);
    }
  }

  private final Map<Integer, TreeSet<Long>> splits = new HashMap<>();
  private final Map<Section, RelocationIndex> relocationIndexes = new IdentityHashMap<>();

  Atoms(ObjectFile object) {
    if (object.splitsAtSymbols()) {
      for (Symbol symbol : object.symbols()) {
        if (symbol.section() > 0) {
          splits.computeIfAbsent(symbol.section(), s -> new TreeSet<>()).add(symbol.value());
        }
      }
    }
  }

  /** The relocations that patch {@code atom}, in file order. */
  List<Relocation> relocationsIn(Atom atom) {
    if (atom.start() == 0 && atom.end() == atom.section().size()) {
      return atom.section().relocations();
    }
    return relocationIndexes.computeIfAbsent(atom.section(), RelocationIndex::new).in(atom);
  }

  /**
   * A section's relocations by offset, so that each of its many atoms (a Mach-O {@code __text}
   * holds every function) finds its own without scanning all of them.
   */
  private static final class RelocationIndex {
    private final List<Relocation> relocations;
    /** Positions in file order, sorted by offset. */
    private final Integer[] byOffset;

    RelocationIndex(Section section) {
      relocations = section.relocations();
      byOffset = new Integer[relocations.size()];
      Arrays.setAll(byOffset, i -> i);
      Arrays.sort(byOffset, Comparator.comparingLong(i -> relocations.get(i).offset()));
    }

    List<Relocation> in(Atom atom) {
      int low = 0;
      int high = byOffset.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (relocations.get(byOffset[middle]).offset() < atom.start()) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      List<Integer> inside = new ArrayList<>();
      for (int i = low; i < byOffset.length && atom.contains(relocations.get(byOffset[i]).offset());
          i++) {
        inside.add(byOffset[i]);
      }
      inside.sort(null);
      return inside.stream().map(relocations::get).toList();
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
