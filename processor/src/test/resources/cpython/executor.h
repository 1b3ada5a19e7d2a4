/* The calling convention, structs, holes and macros of executor.c's cases. */
#ifndef EXECUTOR_H
#define EXECUTOR_H

#include <stddef.h>
#include <stdint.h>

#if defined(__clang__) && (defined(__x86_64__) || defined(__aarch64__))
#define STENCIL_CC __attribute__((preserve_none))
#else
#define STENCIL_CC
#endif

#if defined(__clang__)
#define MUSTTAIL __attribute__((musttail))
#else
#define MUSTTAIL
#endif

#ifdef _WIN32
#define HOLE __declspec(dllimport)
#else
#define HOLE
#endif

struct frame {
  char before_stack_pointer[0x40];
  void **stack_pointer;
};

struct thread_state {
  char before_executor[0x110];
  void *executor;
};

struct executor;
typedef void *STENCIL_CC executor_code(struct frame *frame, void **stack_pointer,
                                       struct thread_state *thread);

struct executor {
  char before_code[0x78];
  executor_code *code;
};

/* Holes: each _JIT_NAME's address is the run-time value of the emitter parameter NAME. */
HOLE extern char _JIT_OPARG[];
HOLE extern char _JIT_OPERAND0[];
HOLE extern char _JIT_OPERAND1[];
HOLE extern char _JIT_TARGET[];
extern executor_code _JIT_CONTINUE;
extern executor_code _JIT_JUMP_TARGET;
extern executor_code _JIT_ERROR_TARGET;

#define OPARG ((uint16_t)(uintptr_t)_JIT_OPARG)
#define OPERAND0 ((char *)_JIT_OPERAND0)
#define OPERAND1 ((struct executor *)_JIT_OPERAND1)
#define TARGET ((uint32_t)(uintptr_t)_JIT_TARGET)

#define JUMP_TO(label) MUSTTAIL return label(frame, stack_pointer, thread)

/* Back to the interpreter at the given instruction, with the frame's stack pointer saved. */
#define LEAVE_TO_INTERPRETER(instruction) \
  do { \
    thread->executor = NULL; \
    frame->stack_pointer = stack_pointer; \
    return (instruction); \
  } while (0)

/* On to another executor's code, which becomes the current one. */
#define ENTER_EXECUTOR(next) \
  do { \
    struct executor *entered = (next); \
    thread->executor = entered; \
    MUSTTAIL return entered->code(frame, stack_pointer, thread); \
  } while (0)

#endif
