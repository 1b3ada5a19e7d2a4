# Mach-O x86-64 relocations with known addends (MachOReaderAddendTest). Each comment gives the
# relocation and its ELF-equivalent addend A: S + A (absolute) or S + A - P (PC-relative), S the
# symbol, or the start of the section for a section-based relocation. Ldata is at offset 8 of
# __mydata, which has no other label, so references to it are section-based. The lines marked
# "Mach-O only" are left out of the ELF cross-check, where they mean something else or do not
# assemble; they come last in their section, so that the other lines keep their offsets.
  .text
  .globl _f
_f:
  leaq _sym+16(%rip), %rax         # SIGNED _sym 12: 16 from the end of the field
  movl $5, _sym(%rip)               # SIGNED_4 _sym -8: a 4-byte immediate follows the field
  movb $5, _sym(%rip)               # SIGNED_1 _sym -5
  movw $5, _sym(%rip)               # SIGNED_2 _sym -6
  movl $5, _sym+8(%rip)             # SIGNED _sym 0
  movb $5, Ldata+8(%rip)            # SIGNED __mydata 11 = 8 + 8 - 4 - 1
  movw $5, Ldata(%rip)              # SIGNED_2 __mydata 2
  movl $5, Ldata(%rip)              # SIGNED_4 __mydata 0
  leaq Ldata+3(%rip), %rax          # SIGNED __mydata 7
  callq _sym                        # BRANCH _sym -4
  callq _sym+8                      # BRANCH _sym 4
  jmp _sym                          # BRANCH _sym -4
  movq _sym@GOTPCREL(%rip), %rax    # GOT_LOAD _sym -4
  callq *_sym@GOTPCREL(%rip)        # GOT _sym -4
  movq _tlv@TLVP(%rip), %rdi        # TLV _tlv -4; Mach-O only
  ret

  .section __DATA,__mydata
  .quad 0
Ldata:
  .quad _sym+5                      # UNSIGNED _sym 5
  .quad Ldata+3                     # UNSIGNED __mydata 11
  .long _sym+7                      # UNSIGNED _sym 7 (4 bytes)
  .long Ldata+1                     # UNSIGNED __mydata 9 (4 bytes)
  .quad _f+6                        # UNSIGNED _f 6
  .quad Ldata-_f+2                  # SUBTRACTOR _f 0, UNSIGNED __mydata 10; Mach-O only
  .long Ldata-_f                    # SUBTRACTOR _f 0, UNSIGNED __mydata 8 (4 bytes); Mach-O only
  .quad _f-Ldata+5                  # SUBTRACTOR __mydata 0, UNSIGNED _f -3; Mach-O only
  .long _sym@GOTPCREL               # GOT _sym -4, from the end of the field; Mach-O only

# An absolute symbol.
  .globl _absolute
_absolute = 0x1234

# A second code section, not at address 0, where P's address matters to section-based
# displacements.
  .section __TEXT,__more,regular,pure_instructions  # Mach-O only
  movl $5, Ldata(%rip)              # SIGNED_4 __mydata 0; Mach-O only
  leaq Ldata+3(%rip), %rax          # SIGNED __mydata 7; Mach-O only
