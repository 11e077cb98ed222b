/* reader.h — the only place the library touches files: read a whole file
 * (or standard input) into memory, within the input size limit. */
#ifndef VNPLAN_READER_H
#define VNPLAN_READER_H
#include <stddef.h>
#include "vnplan.h"

/* Read `path` ("-" for stdin).  On success *data is malloc'd (free it) and
 * *len set.  Errors name the file: missing, unreadable, a directory, or
 * larger than `limit` bytes. */
vnplan_status vp_read_file(const char *path, size_t limit, unsigned char **data, size_t *len,
                           vnplan_error *err);
#endif
