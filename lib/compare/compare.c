/* compare.c — two plans side by side (see vnplan.h §5c and diff.h).
 *
 * Consumes two parsed files whose tasks are classified; picks the plan in
 * each (the document with the most tasks), pairs their tasks with the
 * aligner (within a category first, then across: "moved"), and sets the
 * agencies, references, reporting duties and targets of each side against
 * the other.  Rendering is in render_diff_*.c. */
#include "config.h"
#include "compare/align.h"
#include "compare/compare.h"
#include "core/error.h"
#include "core/options.h"
#include "core/unicode.h"
#include <stdlib.h>
#include <string.h>

/* The document of a file that is the plan: the one with the most tasks. */
static const vnplan_document *the_plan(const vnplan_plan *p)
{
    const vnplan_document *best = NULL;
    for (size_t i = 0; i < p->ndocs; i++)
        if (p->docs[i]->ntasks[VNPLAN_TASKS] &&
            (!best || p->docs[i]->ntasks[VNPLAN_TASKS] > best->ntasks[VNPLAN_TASKS]))
            best = p->docs[i];
    return best;
}

static int push(vp_arena *a, void **v, size_t *n, size_t *cap, size_t size, const void *item)
{
    if (!vp_grow(a, v, cap, *n, size))
        return 0;
    memcpy((char *)*v + *n * size, item, size);
    (*n)++;
    return 1;
}
#define PUSH(a, vec, n, cap, item) push((a), (void **)&(vec), &(n), &(cap), sizeof *(vec), &(item))

/* --------------------------------------------------------------- tasks */

/* The task's text without the names of its own agencies: who does a task
 * is compared separately, and names like "Sở Lao động - Thương binh và Xã
 * hội" would otherwise make unrelated tasks of one department look alike.
 * malloc'd. */
static char *topic_text(const vnplan_task *t)
{
    char *s = strdup(t->text);
    if (!s)
        return NULL;
    for (int r = 0; r < 3; r++)
        for (size_t k = 0; k < t->nroles[r]; k++) {
            const char *name = t->roles[r][k].name;
            size_t n = strlen(name);
            for (char *at = n ? strstr(s, name) : NULL; at; at = strstr(at + n, name))
                memset(at, ' ', n);
        }
    return s;
}

static int category_of(const vnplan_diff *df, const vnplan_task *t)
{
    const vp_category *c = t->pillar.category;
    return c ? (int)c->index : (int)df->ncats - 1;   /* last: unclassified */
}

static int pair_tasks(vnplan_diff *df, const vp_aligner *al)
{
    const vnplan_document *da = df->da, *db = df->db;
    size_t na = da->ntasks[VNPLAN_TASKS], nb = db->ntasks[VNPLAN_TASKS];
    char **ta = calloc(na + 1, sizeof *ta), **tb = calloc(nb + 1, sizeof *tb);
    int *ga = malloc((na + 1) * sizeof *ga), *gb = malloc((nb + 1) * sizeof *gb);
    unsigned char *paired_a = calloc(na + 1, 1), *paired_b = calloc(nb + 1, 1);
    vp_pair *pairs = NULL;
    int ok = 0;
    if (!ta || !tb || !ga || !gb || !paired_a || !paired_b)
        goto done;
    for (size_t i = 0; i < na; i++) {
        const vnplan_task *t = &da->tasks[VNPLAN_TASKS][i];
        if (!(ta[i] = topic_text(t)))
            goto done;
        ga[i] = t->pillar.category ? category_of(df, t) : -1;
        vp_diff_cat *c = &df->cats[category_of(df, t)];
        if (!PUSH(df->arena, c->a, c->na, c->capa, t))
            goto done;
    }
    for (size_t i = 0; i < nb; i++) {
        const vnplan_task *t = &db->tasks[VNPLAN_TASKS][i];
        if (!(tb[i] = topic_text(t)))
            goto done;
        gb[i] = t->pillar.category ? category_of(df, t) : -1;
        vp_diff_cat *c = &df->cats[category_of(df, t)];
        if (!PUSH(df->arena, c->b, c->nb, c->capb, t))
            goto done;
    }
    size_t np = vp_align(al, (const char *const *)ta, ga, na, (const char *const *)tb, gb, nb,
                         df->threshold, &pairs);
    if (np == (size_t)-1)
        goto done;
    for (size_t k = 0; k < np; k++) {
        vp_diff_pair pr;
        pr.a = &da->tasks[VNPLAN_TASKS][pairs[k].a];
        pr.b = &db->tasks[VNPLAN_TASKS][pairs[k].b];
        pr.score = pairs[k].score;
        pr.moved = pairs[k].moved;
        pr.verbatim = pairs[k].verbatim;
        paired_a[pairs[k].a] = paired_b[pairs[k].b] = 1;
        vp_diff_cat *c = &df->cats[category_of(df, pr.a)];
        if (!PUSH(df->arena, c->pairs, c->npairs, c->cappairs, pr) ||
            !PUSH(df->arena, df->pairs, df->npairs, df->cappairs, pr))
            goto done;
        df->moved += pr.moved;
        df->verbatim += pr.verbatim;
        if (pr.score < 0.999)
            df->differs = 1;
    }
    for (size_t i = 0; i < na; i++)
        if (!paired_a[i]) {
            const vnplan_task *t = &da->tasks[VNPLAN_TASKS][i];
            vp_diff_cat *c = &df->cats[category_of(df, t)];
            if (!PUSH(df->arena, c->only_a, c->nonly_a, c->caponly_a, t))
                goto done;
            df->only[0]++;
        }
    for (size_t i = 0; i < nb; i++)
        if (!paired_b[i]) {
            const vnplan_task *t = &db->tasks[VNPLAN_TASKS][i];
            vp_diff_cat *c = &df->cats[category_of(df, t)];
            if (!PUSH(df->arena, c->only_b, c->nonly_b, c->caponly_b, t))
                goto done;
            df->only[1]++;
        }
    if (df->only[0] || df->only[1])
        df->differs = 1;
    ok = 1;
done:
    for (size_t i = 0; ta && i < na; i++)
        free(ta[i]);
    for (size_t i = 0; tb && i < nb; i++)
        free(tb[i]);
    free(ta);
    free(tb);
    free(ga);
    free(gb);
    free(paired_a);
    free(paired_b);
    free(pairs);
    return ok;
}

