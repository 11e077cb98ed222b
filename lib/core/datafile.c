/* datafile.c — reading data files (see datafile.h).
 *
 * A data file is read whole: the largest (the gazetteer) is a few hundred
 * kilobytes, and a loader that sees all of it can check the encoding once
 * and name the line of any error. */
#include "config.h"
#include "core/datafile.h"
#include "core/error.h"
#include "core/unicode.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

vnplan_status vp_datafile_read(const char *path, const char *what, size_t max_bytes,
                               char **data, size_t *len, vnplan_error *err)
{
    vnplan_status st;
    char *buf = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        /* fopen allocates its buffer: that failure is not the file's */
        st = vp_error_set(err, errno == ENOMEM ? VNPLAN_E_NOMEM : VNPLAN_E_DATA, path, 0, -1,
                          "cannot open %s: %s", what, strerror(errno));
        goto fail;
    }
    buf = malloc(max_bytes + 1);
    if (!buf) {
        st = vp_error_set(err, VNPLAN_E_NOMEM, path, 0, -1, "out of memory");
        goto fail;
    }
    size_t n = fread(buf, 1, max_bytes + 1, f);
    if (ferror(f) || n > max_bytes) {
        st = ferror(f) ? vp_error_set(err, VNPLAN_E_DATA, path, 0, -1, "cannot read %s", what)
                       : vp_error_set(err, VNPLAN_E_DATA, path, 0, -1, "%s too large", what);
        goto fail;
    }
    buf[n] = '\0';
    fclose(f);
    *data = buf;
    *len = n;
    return VNPLAN_OK;
fail:
    if (f)
        fclose(f);
    free(buf);
    return st;
}

vnplan_status vp_datafile_utf8(const char *path, const char *data, size_t len,
                               vnplan_error *err)
{
    long bad_at = vp_utf8_invalid_offset(data, len);
    if (bad_at < 0)
        return VNPLAN_OK;
    long line = 1;
    for (long i = 0; i < bad_at; i++)
        line += data[i] == '\n';
    return vp_error_set(err, VNPLAN_E_DATA, path, line, bad_at, "not UTF-8 at byte %ld",
                        bad_at);
}

size_t vp_datafile_start(const char *data, size_t len)
{
    return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

char *vp_datafile_line(char *data, size_t len, size_t *pos, size_t *n)
{
    char *line = data + *pos;
    char *nl = memchr(line, '\n', len - *pos);
    *n = nl ? (size_t)(nl - line) : len - *pos;
    line[*n] = '\0';
    *pos += *n + 1;
    return line;
}

int vp_datafile_bad(const vp_datafile_at *at, const char *fmt, ...)
{
    char msg[sizeof at->err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    vp_error_set(at->err, VNPLAN_E_DATA, at->path, at->line, -1, "%s", msg);
    return 0;
}

int vp_datafile_nomem(const vp_datafile_at *at)
{
    vp_error_set(at->err, VNPLAN_E_NOMEM, at->path, at->line, -1, "out of memory");
    return 0;
}
