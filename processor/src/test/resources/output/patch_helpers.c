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

int main(void) {
  clear();
  CHECK(test_vm_patch_abs_64(hole, UINT64_C(0x0102030405060708)) == 0);
  CHECK(holds("\x08\x07\x06\x05\x04\x03\x02\x01"));

  clear();
  CHECK(test_vm_patch_abs_32(hole, UINT64_C(0xfffffffe)) == 0);
  CHECK(holds("\xfe\xff\xff\xff\xaa\xaa\xaa\xaa"));
  clear();
  CHECK(test_vm_patch_abs_32(hole, UINT64_C(0x100000000)) == -1);
  CHECK(test_vm_patch_abs_32(hole, UINT64_MAX) == -1);
  CHECK(holds("\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa"));

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
