/* json.c — the JSON contract of docs/json.md, built with jansson
 * (no hand escaping).  The section tree is walked without recursion; a
 * stack indexed by level holds each open section's "children" array. */
#include "config.h"
#include "extract/agencies.h"
#include "compare/framework.h"
#include "model/model.h"
#include "render/render.h"
#include "core/buf.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>


static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *paragraphs(const vnplan_section *s)
{
    json_t *a = json_array();
    /* Built directly: json_pack would parse its format for every one. */
    for (size_t i = 0; i < s->npara; i++) {
        const vp_para *pa = &s->paras[i];
        json_t *o = json_object();
        vp_json_put(o, "kind", json_string(vp_para_kind_name(pa->kind)));
        vp_json_put(o, "label", json_string(pa->label));
        vp_json_put(o, "text", json_string(pa->text));
        vp_json_put(o, "line", json_integer(pa->line));
        vp_json_push(a, o);
    }
    return a;
}

static json_t *sections(const vnplan_section *root)
{
    /* the open "children" array of each level, as deep as the tree goes
     * (the depth limit, VNPLAN_LIMIT_DEPTH, is the user's to raise) */
    int depth = 1;
    for (const vnplan_section *s = root->first_child; s; s = vp_section_following(s, root))
        if (s->level > depth)
            depth = s->level;
    json_t **children = malloc(((size_t)depth + 1) * sizeof *children);
    json_t *top = json_array();
    if (!children || !top) {
        free(children);
        json_decref(top);
        return NULL;   /* the caller's insertion notes the loss */
    }
    children[0] = top;
    const vnplan_section *s = root->first_child;
    while (s) {
        int lvl = s->level;
        json_t *kids = json_array();
        json_t *o = json_pack("{s:s, s:s, s:s, s:i, s:o, s:I, s:o, s:o}", "path", s->path,
                              "number", s->number, "heading", s->heading, "level", s->level,
                              "pillar",
                              s->pillar.category ? json_string(s->pillar.category->id)
                                                 : json_null(),
                              "line", (json_int_t)s->line, "paragraphs", paragraphs(s),
                              "children", kids);
        vp_json_push(children[lvl - 1], o);
        children[lvl] = kids;
        s = vp_section_following(s, root);
    }
    free(children);
    return top;
}

static json_t *agency(const vp_agency_ref *a)
{
    json_t *o = json_object();
    vp_json_put(o, "name", json_string(a->name));
    vp_json_put(o, "id", str_or_null(a->agency ? a->agency->id : NULL));
    vp_json_put(o, "label", str_or_null(a->agency ? a->agency->label : NULL));
    if (a->today)
        vp_json_put(o, "today", json_pack("{s:s, s:s}", "id", a->today->id, "label",
                                                  a->today->label));
    return o;
}

static const char *const role_names[3] = {"lead", "coordinate", "requested"};

/* {"id", "basis", "score", "evidence": [{"term", "line"}], "tie", "low"},
 * or null for an unclassified task. */
static json_t *pillar(const vp_pillar *p)
{
    if (!p->category)
        return json_null();
    json_t *ev = json_array();
    for (size_t i = 0; i < p->nevidence; i++)
        vp_json_push(ev, json_pack("{s:s, s:I}", "term", p->terms[i], "line",
                                            (json_int_t)p->lines[i]));
    json_t *o = json_pack("{s:s, s:s, s:f, s:o}", "id", p->category->id, "basis",
                          p->basis ? p->basis : "lexicon", "score",
                          (double)(long)(p->score * 1000 + 0.5) / 1000, "evidence", ev);
    if (p->tie)
        vp_json_put(o, "tie", json_true());
    if (p->low)
        vp_json_put(o, "low", json_true());
    return o;
}

static json_t *tasks(const vnplan_document *d, vnplan_task_part part)
{
    json_t *a = json_array();
    for (size_t i = 0; i < d->ntasks[part]; i++) {
        const vnplan_task *t = &d->tasks[part][i];
        json_t *o = json_pack("{s:s, s:s, s:s}", "id", t->id, "section", t->section, "text",
                              t->text);
        for (int r = 0; r < 3; r++) {
            json_t *list = json_array();
            for (size_t k = 0; k < t->nroles[r]; k++)
                vp_json_push(list, agency(&t->roles[r][k]));
            vp_json_put(o, role_names[r], list);
        }
        vp_json_put(o, "pillar", pillar(&t->pillar));
        vp_json_put(o, "deadline",
                            t->deadline ? json_pack("{s:s, s:o}", "text", t->deadline, "date",
                                                    str_or_null(t->deadline_date))
                                        : json_null());
        vp_json_put(o, "line", json_integer(t->line));
        vp_json_push(a, o);
    }
    return a;
}

/* The document's agencies (tasks.c groups them, by the rule plandiff
 * matches them by), with how often each leads, coordinates or is
 * requested. */
