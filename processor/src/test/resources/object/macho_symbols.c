/*
 * Symbol and section shapes of Mach-O objects beyond stencils: weak, hidden (private extern) and
 * static symbols, custom sections, thread-local variables, and tables of pointers.
 */
extern int undefined_weak(int) __attribute__((weak));
extern int undefined_strong(int);
extern char _JIT_HOLE[];

__attribute__((weak)) int weak_definition(int x) { return x + 1; }

__attribute__((visibility("hidden"))) int hidden_function(int x) { return x * 2; }

static int local_function(int x) { return undefined_strong(x) + 3; }

int calls(int x) { return local_function(x) + (undefined_weak ? undefined_weak(x) : 0); }

__attribute__((section("__TEXT,__custom"))) int in_custom_section(int x) { return x - 4; }

__attribute__((section("__DATA,__custom_data"))) const int custom_constant[3] = {5, 6, 7};

_Thread_local int thread_counter;
_Thread_local int thread_value = 9;

int use_threads(void) { return ++thread_counter + thread_value; }

/* Pointers to functions, data and a hole: symbol-based absolute relocations. */
const void *const address_table[] = {&weak_definition, &hidden_function, &custom_constant[1],
                                     _JIT_HOLE + 8};

/* Writable pointers to string literals: section-based absolute relocations on x86-64. */
const char *strings[] = {"alpha", "beta", "gamma"};

__attribute__((aligned(64))) char aligned_buffer[100];

static char local_buffer[16];

char *local_pointer(int i) { return &local_buffer[i & 15]; }