/* ------------------------------------------------------------ agencies */

/* Every agency a document's tasks and duties name, once. */
static int collect_agencies(vnplan_diff *df, const vnplan_document *d, int side)
{
    for (int part = 0; part < 2; part++)
        for (size_t i = 0; i < d->ntasks[part]; i++) {
            const vnplan_task *t = &d->tasks[part][i];
            for (int r = 0; r < 3; r++)
                for (size_t k = 0; k < t->nroles[r]; k++) {
                    const vp_agency_ref *a = &t->roles[r][k];
                    char *key = a->agency ? NULL : vp_fold(a->name, strlen(a->name), 0, NULL);
                    if (!a->agency && !key)
                        return 0;
                    vp_diff_agency *e = NULL;
                    for (size_t j = 0; j < df->nagencies && !e; j++) {
                        vp_diff_agency *x = &df->agencies[j];
                        if (a->agency ? x->agency == a->agency
                                      : !x->agency && strcmp(x->key, key) == 0)
                            e = x;
                    }
                    if (!e) {
                        vp_diff_agency fresh;
                        memset(&fresh, 0, sizeof fresh);
                        fresh.agency = a->agency;
                        fresh.key = key ? vp_strdup(df->arena, key) : a->agency->id;
                        fresh.label = a->agency ? a->agency->label : a->name;
                        fresh.sector = a->agency ? a->agency->sector : NULL;
                        if (!fresh.key || !PUSH(df->arena, df->agencies, df->nagencies,
                                                df->capagencies, fresh)) {
                            free(key);
                            return 0;
                        }
                        e = &df->agencies[df->nagencies - 1];
                    }
                    free(key);
                    e->in[side] = 1;
                    if (r == VNPLAN_ROLE_LEAD)
                        e->lead[side]++;
                }
        }
    return 1;
}

/* Sectors in which one plan names an agency the other does not, while the
 * other names another agency of that sector. */
static int group_sectors(vnplan_diff *df)
{
    for (size_t i = 0; i < df->nagencies; i++) {
        const vp_diff_agency *x = &df->agencies[i];
        if (!x->sector || x->in[0] == x->in[1])
            continue;
        int seen = 0, has[2] = {0, 0};
        for (size_t k = 0; k < df->nsectors; k++)
            seen |= strcmp(df->sectors[k].sector, x->sector) == 0;
        for (size_t j = 0; j < df->nagencies; j++)
            if (df->agencies[j].sector && strcmp(df->agencies[j].sector, x->sector) == 0) {
                has[0] |= df->agencies[j].in[0];
                has[1] |= df->agencies[j].in[1];
            }
        if (seen || !has[0] || !has[1])
            continue;
        vp_diff_sector sec;
        memset(&sec, 0, sizeof sec);
        sec.sector = x->sector;
        for (size_t j = 0; j < df->nagencies; j++) {
            const vp_diff_agency *y = &df->agencies[j];
            if (y->sector && strcmp(y->sector, x->sector) == 0 &&
                !PUSH(df->arena, sec.agencies, sec.n, sec.cap, y))
                return 0;
        }
        if (!PUSH(df->arena, df->sectors, df->nsectors, df->capsectors, sec))
            return 0;
    }
    return 1;
}

/* ---------------------------------------------------------- references */

