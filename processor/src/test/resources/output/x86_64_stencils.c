// Emits the hand-assembled stencils of X86TestStencils through the generated header "test_vm.h",
// runs them and checks what they return, and checks that emitting fails, without patching,
// when a value does not fit its hole. Valid C11 and C++17, for x86-64 Linux. Prints what the
// stencils returned and "ok"; any failed check prints "FAIL" and makes the exit status 1.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "test_vm.h"

typedef uint64_t (*fn0)(void);
typedef uint64_t (*fn1)(uint64_t);

#define REGION_HALF ((size_t)1 << 16)
#define CHECK(condition) check((condition), #condition, __LINE__)

static int failures;
static unsigned char *next_code;
static unsigned char *next_data;

static void check(int ok, const char *what, int line) {
  if (!ok) {
    printf("FAIL line %d: %s\n", line, what);
    failures++;
  }
}

// Reached from CALL_GOT through its GOT slot.
static uint64_t scale(uint64_t x) {
  return 3 * x + 1;
}

static unsigned char *take_code(size_t size) {
  unsigned char *at = next_code;
  next_code += size;
  return at;
}

static unsigned char *take_data(size_t size) {
  unsigned char *at = next_data;
  size_t alignment = TEST_VM_DATA_ALIGNMENT;
  next_data += (size + alignment - 1) / alignment * alignment;
  return at;
}

static int zero_bytes(const unsigned char *at, size_t size) {
  size_t i;
  for (i = 0; i < size; i++) {
    if (at[i] != 0) {
      return 0;
    }
  }
  return 1;
}

static fn0 as_fn0(const unsigned char *code) {
  return (fn0)(uintptr_t)code;
}

static fn1 as_fn1(const unsigned char *code) {
  return (fn1)(uintptr_t)code;
}

// Emits CALL_NEAR with its callee displacement bytes after the call instruction and says
// whether that worked; the hole must keep the template's zeros when it did not.
static int call_near_reaches(int64_t displacement) {
  test_vm_symbols symbols;
  unsigned char *code = take_code(TEST_VM_CALL_NEAR_CODE_SIZE);
  int result;
  memset(&symbols, 0, sizeof symbols);
  symbols.new_ = (const void *)((uintptr_t)code + 9 + (uintptr_t)displacement);
  result = test_vm_emit_CALL_NEAR(code, take_data(0), &symbols);
  CHECK(result == 0 || zero_bytes(code + 5, 4));
  return result == 0;
}

