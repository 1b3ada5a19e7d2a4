/*
 * Runs Csmith programs built as stencils, each in a child process, and prints one line per
 * program: "NAME VALUE <checksum>", "NAME EMIT-ERROR", "NAME TIMEOUT" or "NAME CRASH <signal>".
 *
 * Built by the differential test once per library and triple, with
 *   -DFUZZ_HEADER="<the triple's header>"  the generated stencils,
 *   -DFUZZ_EMITTERS=fuzz_emit_A,fuzz_emit_B  the stencils to run, in enum order,
 *   -DFUZZ_SYMBOLS=.memcpy=fuzz_memcpy,...  the header's symbols, from the helpers below,
 *   -DFUZZ_ABI=__attribute__((ms_abi))  for x86-64 Windows code, which runs here natively but
 *                                       expects the Windows calling convention,
 * and run as "driver SECONDS": each stencil is emitted into fresh pages (code read-only and
 * executable, data writable and never executable, 16-byte aligned) and called with no argument;
 * it returns the program's checksum.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include FUZZ_HEADER

#ifndef FUZZ_ABI
#define FUZZ_ABI
#endif

/* The C library's memory functions, in the calling convention the stencils call with. */
FUZZ_ABI void *fuzz_memcpy(void *to, const void *from, size_t size) {
  return memcpy(to, from, size);
}
FUZZ_ABI void *fuzz_memmove(void *to, const void *from, size_t size) {
  return memmove(to, from, size);
}
FUZZ_ABI void *fuzz_memset(void *to, int byte, size_t size) {
  return memset(to, byte, size);
}

#if defined(__i386__)
/* MSVC's 32-bit x86 helpers for 64-bit arithmetic, which i686 Windows code calls. Division,
   remainder and multiplication take both operands on the stack and pop them (stdcall); shifts
   take the value in EDX:EAX and the count in CL. Every result is in EDX:EAX. */
__attribute__((stdcall)) int64_t fuzz_alldiv(int64_t a, int64_t b) { return a / b; }
__attribute__((stdcall)) int64_t fuzz_allrem(int64_t a, int64_t b) { return a % b; }
__attribute__((stdcall)) uint64_t fuzz_aulldiv(uint64_t a, uint64_t b) { return a / b; }
__attribute__((stdcall)) uint64_t fuzz_aullrem(uint64_t a, uint64_t b) { return a % b; }
__attribute__((stdcall)) int64_t fuzz_allmul(int64_t a, int64_t b) {
  return (int64_t)((uint64_t)a * (uint64_t)b);
}
void fuzz_allshl(void);
void fuzz_allshr(void);
void fuzz_aullshr(void);
void fuzz_chkstk(void);
/* Counts of 64 or more are undefined in C; these take them modulo 64. _chkstk (EAX: the frame
   size) lowers ESP itself and returns to its caller below the new frame; Linux stacks need no
   page-by-page probe. */
__asm__(".text\n"
        "fuzz_allshl:\n"
        "  shldl %cl, %eax, %edx\n"
        "  shll %cl, %eax\n"
        "  testb $32, %cl\n"
        "  je 1f\n"
        "  movl %eax, %edx\n"
        "  xorl %eax, %eax\n"
        "1:ret\n"
        "fuzz_allshr:\n"
        "  shrdl %cl, %edx, %eax\n"
        "  sarl %cl, %edx\n"
        "  testb $32, %cl\n"
        "  je 1f\n"
        "  movl %edx, %eax\n"
        "  sarl $31, %edx\n"
        "1:ret\n"
        "fuzz_aullshr:\n"
        "  shrdl %cl, %edx, %eax\n"
        "  shrl %cl, %edx\n"
        "  testb $32, %cl\n"
        "  je 1f\n"
        "  movl %edx, %eax\n"
        "  xorl %edx, %edx\n"
        "1:ret\n"
        "fuzz_chkstk:\n"
        "  pushl %ecx\n"
        "  leal 8(%esp), %ecx\n"
        "  subl %eax, %ecx\n"
        "  movl %esp, %eax\n"
        "  movl %ecx, %esp\n"
        "  movl (%eax), %ecx\n"
        "  movl 4(%eax), %eax\n"
        "  jmp *%eax\n");
#else
/* x86-64 and AArch64 Windows code probes large frames with __chkstk, which only touches each
   page (the caller moves the stack pointer): Linux stacks grow without it. */
void fuzz_chkstk(void);
__asm__(".text\nfuzz_chkstk:\n  ret\n");
#endif

typedef uint32_t(FUZZ_ABI *entry)(void);
typedef int (*emitter)(unsigned char *code, unsigned char *data, const fuzz_symbols *symbols);

static const emitter emitters[] = {FUZZ_EMITTERS};

static size_t pages(size_t size) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  return (size + page) / page * page;
}

/* In the child: emit, protect, call, print. */
static void run(int index, const fuzz_symbols *symbols) {
  const fuzz_stencil_info *info = &fuzz_stencils[index];
  size_t code_size = pages(info->code_size), data_size = pages(info->data_size);
  unsigned char *code = mmap(NULL, code_size, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  unsigned char *data = mmap(NULL, data_size, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (code == MAP_FAILED || data == MAP_FAILED) {
    printf("%s CRASH mmap\n", info->name);
    return;
  }
  if (emitters[index](code, data, symbols) != 0) {
    printf("%s EMIT-ERROR\n", info->name);
    return;
  }
  __builtin___clear_cache((char *)code, (char *)code + code_size);
  if (mprotect(code, code_size, PROT_READ | PROT_EXEC) != 0) {
    printf("%s CRASH mprotect\n", info->name);
    return;
  }
  uint32_t checksum = ((entry)(void *)code)();
  printf("%s VALUE %u\n", info->name, (unsigned)checksum);
}

int main(int argc, char **argv) {
  unsigned seconds = argc > 1 ? (unsigned)atoi(argv[1]) : 10;
  const fuzz_symbols symbols = {FUZZ_SYMBOLS};
  int count = (int)(sizeof emitters / sizeof emitters[0]);
  for (int i = 0; i < count; i++) {
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
      alarm(seconds);
      run(i, &symbols);
      fflush(stdout);
      _exit(0);
    }
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) != child) {
      printf("%s CRASH fork\n", fuzz_stencils[i].name);
    } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
      printf("%s TIMEOUT\n", fuzz_stencils[i].name);
    } else if (WIFSIGNALED(status)) {
      printf("%s CRASH signal %d\n", fuzz_stencils[i].name, WTERMSIG(status));
    } else if (WEXITSTATUS(status) != 0) {
      printf("%s CRASH exit %d\n", fuzz_stencils[i].name, WEXITSTATUS(status));
    }
  }
  return 0;
}
