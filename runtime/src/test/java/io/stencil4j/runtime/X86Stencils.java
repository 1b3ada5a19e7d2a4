package io.stencil4j.runtime;

import static io.stencil4j.model.HoleKind.ABS_32S;
import static io.stencil4j.model.HoleKind.ABS_64;
import static io.stencil4j.model.HoleKind.REL_32;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.util.HexFormat;
import java.util.List;

/**
 * Hand-written x86-64 stencils with the C calling convention, one for each kind of hole value:
 * each leaves its result in rax, so a chain of them ending with {@code RET} is a C function.
 */
final class X86Stencils {
  /** The external symbol {@code CALL} calls; tests supply it. */
  static final String HOST = "stencil4j_test_host";

  /** mov rdi, rax; movabs rax, SYMBOL; sub rsp, 8 (keeps the call 16-byte aligned); call rax. */
  private static final String CALL = "48 89 c7 48 b8 00 00 00 00 00 00 00 00 48 83 ec 08 ff d0"
      + " 48 83 c4 08";

  static final StencilLibrary LIBRARY = new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of(
      // mov rax, rdi: the first argument
      stencil("ARG", "48 89 f8", List.of()),
      // movabs rax, VALUE
      stencil("CONST", "48 b8 00 00 00 00 00 00 00 00", List.of(value(2, ABS_64))),
      // mov rax, VALUE (sign-extended)
      stencil("CONST32", "48 c7 c0 00 00 00 00", List.of(value(3, ABS_32S))),
      // movabs rcx, VALUE; add rax, rcx
      stencil("ADD", "48 b9 00 00 00 00 00 00 00 00 48 01 c8", List.of(value(2, ABS_64))),
      // mov rax, [rip + DATA]: the 8 data bytes, which hold VALUE
      new StencilGroup("LOAD_DATA", hex("48 8b 05 00 00 00 00"), new byte[16],
          List.of(Hole.of(3, REL_32, HoleValue.DATA, -4)),
          List.of(value(0, ABS_64))),
      // jmp TARGET
      stencil("JUMP", "e9 00 00 00 00", List.of(Hole.parameter(1, REL_32, "TARGET", -4))),
      // call TARGET: the callee returns here with its result in rax
      stencil("CALL_LABEL", "e8 00 00 00 00", List.of(Hole.parameter(1, REL_32, "TARGET", -4))),
      // jmp CONTINUE: to the next stencil
      stencil("NEXT", "e9 00 00 00 00", List.of(Hole.of(1, REL_32, HoleValue.CONTINUE, -4))),
      // lea rax, [rip + CODE]: this stencil's own address
      stencil("HERE", "48 8d 05 00 00 00 00", List.of(Hole.of(3, REL_32, HoleValue.CODE, -4))),
      stencil("CALL", CALL, List.of(Hole.symbol(5, ABS_64, HOST, 0))),
      stencil("CALL_LABS", CALL, List.of(Hole.symbol(5, ABS_64, "labs", 0))),
      // inc rax, as the processor leaves it when it removes the jump to _JIT_CONTINUE
      new StencilGroup("INCREMENT", hex("48 ff c0"), new byte[0], List.of(), List.of(), true),
      stencil("RET", "c3", List.of())));

  private X86Stencils() {}

  private static StencilGroup stencil(String name, String code, List<Hole> holes) {
    return new StencilGroup(name, hex(code), new byte[0], holes, List.of());
  }

  private static Hole value(int offset, HoleKind kind) {
    return Hole.parameter(offset, kind, "VALUE", 0);
  }

  private static byte[] hex(String bytes) {
    return HexFormat.ofDelimiter(" ").parseHex(bytes);
  }
}
