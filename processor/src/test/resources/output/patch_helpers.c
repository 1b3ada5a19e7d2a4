// Checks the generated patch helpers of STENCIL_HEADER (a per-triple header, named on the command
// line) at the edges of their ranges: on a 64-bit host, and on a 32-bit one (gcc -m32 under
// qemu-i386), where a REL_32 displacement wraps around the address space. Valid C11 and C++17.
// Prints "ok" and the host's pointer width; any failed check prints "FAIL" and exits 1.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include STENCIL_HEADER

#define CHECK(condition) check((condition), #condition, __LINE__)

static int failures;
static unsigned char hole[8];

static void check(int ok, const char *what, int line) {
  if (!ok) {
    printf("FAIL line %d: %s\n", line, what);
    failures++;
  }
}

static void clear(void) {
  memset(hole, 0xaa, sizeof hole);
}

// Whether the hole holds the given eight bytes.
static int holds(const char *bytes) {
  return memcmp(hole, bytes, sizeof hole) == 0;
}

static uint64_t here(int64_t distance) {
  return (uint64_t)(uintptr_t)hole + (uint64_t)distance;
}

typedef int (*patch_fn)(unsigned char *loc, uint64_t value);

static void put_insn(uint32_t insn) {
  clear();
  for (int i = 0; i < 4; i++) {
    hole[i] = (unsigned char)(insn >> (8 * i));
  }
}

static uint32_t insn_at_hole(void) {
  return (uint32_t)hole[0] | (uint32_t)hole[1] << 8 | (uint32_t)hole[2] << 16
      | (uint32_t)hole[3] << 24;
}

// Whether patching the instruction `insn` with `value` gives `expected` (and leaves the rest).
static int patched(patch_fn patch, uint32_t insn, uint64_t value, uint32_t expected) {
  put_insn(insn);
  return patch(hole, value) == 0 && insn_at_hole() == expected
      && memcmp(hole + 4, "\xaa\xaa\xaa\xaa", 4) == 0;
}

// Whether `value` is refused for the instruction `insn`, which stays as it was.
static int refused(patch_fn patch, uint32_t insn, uint64_t value) {
  put_insn(insn);
  return patch(hole, value) == -1 && insn_at_hole() == insn;
}

// An address `distance` bytes from the hole's 4 KiB page.
static uint64_t page(int64_t distance) {
  return ((uint64_t)(uintptr_t)hole & ~UINT64_C(0xfff)) + (uint64_t)distance;
}

