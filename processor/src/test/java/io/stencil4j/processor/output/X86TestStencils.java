package io.stencil4j.processor.output;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Hand-assembled x86-64 stencils (System V ABI) covering every hole kind and value, for {@code
 * output/x86_64_stencils.c}, which emits, runs and checks them. Holes hold zeros, as in objects.
 */
final class X86TestStencils {
  private X86TestStencils() {}

  static StencilLibrary library() {
    return new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of(
        // movabs rax, VALUE + 5; ret
        stencil("LOAD_IMM", "48b8 0000000000000000 c3", "",
            List.of(Hole.parameter(2, HoleKind.ABS_64, "VALUE", 5)), List.of()),
        // mov rax, [rip + data]; add rax, [rip + data + 8]; ret
        // data: 0x1122334455667788, then INT - 1
        stencil("LOAD_DATA", "488b05 00000000 480305 00000000 c3",
            "8877665544332211 0000000000000000",
            List.of(Hole.of(3, HoleKind.REL_32, HoleValue.DATA, -4),
                Hole.of(10, HoleKind.REL_32, HoleValue.DATA, 4)),
            List.of(Hole.parameter(8, HoleKind.ABS_64, "INT", -1))),
        // sub rsp, 8; call [rip + data] (a GOT slot holding scale); add rsp, 8; ret
        stencil("CALL_GOT", "4883ec08 ff15 00000000 4883c408 c3", "0000000000000000",
            List.of(Hole.of(6, HoleKind.REL_32, HoleValue.DATA, -4)),
            List.of(Hole.symbol(0, HoleKind.ABS_64, "scale", 0))),
        // sub rsp, 8; call new; add rsp, 8; ret
        stencil("CALL_NEAR", "4883ec08 e8 00000000 4883c408 c3", "",
            List.of(Hole.symbol(5, HoleKind.REL_32, "new", -4)), List.of()),
        // movabs rax, CODE + 0x10; ret
        stencil("RETURN_SELF", "48b8 0000000000000000 c3", "",
            List.of(Hole.of(2, HoleKind.ABS_64, HoleValue.CODE, 0x10)), List.of()),
        // add rdi, 1; jmp CONTINUE; int3 (reached only if the jump is patched wrong)
        stencil("ADD_ONE", "4883c701 e9 00000000 cc", "",
            List.of(Hole.of(5, HoleKind.REL_32, HoleValue.CONTINUE, -4)), List.of()),
        stencil("EMPTY", "", "", List.of(), List.of()),
        // mov rax, rdi; ret
        stencil("RETURN_ARG", "4889f8 c3", "", List.of(), List.of()),
        // mov eax, VALUE (zero-extended); ret
        stencil("LOAD_U32", "b8 00000000 c3", "",
            List.of(Hole.parameter(1, HoleKind.ABS_32U, "VALUE", 0)), List.of()),
        // mov rax, CLASS (sign-extended); ret
        stencil("LOAD_S32", "48c7c0 00000000 c3", "",
            List.of(Hole.parameter(3, HoleKind.ABS_32S, "CLASS", 0)), List.of()),
        // movabs rax, B; movabs rdx, ERR; sub rax, rdx; ret
        stencil("SUB2", "48b8 0000000000000000 48ba 0000000000000000 4829d0 c3", "",
            List.of(Hole.parameter(2, HoleKind.ABS_64, "B", 0),
                Hole.parameter(12, HoleKind.ABS_64, "ERR", 0)),
            List.of())));
  }

  /** Disassembly comments, with lines that would break a {@code //} comment if written as is. */
  static Map<String, List<String>> disassembly() {
    return Map.of(
        "LOAD_IMM", List.of(
            "0: 48 b8 00 00 00 00 00 00 00 00\tmovabs\trax, 0x0",
            "\t\t0000000000000002:  R_X86_64_64\t_JIT_VALUE+0x5",
            "a: c3\tret",
            "a line ending in a backslash \\",
            "a trigraph ??/",
            "caf\u00e9 \ud83d\ude00 and a carriage\rreturn"),
        "ADD_ONE", List.of("", "0: 48 83 c7 01\tadd\trdi, 0x1  "));
  }

  private static StencilGroup stencil(String name, String code, String data, List<Hole> codeHoles,
      List<Hole> dataHoles) {
    return new StencilGroup(name, hex(code), hex(data), codeHoles, dataHoles);
  }

  private static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }
}
