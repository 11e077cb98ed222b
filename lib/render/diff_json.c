/* diff_json.c — plandiff's JSON (docs/json.md, "plandiff"), built
 * with jansson.  Task ids refer to each side's planparse output. */
#include "config.h"
#include "extract/agencies.h"
#include "compare/compare.h"
#include "core/data.h"
#include "render/render.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>


static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }
/* The labels of the subjects a category's tasks name on one side. */
static json_t *subjects(const vnplan_diff *df, const vp_diff_cat *c, int side)
{
    const vp_subjects *sub = vp_data_subjects(df->data);
    json_t *a = json_array();
    for (size_t k = 0; c->subj[side] && k < vp_subjects_count(sub); k++)
        if (c->subj[side][k])
            vp_json_push(a, json_string(vp_subject_label(sub, k)));
    return a;
}

static double rounded(double x) { return (double)(long)(x * 1000 + 0.5) / 1000; }

static json_t *side(const vnplan_diff *df, int s)
{
    const vnplan_plan *p = s ? df->pb : df->pa;
    const vnplan_document *d = s ? df->db : df->da;
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:i, s:o}", "path", p->path, "number",
                     str_or_null(d->fields[VNPLAN_FIELD_NUMBER]), "province",
                     str_or_null(d->fields[VNPLAN_FIELD_PROVINCE]), "date",
                     str_or_null(d->fields[VNPLAN_FIELD_DATE]), "title",
                     str_or_null(d->fields[VNPLAN_FIELD_TITLE]), "tasks",
                     (int)df->summary->total.tasks[s], "mapped_from",
                     str_or_null(df->mapped_from[s]));
}

static json_t *ids(const vnplan_task *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        vp_json_push(a, json_string(v[i]->id));
    return a;
}

static json_t *pair(const vnplan_diff *df, const vp_diff_pair *p)
{
    json_t *o = json_pack("{s:s, s:s, s:f}", "a", p->a->id, "b", p->b->id, "score",
                          rounded(p->score));
    if (p->moved) {
        const vp_category *cb = vp_diff_category(df, 1, p->b);
        vp_json_put(o, "moved_from", str_or_null(cb ? cb->id : NULL));
    }
    if (p->verbatim)
        vp_json_put(o, "verbatim", json_true());
    return o;
}

static json_t *agency(const vp_diff_agency *a)
{
    return json_pack("{s:o, s:s, s:o, s:i, s:i}", "id",
                     str_or_null(a->agency ? a->agency->id : NULL), "label", a->label, "sector",
                     str_or_null(a->sector), "lead_a", a->lead[0], "lead_b", a->lead[1]);
}

/* agencies.by_sector: {"sector", "a": [labels], "b": [labels]}. */
static json_t *by_sector(const vnplan_diff *df)
{
    json_t *list = json_array();
    for (size_t i = 0; i < df->nsectors; i++) {
        const vp_diff_sector *sec = &df->sectors[i];
        json_t *side[2] = {json_array(), json_array()};
        for (size_t k = 0; k < sec->n; k++)
            for (int s = 0; s < 2; s++)
                if (sec->agencies[k]->in[s])
                    vp_json_push(side[s], json_string(sec->agencies[k]->label));
        vp_json_push(list, json_pack("{s:s, s:o, s:o}", "sector", sec->sector, "a",
                                              side[0], "b", side[1]));
    }
    return list;
}

static json_t *reporting(const vnplan_document *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < d->nreporting; i++) {
        const vp_doc_reporting *r = &d->reporting[i];
        vp_json_push(a, json_pack("{s:o, s:o, s:o, s:o, s:I}", "text",
                                           str_or_null(r->text), "frequency",
                                           str_or_null(r->frequency), "due", str_or_null(r->due),
                                           "to", str_or_null(r->to), "line", (json_int_t)r->line));
    }
    return a;
}

