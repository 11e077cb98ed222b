/* jsonstream.c — planparse's JSON, a document at a time (see jsonstream.h). */
#include "config.h"
#include "jsonstream.h"
#include "cli.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* One file being written. */
typedef struct file_ctx {
    json_stream *js;
    int docs;           /* plans (documents) written                     */
    char *warnings;     /* the warnings' JSON, written at the end        */
    size_t nwarn, capwarn;
    int nomem;
} file_ctx;

static void put(json_stream *js, const char *s)
{
    if (js->failed)
        return;
    if (!js->f) {
        js->f = js->path && strcmp(js->path, "-") != 0 ? fopen(js->path, "w") : stdout;
        if (!js->f) {
            fprintf(stderr, _("%s: %s: cannot write: %s\n"), js->prog, js->path, strerror(errno));
            js->failed = 1;
            return;
        }
    }
    if (fputs(s, js->f) == EOF)
        js->failed = 1;
}

static int keep_warnings(file_ctx *c, const char *w)
{
    size_t n = strlen(w), need = c->nwarn + n + 3;
    if (need > c->capwarn) {
        size_t cap = c->capwarn ? c->capwarn * 2 : 1024;
        while (cap < need)
            cap *= 2;
        char *p = realloc(c->warnings, cap);
        if (!p)
            return 0;
        c->warnings = p;
        c->capwarn = cap;
    }
    if (c->nwarn) {
        memcpy(c->warnings + c->nwarn, ",\n", 2);
        c->nwarn += 2;
    }
    memcpy(c->warnings + c->nwarn, w, n + 1);
    c->nwarn += n;
    return 1;
}

static int each_document(vnplan_plan *plan, void *ctx)
{
    file_ctx *c = ctx;
    json_stream *js = c->js;
    char *open = c->docs ? NULL : vnplan_render_json_part(plan, VNPLAN_JSON_OPEN);
    char *docs = vnplan_render_json_part(plan, VNPLAN_JSON_DOCUMENTS);
    char *warn = vnplan_render_json_part(plan, VNPLAN_JSON_WARNINGS);
    vnplan_plan_free(plan);
    if ((!c->docs && !open) || !docs || !warn || (*warn && !keep_warnings(c, warn))) {
        c->nomem = 1;
    } else {
        if (!c->docs) {
            if (js->nfiles > 1)
                put(js, js->files ? ",\n" : "[\n");
            put(js, open);
            put(js, "\n");
        } else {
            put(js, ",\n");
        }
        put(js, docs);
        c->docs++;
    }
    free(open);
    free(docs);
    free(warn);
    return c->nomem || js->failed;
}

vnplan_status json_stream_file(json_stream *js, const char *file, const vnplan_options *opts,
                               vnplan_error *err)
{
    file_ctx c = {js, 0, NULL, 0, 0, 0};
    vnplan_status st = vnplan_parse_file_each(file, opts, each_document, &c, err);
    if (c.docs) {
        put(js, "\n  ],\n  \"warnings\": ");
        if (c.nwarn) {
            put(js, "[\n");
            put(js, c.warnings);
            put(js, "\n  ]");
        } else {
            put(js, "[]");
        }
        put(js, "\n}\n");
        js->files++;
    }
    free(c.warnings);
    if (st == VNPLAN_OK && c.nomem) {
        st = VNPLAN_E_NOMEM;
        if (err) {
            err->code = st;
            snprintf(err->file, sizeof err->file, "%s", file);
            snprintf(err->message, sizeof err->message, "out of memory");
            err->line = 0;
        }
    }
    return st;
}

int json_stream_close(json_stream *js)
{
    if (js->files && js->nfiles > 1)
        put(js, "]\n");
    int ok = !js->failed;
    if (js->f && js->f != stdout) {
        if (fclose(js->f) != 0)
            ok = 0;
    } else if (js->f && fflush(js->f) != 0) {
        ok = 0;
    }
    if (!ok && !js->failed)
        fprintf(stderr, _("%s: %s: cannot write: %s\n"), js->prog,
                js->path ? js->path : _("standard output"), strerror(errno));
    return ok;
}