static json_t *agencies(const vnplan_document *d)
{
    json_t *list = json_array();
    for (size_t i = 0; i < d->nagencies; i++) {
        const vp_doc_agency *a = &d->agencies[i];
        json_t *names = json_array();
        for (size_t n = 0; n < a->nnames; n++)
            vp_json_push(names, json_string(a->names[n]));
        vp_json_push(
            list, json_pack("{s:o, s:s, s:o, s:o, s:i, s:i, s:i}", "id",
                            str_or_null(a->agency ? a->agency->id : NULL), "label", a->label,
                            "sector", str_or_null(a->agency ? a->agency->sector : NULL), "names",
                            names, "lead", a->roles[VNPLAN_ROLE_LEAD], "coordinate",
                            a->roles[VNPLAN_ROLE_COORDINATE], "requested",
                            a->roles[VNPLAN_ROLE_REQUESTED]));
    }
    return list;
}

static json_t *findings(const vnplan_document *d, json_t *o)
{
    json_t *refs = json_array();
    for (size_t i = 0; i < d->nrefs; i++) {
        const vp_doc_ref *r = &d->refs[i];
        vp_json_push(refs, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:I}",
                                              "type", str_or_null(r->type), "number",
                                              str_or_null(r->number), "number_raw",
                                              str_or_null(r->number_raw), "title",
                                              str_or_null(r->title), "date", str_or_null(r->date),
                                              "issuer", str_or_null(r->issuer), "mentions",
                                              r->mentions, "line", (json_int_t)r->line));
    }
    vp_json_put(o, "references", refs);
    json_t *dl = json_array();
    for (size_t i = 0; i < d->ndeadlines; i++) {
        const vp_doc_deadline *x = &d->deadlines[i];
        json_t *who = json_array();
        if (x->task)
            for (size_t k = 0; k < x->task->nroles[VNPLAN_ROLE_LEAD]; k++)
                vp_json_push(who, agency(&x->task->roles[VNPLAN_ROLE_LEAD][k]));
        vp_json_push(dl, json_pack("{s:o, s:o, s:o, s:o, s:I}", "text",
                                            str_or_null(x->text), "date", str_or_null(x->date),
                                            "task", str_or_null(x->task ? x->task->id : NULL),
                                            "who", who, "line", (json_int_t)x->line));
    }
    vp_json_put(o, "deadlines", dl);
    json_t *rep = json_array();
    for (size_t i = 0; i < d->nreporting; i++) {
        const vp_doc_reporting *x = &d->reporting[i];
        vp_json_push(rep, json_pack("{s:o, s:o, s:o, s:o, s:I}", "text",
                                             str_or_null(x->text), "frequency",
                                             str_or_null(x->frequency), "due", str_or_null(x->due),
                                             "to", str_or_null(x->to), "line", (json_int_t)x->line));
    }
    vp_json_put(o, "reporting", rep);
    json_t *tg = json_array();
    for (size_t i = 0; i < d->ntargets; i++) {
        const vp_doc_target *x = &d->targets[i];
        vp_json_push(tg, json_pack("{s:o, s:o, s:o, s:o, s:I}", "text",
                                            str_or_null(x->text), "indicator",
                                            str_or_null(x->indicator), "value", str_or_null(x->value),
                                            "year", x->year ? json_integer(x->year) : json_null(),
                                            "line", (json_int_t)x->line));
    }
    vp_json_put(o, "targets", tg);
    return o;
}

