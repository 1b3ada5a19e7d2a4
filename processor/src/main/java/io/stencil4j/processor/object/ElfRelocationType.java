package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.ElfReader.EM_AARCH64;
import static io.stencil4j.processor.object.ElfReader.EM_X86_64;

import java.util.Map;

/**
 * The ELF relocation types of x86-64 and AArch64, named as LLVM 19 spells them (from its {@code
 * ELFRelocs/x86_64.def} and {@code AArch64.def}), so messages and tests match {@code
 * llvm-readobj} output. The AArch64 ILP32 ({@code R_AARCH64_P32_*}) types are left out: they only
 * occur in ELFCLASS32 objects, which the reader rejects, and their numbers would otherwise give a
 * wrong name to garbage types. Each constant says what its field holds, in the ABIs' notation:
 * S the symbol, A the addend, P the place, G(x) the GOT entry of x, Page(x) x's 4 KiB page,
 * GD, LD, IE and LE the thread-local storage models.
 */
public enum ElfRelocationType implements RelocationType {
  // The format's table, one constant per type as LLVM names it (data, so the rows look alike).
  /** No relocation. */
  R_X86_64_NONE(EM_X86_64, 0),
  /** {@code S + A}, 64 bits. */
  R_X86_64_64(EM_X86_64, 1),
  /** {@code S + A - P}, 32 bits signed. */
  R_X86_64_PC32(EM_X86_64, 2, true),
  /** {@code G + A}: the offset of the symbol's GOT entry, 32 bits. */
  R_X86_64_GOT32(EM_X86_64, 3),
  /** {@code L + A - P}: a call or jump through the PLT, 32 bits signed. */
  R_X86_64_PLT32(EM_X86_64, 4, true),
  /** Dynamic: copy the symbol's data into the executable. */
  R_X86_64_COPY(EM_X86_64, 5),
  /** Dynamic: a GOT entry set to {@code S}. */
  R_X86_64_GLOB_DAT(EM_X86_64, 6),
  /** Dynamic: a PLT's GOT entry set to {@code S}. */
  R_X86_64_JUMP_SLOT(EM_X86_64, 7),
  /** Dynamic: {@code B + A}, the load base plus the addend. */
  R_X86_64_RELATIVE(EM_X86_64, 8),
  /** {@code G + GOT + A - P}: the address of the symbol's GOT entry, PC-relative. */
  R_X86_64_GOTPCREL(EM_X86_64, 9, true),
  /** {@code S + A}, 32 bits zero-extended. */
  R_X86_64_32(EM_X86_64, 10),
  /** {@code S + A}, 32 bits sign-extended. */
  R_X86_64_32S(EM_X86_64, 11),
  /** {@code S + A}, 16 bits. */
  R_X86_64_16(EM_X86_64, 12),
  /** {@code S + A - P}, 16 bits. */
  R_X86_64_PC16(EM_X86_64, 13, true),
  /** {@code S + A}, 8 bits. */
  R_X86_64_8(EM_X86_64, 14),
  /** {@code S + A - P}, 8 bits. */
  R_X86_64_PC8(EM_X86_64, 15, true),
  /** Thread-local: the ID of the module that defines the symbol. */
  R_X86_64_DTPMOD64(EM_X86_64, 16),
  /** Thread-local: the offset in its module's TLS block, 64 bits. */
  R_X86_64_DTPOFF64(EM_X86_64, 17),
  /** Thread-local: the offset from the thread pointer, 64 bits. */
  R_X86_64_TPOFF64(EM_X86_64, 18),
  /** Thread-local, general dynamic: the GOT entry pair, PC-relative. */
  R_X86_64_TLSGD(EM_X86_64, 19, true),
  /** Thread-local, local dynamic: the module's GOT entry pair, PC-relative. */
  R_X86_64_TLSLD(EM_X86_64, 20, true),
  /** Thread-local: the offset in its module's TLS block, 32 bits. */
  R_X86_64_DTPOFF32(EM_X86_64, 21),
  /** Thread-local, initial exec: the GOT entry of the offset, PC-relative. */
  R_X86_64_GOTTPOFF(EM_X86_64, 22, true),
  /** Thread-local, local exec: the offset from the thread pointer, 32 bits. */
  R_X86_64_TPOFF32(EM_X86_64, 23),
  /** {@code S + A - P}, 64 bits. */
  R_X86_64_PC64(EM_X86_64, 24, true),
  /** {@code S + A - GOT}, 64 bits. */
  R_X86_64_GOTOFF64(EM_X86_64, 25),
  /** {@code GOT + A - P}, 32 bits. */
  R_X86_64_GOTPC32(EM_X86_64, 26, true),
  /** {@code G + A}: the offset of the symbol's GOT entry, 64 bits. */
  R_X86_64_GOT64(EM_X86_64, 27),
  /** {@code G + GOT + A - P}, 64 bits. */
  R_X86_64_GOTPCREL64(EM_X86_64, 28, true),
  /** {@code GOT + A - P}, 64 bits. */
  R_X86_64_GOTPC64(EM_X86_64, 29, true),
  /** {@code G + A}, 64 bits, for an entry the PLT also uses. */
  R_X86_64_GOTPLT64(EM_X86_64, 30),
  /** {@code L - GOT + A}, 64 bits. */
  R_X86_64_PLTOFF64(EM_X86_64, 31),
  /** {@code Z + A}: the symbol's size, 32 bits. */
  R_X86_64_SIZE32(EM_X86_64, 32),
  /** {@code Z + A}: the symbol's size, 64 bits. */
  R_X86_64_SIZE64(EM_X86_64, 33),
  /** Thread-local: the GOT entry of a TLS descriptor, PC-relative. */
  R_X86_64_GOTPC32_TLSDESC(EM_X86_64, 34, true),
  /** Thread-local: marks the call through a TLS descriptor; no field. */
  R_X86_64_TLSDESC_CALL(EM_X86_64, 35),
  /** Dynamic: a TLS descriptor. */
  R_X86_64_TLSDESC(EM_X86_64, 36),
  /** Dynamic: what the resolver function at {@code B + A} returns. */
  R_X86_64_IRELATIVE(EM_X86_64, 37),
  /** As {@code GOTPCREL}, in an instruction the linker may rewrite. */
  R_X86_64_GOTPCRELX(EM_X86_64, 41, true),
  /** As {@code GOTPCREL}, in a REX-prefixed instruction the linker may rewrite. */
  R_X86_64_REX_GOTPCRELX(EM_X86_64, 42, true),
  /** No relocation. */
  R_AARCH64_NONE(EM_AARCH64, 0x0),
  /** {@code S + A}, 64 bits. */
  R_AARCH64_ABS64(EM_AARCH64, 0x101),
  /** {@code S + A}, 32 bits. */
  R_AARCH64_ABS32(EM_AARCH64, 0x102),
  /** {@code S + A}, 16 bits. */
  R_AARCH64_ABS16(EM_AARCH64, 0x103),
  /** {@code S + A - P}, 64 bits. */
  R_AARCH64_PREL64(EM_AARCH64, 0x104),
  /** {@code S + A - P}, 32 bits. */
  R_AARCH64_PREL32(EM_AARCH64, 0x105),
  /** {@code S + A - P}, 16 bits. */
  R_AARCH64_PREL16(EM_AARCH64, 0x106),
  /** MOVZ: bits 15-0 of {@code S + A}, checked to fit. */
  R_AARCH64_MOVW_UABS_G0(EM_AARCH64, 0x107),
  /** MOVK: bits 15-0 of {@code S + A}, unchecked. */
  R_AARCH64_MOVW_UABS_G0_NC(EM_AARCH64, 0x108),
  /** MOVZ: bits 31-16 of {@code S + A}, checked to fit. */
  R_AARCH64_MOVW_UABS_G1(EM_AARCH64, 0x109),
  /** MOVK: bits 31-16 of {@code S + A}, unchecked. */
  R_AARCH64_MOVW_UABS_G1_NC(EM_AARCH64, 0x10a),
  /** MOVZ: bits 47-32 of {@code S + A}, checked to fit. */
  R_AARCH64_MOVW_UABS_G2(EM_AARCH64, 0x10b),
  /** MOVK: bits 47-32 of {@code S + A}, unchecked. */
  R_AARCH64_MOVW_UABS_G2_NC(EM_AARCH64, 0x10c),
  /** MOVZ: bits 63-48 of {@code S + A}. */
  R_AARCH64_MOVW_UABS_G3(EM_AARCH64, 0x10d),
  /** MOVZ or MOVN: bits 15-0 of {@code S + A}, checked to fit. */
  R_AARCH64_MOVW_SABS_G0(EM_AARCH64, 0x10e),
  /** MOVZ or MOVN: bits 31-16 of {@code S + A}, checked to fit. */
  R_AARCH64_MOVW_SABS_G1(EM_AARCH64, 0x10f),
  /** MOVZ or MOVN: bits 47-32 of {@code S + A}, checked to fit. */
  R_AARCH64_MOVW_SABS_G2(EM_AARCH64, 0x110),
  /** LDR (literal): {@code (S + A - P) >> 2}, 19 bits. */
  R_AARCH64_LD_PREL_LO19(EM_AARCH64, 0x111),
  /** ADR: {@code S + A - P}, 21 bits. */
  R_AARCH64_ADR_PREL_LO21(EM_AARCH64, 0x112),
  /** ADRP: {@code Page(S + A) - Page(P)}, checked to fit 21 bits of pages. */
  R_AARCH64_ADR_PREL_PG_HI21(EM_AARCH64, 0x113),
  /** ADRP: {@code Page(S + A) - Page(P)}, unchecked. */
  R_AARCH64_ADR_PREL_PG_HI21_NC(EM_AARCH64, 0x114),
  /** ADD: bits 11-0 of {@code S + A}. */
  R_AARCH64_ADD_ABS_LO12_NC(EM_AARCH64, 0x115),
  /** 8-bit load or store: bits 11-0 of {@code S + A}, scaled by the size. */
  R_AARCH64_LDST8_ABS_LO12_NC(EM_AARCH64, 0x116),
  /** TBZ or TBNZ: {@code (S + A - P) >> 2}, 14 bits. */
  R_AARCH64_TSTBR14(EM_AARCH64, 0x117),
  /** B.cond, CBZ or CBNZ: {@code (S + A - P) >> 2}, 19 bits. */
  R_AARCH64_CONDBR19(EM_AARCH64, 0x118),
  /** B: {@code (S + A - P) >> 2}, 26 bits. */
  R_AARCH64_JUMP26(EM_AARCH64, 0x11a),
  /** BL: {@code (S + A - P) >> 2}, 26 bits. */
  R_AARCH64_CALL26(EM_AARCH64, 0x11b),
  /** 16-bit load or store: bits 11-0 of {@code S + A}, scaled by the size. */
  R_AARCH64_LDST16_ABS_LO12_NC(EM_AARCH64, 0x11c),
  /** 32-bit load or store: bits 11-0 of {@code S + A}, scaled by the size. */
  R_AARCH64_LDST32_ABS_LO12_NC(EM_AARCH64, 0x11d),
  /** 64-bit load or store: bits 11-0 of {@code S + A}, scaled by the size. */
  R_AARCH64_LDST64_ABS_LO12_NC(EM_AARCH64, 0x11e),
  /** MOVZ or MOVN: bits 15-0 of {@code S + A - P}, checked to fit. */
  R_AARCH64_MOVW_PREL_G0(EM_AARCH64, 0x11f),
  /** MOVK: bits 15-0 of {@code S + A - P}, unchecked. */
  R_AARCH64_MOVW_PREL_G0_NC(EM_AARCH64, 0x120),
  /** MOVZ or MOVN: bits 31-16 of {@code S + A - P}, checked to fit. */
  R_AARCH64_MOVW_PREL_G1(EM_AARCH64, 0x121),
  /** MOVK: bits 31-16 of {@code S + A - P}, unchecked. */
  R_AARCH64_MOVW_PREL_G1_NC(EM_AARCH64, 0x122),
  /** MOVZ or MOVN: bits 47-32 of {@code S + A - P}, checked to fit. */
  R_AARCH64_MOVW_PREL_G2(EM_AARCH64, 0x123),
  /** MOVK: bits 47-32 of {@code S + A - P}, unchecked. */
  R_AARCH64_MOVW_PREL_G2_NC(EM_AARCH64, 0x124),
  /** MOVZ or MOVN: bits 63-48 of {@code S + A - P}. */
  R_AARCH64_MOVW_PREL_G3(EM_AARCH64, 0x125),
  /** 128-bit load or store: bits 11-0 of {@code S + A}, scaled by the size. */
  R_AARCH64_LDST128_ABS_LO12_NC(EM_AARCH64, 0x12b),
  /** MOVZ or MOVN: bits 15-0 of {@code G(GDAT(S + A)) - GOT}, checked to fit. */
  R_AARCH64_MOVW_GOTOFF_G0(EM_AARCH64, 0x12c),
  /** MOVK: bits 15-0 of {@code G(GDAT(S + A)) - GOT}, unchecked. */
  R_AARCH64_MOVW_GOTOFF_G0_NC(EM_AARCH64, 0x12d),
  /** MOVZ or MOVN: bits 31-16 of {@code G(GDAT(S + A)) - GOT}, checked to fit. */
  R_AARCH64_MOVW_GOTOFF_G1(EM_AARCH64, 0x12e),
  /** MOVK: bits 31-16 of {@code G(GDAT(S + A)) - GOT}, unchecked. */
  R_AARCH64_MOVW_GOTOFF_G1_NC(EM_AARCH64, 0x12f),
  /** MOVZ or MOVN: bits 47-32 of {@code G(GDAT(S + A)) - GOT}, checked to fit. */
  R_AARCH64_MOVW_GOTOFF_G2(EM_AARCH64, 0x130),
  /** MOVK: bits 47-32 of {@code G(GDAT(S + A)) - GOT}, unchecked. */
  R_AARCH64_MOVW_GOTOFF_G2_NC(EM_AARCH64, 0x131),
  /** MOVZ or MOVN: bits 63-48 of {@code G(GDAT(S + A)) - GOT}. */
  R_AARCH64_MOVW_GOTOFF_G3(EM_AARCH64, 0x132),
  /** {@code S + A - GOT}, 64 bits. */
  R_AARCH64_GOTREL64(EM_AARCH64, 0x133),
  /** {@code S + A - GOT}, 32 bits. */
  R_AARCH64_GOTREL32(EM_AARCH64, 0x134),
  /** LDR (literal) of the symbol's GOT entry: {@code G(GDAT(S + A)) - P}. */
  R_AARCH64_GOT_LD_PREL19(EM_AARCH64, 0x135),
  /** LDR: bits 14-3 of {@code G(GDAT(S + A)) - GOT}. */
  R_AARCH64_LD64_GOTOFF_LO15(EM_AARCH64, 0x136),
  /** ADRP of the GOT entry's page: {@code Page(G(GDAT(S + A))) - Page(P)}. */
  R_AARCH64_ADR_GOT_PAGE(EM_AARCH64, 0x137),
  /** LDR: bits 11-3 of the GOT entry's address {@code G(GDAT(S + A))}. */
  R_AARCH64_LD64_GOT_LO12_NC(EM_AARCH64, 0x138),
  /** LDR: bits 14-3 of {@code G(GDAT(S + A)) - Page(GOT)}. */
  R_AARCH64_LD64_GOTPAGE_LO15(EM_AARCH64, 0x139),
  /** {@code S + A - P}, 32 bits, through a PLT where needed. */
  R_AARCH64_PLT32(EM_AARCH64, 0x13a),
  /** {@code G(GDAT(S + A)) - P}: the symbol's GOT entry, PC-relative, 32 bits. */
  R_AARCH64_GOTPCREL32(EM_AARCH64, 0x13b),
  /** TLS GD: ADR of its GOT entry pair. */
  R_AARCH64_TLSGD_ADR_PREL21(EM_AARCH64, 0x200),
  /** TLS GD: ADRP of the page of its GOT entry pair. */
  R_AARCH64_TLSGD_ADR_PAGE21(EM_AARCH64, 0x201),
  /** TLS GD: ADD: bits 11-0 of the address of its GOT entry pair. */
  R_AARCH64_TLSGD_ADD_LO12_NC(EM_AARCH64, 0x202),
  /** TLS GD: MOVZ or MOVN: bits 31-16 of {@code G(GTLSIDX(S + A)) - GOT}, checked to fit. */
  R_AARCH64_TLSGD_MOVW_G1(EM_AARCH64, 0x203),
  /** TLS GD: MOVK: bits 15-0 of {@code G(GTLSIDX(S + A)) - GOT}, unchecked. */
  R_AARCH64_TLSGD_MOVW_G0_NC(EM_AARCH64, 0x204),
  /** TLS LD: ADR of the module's GOT entry pair. */
  R_AARCH64_TLSLD_ADR_PREL21(EM_AARCH64, 0x205),
  /** TLS LD: ADRP of the page of the module's GOT entry pair. */
  R_AARCH64_TLSLD_ADR_PAGE21(EM_AARCH64, 0x206),
  /** TLS LD: ADD: bits 11-0 of the address of the module's GOT entry pair. */
  R_AARCH64_TLSLD_ADD_LO12_NC(EM_AARCH64, 0x207),
  /** TLS LD: MOVZ or MOVN: bits 31-16 of {@code G(GTLSIDX(S + A)) - GOT}, checked to fit. */
  R_AARCH64_TLSLD_MOVW_G1(EM_AARCH64, 0x208),
  /** TLS LD: MOVK: bits 15-0 of {@code G(GTLSIDX(S + A)) - GOT}, unchecked. */
  R_AARCH64_TLSLD_MOVW_G0_NC(EM_AARCH64, 0x209),
  /** TLS LD: LDR (literal) of the module's GOT entry pair. */
  R_AARCH64_TLSLD_LD_PREL19(EM_AARCH64, 0x20a),
  /** TLS LD: MOVZ or MOVN of bits 47-32 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_MOVW_DTPREL_G2(EM_AARCH64, 0x20b),
  /** TLS LD: MOVZ or MOVN of bits 31-16 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_MOVW_DTPREL_G1(EM_AARCH64, 0x20c),
  /** TLS LD: MOVK of bits 31-16 of {@code DTPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLD_MOVW_DTPREL_G1_NC(EM_AARCH64, 0x20d),
  /** TLS LD: MOVZ or MOVN of bits 15-0 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_MOVW_DTPREL_G0(EM_AARCH64, 0x20e),
  /** TLS LD: MOVK of bits 15-0 of {@code DTPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLD_MOVW_DTPREL_G0_NC(EM_AARCH64, 0x20f),
  /** TLS LD: ADD of bits 23-12 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_ADD_DTPREL_HI12(EM_AARCH64, 0x210),
  /** TLS LD: ADD of bits 11-0 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_ADD_DTPREL_LO12(EM_AARCH64, 0x211),
  /** TLS LD: ADD of bits 11-0 of {@code DTPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLD_ADD_DTPREL_LO12_NC(EM_AARCH64, 0x212),
  /** TLS LD: 8-bit load or store, bits 11-0 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_LDST8_DTPREL_LO12(EM_AARCH64, 0x213),
  /** TLS LD: 8-bit load or store, bits 11-0 of {@code DTPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLD_LDST8_DTPREL_LO12_NC(EM_AARCH64, 0x214),
  /** TLS LD: 16-bit load or store, bits 11-0 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_LDST16_DTPREL_LO12(EM_AARCH64, 0x215),
  /** TLS LD: 16-bit load or store, bits 11-0 of {@code DTPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLD_LDST16_DTPREL_LO12_NC(EM_AARCH64, 0x216),
  /** TLS LD: 32-bit load or store, bits 11-0 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_LDST32_DTPREL_LO12(EM_AARCH64, 0x217),
  /** TLS LD: 32-bit load or store, bits 11-0 of {@code DTPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLD_LDST32_DTPREL_LO12_NC(EM_AARCH64, 0x218),
  /** TLS LD: 64-bit load or store, bits 11-0 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_LDST64_DTPREL_LO12(EM_AARCH64, 0x219),
  /** TLS LD: 64-bit load or store, bits 11-0 of {@code DTPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLD_LDST64_DTPREL_LO12_NC(EM_AARCH64, 0x21a),
  /** TLS IE: MOVZ or MOVN of bits 31-16 of {@code G(GTPREL(S + A)) - GOT}. */
  R_AARCH64_TLSIE_MOVW_GOTTPREL_G1(EM_AARCH64, 0x21b),
  /** TLS IE: MOVK of bits 15-0 of {@code G(GTPREL(S + A)) - GOT}. */
  R_AARCH64_TLSIE_MOVW_GOTTPREL_G0_NC(EM_AARCH64, 0x21c),
  /** TLS IE: ADRP of the page of {@code G(GTPREL(S + A))}. */
  R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21(EM_AARCH64, 0x21d),
  /** TLS IE: LDR: bits 11-3 of {@code G(GTPREL(S + A))}. */
  R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC(EM_AARCH64, 0x21e),
  /** TLS IE: LDR (literal) of {@code G(GTPREL(S + A))}. */
  R_AARCH64_TLSIE_LD_GOTTPREL_PREL19(EM_AARCH64, 0x21f),
  /** TLS LE: MOVZ or MOVN of bits 47-32 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_MOVW_TPREL_G2(EM_AARCH64, 0x220),
  /** TLS LE: MOVZ or MOVN of bits 31-16 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_MOVW_TPREL_G1(EM_AARCH64, 0x221),
  /** TLS LE: MOVK of bits 31-16 of {@code TPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLE_MOVW_TPREL_G1_NC(EM_AARCH64, 0x222),
  /** TLS LE: MOVZ or MOVN of bits 15-0 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_MOVW_TPREL_G0(EM_AARCH64, 0x223),
  /** TLS LE: MOVK of bits 15-0 of {@code TPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLE_MOVW_TPREL_G0_NC(EM_AARCH64, 0x224),
  /** TLS LE: ADD of bits 23-12 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_ADD_TPREL_HI12(EM_AARCH64, 0x225),
  /** TLS LE: ADD of bits 11-0 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_ADD_TPREL_LO12(EM_AARCH64, 0x226),
  /** TLS LE: ADD of bits 11-0 of {@code TPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLE_ADD_TPREL_LO12_NC(EM_AARCH64, 0x227),
  /** TLS LE: 8-bit load or store, bits 11-0 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_LDST8_TPREL_LO12(EM_AARCH64, 0x228),
  /** TLS LE: 8-bit load or store, bits 11-0 of {@code TPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLE_LDST8_TPREL_LO12_NC(EM_AARCH64, 0x229),
  /** TLS LE: 16-bit load or store, bits 11-0 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_LDST16_TPREL_LO12(EM_AARCH64, 0x22a),
  /** TLS LE: 16-bit load or store, bits 11-0 of {@code TPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLE_LDST16_TPREL_LO12_NC(EM_AARCH64, 0x22b),
  /** TLS LE: 32-bit load or store, bits 11-0 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_LDST32_TPREL_LO12(EM_AARCH64, 0x22c),
  /** TLS LE: 32-bit load or store, bits 11-0 of {@code TPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLE_LDST32_TPREL_LO12_NC(EM_AARCH64, 0x22d),
  /** TLS LE: 64-bit load or store, bits 11-0 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_LDST64_TPREL_LO12(EM_AARCH64, 0x22e),
  /** TLS LE: 64-bit load or store, bits 11-0 of {@code TPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLE_LDST64_TPREL_LO12_NC(EM_AARCH64, 0x22f),
  /** TLS desc: LDR (literal) of its descriptor's GOT entry. */
  R_AARCH64_TLSDESC_LD_PREL19(EM_AARCH64, 0x230),
  /** TLS desc: ADR of its descriptor's GOT entry. */
  R_AARCH64_TLSDESC_ADR_PREL21(EM_AARCH64, 0x231),
  /** TLS desc: ADRP of the page of its descriptor's GOT entry. */
  R_AARCH64_TLSDESC_ADR_PAGE21(EM_AARCH64, 0x232),
  /** TLS desc: LDR: bits 11-3 of the address of its descriptor's GOT entry. */
  R_AARCH64_TLSDESC_LD64_LO12(EM_AARCH64, 0x233),
  /** TLS desc: ADD: bits 11-0 of the address of its descriptor's GOT entry. */
  R_AARCH64_TLSDESC_ADD_LO12(EM_AARCH64, 0x234),
  /** TLS desc: MOVZ or MOVN: bits 31-16 of {@code G(GTLSDESC(S + A)) - GOT}, checked to fit. */
  R_AARCH64_TLSDESC_OFF_G1(EM_AARCH64, 0x235),
  /** TLS desc: MOVK: bits 15-0 of {@code G(GTLSDESC(S + A)) - GOT}, unchecked. */
  R_AARCH64_TLSDESC_OFF_G0_NC(EM_AARCH64, 0x236),
  /** Thread-local: marks the LDR of a TLS descriptor's function; no field. */
  R_AARCH64_TLSDESC_LDR(EM_AARCH64, 0x237),
  /** Thread-local: marks the ADD of a TLS descriptor's address; no field. */
  R_AARCH64_TLSDESC_ADD(EM_AARCH64, 0x238),
  /** Thread-local: marks the call through a TLS descriptor; no field. */
  R_AARCH64_TLSDESC_CALL(EM_AARCH64, 0x239),
  /** TLS LE: 128-bit load or store, bits 11-0 of {@code TPREL(S + A)}. */
  R_AARCH64_TLSLE_LDST128_TPREL_LO12(EM_AARCH64, 0x23a),
  /** TLS LE: 128-bit load or store, bits 11-0 of {@code TPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLE_LDST128_TPREL_LO12_NC(EM_AARCH64, 0x23b),
  /** TLS LD: 128-bit load or store, bits 11-0 of {@code DTPREL(S + A)}. */
  R_AARCH64_TLSLD_LDST128_DTPREL_LO12(EM_AARCH64, 0x23c),
  /** TLS LD: 128-bit load or store, bits 11-0 of {@code DTPREL(S + A)}, unchecked. */
  R_AARCH64_TLSLD_LDST128_DTPREL_LO12_NC(EM_AARCH64, 0x23d),
  /** {@code S + A}, 64 bits, signed with a pointer authentication key. */
  R_AARCH64_AUTH_ABS64(EM_AARCH64, 0x244),
  /** Dynamic: copy the symbol's data into the executable. */
  R_AARCH64_COPY(EM_AARCH64, 0x400),
  /** Dynamic: a GOT entry set to {@code S + A}. */
  R_AARCH64_GLOB_DAT(EM_AARCH64, 0x401),
  /** Dynamic: a PLT's GOT entry set to {@code S + A}. */
  R_AARCH64_JUMP_SLOT(EM_AARCH64, 0x402),
  /** Dynamic: {@code Delta(S) + A}, the load base plus the addend. */
  R_AARCH64_RELATIVE(EM_AARCH64, 0x403),
  /** Dynamic, thread-local: the ID of the module that defines the symbol. */
  R_AARCH64_TLS_DTPMOD64(EM_AARCH64, 0x404),
  /** Dynamic, thread-local: the offset in its module's TLS block. */
  R_AARCH64_TLS_DTPREL64(EM_AARCH64, 0x405),
  /** Dynamic, thread-local: the offset from the thread pointer. */
  R_AARCH64_TLS_TPREL64(EM_AARCH64, 0x406),
  /** Dynamic: a TLS descriptor. */
  R_AARCH64_TLSDESC(EM_AARCH64, 0x407),
  /** Dynamic: what the resolver function at {@code Delta(S) + A} returns. */
  R_AARCH64_IRELATIVE(EM_AARCH64, 0x408),
  /** Dynamic: {@code Delta(S) + A}, signed with a pointer authentication key. */
  R_AARCH64_AUTH_RELATIVE(EM_AARCH64, 0x411);

