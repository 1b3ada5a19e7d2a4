package io.stencil4j.processor.stencil;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.processor.target.Reference;
import io.stencil4j.processor.target.Target;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trampolines of one stencil: after its code, an absolute jump for each external symbol that
 * a direct branch calls, since the symbol may be out of the branch's reach.
 */
final class Trampolines {
  private final Target target;
  private final int codeLength;
  /** Where the first trampoline goes: after the code and the jump over them, 8-byte aligned. */
  private final int base;
  private final Map<Reference, Integer> trampolines = new LinkedHashMap<>();

  Trampolines(Target target, int codeLength) {
    this.target = target;
    this.codeLength = codeLength;
    this.base = StencilBuilder.align(codeLength + target.jump().length, 8);
  }

  /** The code offset of the trampoline to {@code reference}, the same for the same reference. */
  int of(Reference reference) {
    return trampolines.computeIfAbsent(reference,
        r -> base + target.trampoline().length * trampolines.size());
  }

  /**
   * {@code code} with the trampolines appended behind a jump to the next stencil, so that
   * falling off the end of the code never runs into them; their holes are added to {@code holes}.
   */
  byte[] appendTo(byte[] code, List<Hole> holes) {
    if (trampolines.isEmpty()) {
      return code;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(code);
    bytes.writeBytes(target.jump());
    holes.add(target.jumpHole().shifted(codeLength));
    bytes.writeBytes(target.padding(base - bytes.size()));
    trampolines.forEach((reference, at) -> {
      bytes.writeBytes(target.trampoline());
      holes.add(reference.hole(at + target.trampolineAddressOffset(), HoleKind.ABS_64, 0));
    });
    return bytes.toByteArray();
  }
}
