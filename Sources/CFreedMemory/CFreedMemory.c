#include "CFreedMemory.h"

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

void corroborate_pad_heap_growth(int bytes) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, bytes);
#endif
}
