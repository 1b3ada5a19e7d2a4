/*
 * Memory for JIT-compiled stencils, as the template contract asks: code on pages of its own,
 * writable while stencils are copied and patched, then read-only and executable; data on the
 * pages after them, writable and never executable, because a stencil may write its own data (a
 * static counter, a table it fills on first use). Shared by the stack VM's C consumer and
 * benchmark and by the integration tests' C consumers.
 */
#ifndef JIT_MEMORY_H
#define JIT_MEMORY_H

#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct {
  unsigned char *code; /* the code pages */
  unsigned char *data; /* the data pages, right after the code pages */
  size_t size;         /* code and data pages together */
} jit_memory;

static inline size_t jit_whole_pages(size_t bytes) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  return (bytes + page - 1) / page * page;
}

/* The room a stencil's data of data_size bytes takes in a layout: enough that the next stencil's
   data starts at a multiple of alignment (the header's NAME_DATA_ALIGNMENT), since data sizes are
   not padded. */
static inline size_t jit_data_span(size_t data_size, size_t alignment) {
  return (data_size + alignment - 1) / alignment * alignment;
}

/* Maps pages for code_size bytes of code and data_size bytes of data, all writable for now.
   Returns 0, or -1 when there is no memory. */
static inline int jit_memory_map(jit_memory *m, size_t code_size, size_t data_size) {
  size_t code_pages = jit_whole_pages(code_size);
  m->size = code_pages + jit_whole_pages(data_size);
  unsigned char *pages = mmap(NULL, m->size, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (pages == MAP_FAILED) return -1;
  m->code = pages;
  m->data = pages + code_pages;
  return 0;
}

/* Once every stencil is copied and patched: makes the code pages read-only and executable; the
   data pages stay writable. Returns 0 or -1. */
static inline int jit_memory_seal(const jit_memory *m) {
  __builtin___clear_cache((char *)m->code, (char *)m->data); /* AArch64 fetches from its i-cache */
  return mprotect(m->code, (size_t)(m->data - m->code), PROT_READ | PROT_EXEC);
}

static inline void jit_memory_unmap(const jit_memory *m) {
  munmap(m->code, m->size);
}

#endif
