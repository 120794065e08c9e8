#include "CFreedMemory.h"
// Any C library header defines __GLIBC__ on glibc; without one, the test below is always false.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int corroborate_give_back_freed_memory(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