static int collect_refs(vnplan_diff *df, const vnplan_document *d, int side)
{
    for (size_t i = 0; i < d->nrefs; i++) {
        const vp_doc_ref *r = &d->refs[i];
        const char *name = r->number ? r->number : r->title;
        if (!name)
            continue;
        char *key = vp_fold(name, strlen(name), VNPLAN_FOLD_DIACRITICS, NULL);
        if (!key)
            return 0;
        vp_diff_ref *e = NULL;
        for (size_t j = 0; j < df->nrefs && !e; j++)
            if (strcmp(df->refs[j].key, key) == 0)
                e = &df->refs[j];
        if (!e) {
            vp_diff_ref fresh;
            memset(&fresh, 0, sizeof fresh);
            fresh.key = vp_strdup(df->arena, key);
            fresh.name = name;
            fresh.type = r->type;
            if (!fresh.key || !PUSH(df->arena, df->refs, df->nrefs, df->caprefs, fresh)) {
                free(key);
                return 0;
            }
            e = &df->refs[df->nrefs - 1];
        }
        free(key);
        e->mentions[side] += r->mentions;
    }
    return 1;
}

/* ------------------------------------------------------------ the diff */

vnplan_diff *vnplan_compare(const vnplan_plan *a, const vnplan_plan *b, vnplan_options *opts,
                            vnplan_error *err)
{
    vp_error_clear(err);
    vnplan_options *own = NULL;
    vnplan_diff *df = NULL;
    vp_aligner *al = NULL;
    if (!opts && !(own = opts = vnplan_options_new()))
        goto nomem;
    const vnplan_document *da = the_plan(a), *db = the_plan(b);
    if (!da || !db) {
        vp_error_set(err, VNPLAN_E_USAGE, !da ? a->path : b->path, 0, -1,
                     "not a plan: no task part (\"NHIỆM VỤ\", \"NỘI DUNG THỰC HIỆN\") found");
        goto fail;
    }
    /* Both sides by one framework: the one A was classified by. */
    const vp_framework *fw = NULL;
    if (da->framework) {
        vnplan_error ignored;
        vp_error_clear(&ignored);
        fw = vp_options_framework(opts, opts->framework ? opts->framework : da->framework,
                                  &ignored);
    }
    al = vp_aligner_new(vnplan_options_datadir(opts), err);
    if (!al)
        goto fail;
    df = calloc(1, sizeof *df);
    if (!df || !(df->arena = vp_arena_new()))
        goto nomem;
    df->pa = a;
    df->pb = b;
    df->da = da;
    df->db = db;
    df->fw = fw;
    df->framework = fw ? vp_framework_id(fw) : NULL;
    df->threshold = VP_ALIGN_THRESHOLD;
    df->ncats = (fw ? vp_framework_count(fw) : 0) + 1;
    df->cats = vp_alloc(df->arena, df->ncats * sizeof *df->cats);
    if (!df->cats)
        goto nomem;
    for (size_t i = 0; i + 1 < df->ncats; i++)
        df->cats[i].category = vp_framework_at(fw, i);
    if (!pair_tasks(df, al) || !collect_agencies(df, da, 0) || !collect_agencies(df, db, 1) ||
        !group_sectors(df) || !collect_refs(df, da, 0) || !collect_refs(df, db, 1))
        goto nomem;
    for (size_t i = 0; i < df->nagencies; i++)
        if (df->agencies[i].in[0] != df->agencies[i].in[1])
            df->differs = 1;
    for (size_t i = 0; i < df->nrefs; i++)
        if (!df->refs[i].mentions[0] != !df->refs[i].mentions[1])
            df->differs = 1;
    if (da->nreporting != db->nreporting || da->ntargets != db->ntargets)
        df->differs = 1;
    vp_aligner_free(al);
    vnplan_options_free(own);
    return df;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
fail:
    vp_aligner_free(al);
    vnplan_diff_free(df);
    vnplan_options_free(own);
    return NULL;
}

void vnplan_diff_free(vnplan_diff *df)
{
    if (!df)
        return;
    vp_arena_free(df->arena);
    free(df);
}

int vnplan_diff_differs(const vnplan_diff *df) { return df ? df->differs : 0; }
size_t vnplan_diff_pair_count(const vnplan_diff *df) { return df ? df->npairs : 0; }

const vnplan_task *vnplan_diff_pair(const vnplan_diff *df, size_t i, const vnplan_task **b,
                                    double *score)
{
    if (!df || i >= df->npairs)
        return NULL;
    if (b)
        *b = df->pairs[i].b;
    if (score)
        *score = df->pairs[i].score;
    return df->pairs[i].a;
}

size_t vnplan_diff_only_count(const vnplan_diff *df, int side)
{
    return df && (side == 0 || side == 1) ? df->only[side] : 0;
}
