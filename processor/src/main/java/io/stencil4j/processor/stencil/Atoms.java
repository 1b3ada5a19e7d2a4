package io.stencil4j.processor.stencil;

import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.Section;
import io.stencil4j.processor.object.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cuts an object's sections into atoms, the pieces a stencil takes whole or not at all, so that
 * one object compiled from many cases yields each stencil with exactly what it references.
 * An ELF or COFF section is one atom (with {@code -ffunction-sections -fdata-sections} that is
 * one function or variable); a Mach-O section splits at its symbols (one function each, the
 * format keeps all functions in {@code __text}); a mergeable pool of constants or strings gives
 * a window around each place referenced, keeping its neighbours' layout so that any addend that
 * points near the place stays right.
 */
final class Atoms {
  /** How far before and after a referenced place a pool window reaches. */
  private static final int WINDOW_BEFORE = 8;
  private static final int WINDOW_AFTER = 16;
  private static final long ELF_SHF_MERGE = 0x10;
  private static final long ELF_SHF_STRINGS = 0x20;
  private static final int MACHO_CSTRING_LITERALS = 2;
  private static final int MACHO_4BYTE_LITERALS = 3;
  private static final int MACHO_8BYTE_LITERALS = 4;
  private static final int MACHO_16BYTE_LITERALS = 0xe;

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

  private final ObjectFile object;
  private final Map<Integer, TreeSet<Long>> splits = new HashMap<>();

  Atoms(ObjectFile object) {
    this.object = object;
    if (object.format() == ObjectFile.Format.MACH_O) {
      for (Symbol symbol : object.symbols()) {
        if (symbol.section() > 0) {
          splits.computeIfAbsent(symbol.section(), s -> new TreeSet<>()).add(symbol.value());
        }
      }
    }
  }

  /** Whether {@code section} is a pool whose entries the linker may merge. */
  boolean isPool(Section section) {
    return switch (object.format()) {
      case ELF -> (section.flags() & ELF_SHF_MERGE) != 0;
      case MACH_O -> section.type() == MACHO_CSTRING_LITERALS
          || section.type() == MACHO_4BYTE_LITERALS || section.type() == MACHO_8BYTE_LITERALS
          || section.type() == MACHO_16BYTE_LITERALS;
      case COFF -> false;
    };
  }

  /** The atom that holds {@code offset} of {@code section}. */
  Atom at(Section section, long offset) {
    long clamped = Math.max(0, Math.min(offset, Math.max(0, section.size() - 1)));
    if (isPool(section)) {
      return window(section, clamped);
    }
    TreeSet<Long> points = splits.get(section.index());
    if (points == null) {
      return new Atom(section, 0, section.size());
    }
    Long start = points.floor(clamped);
    Long end = points.higher(clamped);
    return new Atom(section, start == null ? 0 : start, end == null ? section.size() : end);
  }

  private Atom window(Section section, long offset) {
    long unit = Math.max(1, Math.min(section.alignment(), 16));
    long start = Math.max(0, (offset - WINDOW_BEFORE) / unit * unit);
    long end = Math.min(section.size(), (offset + WINDOW_AFTER + unit - 1) / unit * unit);
    boolean strings = object.format() == ObjectFile.Format.ELF
        ? (section.flags() & ELF_SHF_STRINGS) != 0 : section.type() == MACHO_CSTRING_LITERALS;
    if (strings) {
      byte[] bytes = section.bytes();
      while (end < bytes.length && bytes[(int) end - 1] != 0) {
        end++; // through the end of the last string the window touches
      }
    }
    return new Atom(section, start, end);
  }

  /**
   * The atoms with overlapping or adjacent pieces of one section merged, sections in the order
   * of their first atom.
   */
  static List<Atom> merged(List<Atom> atoms) {
    Map<Section, List<Atom>> bySection = new java.util.LinkedHashMap<>();
    for (Atom atom : atoms) {
      bySection.computeIfAbsent(atom.section(), s -> new ArrayList<>()).add(atom);
    }
    List<Atom> result = new ArrayList<>();
    for (List<Atom> pieces : bySection.values()) {
      pieces.sort((a, b) -> Long.compare(a.start(), b.start()));
      Atom current = pieces.get(0);
      for (Atom next : pieces.subList(1, pieces.size())) {
        if (next.start() <= current.end()) {
          current = new Atom(current.section(), current.start(),
              Math.max(current.end(), next.end()));
        } else {
          result.add(current);
          current = next;
        }
      }
      result.add(current);
    }
    return result;
  }
}
