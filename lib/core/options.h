/* options.h — the options object: plain settings (see vnplan.h §2), and
 * the data they name once vnplan_options_load has loaded it. */
#ifndef VNPLAN_OPTIONS_H
#define VNPLAN_OPTIONS_H
#include "vnplan.h"

struct vp_data;

struct vnplan_options {
    char *datadir;                 /* NULL: the installed data          */
    const char *encoding;          /* canonical name or NULL: detect     */
    size_t limits[VNPLAN_LIMIT__COUNT];
    char *agencies_file;           /* user's extra gazetteer rows, or NULL */
    char as_of[11];                /* "" or an ISO date                  */
    char *framework;               /* requested framework, NULL: detect  */
    struct vp_data *data;          /* loaded by vnplan_options_load, or
                                      NULL; dropped when a setting that
                                      names data changes                */
};

/* The data for a parse or comparison: the options' own (one more
 * reference) or, when they were not loaded, a private load.  NULL with
 * `err` set when it cannot be loaded. */
struct vp_data *vp_options_data(const vnplan_options *o, vnplan_error *err);
#endif