static json_t *targets(const vnplan_document *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < d->ntargets; i++) {
        const vp_doc_target *t = &d->targets[i];
        vp_json_push(a, json_pack("{s:o, s:o, s:o, s:o, s:I}", "text",
                                           str_or_null(t->text), "indicator",
                                           str_or_null(t->indicator), "value", str_or_null(t->value),
                                           "year", t->year ? json_integer(t->year) : json_null(),
                                           "line", (json_int_t)t->line));
    }
    return a;
}

/* tasks.a / tasks.b: every task of the side with its text, category,
 * lead, pair and related tasks, so that a consumer needs no second call. */
static json_t *side_tasks(const vnplan_diff *df, int side)
{
    const vnplan_document *d = side ? df->db : df->da, *o = side ? df->da : df->db;
    const vp_diff_summary *sum = df->summary;
    json_t *list = json_array();
    for (size_t i = 0; i < d->ntasks[VNPLAN_TASKS]; i++) {
        const vnplan_task *t = &d->tasks[VNPLAN_TASKS][i];
        const vp_category *c = vp_diff_category(df, side, t);
        size_t k = sum->pair_of[side][i];
        const vnplan_task *mate = k == VP_DIFF_NONE ? NULL : side ? df->pairs[k].a : df->pairs[k].b;
        json_t *related = json_array();
        for (size_t r = df->link_of[side][i]; r < df->link_of[side][i + 1]; r++) {
            const vp_diff_link *l = &df->links[df->link_idx[side][r]];
            const vnplan_task *other = &o->tasks[VNPLAN_TASKS][side ? l->a : l->b];
            vp_json_push(related, json_pack("{s:s, s:f, s:o, s:o}", "id", other->id, "score",
                                            rounded(l->score), "subjects",
                                            str_or_null(l->subjects), "terms",
                                            str_or_null(l->terms)));
        }
        vp_json_push(
            list, json_pack("{s:s, s:o, s:s, s:o, s:o, s:o, s:o, s:b, s:I}", "id", t->id,
                            "section", str_or_null(t->section), "text", t->text, "category",
                            str_or_null(c ? c->id : NULL), "lead",
                            str_or_null(sum->lead[side][i]), "pair",
                            str_or_null(mate ? mate->id : NULL), "related", related, "gap",
                            !mate && df->link_of[side][i] == df->link_of[side][i + 1], "line",
                            (json_int_t)t->line));
    }
    return list;
}

static const char *const WHERE[3] = {"both", "only_a", "only_b"};   /* by vp_diff_where */

static json_t *agencies_by_where(const vp_diff_summary *s)
{
    json_t *o = json_object();
    for (int w = 0; w < 3; w++) {
        json_t *list = json_array();
        for (size_t i = 0; i < s->nagencies[w]; i++)
            vp_json_push(list, agency(s->agencies[w][i]));
        vp_json_put(o, WHERE[w], list);
    }
    return o;
}

static json_t *refs_by_where(const vp_diff_summary *s)
{
    json_t *o = json_object();
    for (int w = 0; w < 3; w++) {
        json_t *list = json_array();
        for (size_t i = 0; i < s->nrefs[w]; i++) {
            const vp_diff_ref *r = s->refs[w][i];
            vp_json_push(list, json_pack("{s:s, s:o, s:i, s:i}", "name", r->name,
                                                  "type", str_or_null(r->type), "mentions_a",
                                                  r->mentions[0], "mentions_b", r->mentions[1]));
        }
        vp_json_put(o, WHERE[w], list);
    }
    return o;
}

/* {"both", "only_a", "only_b"}: counts by vp_diff_where. */
static json_t *both_only(const size_t n[3])
{
    json_t *o = json_object();
    for (int w = 0; w < 3; w++)
        vp_json_put(o, WHERE[w], json_integer((json_int_t)n[w]));
    return o;
}

