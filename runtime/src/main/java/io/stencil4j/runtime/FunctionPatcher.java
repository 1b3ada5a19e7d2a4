package io.stencil4j.runtime;

import io.stencil4j.Label;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;

/**
 * Resolves a staged function's labels and patches its holes in its staging buffers, for the
 * addresses its code and data will have, so that executable memory is written once and never
 * patched.
 */
final class FunctionPatcher {
  private FunctionPatcher() {}

  /**
   * Replaces each label parameter's value by the address its label is bound to, in code that
   * runs at {@code codeBase}.
   *
   * @throws IllegalStateException if a label is not in {@code labels}
   */
  static void resolveLabels(StagedFunction staged, BoundLabels labels, long codeBase) {
    for (int i = 0; i < staged.labelSlotCount; i++) {
      int slot = staged.labelSlots[i];
      Label label = staged.parameterLabels[slot];
      int offset = labels.offset(label);
      if (offset < 0) {
        throw unbound(staged, labels);
      }
      staged.parameterValues[slot] = codeBase + offset;
    }
  }

  /** The error for the first parameter filled with a label nothing bound. */
  private static IllegalStateException unbound(StagedFunction staged, BoundLabels labels) {
    int first = -1;
    for (int k = 0; k < staged.labelSlotCount; k++) {
      int slot = staged.labelSlots[k];
      if ((first < 0 || slot < staged.labelSlots[first])
          && labels.offset(staged.parameterLabels[slot]) < 0) {
        first = k;
      }
    }
    int slot = staged.labelSlots[first];
    int i = staged.labelStencils[first];
    return new IllegalStateException("label " + staged.parameterLabels[slot]
        + " is never bound; parameter " + staged.stencil(i).stencil.parameters().get(
            slot - staged.parametersAt(i)) + " of " + staged.describe(i) + " jumps to it");
  }

  /**
   * Patches every deferred hole of {@code staged}, laid out, for code that will run at {@code
   * codeBase} and data at {@code dataBase}, labels resolved and {@code symbols} found; the
   * immediate holes were patched as it was laid out.
   *
   * @throws HoleRangeException if a value does not fit its hole
   * @param holed {@code staged}'s stencils with holes left, grouped
   */
  static void patch(StagedFunction staged, HoledStencils holed, SymbolAddresses symbols,
      long codeBase, long dataBase) {
    for (int g = 0; g < holed.groupCount; g++) {
      PreparedStencil stencil = holed.stencil(staged, g);
      for (int h : stencil.deferredHoles) {
        patchAll(staged, holed, g, stencil, h, symbols, codeBase, dataBase);
      }
    }
  }

  /**
   * Patches hole {@code h} of {@code stencil} wherever it is staged: at each place of group
   * {@code g} of {@code holed}. What the hole takes is the same for all, so the loop's branches
   * always go the same way.
   */
  private static void patchAll(StagedFunction staged, HoledStencils holed, int g,
      PreparedStencil stencil, int h, SymbolAddresses symbols, long codeBase, long dataBase) {
    boolean inData = stencil.inData(h);
    byte[] bytes = inData ? staged.data : staged.code;
    long base = inData ? dataBase : codeBase;
    HoleValue source = stencil.values[h];
    HoleKind kind = stencil.kinds[h];
    int reference = stencil.references[h];
    long addend = stencil.addends[h];
    int holeOffset = stencil.offsets[h];
    long symbol = source == HoleValue.SYMBOL ? symbols.of(stencil.index, reference) : 0;
    for (int k = holed.starts[g]; k < holed.starts[g + 1]; k++) {
      int i = holed.grouped[k];
      int codeAt = staged.codeAt[i];
      long value = switch (source) {
        case PARAMETER -> staged.parameterValues[staged.parametersAt[i] + reference];
        case CODE -> codeBase + codeAt;
        case DATA -> dataBase + staged.dataAt[i];
        case CONTINUE -> codeBase + codeAt + stencil.codeSize;
        case SYMBOL -> symbol;
      };
      int offset = (inData ? staged.dataAt[i] : codeAt) + holeOffset;
      try {
        HolePatcher.patch(bytes, offset, base + offset, kind, value + addend);
      } catch (HoleRangeException e) {
        throw new HoleRangeException(staged.describe(i) + ", " + (inData ? "data" : "code")
            + " hole " + stencil.hole(h) + labelOf(staged, i, h) + ": " + e.getMessage(), e);
      }
    }
  }

  /** " (label NAME)" when hole {@code h} of staged stencil {@code i} is filled with a label. */
  private static String labelOf(StagedFunction staged, int i, int h) {
    PreparedStencil stencil = staged.stencil(i);
    if (stencil.values[h] != HoleValue.PARAMETER) {
      return "";
    }
    Label label = staged.parameterLabels[staged.parametersAt(i) + stencil.references[h]];
    return label == null ? "" : " (label " + label + ")";
  }
}
