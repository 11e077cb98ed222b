/* options.c — the options object (see vnplan.h §2 and options.h). */
#include "config.h"
#include "core/options.h"
#include "core/data.h"
#include "compare/framework.h"
#include "read/charset.h"
#include "core/error.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const size_t default_limits[VNPLAN_LIMIT__COUNT] = {
    64u << 20,   /* VNPLAN_LIMIT_INPUT_BYTES */
    1u << 20,    /* VNPLAN_LIMIT_LINE_BYTES  */
    32,          /* VNPLAN_LIMIT_DEPTH       */
    2048,        /* VNPLAN_LIMIT_REFERENCES  */
    10000,       /* VNPLAN_LIMIT_ZIP_ENTRIES */
    128          /* VNPLAN_LIMIT_XML_DEPTH   */
};
/* libxml2 refuses deeper XML itself, with a message less clear than ours */
#define XML_DEPTH_CEILING 256

static const char *const limit_names[VNPLAN_LIMIT__COUNT] = {
    "input-bytes", "line-bytes", "depth", "references", "zip-entries", "xml-depth"};

const char *vnplan_limit_name(vnplan_limit which)
{
    return (unsigned)which < VNPLAN_LIMIT__COUNT ? limit_names[which] : NULL;
}

int vnplan_limit_by_name(const char *name)
{
    for (int i = 0; name && i < VNPLAN_LIMIT__COUNT; i++)
        if (strcmp(name, limit_names[i]) == 0)
            return i;
    return -1;
}

/* A setting that names data changed: the loaded data no longer applies.
 * Plans and diffs made with it hold their own references. */
static void drop_data(vnplan_options *o)
{
    vp_data_release(o->data);
    o->data = NULL;
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
    vp_data_release(o->data);
    free(o->agencies_file);
    free(o->framework);
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
    drop_data(o);
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
    if (!o || (unsigned)which >= VNPLAN_LIMIT__COUNT)
        return;
    if (which == VNPLAN_LIMIT_XML_DEPTH && value > XML_DEPTH_CEILING)
        value = XML_DEPTH_CEILING;
    o->limits[which] = value ? value : default_limits[which];
}

size_t vnplan_options_limit(const vnplan_options *o, vnplan_limit which)
{
    if ((unsigned)which >= VNPLAN_LIMIT__COUNT)
        return 0;
    return o ? o->limits[which] : default_limits[which];
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
    drop_data(o);
}

void vnplan_options_set_as_of(vnplan_options *o, const char *date)
{
    if (!o)
        return;
    snprintf(o->as_of, sizeof o->as_of, "%s", date ? date : "");
}

vnplan_status vnplan_options_set_framework(vnplan_options *o, const char *name)
{
    if (!o)
        return VNPLAN_E_USAGE;
    if (name) {
        /* Checked now, so that a bad name is the caller's error at once. */
        vnplan_error err;
        vp_error_clear(&err);
        vp_framework *fw = vp_framework_load(name, vnplan_options_datadir(o), &err);
        if (!fw)
            return err.code ? err.code : VNPLAN_E_DATA;
        vp_framework_free(fw);
    }
    char *copy = name ? strdup(name) : NULL;
    if (name && !copy)
        return VNPLAN_E_NOMEM;
    free(o->framework);
    o->framework = copy;
    drop_data(o);
    return VNPLAN_OK;
}

vnplan_status vnplan_options_load(vnplan_options *o, vnplan_error *err)
{
    vp_error_clear(err);
    if (!o) {
        vp_error_set(err, VNPLAN_E_USAGE, NULL, 0, -1, "no options to load");
        return VNPLAN_E_USAGE;
    }
    vp_data *d = vp_data_load(vnplan_options_datadir(o), o->agencies_file, o->framework, err);
    if (!d)
        return err && err->code ? err->code : VNPLAN_E_DATA;
    vp_data_release(o->data);
    o->data = d;
    return VNPLAN_OK;
}

vp_data *vp_options_data(const vnplan_options *o, vnplan_error *err)
{
    if (o && o->data)
        return vp_data_retain(o->data);
    return vp_data_load(vnplan_options_datadir(o), o ? o->agencies_file : NULL,
                        o ? o->framework : NULL, err);
}
