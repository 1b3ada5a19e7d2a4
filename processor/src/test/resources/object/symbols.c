/* Symbol shapes beyond stencils: weak, hidden, static, aliases, named and TLS sections. */
extern int undefined_weak(int) __attribute__((weak));
extern int undefined_strong(int);

__attribute__((weak)) int weak_definition(int x) { return x + 1; }

__attribute__((visibility("hidden"))) int hidden_function(int x) { return x * 2; }

static int local_function(int x) { return undefined_strong(x) + 3; }

int aliased(int x) { return local_function(x) + (undefined_weak ? undefined_weak(x) : 0); }

int alias_of_aliased(int x) __attribute__((alias("aliased")));

__attribute__((section(".text.custom"))) int in_custom_section(int x) { return x - 4; }

__attribute__((section(".rodata.custom"))) const int custom_constant[3] = {5, 6, 7};

_Thread_local int thread_counter;
_Thread_local int thread_value = 9;

int use_threads(void) { return ++thread_counter + thread_value; }

const void *const address_table[] = {&weak_definition, &hidden_function, &custom_constant[1]};

__attribute__((aligned(64))) char aligned_buffer[100];