int main(void) {
  unsigned char *region = (unsigned char *)mmap(NULL, 2 * REGION_HALF, PROT_READ | PROT_WRITE,
      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  test_vm_symbols symbols;
  unsigned char *load_imm, *load_data, *call_got, *call_near, *self, *chain, *link;
  unsigned char *u32_max, *u32_over, *s32_min, *s32_negative, *s32_over, *sub2;

  if (region == MAP_FAILED) {
    perror("mmap");
    return 2;
  }
  next_code = region;
  next_data = region + REGION_HALF;
  memset(&symbols, 0, sizeof symbols);
  symbols.scale = (const void *)(uintptr_t)&scale;

  CHECK(strcmp(TEST_VM_TRIPLE, "x86_64-unknown-linux-gnu") == 0);
  CHECK(TEST_VM_STENCIL_COUNT == 11);
  CHECK(strcmp(test_vm_stencils[TEST_VM_STENCIL_LOAD_DATA].name, "LOAD_DATA") == 0);
  CHECK(test_vm_stencils[TEST_VM_STENCIL_LOAD_DATA].code_size == 15);
  CHECK(test_vm_stencils[TEST_VM_STENCIL_LOAD_DATA].data_size == 16);

  load_imm = take_code(TEST_VM_LOAD_IMM_CODE_SIZE);
  CHECK(test_vm_emit_LOAD_IMM(load_imm, take_data(TEST_VM_LOAD_IMM_DATA_SIZE), &symbols, 37)
      == 0);

  load_data = take_code(TEST_VM_LOAD_DATA_CODE_SIZE);
  CHECK(test_vm_emit_LOAD_DATA(load_data, take_data(TEST_VM_LOAD_DATA_DATA_SIZE), &symbols,
      0x100) == 0);

  call_got = take_code(TEST_VM_CALL_GOT_CODE_SIZE);
  CHECK(test_vm_emit_CALL_GOT(call_got, take_data(TEST_VM_CALL_GOT_DATA_SIZE), &symbols) == 0);

  // CALL_NEAR calls LOAD_IMM directly: in range, as it is in the same region.
  symbols.new_ = load_imm;
  call_near = take_code(TEST_VM_CALL_NEAR_CODE_SIZE);
  CHECK(test_vm_emit_CALL_NEAR(call_near, take_data(0), &symbols) == 0);

  // The displacement must fit in an int32_t.
  CHECK(call_near_reaches(INT64_C(0x7fffffff)));
  CHECK(!call_near_reaches(INT64_C(0x80000000)));
  CHECK(call_near_reaches(INT64_C(-0x80000000)));
  CHECK(!call_near_reaches(INT64_C(-0x80000001)));
  CHECK(!call_near_reaches(INT64_C(3) << 30));
  CHECK(!call_near_reaches(-(INT64_C(3) << 30)));

  self = take_code(TEST_VM_RETURN_SELF_CODE_SIZE);
  CHECK(test_vm_emit_RETURN_SELF(self, take_data(0), &symbols) == 0);

  // ADD_ONE, ADD_ONE, EMPTY, RETURN_ARG: each jumps to its CONTINUE, where the next one starts.
  chain = take_code(2 * TEST_VM_ADD_ONE_CODE_SIZE + TEST_VM_EMPTY_CODE_SIZE
      + TEST_VM_RETURN_ARG_CODE_SIZE);
  link = chain;
  CHECK(test_vm_emit_ADD_ONE(link, take_data(0), &symbols) == 0);
  link += TEST_VM_ADD_ONE_CODE_SIZE;
  CHECK(test_vm_emit_ADD_ONE(link, take_data(0), &symbols) == 0);
  link += TEST_VM_ADD_ONE_CODE_SIZE;
  CHECK(test_vm_emit_EMPTY(link, take_data(TEST_VM_EMPTY_DATA_SIZE), &symbols) == 0);
  link += TEST_VM_EMPTY_CODE_SIZE;
  CHECK(test_vm_emit_RETURN_ARG(link, take_data(0), &symbols) == 0);

  u32_max = take_code(TEST_VM_LOAD_U32_CODE_SIZE);
  CHECK(test_vm_emit_LOAD_U32(u32_max, take_data(0), &symbols, UINT64_C(0xffffffff)) == 0);
  u32_over = take_code(TEST_VM_LOAD_U32_CODE_SIZE);
  CHECK(test_vm_emit_LOAD_U32(u32_over, take_data(0), &symbols, UINT64_C(0x100000000)) == -1);
  CHECK(zero_bytes(u32_over + 1, 4));
  CHECK(test_vm_emit_LOAD_U32(u32_over, take_data(0), &symbols, UINT64_MAX) == -1);
  CHECK(zero_bytes(u32_over + 1, 4));

  s32_min = take_code(TEST_VM_LOAD_S32_CODE_SIZE);
  CHECK(test_vm_emit_LOAD_S32(s32_min, take_data(0), &symbols, (uint64_t)INT64_C(-0x80000000))
      == 0);
  s32_negative = take_code(TEST_VM_LOAD_S32_CODE_SIZE);
  CHECK(test_vm_emit_LOAD_S32(s32_negative, take_data(0), &symbols, (uint64_t)INT64_C(-5)) == 0);
  s32_over = take_code(TEST_VM_LOAD_S32_CODE_SIZE);
  CHECK(test_vm_emit_LOAD_S32(s32_over, take_data(0), &symbols, UINT64_C(0x80000000)) == -1);
  CHECK(test_vm_emit_LOAD_S32(s32_over, take_data(0), &symbols, (uint64_t)INT64_C(-0x80000001))
      == -1);
  CHECK(zero_bytes(s32_over + 3, 4));
  CHECK(test_vm_emit_LOAD_S32(s32_over, take_data(0), &symbols, UINT64_C(0x7fffffff)) == 0);

  // SUB2 returns B - ERR: the emitter takes the parameters in sorted order, b then err_.
  sub2 = take_code(TEST_VM_SUB2_CODE_SIZE);
  CHECK(test_vm_emit_SUB2(sub2, take_data(0), &symbols, 50, 8) == 0);

  if (mprotect(region, REGION_HALF, PROT_READ | PROT_EXEC) != 0) {
    perror("mprotect");
    return 2;
  }
  printf("LOAD_IMM 0x%" PRIx64 "\n", as_fn0(load_imm)());
  printf("LOAD_DATA 0x%" PRIx64 "\n", as_fn0(load_data)());
  printf("CALL_GOT 0x%" PRIx64 "\n", as_fn1(call_got)(0x10));
  printf("CALL_NEAR 0x%" PRIx64 "\n", as_fn0(call_near)());
  CHECK(as_fn0(self)() == (uint64_t)(uintptr_t)self + 0x10);
  printf("ADD_ONE ADD_ONE EMPTY RETURN_ARG 0x%" PRIx64 "\n", as_fn1(chain)(0x28));
  printf("LOAD_U32 0x%" PRIx64 "\n", as_fn0(u32_max)());
  printf("LOAD_S32 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64 "\n", as_fn0(s32_min)(),
      as_fn0(s32_negative)(), as_fn0(s32_over)());
  printf("SUB2 0x%" PRIx64 "\n", as_fn0(sub2)());
  if (failures != 0) {
    return 1;
  }
  printf("ok\n");
  return 0;
}