static json_t *document(const vnplan_document *d)
{
    json_t *o = json_object();
    static const vnplan_field order[] = {
        VNPLAN_FIELD_KIND,   VNPLAN_FIELD_KIND_NAME, VNPLAN_FIELD_NUMBER,
        VNPLAN_FIELD_NUMBER_RAW,
        VNPLAN_FIELD_ISSUER, VNPLAN_FIELD_ISSUER_PARENT, VNPLAN_FIELD_ISSUER_RAW,
        VNPLAN_FIELD_PROVINCE, VNPLAN_FIELD_PLACE, VNPLAN_FIELD_DATE, VNPLAN_FIELD_TITLE,
        VNPLAN_FIELD_ATTACHED_TO,
    };
    for (size_t i = 0; i < sizeof order / sizeof *order; i++)
        vp_json_put(o, vp_field_name(order[i]), str_or_null(d->fields[order[i]]));
    json_t *signer = json_pack("{s:o, s:o, s:o}", "name",
                               str_or_null(d->fields[VNPLAN_FIELD_SIGNER_NAME]), "position",
                               str_or_null(d->fields[VNPLAN_FIELD_SIGNER_POSITION]), "authority",
                               str_or_null(d->fields[VNPLAN_FIELD_SIGNER_AUTHORITY]));
    vp_json_put(o, "signer", signer);
    json_t *rec = json_array(), *addr = json_array();
    for (size_t i = 0; i < d->nrecip; i++) {
        vp_json_push(rec, json_string(d->recipients[i]));
        if (i < d->naddressee)
            vp_json_push(addr, json_string(d->recipients[i]));
    }
    vp_json_put(o, "recipients", rec);
    vp_json_put(o, "addressees", addr);
    vp_json_put(o, "archive", str_or_null(d->fields[VNPLAN_FIELD_ARCHIVE]));
    json_t *impl = json_array();
    for (size_t i = 0; i < d->nimplements; i++)
        vp_json_push(impl, json_string(d->implements[i]));
    vp_json_put(o, "framework", str_or_null(d->framework));
    vp_json_put(o, "implements", impl);
    vp_json_put(o, "line", json_integer(d->line));
    vp_json_put(o, "last_line", json_integer(d->last_line));
    vp_json_put(o, "preamble", paragraphs(d->root));
    vp_json_put(o, "sections", sections(d->root));
    vp_json_put(o, "tasks", tasks(d, VNPLAN_TASKS));
    vp_json_put(o, "duties", tasks(d, VNPLAN_DUTIES));
    findings(d, o);
    vp_json_put(o, "agencies", agencies(d));
    json_t *res = json_array();
    for (size_t i = 0; i < d->nresidue; i++)
        vp_json_push(res, json_pack("{s:s, s:s, s:I}", "text", d->residue[i].text,
                                             "why", d->residue[i].why, "line",
                                             (json_int_t)d->residue[i].line));
    vp_json_put(o, "residue", res);
    return o;
}

static json_t *source_of(const vnplan_plan *p)
{
    return json_pack("{s:s, s:s, s:s, s:I}", "path", p->path, "format", p->format, "encoding",
                     p->encoding, "bytes", (json_int_t)p->bytes);
}

static json_t *warning(const vp_warning *w)
{
    return json_pack("{s:I, s:s, s:s}", "line", (json_int_t)w->line, "code", w->code, "message",
                     w->message);
}

/* v as vp_json_text writes it, each line after the first indented by
 * `spaces` more, as jansson writes a value nested that deep; appended to
 * b, without the final newline.  0 on failure. */
static int put_nested(vp_buf *b, json_t *v, int spaces)
{
    char *t = vp_json_text(v);
    json_decref(v);
    if (!t)
        return 0;
    for (const char *s = t; *s; s++) {
        if (s[0] == '\n' && !s[1])
            break;
        vp_buf_putc(b, *s);
        if (*s == '\n')
            for (int k = 0; k < spaces; k++)
                vp_buf_putc(b, ' ');
    }
    free(t);
    return !b->failed;
}

char *vp_render_json_part(const vnplan_plan *p, vnplan_json_part part)
{
    vp_buf b;
    vp_buf_init(&b);
    vp_buf_puts(&b, "");
    int ok = 1;
    vp_json_begin();
    if (part == VNPLAN_JSON_OPEN) {
        json_t *root = json_object();
        vp_json_put(root, "schema", json_integer(1));
        vp_json_put(root, "source", source_of(p));
        /* "{ ... }" without its closing line, then the array opened */
        ok = put_nested(&b, root, 0);
        while (ok && b.len && b.data[b.len - 1] != '}')
            b.len--;
        if (ok && b.len >= 2) {
            b.len -= 2;
            vp_buf_puts(&b, ",\n  \"documents\": [");
        }
    } else if (part == VNPLAN_JSON_DOCUMENTS) {
        for (size_t k = 0; ok && k < p->ndocs; k++) {
            vp_buf_puts(&b, k ? ",\n    " : "    ");
            ok = put_nested(&b, document(p->docs[k]), 4);
        }
    } else if (part == VNPLAN_JSON_WARNINGS) {
        for (size_t i = 0; ok && i < p->nwarn; i++) {
            vp_buf_puts(&b, i ? ",\n    " : "    ");
            ok = put_nested(&b, warning(&p->warnings[i]), 4);
        }
    }
    if (!ok || b.failed) {
        vp_buf_free(&b);
        return NULL;
    }
    return vp_buf_detach(&b);
}

char *vp_render_json(const vnplan_plan *p)
{
    vp_json_begin();
    json_t *root = json_object();
    vp_json_put(root, "schema", json_integer(1));
    vp_json_put(root, "source", source_of(p));
    json_t *docs = json_array();
    for (size_t k = 0; k < p->ndocs; k++)
        vp_json_push(docs, document(p->docs[k]));
    vp_json_put(root, "documents", docs);
    json_t *warn = json_array();
    for (size_t i = 0; i < p->nwarn; i++)
        vp_json_push(warn, warning(&p->warnings[i]));
    vp_json_put(root, "warnings", warn);
    char *s = vp_json_text(root);
    json_decref(root);
    return s;
}
