package io.stencil4j.processor.stencil;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.Relocation;
import io.stencil4j.processor.object.Section;
import io.stencil4j.processor.object.Symbol;
import io.stencil4j.processor.target.Target;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The x86-64 Linux stencil rules on hand-made objects whose bytes are real instructions
 * (encodings from llvm-mc): layout, GOT slots, relaxation and the cut trailing jump.
 */
class StencilBuilderTest {
  private static final Target X86_64 = Target.of(Triple.X86_64_UNKNOWN_LINUX_GNU);
  private static final int R_64 = 1;
  private static final int R_PC32 = 2;
  private static final int R_GOTPCREL = 9;
  private static final int R_GOTPCRELX = 41;
  private static final int R_REX_GOTPCRELX = 42;

  /** Builds an object: section 1 is the code, 2 the data (if any), 3 the .bss (if any). */
  private static final class ObjectBuilder {
    private final List<Symbol> symbols = new ArrayList<>();
    private final List<Relocation> codeRelocations = new ArrayList<>();
    private final List<Relocation> dataRelocations = new ArrayList<>();
    private final byte[] code;
    private byte[] data = new byte[0];
    private byte[] pool = new byte[0];
    private long poolEntrySize;
    private long bss;
    private long entryValue;

    ObjectBuilder(String codeHex) {
      this.code = HexFormat.of().parseHex(codeHex.replace(" ", ""));
    }

    ObjectBuilder data(String hex) {
      data = HexFormat.of().parseHex(hex.replace(" ", ""));
      return this;
    }

    /** Section 4: a mergeable pool of {@code entrySize}-byte constants. */
    ObjectBuilder pool(long entrySize, String hex) {
      pool = HexFormat.of().parseHex(hex.replace(" ", ""));
      poolEntrySize = entrySize;
      return this;
    }

    ObjectBuilder bss(long size) {
      bss = size;
      return this;
    }

    ObjectBuilder entryAt(long value) {
      entryValue = value;
      return this;
    }

    Symbol undefined(String name) {
      Symbol symbol = new Symbol(symbols.size() + 1, name, Symbol.UNDEFINED, 0, 0,
          Symbol.Binding.GLOBAL, Symbol.Type.NONE);
      symbols.add(symbol);
      return symbol;
    }

    Symbol local(String name, int section, long value) {
      Symbol symbol = new Symbol(symbols.size() + 1, name, section, value, 0,
          Symbol.Binding.LOCAL, Symbol.Type.OBJECT);
      symbols.add(symbol);
      return symbol;
    }

    Symbol section(int index) {
      Symbol symbol = new Symbol(symbols.size() + 1, "", index, 0, 0, Symbol.Binding.LOCAL,
          Symbol.Type.SECTION);
      symbols.add(symbol);
      return symbol;
    }

    ObjectBuilder code(long offset, int type, Symbol symbol, long addend) {
      // as ELF has it: absolute fields mean the place itself, displacements leave it open
      codeRelocations.add(new Relocation(offset, type, "R_X86_64 type " + type, symbol, addend,
          type == R_64 ? 0 : Relocation.UNKNOWN_PC_BIAS));
      return this;
    }

    ObjectBuilder inData(long offset, int type, Symbol symbol, long addend) {
      dataRelocations.add(new Relocation(offset, type, "R_X86_64 type " + type, symbol, addend,
          0));
      return this;
    }

