#include <sqlite3.h>
#include "sort_files.h"

/* SQLite's own unix VFS picks the folder of a temporary file from SQLITE_TMPDIR and
   TMPDIR, then /var/tmp, /usr/tmp, /tmp, and takes only a folder the process's REAL
   group may write in. A setgid kehu must not take a folder from the user's variables,
   and its real group is the user's: the team's folder, which only kehu's group reaches,
   would never pass. So temporary files are named here instead, and everything else is
   the unix VFS's own. */

static sqlite3_vfs team_folder_vfs;
static sqlite3_vfs *unix_vfs;
static char *temporary_folder;

static int open_named_in_folder(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags) {
    (void)vfs;
    if (name != 0) return unix_vfs->xOpen(unix_vfs, name, file, flags, out_flags);
    /* A name SQLite has no way to guess, created afresh (never through a link) and
       removed by the unix VFS as soon as it is open, like its own temporary files. A VFS
       must keep the name valid until the file is closed, and SQLite gives no call at the
       close: it is never freed (a few dozen bytes for each of the few runs a sort
       writes). */
    sqlite3_uint64 random;
    sqlite3_randomness((int)sizeof random, &random);
    char *path = sqlite3_mprintf("%s/etilqs_%016llx", temporary_folder, (unsigned long long)random);
    if (path == 0) return SQLITE_NOMEM;
    return unix_vfs->xOpen(unix_vfs, path, file,
                           flags | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE | SQLITE_OPEN_DELETEONCLOSE, out_flags);
}

int kehu_sqlite_temporary_files_in(const char *folder) {
    if (unix_vfs != 0) return SQLITE_MISUSE;
    sqlite3_vfs *found = sqlite3_vfs_find(0);
    if (found == 0) return SQLITE_ERROR;
    temporary_folder = sqlite3_mprintf("%s", folder);
    if (temporary_folder == 0) return SQLITE_NOMEM;
    unix_vfs = found;
    team_folder_vfs = *found;
    team_folder_vfs.pNext = 0;
    team_folder_vfs.zName = "kehu-temporary-files-in-folder";
    team_folder_vfs.xOpen = open_named_in_folder;
    return sqlite3_vfs_register(&team_folder_vfs, 1);
}