char *vp_render_diff_json(const vnplan_diff *df)
{
    vp_json_begin();
    const vp_diff_summary *sum = df->summary;
    const vp_diff_counts *t0 = &sum->total;
    json_t *root = json_object();
    vp_json_put(root, "schema", json_integer(1));
    vp_json_put(root, "framework", str_or_null(df->framework));
    vp_json_put(root, "framework_why", str_or_null(df->framework_why));
    vp_json_put(root, "threshold", json_real(df->threshold));
    vp_json_put(root, "a", side(df, 0));
    vp_json_put(root, "b", side(df, 1));
    json_t *pillars = json_array();
    for (size_t i = 0; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        if (!c->category && !sum->cats[i].tasks[0] && !sum->cats[i].tasks[1])
            continue;
        json_t *pairs = json_array();
        for (size_t k = 0; k < c->npairs; k++)
            vp_json_push(pairs, pair(df, &c->pairs[k]));
        vp_json_push(
            pillars,
            json_pack("{s:o, s:o, s:b, s:o, s:o, s:o, s:o, s:o}", "id",
                      str_or_null(c->category ? c->category->id : NULL), "label",
                      str_or_null(c->category ? c->category->label_vi : "Chưa phân loại"),
                      "pillar", c->category ? c->category->is_pillar : 0, "a_tasks",
                      ids(c->a, c->na), "b_tasks", ids(c->b, c->nb), "pairs", pairs, "only_a",
                      ids(c->only_a, c->nonly_a), "only_b", ids(c->only_b, c->nonly_b)));
        json_t *last = json_array_get(pillars, json_array_size(pillars) - 1);
        if (last) {
            vp_json_put(last, "gaps", json_pack("{s:o, s:o}", "a", ids(c->gap_a, c->ngap_a),
                                                "b", ids(c->gap_b, c->ngap_b)));
            vp_json_put(last, "subjects", json_pack("{s:o, s:o}", "a", subjects(df, c, 0), "b",
                                                    subjects(df, c, 1)));
        }
    }
    vp_json_put(root, "pillars", pillars);
    vp_json_put(root, "gaps", json_pack("{s:o, s:o}", "a", ids(sum->gaps[0], t0->gaps[0]), "b",
                                        ids(sum->gaps[1], t0->gaps[1])));
    vp_json_put(root, "tasks", json_pack("{s:o, s:o}", "a", side_tasks(df, 0), "b",
                                         side_tasks(df, 1)));

    json_t *ag = agencies_by_where(sum);
    vp_json_put(ag, "by_sector", by_sector(df));
    vp_json_put(root, "agencies", ag);
    vp_json_put(root, "references", refs_by_where(sum));
    vp_json_put(root, "reporting", json_pack("{s:o, s:o}", "a", reporting(df->da), "b",
                                                     reporting(df->db)));
    vp_json_put(root, "targets",
                        json_pack("{s:o, s:o}", "a", targets(df->da), "b", targets(df->db)));
    const vp_diff_counts *t = &sum->total;
    json_t *agencies = both_only(sum->nagencies);
    vp_json_put(agencies, "by_sector", json_integer((json_int_t)sum->sectors));
    vp_json_put(
        root, "summary",
        json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o, s:{s:I, s:I}, "
                  "s:{s:I, s:I}, s:b}",
                  "pairs", (json_int_t)t->pairs, "only_a", (json_int_t)t->only[0], "only_b",
                  (json_int_t)t->only[1], "gaps_a", (json_int_t)t->gaps[0], "gaps_b",
                  (json_int_t)t->gaps[1], "related", (json_int_t)t->links, "moved", (json_int_t)t->moved, "verbatim",
                  (json_int_t)t->verbatim, "tasks",
                  json_pack("{s:I, s:I}", "a", (json_int_t)t->tasks[0], "b",
                            (json_int_t)t->tasks[1]),
                  "agencies", agencies, "references", both_only(sum->nrefs), "reporting", "a",
                  (json_int_t)sum->reporting[0], "b", (json_int_t)sum->reporting[1], "targets",
                  "a", (json_int_t)sum->targets[0], "b", (json_int_t)sum->targets[1], "differ",
                  df->differs));
    char *s = vp_json_text(root);
    json_decref(root);
    return s;
}
