// Mach-O arm64 relocations with known addends (MachOReaderAddendTest). Each comment gives the
// relocation and its ELF-equivalent addend, which an ARM64_RELOC_ADDEND entry carries for the
// instruction types. LLVM makes every relocation symbol-based: Ldata, at offset 8 of __mydata,
// is reached through ltmp1, the label LLVM puts at the section's start.
  .text
  .globl _f
_f:
  adrp x0, _sym@PAGE                // PAGE21 _sym 0
  add x0, x0, _sym@PAGEOFF          // PAGEOFF12 _sym 0
  adrp x0, _sym+16@PAGE             // PAGE21 _sym 16
  add x0, x0, _sym+16@PAGEOFF       // PAGEOFF12 _sym 16
  ldr x1, [x0, _sym+0x1238@PAGEOFF] // PAGEOFF12 _sym 0x1238
  adrp x0, _sym+0x7fffff@PAGE       // PAGE21 _sym 0x7fffff, the largest ADDEND
  bl _sym                           // BRANCH26 _sym 0
  bl _sym+8                         // BRANCH26 _sym 8
  b _sym                            // BRANCH26 _sym 0
  adrp x0, _sym@GOTPAGE             // GOT_LOAD_PAGE21 _sym 0
  ldr x0, [x0, _sym@GOTPAGEOFF]     // GOT_LOAD_PAGEOFF12 _sym 0
  adrp x0, Ldata@PAGE               // PAGE21 ltmp1 8
  add x0, x0, Ldata+4@PAGEOFF       // PAGEOFF12 ltmp1 12
  adrp x0, _tlv@TLVPPAGE            // TLVP_LOAD_PAGE21 _tlv 0
  ldr x0, [x0, _tlv@TLVPPAGEOFF]    // TLVP_LOAD_PAGEOFF12 _tlv 0
  ret

  .section __DATA,__mydata
  .quad 0
Ldata:
  .quad _sym+5                      // UNSIGNED _sym 5
  .quad Ldata+3                     // UNSIGNED ltmp1 11
  .long _sym+7                      // UNSIGNED _sym 7 (4 bytes)
  .quad Ldata-_f+2                  // SUBTRACTOR _f 0, UNSIGNED ltmp1 10
  .long Ldata-_f                    // SUBTRACTOR _f 0, UNSIGNED ltmp1 8 (4 bytes)
  .long _sym@GOT-.                  // POINTER_TO_GOT _sym 0