int main(void) {
  clear();
  CHECK(test_vm_patch_abs_64(hole, UINT64_C(0x0102030405060708)) == 0);
  CHECK(holds("\x08\x07\x06\x05\x04\x03\x02\x01"));

  clear();
  CHECK(test_vm_patch_abs_32u(hole, UINT64_C(0xfffffffe)) == 0);
  CHECK(holds("\xfe\xff\xff\xff\xaa\xaa\xaa\xaa"));
  clear();
  CHECK(test_vm_patch_abs_32u(hole, UINT64_C(0x100000000)) == -1);
  CHECK(test_vm_patch_abs_32u(hole, UINT64_MAX) == -1);
  CHECK(holds("\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa"));

  clear();
  CHECK(test_vm_patch_abs_32(hole, UINT64_C(0xffffffff)) == 0);
  CHECK(holds("\xff\xff\xff\xff\xaa\xaa\xaa\xaa"));
  CHECK(test_vm_patch_abs_32(hole, (uint64_t)INT64_C(-0x80000000)) == 0);
  CHECK(holds("\x00\x00\x00\x80\xaa\xaa\xaa\xaa"));
  clear();
  CHECK(test_vm_patch_abs_32(hole, UINT64_C(0x100000000)) == -1);
  CHECK(test_vm_patch_abs_32(hole, (uint64_t)INT64_C(-0x80000001)) == -1);
  CHECK(holds("\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa"));

  // AArch64: each instruction with a zero field, patched, must equal llvm-mc's encoding
  CHECK(patched(test_vm_patch_arm64_branch26, 0x14000000, here(0x1000), 0x14000400));
  CHECK(patched(test_vm_patch_arm64_branch26, 0x14000000, here(-4), 0x17ffffff));
  CHECK(refused(test_vm_patch_arm64_branch26, 0x14000000, here(INT64_C(1) << 27)));
  CHECK(refused(test_vm_patch_arm64_branch26, 0x14000000, here(2)));
  CHECK(patched(test_vm_patch_arm64_branch19, 0x54000000, here(8), 0x54000040));
  CHECK(patched(test_vm_patch_arm64_branch19, 0xb4000000, here(-8), 0xb4ffffc0));
  CHECK(refused(test_vm_patch_arm64_branch19, 0x54000000, here(INT64_C(1) << 20)));
  CHECK(patched(test_vm_patch_arm64_page21, 0x90000000, page(0x3000), 0xf0000000));
  CHECK(patched(test_vm_patch_arm64_page21, 0x90000000, page(0x4000), 0x90000020));
  CHECK(patched(test_vm_patch_arm64_page21, 0x90000003, page(-0x1000), 0xf0ffffe3));
  CHECK(patched(test_vm_patch_arm64_pageoff12, 0x91000000, 0x7123, 0x91048c00));
  CHECK(patched(test_vm_patch_arm64_pageoff12, 0xf9400000, 0x5018, 0xf9400c00));
  CHECK(refused(test_vm_patch_arm64_pageoff12, 0xf9400000, 0x501c));
  CHECK(patched(test_vm_patch_arm64_pageoff12, 0x3dc00000, 0x20, 0x3dc00800));
  CHECK(patched(test_vm_patch_arm64_pageoff12, 0x39400000, 0xfff, 0x397ffc00));
  CHECK(patched(test_vm_patch_arm64_movw0, 0xd2800000, 0x1234, 0xd2824680));
  CHECK(patched(test_vm_patch_arm64_movw1, 0xf2a00000, UINT64_C(0x56780000), 0xf2aacf00));
  CHECK(patched(test_vm_patch_arm64_movw2, 0xf2c00000, UINT64_C(0x9abc00000000), 0xf2d35780));
  CHECK(patched(test_vm_patch_arm64_movw3, 0xf2e00000, UINT64_C(0xabcd000000000000), 0xf2f579a0));

  clear();
  CHECK(test_vm_patch_abs_32s(hole, UINT64_C(0x7fffffff)) == 0);
  CHECK(holds("\xff\xff\xff\x7f\xaa\xaa\xaa\xaa"));
  CHECK(test_vm_patch_abs_32s(hole, (uint64_t)INT64_C(-0x80000000)) == 0);
  CHECK(holds("\x00\x00\x00\x80\xaa\xaa\xaa\xaa"));
  clear();
  CHECK(test_vm_patch_abs_32s(hole, UINT64_C(0x80000000)) == -1);
  CHECK(test_vm_patch_abs_32s(hole, (uint64_t)INT64_C(-0x80000001)) == -1);
  CHECK(holds("\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa"));

  clear();
  CHECK(test_vm_patch_rel_32(hole, here(INT64_C(0x7ffffffe))) == 0);
  CHECK(holds("\xfe\xff\xff\x7f\xaa\xaa\xaa\xaa"));
  CHECK(test_vm_patch_rel_32(hole, here(INT64_C(-0x80000000))) == 0);
  CHECK(holds("\x00\x00\x00\x80\xaa\xaa\xaa\xaa"));
  clear();
  if (UINTPTR_MAX > 0xffffffffu) {
    CHECK(test_vm_patch_rel_32(hole, here(INT64_C(0x80000000))) == -1);
    CHECK(test_vm_patch_rel_32(hole, here(INT64_C(-0x80000001))) == -1);
    CHECK(holds("\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa"));
  } else {
    // 2^31 bytes on is also 2^31 bytes back: the displacement wraps like the address.
    CHECK(test_vm_patch_rel_32(hole, here(INT64_C(0x80000000))) == 0);
    CHECK(holds("\x00\x00\x00\x80\xaa\xaa\xaa\xaa"));
    CHECK(test_vm_patch_rel_32(hole, here(INT64_C(-0x80000001))) == 0);
    CHECK(holds("\xff\xff\xff\x7f\xaa\xaa\xaa\xaa"));
  }

  if (failures != 0) {
    return 1;
  }
  printf("ok, %d-bit pointers\n", (int)(8 * sizeof(void *)));
  return 0;
}
