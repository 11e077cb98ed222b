/* render_json.c — the JSON contract of docs/json.md, built with jansson
 * (no hand escaping).  The section tree is walked without recursion; a
 * stack indexed by level holds each open section's "children" array. */
#include "config.h"
#include "model.h"
#include "render.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *paragraphs(const vnplan_section *s)
{
    json_t *a = json_array();
    for (size_t i = 0; i < s->npara; i++) {
        const vp_para *pa = &s->paras[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:I}", "kind",
                                           vp_para_kind_name(pa->kind), "label", pa->label,
                                           "text", pa->text, "line", (json_int_t)pa->line));
    }
    return a;
}

static json_t *sections(const vnplan_section *root)
{
    enum { MAX_LEVEL = 80 };
    json_t *top = json_array();
    json_t *children[MAX_LEVEL];
    children[0] = top;
    const vnplan_section *s = root->first_child;
    while (s) {
        int lvl = s->level < MAX_LEVEL ? s->level : MAX_LEVEL - 1;
        json_t *kids = json_array();
        json_t *o = json_pack("{s:s, s:s, s:s, s:i, s:I, s:o, s:o}", "path", s->path, "number",
                              s->number, "heading", s->heading, "level", s->level, "line",
                              (json_int_t)s->line, "paragraphs", paragraphs(s), "children",
                              kids);
        json_array_append_new(children[lvl - 1], o);
        if (lvl < MAX_LEVEL)
            children[lvl] = kids;
        s = vp_section_following(s, root);
    }
    return top;
}

static json_t *document(const vnplan_document *d)
{
    json_t *o = json_object();
    static const vnplan_field order[] = {
        VNPLAN_FIELD_KIND,   VNPLAN_FIELD_NUMBER, VNPLAN_FIELD_NUMBER_RAW,
        VNPLAN_FIELD_ISSUER, VNPLAN_FIELD_ISSUER_PARENT, VNPLAN_FIELD_ISSUER_RAW,
        VNPLAN_FIELD_PROVINCE, VNPLAN_FIELD_PLACE, VNPLAN_FIELD_DATE, VNPLAN_FIELD_TITLE,
    };
    for (size_t i = 0; i < sizeof order / sizeof *order; i++)
        json_object_set_new(o, vp_field_name(order[i]), str_or_null(d->fields[order[i]]));
    json_t *signer = json_pack("{s:o, s:o, s:o}", "name",
                               str_or_null(d->fields[VNPLAN_FIELD_SIGNER_NAME]), "position",
                               str_or_null(d->fields[VNPLAN_FIELD_SIGNER_POSITION]), "authority",
                               str_or_null(d->fields[VNPLAN_FIELD_SIGNER_AUTHORITY]));
    json_object_set_new(o, "signer", signer);
    json_t *rec = json_array(), *addr = json_array();
    for (size_t i = 0; i < d->nrecip; i++) {
        json_array_append_new(rec, json_string(d->recipients[i]));
        if (i < d->naddressee)
            json_array_append_new(addr, json_string(d->recipients[i]));
    }
    json_object_set_new(o, "recipients", rec);
    json_object_set_new(o, "addressees", addr);
    json_object_set_new(o, "archive", str_or_null(d->fields[VNPLAN_FIELD_ARCHIVE]));
    json_object_set_new(o, "line", json_integer(d->line));
    json_object_set_new(o, "last_line", json_integer(d->last_line));
    json_object_set_new(o, "preamble", paragraphs(d->root));
    json_object_set_new(o, "sections", sections(d->root));
    json_t *res = json_array();
    for (size_t i = 0; i < d->nresidue; i++)
        json_array_append_new(res, json_pack("{s:s, s:s, s:I}", "text", d->residue[i].text,
                                             "why", d->residue[i].why, "line",
                                             (json_int_t)d->residue[i].line));
    json_object_set_new(o, "residue", res);
    return o;
}

char *vp_render_json(const vnplan_plan *p)
{
    json_t *root = json_object();
    json_object_set_new(root, "schema", json_integer(1));
    json_object_set_new(root, "source",
                        json_pack("{s:s, s:s, s:s, s:I}", "path", p->path, "format", p->format,
                                  "encoding", p->encoding, "bytes", (json_int_t)p->bytes));
    json_t *docs = json_array();
    for (size_t k = 0; k < p->ndocs; k++)
        json_array_append_new(docs, document(p->docs[k]));
    json_object_set_new(root, "documents", docs);
    json_t *warn = json_array();
    for (size_t i = 0; i < p->nwarn; i++)
        json_array_append_new(warn, json_pack("{s:I, s:s, s:s}", "line",
                                              (json_int_t)p->warnings[i].line, "code",
                                              p->warnings[i].code, "message",
                                              p->warnings[i].message));
    json_object_set_new(root, "warnings", warn);
    char *s = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    if (!s)
        return NULL;
    /* jansson allocates with malloc by default; callers free() it. */
    size_t n = strlen(s);
    char *out = malloc(n + 2);
    if (out) {
        memcpy(out, s, n);
        out[n] = '\n';
        out[n + 1] = '\0';
    }
    free(s);
    return out;
}
