/* datafile.h — reading the library's own data files (the agency
 * gazetteer, frameworks, the stop-word list, the charset tables): whole
 * into memory within a size limit, checked, then line by line, with
 * errors that name the file and the line.  The formats themselves are
 * each loader's business. */
#ifndef VNPLAN_DATAFILE_H
#define VNPLAN_DATAFILE_H
#include <stddef.h>
#include "vnplan.h"

/* Caps, in bytes: a data file larger than its cap is wrong, not big. */
#define VP_DATAFILE_MAX_BYTES (1u << 20)    /* frameworks, word lists, tables */
#define VP_GAZETTEER_MAX_BYTES (4u << 20)   /* an agency list (agencies.tsv)  */
#define VP_DATAFILE_PATH_MAX 4096           /* the path of one data file      */

/* Reads `path` whole into *data (malloc'd, NUL-terminated, *len bytes, at
 * most max_bytes).  `what` names the file in messages ("cannot open agency
 * list: ...", "agency list too large").  VNPLAN_OK, or the status set in
 * err (line 0). */
vnplan_status vp_datafile_read(const char *path, const char *what, size_t max_bytes,
                               char **data, size_t *len, vnplan_error *err);
/* VNPLAN_OK when data[0..len) is UTF-8, else the error "not UTF-8 at byte
 * N" at its line. */
vnplan_status vp_datafile_utf8(const char *path, const char *data, size_t len,
                               vnplan_error *err);

/* Where the first line begins: after a UTF-8 byte order mark, if any. */
size_t vp_datafile_start(const char *data, size_t len);
/* The line of data[0..len) at *pos (pos < len), without its "\n", which
 * is overwritten with a NUL; its length in *n, and *pos moved past it.
 * data[len] must be writable (vp_datafile_read leaves a NUL there). */
char *vp_datafile_line(char *data, size_t len, size_t *pos, size_t *n);

/* Where a loader is, for the messages of errors in a file's content. */
typedef struct vp_datafile_at {
    const char *path;
    long line;                  /* the line being read; 0: the whole file   */
    vnplan_error *err;
} vp_datafile_at;

/* VNPLAN_E_DATA at `at` with a formatted message; returns 0, so that a
 * loader can `return vp_datafile_bad(...)` from a function that answers 1
 * on success. */
int vp_datafile_bad(const vp_datafile_at *at, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* VNPLAN_E_NOMEM at `at`; returns 0. */
int vp_datafile_nomem(const vp_datafile_at *at);
#endif