    ObjectFile build() {
      List<Symbol> all = new ArrayList<>(symbols);
      all.add(new Symbol(all.size() + 1, "_JIT_ENTRY", 1, entryValue, code.length,
          Symbol.Binding.GLOBAL, Symbol.Type.FUNCTION));
      List<Section> sections = new ArrayList<>();
      sections.add(new Section(0, "", Section.Kind.OTHER, 0, 0, 1, 0, new byte[0], List.of()));
      sections.add(new Section(1, ".text", Section.Kind.CODE, 1, 6, 16, code.length, code,
          codeRelocations));
      sections.add(new Section(2, ".lrodata", Section.Kind.DATA, 1, 0x10000002L, 8, data.length,
          data, dataRelocations));
      sections.add(new Section(3, ".bss", Section.Kind.ZERO_FILL, 8, 3, 8, bss, new byte[0],
          List.of()));
      sections.add(new Section(4, ".rodata.cst", Section.Kind.DATA, 1, 0x12, 16, pool.length,
          pool, List.of(), Section.Merge.CONSTANTS, Math.max(1, poolEntrySize)));
      return new ObjectFile(ObjectFile.Format.ELF, 62, ObjectFile.Architecture.X86_64, sections,
          all);
    }
  }

  private static StencilGroup build(ObjectBuilder object) throws BadStencilException {
    return StencilBuilder.build("TEST", object.build(), X86_64);
  }

  @Test
  void trailingJumpThroughTheGotIsCut() throws Exception {
    // movabs rax, imm64 (_JIT_VALUE); jmp *[rip + _JIT_CONTINUE@GOTPCREL]
    ObjectBuilder object = new ObjectBuilder("48b8 0000000000000000 ff25 00000000");
    object.code(2, R_64, object.undefined("_JIT_VALUE"), 0)
        .code(12, R_GOTPCRELX, object.undefined("_JIT_CONTINUE"), -4);
    StencilGroup stencil = build(object);
    assertThat(HexFormat.of().formatHex(stencil.code())).isEqualTo("48b80000000000000000");
    assertThat(stencil.codeHoles()).containsExactly(Hole.parameter(2, HoleKind.ABS_64, "VALUE", 0));
    assertThat(stencil.dataSize()).isEqualTo(0);
    assertThat(stencil.parameters()).containsExactly("VALUE");
    assertThat(stencil.fallsThrough()).isTrue();
  }

  @Test
  void jumpToTheNextStencilInTheMiddleIsRelaxed() throws Exception {
    // je +6; jmp *[rip + _JIT_CONTINUE@GOTPCREL]; ret
    ObjectBuilder object = new ObjectBuilder("7406 ff25 00000000 c3");
    object.code(4, R_GOTPCRELX, object.undefined("_JIT_CONTINUE"), -4);
    StencilGroup stencil = build(object);
    assertThat(HexFormat.of().formatHex(stencil.code())).isEqualTo("740690e900000000c3");
    assertThat(stencil.codeHoles())
        .containsExactly(Hole.of(4, HoleKind.REL_32, HoleValue.CONTINUE, -4));
    assertThat(stencil.fallsThrough()).isFalse();
  }

  @Test
  void callsToExternalSymbolsGoThroughAGotSlotInTheData() throws Exception {
    // call *[rip + helper@GOTPCREL]; call *[rip + helper@GOTPCREL]; ret; 3 unreferenced data
    // bytes, which the stencil leaves out
    ObjectBuilder object = new ObjectBuilder("ff15 00000000 ff15 00000000 c3").data("010203");
    Symbol helper = object.undefined("helper");
    object.code(2, R_GOTPCRELX, helper, -4).code(8, R_GOTPCRELX, helper, -4);
    StencilGroup stencil = build(object);
    assertThat(HexFormat.of().formatHex(stencil.code())).isEqualTo("ff1500000000ff1500000000c3");
    // one slot for both calls; data not padded
    assertThat(stencil.codeHoles()).containsExactly(
        Hole.of(2, HoleKind.REL_32, HoleValue.DATA, -4),
        Hole.of(8, HoleKind.REL_32, HoleValue.DATA, -4));
    assertThat(stencil.dataHoles()).containsExactly(Hole.symbol(0, HoleKind.ABS_64, "helper", 0));
    assertThat(stencil.dataSize()).isEqualTo(8);
    assertThat(stencil.symbols()).containsExactly("helper");
  }

