# References with known offsets for CoffReaderAddendTest. Each relocated line ends with
# "=> TYPE SYMBOL ADDEND": the relocation CoffReader must report, with the addend an ELF
# RELA entry would carry (PC-relative ones count from the start of the field).
  .text
  .globl start
start:
  leaq sym+0x10(%rip), %rax         # => IMAGE_REL_AMD64_REL32 sym 12
  callq sym                         # => IMAGE_REL_AMD64_REL32 sym -4
  jmp sym                           # => IMAGE_REL_AMD64_REL32 sym -4
  # An immediate follows the field, so the CPU counts from 4 (or 1) bytes further.
  movl $5, sym+8(%rip)              # => IMAGE_REL_AMD64_REL32 sym 0
  cmpb $1, sym-3(%rip)              # => IMAGE_REL_AMD64_REL32 sym -8
  movq __imp_sym(%rip), %rax        # => IMAGE_REL_AMD64_REL32 __imp_sym -4
  movabsq $sym+0x20, %rax           # => IMAGE_REL_AMD64_ADDR64 sym 32
  # A local label is its section's symbol plus the label's offset.
  leaq .Lhello+2(%rip), %rcx        # => IMAGE_REL_AMD64_REL32 .rdata 2

  .data
  .quad sym+5                       # => IMAGE_REL_AMD64_ADDR64 sym 5
  .quad sym-5                       # => IMAGE_REL_AMD64_ADDR64 sym -5
  .quad .Lhello+1                   # => IMAGE_REL_AMD64_ADDR64 .rdata 5
  .long sym+7                       # => IMAGE_REL_AMD64_ADDR32 sym 7
  .long sym-4                       # => IMAGE_REL_AMD64_ADDR32 sym -4
  .rva sym+9                        # => IMAGE_REL_AMD64_ADDR32NB sym 9
  .long sym-.+8                     # => IMAGE_REL_AMD64_REL32 sym 8
  .secrel32 sym+3                   # => IMAGE_REL_AMD64_SECREL sym 3
  .secidx sym                       # => IMAGE_REL_AMD64_SECTION sym 0

  .section .rdata,"dr"
  .ascii "abcd"
.Lhello:
  .asciz "hello"
