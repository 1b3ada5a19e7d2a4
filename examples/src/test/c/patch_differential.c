/*
 * The C half of PatchDifferentialTest: patches holes with the generated header's helpers. Each
 * input line is "KIND PAGE_OFFSET DELTA WORD0 WORD1": the hole is at PAGE_OFFSET in a page, holds
 * WORD0 WORD1 (little-endian), and gets the value DELTA for absolute kinds, the hole's address
 * plus DELTA for PC-relative ones. Each output line is "ADDRESS VALUE RESULT BYTES".
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "stack_vm-x86_64-unknown-linux-gnu.h"

static unsigned char pages[3 * 4096] __attribute__((aligned(4096)));

static int patch(const char *kind, unsigned char *loc, uint64_t value) {
  if (strcmp(kind, "ABS_64") == 0) return stack_vm_patch_abs_64(loc, value);
  if (strcmp(kind, "ABS_32") == 0) return stack_vm_patch_abs_32(loc, value);
  if (strcmp(kind, "ABS_32U") == 0) return stack_vm_patch_abs_32u(loc, value);
  if (strcmp(kind, "ABS_32S") == 0) return stack_vm_patch_abs_32s(loc, value);
  if (strcmp(kind, "REL_32") == 0) return stack_vm_patch_rel_32(loc, value);
  if (strcmp(kind, "ARM64_BRANCH26") == 0) return stack_vm_patch_arm64_branch26(loc, value);
  if (strcmp(kind, "ARM64_BRANCH19") == 0) return stack_vm_patch_arm64_branch19(loc, value);
  if (strcmp(kind, "ARM64_PAGE21") == 0) return stack_vm_patch_arm64_page21(loc, value);
  if (strcmp(kind, "ARM64_PAGEOFF12") == 0) return stack_vm_patch_arm64_pageoff12(loc, value);
  if (strcmp(kind, "ARM64_MOVW0") == 0) return stack_vm_patch_arm64_movw0(loc, value);
  if (strcmp(kind, "ARM64_MOVW1") == 0) return stack_vm_patch_arm64_movw1(loc, value);
  if (strcmp(kind, "ARM64_MOVW2") == 0) return stack_vm_patch_arm64_movw2(loc, value);
  if (strcmp(kind, "ARM64_MOVW3") == 0) return stack_vm_patch_arm64_movw3(loc, value);
  fprintf(stderr, "unknown hole kind %s\n", kind);
  return 2;
}

int main(void) {
  char kind[32];
  unsigned offset;
  int64_t delta;
  uint32_t words[2];
  while (scanf("%31s %u %" SCNd64 " %" SCNx32 " %" SCNx32, kind, &offset, &delta, &words[0],
               &words[1]) == 5) {
    unsigned char *loc = pages + 4096 + (offset & 4095);
    for (int i = 0; i < 8; i++) {
      loc[i] = (unsigned char)(words[i / 4] >> (8 * (i % 4)));
    }
    int absolute = strncmp(kind, "ABS_", 4) == 0 || strncmp(kind, "ARM64_MOVW", 10) == 0;
    uint64_t value = absolute ? (uint64_t)delta : (uint64_t)(uintptr_t)loc + (uint64_t)delta;
    int result = patch(kind, loc, value);
    printf("%" PRIx64 " %" PRIx64 " %d", (uint64_t)(uintptr_t)loc, value, result);
    for (int i = 0; i < 8; i++) {
      printf(" %02x", loc[i]);
    }
    printf("\n");
  }
  return 0;
}
