package io.stencil4j.runtime;

import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;

/**
 * A parameter of one appended stencil that may be patched again after {@link JitAssembler#finish}
 * with {@link JitFunction#patch}: an inline cache, a jump target known later. Made by {@link
 * JitAssembler#patchable}; it belongs to the function finished next.
 */
public final class PatchSite {
  /** The appended stencil's number and the parameter's index, in the assembler. */
  final int stencil;
  final int parameter;
  final String description;
  JitFunction function;
  /** Per hole of the parameter: code or data, offset from the code's or data's start, ... */
  boolean[] inData;
  int[] offsets;
  HoleKind[] kinds;
  long[] addends;

  PatchSite(int stencil, int parameter, String description) {
    this.stencil = stencil;
    this.parameter = parameter;
    this.description = description;
  }

  /** Finds this site's holes in {@code staged}, the layout of {@code function}. */
  void bind(JitFunction function, StagedFunction staged) {
    PreparedStencil prepared = staged.stencil(stencil);
    int holes = 0;
    for (int h = 0; h < prepared.holeCount; h++) {
      if (isParameter(prepared, h)) {
        holes++;
      }
    }
    inData = new boolean[holes];
    offsets = new int[holes];
    kinds = new HoleKind[holes];
    addends = new long[holes];
    int next = 0;
    for (int h = 0; h < prepared.holeCount; h++) {
      if (isParameter(prepared, h)) {
        inData[next] = prepared.inData(h);
        offsets[next] = (inData[next] ? staged.dataAt(stencil) : staged.codeAt(stencil))
            + prepared.offsets[h];
        kinds[next] = prepared.kinds[h];
        addends[next] = prepared.addends[h];
        next++;
      }
    }
    this.function = function;
  }

  private boolean isParameter(PreparedStencil prepared, int hole) {
    return prepared.values[hole] == HoleValue.PARAMETER && prepared.references[hole] == parameter;
  }

  @Override
  public String toString() {
    return description;
  }
}
