#ifndef KEHU_CSQLITETUNING_SHIM_H
#define KEHU_CSQLITETUNING_SHIM_H
#include <sqlite3.h>

/* SQLite counts every allocation under a global mutex unless told not to (Debian builds it
   with SQLITE_DEFAULT_MEMSTATUS=1); kehu never asks for those counts. sqlite3_config is
   variadic, which Swift cannot call, and works only before SQLite is first used: it
   returns SQLITE_MISUSE afterwards and changes nothing. */
static inline int kehu_sqlite_without_memory_counts(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
