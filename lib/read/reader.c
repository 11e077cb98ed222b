/* reader.c — file to bytes (see reader.h). */
#include "config.h"
#include "read/reader.h"
#include "core/error.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

vnplan_status vp_read_file(const char *path, size_t limit, unsigned char **data, size_t *len,
                           vnplan_error *err)
{
    *data = NULL;
    *len = 0;
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    unsigned char *buf = NULL;
    if (!f)
        return vp_error_set(err, VNPLAN_E_IO, name, 0, -1, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        vp_error_set(err, VNPLAN_E_IO, name, 0, -1, "is a directory, not a file");
        goto fail;
    }
    size_t cap = 1 << 16, n = 0;
    if (S_ISREG(st.st_mode) && st.st_size > 0 && (size_t)st.st_size <= limit)
        cap = (size_t)st.st_size + 1;
    buf = malloc(cap);
    if (!buf) {
        vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        goto fail;
    }
    for (;;) {
        if (n == cap) {
            size_t ncap = cap * 2;
            unsigned char *nb = realloc(buf, ncap);
            if (!nb) {
                vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
                goto fail;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n > limit) {
            vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                         "larger than the input-bytes limit of %zu", limit);
            goto fail;
        }
        if (got == 0) {
            if (ferror(f)) {
                vp_error_set(err, VNPLAN_E_IO, name, 0, -1, "read error: %s", strerror(errno));
                goto fail;
            }
            break;
        }
    }
    if (!is_stdin)
        fclose(f);
    *data = buf;
    *len = n;
    return VNPLAN_OK;
fail:
    free(buf);
    if (!is_stdin)
        fclose(f);
    return err ? err->code : VNPLAN_E_IO;
}
