/* options.c — the options object (see vnplan.h §2 and options.h). */
#include "config.h"
#include "core/options.h"
#include "core/error.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const size_t default_limits[3] = {
    64u << 20,   /* VNPLAN_LIMIT_INPUT_BYTES */
    1u << 20,    /* VNPLAN_LIMIT_LINE_BYTES  */
    32           /* VNPLAN_LIMIT_DEPTH       */
};

/* Plans parsed earlier point into the gazetteer: a replaced one is kept
 * until the options are freed. */
static void retire_gazetteer(vnplan_options *o)
{
    if (!o->gazetteer)
        return;
    retired_gazetteer *r = malloc(sizeof *r);
    if (!r)
        return;   /* keep using the old one rather than free it under a plan */
    r->g = o->gazetteer;
    r->next = o->retired;
    o->retired = r;
    o->gazetteer = NULL;
}

vnplan_options *vnplan_options_new(void)
{
    vnplan_options *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    memcpy(o->limits, default_limits, sizeof o->limits);
    return o;
}

void vnplan_options_free(vnplan_options *o)
{
    if (!o)
        return;
    vp_charsets_free(o->charsets);
    vp_patterns_free(o->patterns);
    vp_gazetteer_free(o->gazetteer);
    for (retired_gazetteer *r = o->retired, *next; r; r = next) {
        next = r->next;
        vp_gazetteer_free(r->g);
        free(r);
    }
    free(o->agencies_file);
    free(o->framework);
    for (size_t i = 0; i < sizeof o->frameworks / sizeof *o->frameworks; i++) {
        free(o->frameworks[i].name);
        vp_framework_free(o->frameworks[i].fw);
    }
    free(o->datadir);
    free(o);
}

void vnplan_options_set_datadir(vnplan_options *o, const char *dir)
{
    if (!o)
        return;
    char *copy = dir ? strdup(dir) : NULL;
    if (dir && !copy)
        return;
    free(o->datadir);
    o->datadir = copy;
    /* Tables loaded from the old directory no longer apply. */
    vp_charsets_free(o->charsets);
    o->charsets = NULL;
    retire_gazetteer(o);
}

const char *vnplan_options_datadir(const vnplan_options *o)
{
    return o && o->datadir ? o->datadir : VNPLAN_DATADIR;
}

vnplan_status vnplan_options_set_encoding(vnplan_options *o, const char *name)
{
    if (!o)
        return VNPLAN_E_USAGE;
    if (!name) {
        o->encoding = NULL;
        return VNPLAN_OK;
    }
    const char *canon = vp_charset_canonical(name);
    if (!canon)
        return VNPLAN_E_USAGE;
    o->encoding = canon;
    return VNPLAN_OK;
}

void vnplan_options_set_limit(vnplan_options *o, vnplan_limit which, size_t value)
{
    if (!o || (unsigned)which > VNPLAN_LIMIT_DEPTH)
        return;
    o->limits[which] = value ? value : default_limits[which];
}

size_t vnplan_options_limit(const vnplan_options *o, vnplan_limit which)
{
    if ((unsigned)which > VNPLAN_LIMIT_DEPTH)
        return 0;
    return o ? o->limits[which] : default_limits[which];
}

const vp_charsets *vp_options_charsets(vnplan_options *o, vnplan_error *err)
{
    if (!o->charsets)
        o->charsets = vp_charsets_load(vnplan_options_datadir(o), err);
    return o->charsets;
}

const vp_patterns *vp_options_patterns(vnplan_options *o, vnplan_error *err)
{
    if (!o->patterns)
        o->patterns = vp_patterns_new(err);
    return o->patterns;
}

void vnplan_options_set_agencies_file(vnplan_options *o, const char *path)
{
    if (!o)
        return;
    char *copy = path ? strdup(path) : NULL;
    if (path && !copy)
        return;
    free(o->agencies_file);
    o->agencies_file = copy;
    retire_gazetteer(o);
}

void vnplan_options_set_as_of(vnplan_options *o, const char *date)
{
    if (!o)
        return;
    snprintf(o->as_of, sizeof o->as_of, "%s", date ? date : "");
}

const vp_gazetteer *vp_options_gazetteer(vnplan_options *o, vnplan_error *err)
{
    if (!o->gazetteer)
        o->gazetteer = vp_gazetteer_load(vnplan_options_datadir(o), o->agencies_file, err);
    return o->gazetteer;
}

const vp_framework *vp_options_framework(vnplan_options *o, const char *name, vnplan_error *err)
{
    size_t n = sizeof o->frameworks / sizeof *o->frameworks, i;
    for (i = 0; i < n && o->frameworks[i].name; i++)
        if (strcmp(o->frameworks[i].name, name) == 0)
            return o->frameworks[i].fw;
    vp_framework *fw = vp_framework_load(name, vnplan_options_datadir(o), err);
    if (!fw)
        return NULL;
    if (i == n) {
        /* Plans point into loaded frameworks: none is ever dropped. */
        vp_framework_free(fw);
        vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                     "more than %zu frameworks loaded with one options object", n);
        return NULL;
    }
    o->frameworks[i].name = strdup(name);
    o->frameworks[i].fw = fw;
    if (!o->frameworks[i].name) {
        vp_framework_free(fw);
        o->frameworks[i].fw = NULL;
        return NULL;
    }
    return fw;
}

vnplan_status vnplan_options_set_framework(vnplan_options *o, const char *name)
{
    if (!o)
        return VNPLAN_E_USAGE;
    if (name) {
        vnplan_error err;
        vp_error_clear(&err);
        if (!vp_options_framework(o, name, &err))
            return err.code ? err.code : VNPLAN_E_DATA;
    }
    char *copy = name ? strdup(name) : NULL;
    if (name && !copy)
        return VNPLAN_E_NOMEM;
    free(o->framework);
    o->framework = copy;
    return VNPLAN_OK;
}
