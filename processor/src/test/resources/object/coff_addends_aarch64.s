// References with known offsets for CoffReaderAddendTest. Each relocated line ends with
// "=> TYPE SYMBOL ADDEND": the relocation CoffReader must report, with the addend an ELF
// RELA entry would carry. The low-12-bit forms keep only the offset's low 12 bits.
  .text
  .globl start
start:
  adrp x0, sym+0x1234               // => IMAGE_REL_ARM64_PAGEBASE_REL21 sym 0x1234
  add x0, x0, :lo12:sym+0x1234      // => IMAGE_REL_ARM64_PAGEOFFSET_12A sym 0x234
  ldr x1, [x0, :lo12:sym+0x1238]    // => IMAGE_REL_ARM64_PAGEOFFSET_12L sym 0x238
  ldr w1, [x0, :lo12:sym+0x234]     // => IMAGE_REL_ARM64_PAGEOFFSET_12L sym 0x234
  ldrh w1, [x0, :lo12:sym+0x232]    // => IMAGE_REL_ARM64_PAGEOFFSET_12L sym 0x232
  ldrb w1, [x0, :lo12:sym+0x231]    // => IMAGE_REL_ARM64_PAGEOFFSET_12L sym 0x231
  ldr q1, [x0, :lo12:sym+0x1230]    // => IMAGE_REL_ARM64_PAGEOFFSET_12L sym 0x230
  ldr d1, [x0, :lo12:sym+0x238]     // => IMAGE_REL_ARM64_PAGEOFFSET_12L sym 0x238
  str s1, [x0, :lo12:sym+0x234]     // => IMAGE_REL_ARM64_PAGEOFFSET_12L sym 0x234
  adrp x0, sym-0x1000               // => IMAGE_REL_ARM64_PAGEBASE_REL21 sym -0x1000
  adr x0, sym+24                    // => IMAGE_REL_ARM64_REL21 sym 24
  // LLVM writes no offset into branches (CoffReaderAddendTest patches some in).
  b sym                             // => IMAGE_REL_ARM64_BRANCH26 sym 0
  bl sym                            // => IMAGE_REL_ARM64_BRANCH26 sym 0
  b.eq sym                          // => IMAGE_REL_ARM64_BRANCH19 sym 0
  cbz x0, sym                       // => IMAGE_REL_ARM64_BRANCH19 sym 0
  tbz x0, #3, sym                   // => IMAGE_REL_ARM64_BRANCH14 sym 0
  adrp x16, __imp_sym               // => IMAGE_REL_ARM64_PAGEBASE_REL21 __imp_sym 0
  ldr x16, [x16, :lo12:__imp_sym]   // => IMAGE_REL_ARM64_PAGEOFFSET_12L __imp_sym 0
  // A local label is its section's symbol plus the label's offset.
  adrp x0, .Lhello+2                // => IMAGE_REL_ARM64_PAGEBASE_REL21 .rdata 6
  add x0, x0, :lo12:.Lhello+2       // => IMAGE_REL_ARM64_PAGEOFFSET_12A .rdata 6
  // ADRP's immediate is a byte offset in COFF (lld adds it to S before taking the page).
  adrp x0, .Lhello-0x100004         // => IMAGE_REL_ARM64_PAGEBASE_REL21 .rdata -0x100000
  adrp x0, .Lhello+0xffffb          // => IMAGE_REL_ARM64_PAGEBASE_REL21 .rdata 0xfffff

  .data
  .quad sym+5                       // => IMAGE_REL_ARM64_ADDR64 sym 5
  .quad sym-5                       // => IMAGE_REL_ARM64_ADDR64 sym -5
  .word sym+7                       // => IMAGE_REL_ARM64_ADDR32 sym 7
  .word sym-.+8                     // => IMAGE_REL_ARM64_REL32 sym 8
  .rva sym+9                        // => IMAGE_REL_ARM64_ADDR32NB sym 9
  .secrel32 sym+3                   // => IMAGE_REL_ARM64_SECREL sym 3
  .secidx sym                       // => IMAGE_REL_ARM64_SECTION sym 0

  .section .rdata,"dr"
  .ascii "abcd"
.Lhello:
  .asciz "hello"
