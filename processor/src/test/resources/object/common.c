/* A tentative definition: with -fcommon it becomes an SHN_COMMON symbol. */
int tentative_counter;

int bump(void) { return ++tentative_counter; }