  private static final Map<Integer, Map<Integer, ElfRelocationType>> BY_MACHINE =
      RelocationType.byMachine(values());

  private final int machine;
  private final int number;
  /**
   * Whether the field is an x86-64 displacement inside an instruction: its {@link
   * Relocation#pcBias()} depends on what follows the field, which ELF does not record.
   */
  private final boolean displacement;

  ElfRelocationType(int machine, int number) {
    this(machine, number, false);
  }

  ElfRelocationType(int machine, int number, boolean displacement) {
    this.machine = machine;
    this.number = number;
    this.displacement = displacement;
  }

  // the accessors repeat in each format's table: an enum cannot inherit fields
  @Override
  public int machine() {
    return machine;
  }

  @Override
  public int number() {
    return number;
  }

  /** The {@link Relocation#pcBias()} of {@code type} on {@code machine} in code or data. */
  static int pcBias(int machine, int type, boolean inCode) {
    ElfRelocationType known = BY_MACHINE.get(machine).get(type);
    boolean open = inCode && known != null && known.displacement;
    return open ? Relocation.UNKNOWN_PC_BIAS : 0; // AArch64 counts from the instruction itself
  }

  /** LLVM's name of relocation {@code type} on {@code machine}, or "unknown type 0x..". */
  static String name(int machine, int type) {
    return RelocationType.name(BY_MACHINE.get(machine).get(type), type);
  }
}