  @Test
  void gotLoadOfAParameterKeepsItsSlot() throws Exception {
    // mov rax, [rip + _JIT_TARGET@GOTPCREL]; ret (a parameter may be far away: not relaxed)
    ObjectBuilder object = new ObjectBuilder("488b05 00000000 c3");
    object.code(3, R_REX_GOTPCRELX, object.undefined("_JIT_TARGET"), -4);
    StencilGroup stencil = build(object);
    assertThat(HexFormat.of().formatHex(stencil.code())).isEqualTo("488b0500000000c3");
    assertThat(stencil.codeHoles())
        .containsExactly(Hole.of(3, HoleKind.REL_32, HoleValue.DATA, -4));
    assertThat(stencil.dataHoles())
        .containsExactly(Hole.parameter(0, HoleKind.ABS_64, "TARGET", 0));
  }

  @Test
  void gotLoadOfLocalDataBecomesLea() throws Exception {
    // mov rax, [rip + .lrodata@GOTPCREL]; ret → lea rax, [rip + .lrodata]
    ObjectBuilder object = new ObjectBuilder("488b05 00000000 c3").data("0102030405060708");
    object.code(3, R_REX_GOTPCRELX, object.section(2), -4 + 4);
    StencilGroup stencil = build(object);
    assertThat(HexFormat.of().formatHex(stencil.code())).isEqualTo("488d0500000000c3");
    assertThat(stencil.codeHoles()).containsExactly(Hole.of(3, HoleKind.REL_32, HoleValue.DATA, 0));
    assertThat(stencil.dataHoles()).isEmpty();
  }

  @Test
  void plainGotpcrelIsNeverRelaxed() throws Exception {
    ObjectBuilder object = new ObjectBuilder("488b05 00000000 c3").data("0102030405060708");
    object.code(3, R_GOTPCREL, object.section(2), -4);
    StencilGroup stencil = build(object);
    assertThat(HexFormat.of().formatHex(stencil.code())).isEqualTo("488b0500000000c3");
    assertThat(stencil.dataHoles()).containsExactly(Hole.of(8, HoleKind.ABS_64, HoleValue.DATA, 0));
  }

  @Test
  void dataAndBssAreLaidOutWithTheirRelocations() throws Exception {
    // lea rax, [rip + .bss + 4]; lea rcx, [rip + .lrodata]; ret; the data points into the code
    ObjectBuilder object = new ObjectBuilder("488d05 00000000 488d0d 00000000 c3")
        .data("aa00000000000000ffffffffffffffff").bss(24);
    object.code(3, R_PC32, object.section(3), 4 - 4).code(10, R_PC32, object.section(2), -4)
        .inData(0, R_64, object.section(1), 7);
    StencilGroup stencil = build(object);
    assertThat(stencil.dataSize()).isEqualTo(40); // 24 bss + 16 data, not padded
    assertThat(stencil.codeHoles()).containsExactly(
        Hole.of(3, HoleKind.REL_32, HoleValue.DATA, 4 - 4),
        Hole.of(10, HoleKind.REL_32, HoleValue.DATA, 24 - 4));
    assertThat(stencil.dataHoles()).containsExactly(
        Hole.of(24, HoleKind.ABS_64, HoleValue.CODE, 7));
  }

  @Test
  void entryMustBeAtOffsetZero() {
    ObjectBuilder object = new ObjectBuilder("c3 c3").entryAt(1);
    BadStencilException e = assertThrows(BadStencilException.class, () -> build(object));
    assertThat(e).hasMessageThat().isEqualTo("_JIT_ENTRY is at code offset 0x1, not 0: define it "
        + "before any other function of the template");
  }

