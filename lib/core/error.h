/* error.h — filling the caller's vnplan_error record; the first error
 * wins, so a low-level failure is not masked by its callers. */
#ifndef VNPLAN_ERROR_H
#define VNPLAN_ERROR_H
#include "vnplan.h"

vnplan_status vp_error_set(vnplan_error *err, vnplan_status code, const char *file,
                           long line, long offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void vp_error_clear(vnplan_error *err);
#endif
