/* error.c — the vnplan_error record (see error.h). */
#include "core/error.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void vp_error_clear(vnplan_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

vnplan_status vp_error_set(vnplan_error *err, vnplan_status code, const char *file,
                           long line, long offset, const char *fmt, ...)
{
    if (!err || err->code != VNPLAN_OK)
        return code;
    err->code = code;
    err->line = line;
    err->column = 0;
    err->offset = offset;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

const char *vnplan_status_name(vnplan_status code)
{
    switch (code) {
    case VNPLAN_OK: return "ok";
    case VNPLAN_E_IO: return "io";
    case VNPLAN_E_EMPTY: return "empty";
    case VNPLAN_E_ENCODING: return "encoding";
    case VNPLAN_E_BINARY: return "binary";
    case VNPLAN_E_LIMIT: return "limit";
    case VNPLAN_E_USAGE: return "usage";
    case VNPLAN_E_DATA: return "data";
    case VNPLAN_E_NOMEM: return "nomem";
    }
    return "unknown";
}
