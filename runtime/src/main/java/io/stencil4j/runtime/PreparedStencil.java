package io.stencil4j.runtime;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import java.util.Arrays;
import java.util.List;

/**
 * A stencil's holes as parallel arrays, code holes first, with parameter and symbol names turned
 * into indices once, so that patching thousands of appended stencils compares no strings.
 */
final class PreparedStencil {
  final StencilGroup stencil;
  /** Its position in its library. */
  final int index;
  /** The unpatched bytes, copied straight from here to a function's. */
  final byte[] code;
  /** The data, zero-padded to {@link #dataSpan}: copied with its padding, nothing to clear. */
  final byte[] data;
  final int codeSize;
  final int dataSize;
  /**
   * The room its data takes in a function: its size rounded up to 16 bytes, so that the next
   * stencil's data starts 16-byte aligned, as the template contract promises; stencils' data
   * sizes are not padded.
   */
  final int dataSpan;
  final int parameterCount;
  /** The external symbols, indexed by {@link #references} of {@code SYMBOL} holes. */
  final List<String> symbols;
  final boolean hasSymbols;
  final int holeCount;
  /** Holes below this index are in the code, the others in the data. */
  final int codeHoleCount;
  final int[] offsets;
  final HoleKind[] kinds;
  final HoleValue[] values;
  /** The parameter index of a {@code PARAMETER} hole, the symbol index of a {@code SYMBOL} one. */
  final int[] references;
  final long[] addends;
  /**
   * The holes patched as the stencil's code is copied into place, in the same pass: those that
   * are a parameter's only hole and an {@code ABS_64} in the code, the value itself, which needs
   * nothing computed and cannot be out of range: most of x86-64's holes.
   */
  final int[] immediateHoles;
  /**
   * The first immediate hole, if any, in fields of its own for the copying pass: its offset in
   * the code (-1: none), its parameter's index and its addend; {@link #moreImmediateHoles} says
   * whether there are others.
   */
  final int immediateOffset;
  final int immediateParameter;
  final long immediateAddend;
  final boolean moreImmediateHoles;
  /** The holes left for the patching pass, grouped by stencil: all but the immediate ones. */
  final int[] deferredHoles;

  PreparedStencil(StencilGroup stencil, int index) {
    this.stencil = stencil;
    this.index = index;
    this.code = stencil.code();
    this.codeSize = code.length;
    this.dataSize = stencil.data().length;
    this.dataSpan = (dataSize + 15) & -16;
    this.data = Arrays.copyOf(stencil.data(), dataSpan);
    this.parameterCount = stencil.parameters().size();
    this.symbols = stencil.symbols();
    this.hasSymbols = !symbols.isEmpty();
    this.codeHoleCount = stencil.codeHoles().size();
    this.holeCount = codeHoleCount + stencil.dataHoles().size();
    this.offsets = new int[holeCount];
    this.kinds = new HoleKind[holeCount];
    this.values = new HoleValue[holeCount];
    this.references = new int[holeCount];
    this.addends = new long[holeCount];
    for (int i = 0; i < holeCount; i++) {
      Hole hole = hole(i);
      offsets[i] = hole.offset();
      kinds[i] = hole.kind();
      values[i] = hole.value();
      addends[i] = hole.addend();
      references[i] = switch (hole.value()) {
        case PARAMETER -> stencil.parameters().indexOf(hole.name());
        case SYMBOL -> symbols.indexOf(hole.name());
        default -> -1;
      };
    }
    int[] holesOf = new int[parameterCount];
    for (int i = 0; i < holeCount; i++) {
      if (values[i] == HoleValue.PARAMETER) {
        holesOf[references[i]]++;
      }
    }
    int[] immediate = new int[holeCount];
    int immediateCount = 0;
    int[] deferred = new int[holeCount];
    int deferredCount = 0;
    for (int i = 0; i < holeCount; i++) {
      if (values[i] == HoleValue.PARAMETER && holesOf[references[i]] == 1
          && kinds[i] == HoleKind.ABS_64 && !inData(i)) {
        immediate[immediateCount++] = i;
      } else {
        deferred[deferredCount++] = i;
      }
    }
    this.immediateHoles = Arrays.copyOf(immediate, immediateCount);
    int first = immediateCount == 0 ? -1 : immediate[0];
    this.immediateOffset = first < 0 ? -1 : offsets[first];
    this.immediateParameter = first < 0 ? -1 : references[first];
    this.immediateAddend = first < 0 ? 0 : addends[first];
    this.moreImmediateHoles = immediateCount > 1;
    this.deferredHoles = Arrays.copyOf(deferred, deferredCount);
  }

  /** Hole {@code i} as the model describes it, for error messages. */
  Hole hole(int i) {
    return i < codeHoleCount ? stencil.codeHoles().get(i)
        : stencil.dataHoles().get(i - codeHoleCount);
  }

  boolean inData(int i) {
    return i >= codeHoleCount;
  }
}
