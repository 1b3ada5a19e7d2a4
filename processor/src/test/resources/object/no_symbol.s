# Relocations with r_sym = 0 (no symbol): the value is the addend alone.
  .text
  .globl start
start:
  nop
  .quad 0
  .reloc 1, R_X86_64_NONE
  .reloc 1, R_X86_64_64, 5
