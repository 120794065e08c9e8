#ifndef CFREEDMEMORY_H
#define CFREEDMEMORY_H

/// Returns the free pages of every malloc arena to the system; 1 when some were returned.
/// glibc's malloc_trim is not in Swift's Glibc module, hence this one-line shim.
int corroborate_give_back_freed_memory(void);

#endif
