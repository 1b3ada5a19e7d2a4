# References with known offsets for CoffReaderAddendTest. Each relocated line ends with
# "=> TYPE SYMBOL ADDEND": the relocation CoffReader must report, with the addend an ELF
# RELA entry would carry (PC-relative ones count from the start of the field).
  .text
  .globl start
start:
  movl sym+8, %eax                  # => IMAGE_REL_I386_DIR32 sym 8
  movl $sym-4, %eax                 # => IMAGE_REL_I386_DIR32 sym -4
  calll sym                         # => IMAGE_REL_I386_REL32 sym -4
  jmp sym                           # => IMAGE_REL_I386_REL32 sym -4
  movl __imp_sym, %eax              # => IMAGE_REL_I386_DIR32 __imp_sym 0
  # A local label (spelled L... on i386) is its section's symbol plus the label's offset.
  movl $Lhello+2, %ecx              # => IMAGE_REL_I386_DIR32 .rdata 6

  .data
  .long sym+5                       # => IMAGE_REL_I386_DIR32 sym 5
  .long sym-.+8                     # => IMAGE_REL_I386_REL32 sym 8
  .rva sym+9                        # => IMAGE_REL_I386_DIR32NB sym 9
  .secrel32 sym+3                   # => IMAGE_REL_I386_SECREL sym 3
  .secidx sym                       # => IMAGE_REL_I386_SECTION sym 0

  .section .rdata,"dr"
  .ascii "abcd"
Lhello:
  .asciz "hello"