  @Test
  void unsupportedRelocationNamesTypeAndOffset() {
    ObjectBuilder object = new ObjectBuilder("48b8 0000000000000000 c3");
    object.code(2, 26 /* R_X86_64_GOTPC64 */, object.undefined("_JIT_VALUE"), 0);
    BadStencilException e = assertThrows(BadStencilException.class, () -> build(object));
    assertThat(e).hasMessageThat().isEqualTo(
        "unsupported relocation R_X86_64 type 26 at code offset 0x2 (to VALUE)");
  }

  @Test
  void holeNamesMustBeUpperSnakeCase() {
    ObjectBuilder object = new ObjectBuilder("48b8 0000000000000000 c3");
    object.code(2, R_64, object.undefined("_JIT_value"), 0);
    BadStencilException e = assertThrows(BadStencilException.class, () -> build(object));
    assertThat(e).hasMessageThat().isEqualTo("hole _JIT_value: a hole's name after _JIT_ must be "
        + "UPPER_SNAKE_CASE (it maps to the emitter parameter of the same name)");
  }

  @Test
  void poolEntryIsFoundByItsSymbolWhateverFollowsTheDisplacement() throws Exception {
    // shufpd xmm0, [rip + .LCPI0_1], 2: the imm8 after the displacement makes the addend -5
    ObjectBuilder object = new ObjectBuilder("660fc605 00000000 02 c3")
        .pool(16, "00000000000000000000000000000000 0102030405060708090a0b0c0d0e0f10");
    object.code(4, R_PC32, object.local(".LCPI0_1", 4, 16), -5);
    StencilGroup stencil = build(object);
    assertThat(HexFormat.of().formatHex(stencil.data()))
        .isEqualTo("0102030405060708090a0b0c0d0e0f10");
    assertThat(stencil.codeHoles()).containsExactly(Hole.of(4, HoleKind.REL_32, HoleValue.DATA, -5));
  }

  @Test
  void poolEntryLargerThanSixteenBytesIsTakenWhole() throws Exception {
    // movabs rax, .rodata.cst32 + 32; ret: the second 32-byte entry, all of it
    String second = "2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40";
    ObjectBuilder object = new ObjectBuilder("48b8 0000000000000000 c3")
        .pool(32, "00".repeat(32) + second + "ff".repeat(32));
    object.code(2, R_64, object.section(4), 32);
    StencilGroup stencil = build(object);
    assertThat(HexFormat.of().formatHex(stencil.data())).isEqualTo(second);
    assertThat(stencil.codeHoles()).containsExactly(Hole.of(2, HoleKind.ABS_64, HoleValue.DATA, 0));
  }

  @Test
  void pcRelativeReferenceToAPoolThroughItsSectionIsRejected() {
    // movaps xmm0, [rip + .rodata.cst + 16 - 4]: the entry depends on the instruction's length
    ObjectBuilder object = new ObjectBuilder("0f2805 00000000 c3").pool(16, "00".repeat(32));
    object.code(3, R_PC32, object.section(4), 16 - 4);
    BadStencilException e = assertThrows(BadStencilException.class, () -> build(object));
    assertThat(e).hasMessageThat().isEqualTo("the R_X86_64 type 2 at offset 0x3 refers to an "
        + "entry of the mergeable section .rodata.cst through the section symbol; which entry "
        + "depends on the length of the instruction, which the object does not record");
  }

  @Test
  void relocationWithoutASymbolIsRejected() {
    // movabs rax, imm64 with an R_X86_64_64 against ELF's symbol 0 (`.reloc 2, R_X86_64_64, 5`)
    ObjectBuilder object = new ObjectBuilder("48b8 0000000000000000 c3");
    object.code(2, R_64, new Symbol(0, "", Symbol.UNDEFINED, 0, 0, Symbol.Binding.LOCAL,
        Symbol.Type.NONE), 5);
    BadStencilException e = assertThrows(BadStencilException.class, () -> build(object));
    assertThat(e).hasMessageThat().isEqualTo("a relocation without a symbol (symbol #0) cannot "
        + "be patched by the emitter: refer to a symbol");
  }
}
