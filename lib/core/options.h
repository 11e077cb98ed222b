/* options.h — the options object: settings, limits, and the data and
 * compiled patterns loaded for them (lazily, once per object). */
#ifndef VNPLAN_OPTIONS_H
#define VNPLAN_OPTIONS_H
#include "vnplan.h"
#include "read/charset.h"
#include "core/patterns.h"
#include "extract/agencies.h"
#include "compare/framework.h"

typedef struct retired_gazetteer {
    vp_gazetteer *g;
    struct retired_gazetteer *next;
} retired_gazetteer;

struct vnplan_options {
    char *datadir;
    const char *encoding;          /* canonical name or NULL: detect */
    size_t limits[3];
    vp_charsets *charsets;         /* loaded on first need */
    vp_patterns *patterns;         /* compiled on first need */
    char *agencies_file;           /* user's extra gazetteer rows, or NULL */
    char as_of[11];                /* "" or an ISO date */
    vp_gazetteer *gazetteer;       /* loaded on first need */
    retired_gazetteer *retired;    /* replaced ones, still used by plans */
    char *framework;               /* requested framework, NULL: detect */
    struct {
        char *name;
        vp_framework *fw;
    } frameworks[8];               /* loaded frameworks, by name */
};

/* The loaded charset tables / compiled patterns, or NULL with `err` set. */
const vp_charsets *vp_options_charsets(vnplan_options *o, vnplan_error *err);
const vp_patterns *vp_options_patterns(vnplan_options *o, vnplan_error *err);
const vp_gazetteer *vp_options_gazetteer(vnplan_options *o, vnplan_error *err);
/* The framework `name` (id or path), loaded once per options object. */
const vp_framework *vp_options_framework(vnplan_options *o, const char *name,
                                         vnplan_error *err);
#endif
