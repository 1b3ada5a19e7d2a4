package io.stencil4j.runtime;

import io.stencil4j.Label;
import io.stencil4j.model.HoleValue;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/**
 * Patches every hole of a staged function in its staging buffers, for the addresses its code
 * and data will have, so that executable memory is written once and never patched.
 */
final class FunctionPatcher {
  private FunctionPatcher() {}

  /**
   * Replaces each label parameter's value by the code offset its label is bound to.
   *
   * @throws IllegalStateException if a label is not in {@code labels}
   */
  static void resolveLabels(StagedFunction staged, Map<Label, Integer> labels) {
    for (int slot = 0; slot < staged.parameterCount; slot++) {
      Label label = staged.parameterLabels[slot];
      if (label != null) {
        Integer offset = labels.get(label);
        if (offset == null) {
          throw unbound(staged, slot, label);
        }
        staged.parameterValues[slot] = offset;
      }
    }
  }

  /** The error for parameter {@code slot}, filled with a label nothing bound. */
  private static IllegalStateException unbound(StagedFunction staged, int slot, Label label) {
    int i = 0;
    while (i + 1 < staged.count && staged.parametersAt[i + 1] <= slot) {
      i++;
    }
    return new IllegalStateException("label " + label + " is never bound; parameter "
        + staged.stencils[i].stencil.parameters().get(slot - staged.parametersAt[i]) + " of "
        + staged.describe(i) + " jumps to it");
  }

  /**
   * Patches for code that will run at {@code codeBase} and data at {@code dataBase}, labels
   * resolved and {@code symbols} found.
   *
   * @throws HoleRangeException if a value does not fit its hole
   */
  static void patch(StagedFunction staged, SymbolAddresses symbols, long codeBase,
      long dataBase) {
    MemorySegment codeBytes = MemorySegment.ofArray(staged.code);
    MemorySegment dataBytes = MemorySegment.ofArray(staged.data);
    for (int i = 0; i < staged.count; i++) {
      PreparedStencil stencil = staged.stencils[i];
      long stencilCode = codeBase + staged.codeAt[i];
      long stencilData = dataBase + staged.dataAt[i];
      for (int h = 0; h < stencil.holeCount; h++) {
        long base = switch (stencil.values[h]) {
          case CODE -> stencilCode;
          case DATA -> stencilData;
          case CONTINUE -> stencilCode + stencil.codeSize;
          case PARAMETER -> {
            int slot = staged.parametersAt[i] + stencil.references[h];
            yield staged.parameterLabels[slot] == null ? staged.parameterValues[slot]
                : codeBase + staged.parameterValues[slot];
          }
          case SYMBOL -> symbols.of(stencil.index, stencil.references[h]);
        };
        boolean inData = stencil.inData(h);
        int offset = (inData ? staged.dataAt[i] : staged.codeAt[i]) + stencil.offsets[h];
        long address = (inData ? dataBase : codeBase) + offset;
        try {
          HolePatcher.patch(inData ? dataBytes : codeBytes, offset, address, stencil.kinds[h],
              base + stencil.addends[h]);
        } catch (HoleRangeException e) {
          throw new HoleRangeException(staged.describe(i) + ", " + (inData ? "data" : "code")
              + " hole " + stencil.hole(h) + labelOf(staged, i, h) + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** " (label NAME)" when hole {@code h} of staged stencil {@code i} is filled with a label. */
  private static String labelOf(StagedFunction staged, int i, int h) {
    PreparedStencil stencil = staged.stencils[i];
    if (stencil.values[h] != HoleValue.PARAMETER) {
      return "";
    }
    Label label = staged.parameterLabels[staged.parametersAt[i] + stencil.references[h]];
    return label == null ? "" : " (label " + label + ")";
  }
}
