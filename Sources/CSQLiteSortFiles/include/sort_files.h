#ifndef KEHU_SQLITE_SORT_FILES_H
#define KEHU_SQLITE_SORT_FILES_H

/* Makes SQLite write the temporary files it names itself (a large sort's runs) in
   `folder`, for the whole process, whatever its variables say: a VFS of SQLite's own
   unix one but for the name of a temporary file. Called once, before the connections
   that use it are opened; returns an SQLite result code (SQLITE_MISUSE when called
   again). */
int kehu_sqlite_temporary_files_in(const char *folder);

#endif
