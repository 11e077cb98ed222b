/* compare.c — two plans side by side (see vnplan.h §5c and diff.h).
 *
 * Consumes two parsed files whose tasks are classified; picks the plan in
 * each (the document with the most tasks), pairs their tasks with the
 * aligner (within a category first, then across: "moved"), and sets the
 * agencies, references, reporting duties and targets of each side against
 * the other; then sums it all up once for the reports (the summary), so
 * that render/diff_*.c only print. */
#include "config.h"
#include "compare/align.h"
#include "compare/compare.h"
#include "core/error.h"
#include "core/buf.h"
#include "core/data.h"
#include "core/options.h"
#include "core/unicode.h"
#include <stdint.h>
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

/* ------------------------------------------------- one framework for both */

/* Each task's category in the comparison's framework: its own when its
 * plan was classified by that framework (matched by id: the plans may hold
 * different loads of it), else mapped through the crosswalk. */
static int map_categories(vnplan_diff *df, int side)
{
    const vnplan_document *d = side ? df->db : df->da;
    size_t n = d->ntasks[VNPLAN_TASKS];
    df->task_cat[side] = vp_alloc(df->arena, (n + 1) * sizeof *df->task_cat[side]);
    if (!df->task_cat[side])
        return 0;
    if (!df->fw)
        return 1;
    int same = d->framework && strcmp(d->framework, df->framework) == 0;
    if (d->framework && !same) {
        df->mapping[side] = VP_MAP_CROSSWALK;
        df->mapped_from[side] = d->framework;
    }
    double *scores = calloc(vp_framework_count(df->fw) + 1, sizeof *scores);
    if (!scores)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const vnplan_task *t = &d->tasks[VNPLAN_TASKS][i];
        const vp_category *own = t->pillar.category;
        if (own)
            df->task_cat[side][i] = same ? vp_framework_by_id(df->fw, own->id)
                                         : vp_framework_crosswalk(df->fw, own, t->text, scores);
    }
    free(scores);
    return 1;
}

const vp_category *vp_diff_category(const vnplan_diff *df, int side, const vnplan_task *t)
{
    if (!df || !t || (side != 0 && side != 1))
        return NULL;
    size_t i = vp_diff_task_index(df, side, t);
    return i == VP_DIFF_NONE ? NULL : df->task_cat[side][i];
}

/* The index of the task's category in df->cats (the last: unclassified). */
static int category_of(const vnplan_diff *df, int side, size_t i)
{
    const vp_category *c = df->task_cat[side][i];
    return c ? (int)c->index : (int)df->ncats - 1;
}

/* ------------------------------------------------------------ related tasks
 *
 * Pairs are one to one: the best counterpart of each task.  But one task
 * of a plan often covers what several of the other plan's do, so a task
 * without a pair is not missing from the other plan.  Two tasks are
 * related when their wording is alike (a score of RELATED_BAR, lower than
 * a pair needs since any number of links are kept), or when both name the
 * same subject of the thesaurus (subjects.tsv: "người cao tuổi" and "NCT"
 * alike) and share at least a little wording (LINK_FLOOR): a subject that
 * more than SUBJECT_SHARE of all the tasks name (and more than
 * SUBJECT_FEW, for short plans) tells too little to relate two of them on
 * its own.  A task with neither a pair nor a
 * related task is a gap: what the other plan does not plan at all. */
#define LINK_FLOOR 0.08
#define RELATED_BAR 0.25
#define SUBJECT_SHARE 0.10
#define SUBJECT_FEW 4

/* The subjects each task names: n * nsub bytes, row i for task i. */
static unsigned char *task_subjects(const vp_subjects *sub, char *const *text, size_t n)
{
    size_t ns = vp_subjects_count(sub);
    unsigned char *m = calloc(n * ns + 1, 1);
    for (size_t i = 0; m && i < n; i++)
        if (!vp_subjects_find(sub, text[i], m + i * ns)) {
            free(m);
            return NULL;
        }
    return m;
}

/* The labels of the uncommon subjects two rows share, " · "-joined in the
 * arena; "" when none (NULL on lack of memory). */
static const char *shared_subjects(vnplan_diff *df, const vp_subjects *sub,
                                   const unsigned char *x, const unsigned char *y,
                                   const unsigned char *uncommon)
{
    vp_buf b;
    vp_buf_init(&b);
    vp_buf_puts(&b, "");
    for (size_t s = 0; s < vp_subjects_count(sub); s++)
        if (x[s] && y[s] && uncommon[s]) {
            if (b.len)
                vp_buf_puts(&b, " · ");   /* labels may hold commas */
            vp_buf_puts(&b, vp_subject_label(sub, s));
        }
    const char *r = b.failed ? NULL : vp_strdup(df->arena, b.data);
    vp_buf_free(&b);
    return r;
}

static int relate_tasks(vnplan_diff *df, const vp_aligner *al, char *const *ta, size_t na,
                        char *const *tb, size_t nb, const size_t *pair_of_a)
{
    const vp_subjects *sub = vp_data_subjects(df->data);
    size_t ns = vp_subjects_count(sub);
    unsigned char *sa = task_subjects(sub, ta, na), *sb = task_subjects(sub, tb, nb);
    unsigned char *uncommon = calloc(ns + 1, 1);
    size_t *count = calloc(ns + 1, sizeof *count);
    vp_pair *lk = NULL;
    vp_termset **ra = calloc(na + 1, sizeof *ra), **rb = calloc(nb + 1, sizeof *rb);
    int ok = 0;
    char terms[200];
    if (!sa || !sb || !uncommon || !count || !ra || !rb)
        goto done;
    /* what each category covers on each side: the subjects its tasks name */
    for (size_t c = 0; c < df->ncats; c++)
        for (int side = 0; side < 2; side++)
            if (!(df->cats[c].subj[side] = vp_alloc(df->arena, ns + 1)))
                goto done;
    for (size_t i = 0; i < na; i++)
        for (size_t s = 0; s < ns; s++)
            df->cats[category_of(df, 0, i)].subj[0][s] |= sa[i * ns + s];
    for (size_t j = 0; j < nb; j++)
        for (size_t s = 0; s < ns; s++)
            df->cats[category_of(df, 1, j)].subj[1][s] |= sb[j * ns + s];
    for (size_t s = 0; s < ns; s++) {
        for (size_t i = 0; i < na; i++)
            count[s] += sa[i * ns + s];
        for (size_t j = 0; j < nb; j++)
            count[s] += sb[j * ns + s];
        uncommon[s] = count[s] <= SUBJECT_FEW ||
                      (double)count[s] <= SUBJECT_SHARE * (double)(na + nb);
    }
    size_t nl = vp_align_links(al, (const char *const *)ta, na, (const char *const *)tb, nb,
                               LINK_FLOOR, &lk);
    if (nl == (size_t)-1)
        goto done;
    for (size_t k = 0; k < nl; k++) {
        if (pair_of_a[lk[k].a] == lk[k].b)
            continue;   /* the pair itself */
        const char *subjects = shared_subjects(df, sub, sa + lk[k].a * ns, sb + lk[k].b * ns,
                                               uncommon);
        if (!subjects)
            goto done;
        if (lk[k].score < RELATED_BAR && !*subjects)
            continue;
        vp_diff_link l = {lk[k].a, lk[k].b, lk[k].score, *subjects ? subjects : NULL, NULL};
        /* each text's terms once, when it first has a link */
        if ((!ra[l.a] && !(ra[l.a] = vp_termset_new(al, ta[l.a]))) ||
            (!rb[l.b] && !(rb[l.b] = vp_termset_new(al, tb[l.b]))))
            goto done;
        if (vp_shared_terms(ra[l.a], ta[l.a], rb[l.b], terms, sizeof terms) &&
            !(l.terms = vp_strdup(df->arena, terms)))
            goto done;
        if (!PUSH(df->arena, df->links, df->nlinks, df->caplinks, l))
            goto done;
    }
    /* Each side's links by task: counts, offsets, then the indexes. */
    for (int side = 0; side < 2; side++) {
        size_t n = side ? nb : na;
        size_t *off = vp_alloc(df->arena, (n + 2) * sizeof *off);
        size_t *idx = vp_alloc(df->arena, (df->nlinks + 1) * sizeof *idx);
        if (!off || !idx)
            goto done;
        for (size_t k = 0; k < df->nlinks; k++)
            off[(side ? df->links[k].b : df->links[k].a) + 2]++;
        for (size_t i = 2; i < n + 2; i++)
            off[i] += off[i - 1];
        for (size_t k = 0; k < df->nlinks; k++)
            idx[off[(side ? df->links[k].b : df->links[k].a) + 1]++] = k;
        df->link_of[side] = off;
        df->link_idx[side] = idx;
    }
    ok = 1;
done:
    free(sa);
    free(sb);
    free(uncommon);
    free(count);
    free(lk);
    for (size_t i = 0; ra && i < na; i++)
        vp_termset_free(ra[i]);
    for (size_t j = 0; rb && j < nb; j++)
        vp_termset_free(rb[j]);
    free(ra);
    free(rb);
    return ok;
}

static int pair_tasks(vnplan_diff *df, const vp_aligner *al)
{
    const vnplan_document *da = df->da, *db = df->db;
    size_t na = da->ntasks[VNPLAN_TASKS], nb = db->ntasks[VNPLAN_TASKS];
    char **ta = calloc(na + 1, sizeof *ta), **tb = calloc(nb + 1, sizeof *tb);
    int *ga = malloc((na + 1) * sizeof *ga), *gb = malloc((nb + 1) * sizeof *gb);
    unsigned char *paired_a = calloc(na + 1, 1), *paired_b = calloc(nb + 1, 1);
    size_t *pair_of_a = malloc((na + 1) * sizeof *pair_of_a);
    vp_pair *pairs = NULL;
    int ok = 0;
    if (!ta || !tb || !ga || !gb || !paired_a || !paired_b || !pair_of_a)
        goto done;
    for (size_t i = 0; i < na; i++)
        pair_of_a[i] = VP_DIFF_NONE;
    for (size_t i = 0; i < na; i++) {
        const vnplan_task *t = &da->tasks[VNPLAN_TASKS][i];
        if (!(ta[i] = topic_text(t)))
            goto done;
        ga[i] = df->task_cat[0][i] ? category_of(df, 0, i) : -1;
        vp_diff_cat *c = &df->cats[category_of(df, 0, i)];
        if (!PUSH(df->arena, c->a, c->na, c->capa, t))
            goto done;
    }
    for (size_t i = 0; i < nb; i++) {
        const vnplan_task *t = &db->tasks[VNPLAN_TASKS][i];
        if (!(tb[i] = topic_text(t)))
            goto done;
        gb[i] = df->task_cat[1][i] ? category_of(df, 1, i) : -1;
        vp_diff_cat *c = &df->cats[category_of(df, 1, i)];
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
        pair_of_a[pairs[k].a] = pairs[k].b;
        vp_diff_cat *c = &df->cats[category_of(df, 0, pairs[k].a)];
        if (!PUSH(df->arena, c->pairs, c->npairs, c->cappairs, pr) ||
            !PUSH(df->arena, df->pairs, df->npairs, df->cappairs, pr))
            goto done;
        df->moved += pr.moved;
        df->verbatim += pr.verbatim;
        if (pr.score < 0.999)
            df->differs = 1;
    }
    if (!relate_tasks(df, al, ta, na, tb, nb, pair_of_a))
        goto done;
    for (size_t i = 0; i < na; i++)
        if (!paired_a[i]) {
            const vnplan_task *t = &da->tasks[VNPLAN_TASKS][i];
            vp_diff_cat *c = &df->cats[category_of(df, 0, i)];
            if (!PUSH(df->arena, c->only_a, c->nonly_a, c->caponly_a, t))
                goto done;
            df->only[0]++;
            if (df->link_of[0][i] == df->link_of[0][i + 1]) {
                if (!PUSH(df->arena, c->gap_a, c->ngap_a, c->capgap_a, t))
                    goto done;
                df->gaps[0]++;
            }
        }
    for (size_t i = 0; i < nb; i++)
        if (!paired_b[i]) {
            const vnplan_task *t = &db->tasks[VNPLAN_TASKS][i];
            vp_diff_cat *c = &df->cats[category_of(df, 1, i)];
            if (!PUSH(df->arena, c->only_b, c->nonly_b, c->caponly_b, t))
                goto done;
            df->only[1]++;
            if (df->link_of[1][i] == df->link_of[1][i + 1]) {
                if (!PUSH(df->arena, c->gap_b, c->ngap_b, c->capgap_b, t))
                    goto done;
                df->gaps[1]++;
            }
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
    free(pair_of_a);
    free(pairs);
    return ok;
}

/* ------------------------------------------------------------ agencies */

/* The document's agencies (d->agencies, grouped by tasks.c) merged into
 * the comparison's by the rule planparse lists them by: the same key (the
 * gazetteer id, or the folded printed name), known or unknown to the
 * gazetteer on both sides.  Ids, not entries: the two plans may have been
 * parsed with different loads of the gazetteer. */
/* Who holds the duties of known agency `a` on the as-of date the plan was
 * parsed with (its tasks' references carry it), else `a` itself. */
static const vp_agency *holder(const vnplan_document *d, const vp_agency *a)
{
    for (int part = 0; a && part < 2; part++)
        for (size_t i = 0; i < d->ntasks[part]; i++)
            for (int r = 0; r < 3; r++)
                for (size_t k = 0; k < d->tasks[part][i].nroles[r]; k++)
                    if (d->tasks[part][i].roles[r][k].agency == a &&
                        d->tasks[part][i].roles[r][k].today)
                        return d->tasks[part][i].roles[r][k].today;
    return a;
}

static int collect_agencies(vnplan_diff *df, const vnplan_document *d, int side)
{
    for (size_t i = 0; i < d->nagencies; i++) {
        const vp_doc_agency *a = &d->agencies[i];
        const vp_agency *now = holder(d, a->agency);   /* --as-of */
        const char *key = now ? now->id : a->key;
        vp_diff_agency *e = NULL;
        for (size_t j = 0; j < df->nagencies && !e; j++)
            if (!df->agencies[j].agency == !now && strcmp(df->agencies[j].key, key) == 0)
                e = &df->agencies[j];
        if (!e) {
            vp_diff_agency fresh;
            memset(&fresh, 0, sizeof fresh);
            fresh.agency = now;
            fresh.key = key;
            fresh.label = now && now != a->agency ? now->label : a->label;
            fresh.sector = now ? now->sector : NULL;
            if (!PUSH(df->arena, df->agencies, df->nagencies, df->capagencies, fresh))
                return 0;
            e = &df->agencies[df->nagencies - 1];
        }
        e->in[side] = 1;
        e->lead[side] += a->roles[VNPLAN_ROLE_LEAD];
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

/* ------------------------------------------------------------- summary */

static const vnplan_document *side_doc(const vnplan_diff *df, int side)
{
    return side ? df->db : df->da;
}

size_t vp_diff_task_index(const vnplan_diff *df, int side, const vnplan_task *t)
{
    if (!df || !t || (side != 0 && side != 1))
        return VP_DIFF_NONE;
    const vnplan_document *d = side_doc(df, side);
    /* The tasks are one array, so the index is the offset; compared as
     * integers, since a pointer from elsewhere must not be subtracted
     * from the array's.  Constant time: renderers ask for every task. */
    uintptr_t at = (uintptr_t)t, base = (uintptr_t)d->tasks[VNPLAN_TASKS];
    size_t n = d->ntasks[VNPLAN_TASKS];
    if (at < base || (at - base) % sizeof *t || (at - base) / sizeof *t >= n)
        return VP_DIFF_NONE;
    return (at - base) / sizeof *t;
}

static const char *lead_of(const vnplan_task *t)
{
    if (t->nroles[VNPLAN_ROLE_LEAD]) {
        const vp_agency_ref *a = &t->roles[VNPLAN_ROLE_LEAD][0];
        return a->today ? a->today->label : a->agency ? a->agency->label : a->name;
    }
    if (t->nroles[VNPLAN_ROLE_REQUESTED]) {   /* --as-of: today's holder */
        const vp_agency_ref *a = &t->roles[VNPLAN_ROLE_REQUESTED][0];
        return a->today && a->today != a->agency ? a->today->label : a->name;
    }
    return NULL;
}

const char *vp_diff_lead(const vnplan_diff *df, int side, const vnplan_task *t)
{
    size_t i = vp_diff_task_index(df, side, t);
    return i == VP_DIFF_NONE || !df->summary ? NULL : df->summary->lead[side][i];
}

const vp_diff_words *vp_diff_pair_words(const vnplan_diff *df, const vp_diff_pair *p)
{
    size_t i = p ? vp_diff_task_index(df, 0, p->a) : VP_DIFF_NONE;
    if (i == VP_DIFF_NONE || !df->summary || df->summary->pair_of[0][i] == VP_DIFF_NONE)
        return NULL;
    return &df->summary->words[df->summary->pair_of[0][i]];
}

const char *vp_diff_framework_reason(const vnplan_diff *df)
{
    static const struct {
        const char *why, *words;
    } reasons[] = {
        {"option", "as asked"},
        {"both", "both plans implement it"},
        {"newer", "the newer of the plans' frameworks"},
        {"default", "the default: neither plan names its framework"},
    };
    for (size_t i = 0; df && df->framework_why && i < sizeof reasons / sizeof *reasons; i++)
        if (strcmp(df->framework_why, reasons[i].why) == 0)
            return reasons[i].words;
    return NULL;
}

const char *vp_diff_cat_label(const vp_diff_cat *c)
{
    return c->category ? c->category->label_vi : "Chưa phân loại";
}

static vp_diff_where where_of(int in_a, int in_b)
{
    return in_a && in_b ? VP_IN_BOTH : in_a ? VP_ONLY_A : VP_ONLY_B;
}

/* Each side's tasks: who leads, which pair holds them. */
static int per_task(vnplan_diff *df, vp_diff_summary *s)
{
    for (int side = 0; side < 2; side++) {
        const vnplan_document *d = side_doc(df, side);
        size_t n = d->ntasks[VNPLAN_TASKS];
        s->lead[side] = vp_alloc(df->arena, (n + 1) * sizeof *s->lead[side]);
        s->pair_of[side] = vp_alloc(df->arena, (n + 1) * sizeof *s->pair_of[side]);
        if (!s->lead[side] || !s->pair_of[side])
            return 0;
        for (size_t i = 0; i < n; i++) {
            s->lead[side][i] = lead_of(&d->tasks[VNPLAN_TASKS][i]);
            s->pair_of[side][i] = VP_DIFF_NONE;
        }
    }
    for (size_t k = 0; k < df->npairs; k++) {
        size_t ia = vp_diff_task_index(df, 0, df->pairs[k].a),
               ib = vp_diff_task_index(df, 1, df->pairs[k].b);
        if (ia != VP_DIFF_NONE)
            s->pair_of[0][ia] = k;
        if (ib != VP_DIFF_NONE)
            s->pair_of[1][ib] = k;
    }
    /* The only tasks from the categories' lists, so that they are the
     * ones the reports list, put back in document order. */
    for (int side = 0; side < 2; side++) {
        const vnplan_document *d = side_doc(df, side);
        size_t n = d->ntasks[VNPLAN_TASKS], m = 0;
        unsigned char *only = calloc(n + 1, 1);
        s->only[side] = vp_alloc(df->arena, (s->total.only[side] + 1) * sizeof *s->only[side]);
        if (!only || !s->only[side]) {
            free(only);
            return 0;
        }
        for (size_t c = 0; c < df->ncats; c++) {
            const vnplan_task *const *v = side ? df->cats[c].only_b : df->cats[c].only_a;
            size_t nv = side ? df->cats[c].nonly_b : df->cats[c].nonly_a;
            for (size_t k = 0; k < nv; k++) {
                size_t i = vp_diff_task_index(df, side, v[k]);
                if (i != VP_DIFF_NONE)
                    only[i] = 1;
            }
        }
        for (size_t i = 0; i < n && m < s->total.only[side]; i++)
            if (only[i])
                s->only[side][m++] = &d->tasks[VNPLAN_TASKS][i];
        /* the gaps: the only tasks nothing is related to */
        s->gaps[side] = vp_alloc(df->arena, (s->total.gaps[side] + 1) * sizeof *s->gaps[side]);
        if (!s->gaps[side]) {
            free(only);
            return 0;
        }
        for (size_t i = 0, g = 0; i < n && g < s->total.gaps[side]; i++)
            if (only[i] && df->link_of[side][i] == df->link_of[side][i + 1])
                s->gaps[side][g++] = &d->tasks[VNPLAN_TASKS][i];
        free(only);
    }
    return 1;
}

/* The word differences of every pair, kept in the diff's arena; 0 when
 * out of memory (vp_word_diff fails for no other reason). */
static int words(vnplan_diff *df, vp_diff_summary *s)
{
    s->words = vp_alloc(df->arena, (df->npairs + 1) * sizeof *s->words);
    if (!s->words)
        return 0;
    for (size_t k = 0; k < df->npairs; k++) {
        const vp_diff_pair *p = &df->pairs[k];
        vp_diff_run *runs = NULL;
        size_t n = vp_word_diff(p->a->text, strlen(p->a->text), p->b->text,
                                strlen(p->b->text), &runs);
        if (n == (size_t)-1)
            return 0;
        if (n) {
            vp_diff_run *kept = vp_alloc(df->arena, n * sizeof *kept);
            if (!kept) {
                free(runs);
                return 0;
            }
            memcpy(kept, runs, n * sizeof *kept);
            s->words[k].runs = kept;
            s->words[k].nruns = n;
        }
        free(runs);
    }
    return 1;
}

static int counts(vnplan_diff *df, vp_diff_summary *s)
{
    s->cats = vp_alloc(df->arena, (df->ncats + 1) * sizeof *s->cats);
    if (!s->cats)
        return 0;
    for (size_t k = 0; k < df->nlinks; k++)
        s->cats[category_of(df, 0, df->links[k].a)].links++;
    for (size_t i = 0; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        vp_diff_counts *n = &s->cats[i];
        n->tasks[0] = c->na;
        n->tasks[1] = c->nb;
        n->pairs = c->npairs;
        n->only[0] = c->nonly_a;
        n->only[1] = c->nonly_b;
        n->gaps[0] = c->ngap_a;
        n->gaps[1] = c->ngap_b;
        for (size_t k = 0; c->subj[0] && k < vp_subjects_count(vp_data_subjects(df->data)); k++) {
            n->subjects[0] += c->subj[0][k];
            n->subjects[1] += c->subj[1][k];
            n->subjects_both += c->subj[0][k] && c->subj[1][k];
        }
        for (size_t k = 0; k < c->npairs; k++) {
            n->moved += c->pairs[k].moved != 0;
            n->verbatim += c->pairs[k].verbatim != 0;
        }
        /* The totals are the sums, so that the parts add up in every
         * report. */
        for (int side = 0; side < 2; side++) {
            s->total.tasks[side] += n->tasks[side];
            s->total.only[side] += n->only[side];
            s->total.gaps[side] += n->gaps[side];
        }
        s->total.links += n->links;
        s->total.pairs += n->pairs;
        s->total.moved += n->moved;
        s->total.verbatim += n->verbatim;
    }
    return 1;
}

/* Agencies and references sorted by where they are found. */
static int sides(vnplan_diff *df, vp_diff_summary *s)
{
    for (int w = 0; w < 3; w++) {
        s->agencies[w] = vp_alloc(df->arena, (df->nagencies + 1) * sizeof *s->agencies[w]);
        s->refs[w] = vp_alloc(df->arena, (df->nrefs + 1) * sizeof *s->refs[w]);
        if (!s->agencies[w] || !s->refs[w])
            return 0;
    }
    for (size_t i = 0; i < df->nagencies; i++) {
        const vp_diff_agency *a = &df->agencies[i];
        vp_diff_where w = where_of(a->in[0], a->in[1]);
        s->agencies[w][s->nagencies[w]++] = a;
    }
    for (size_t i = 0; i < df->nrefs; i++) {
        const vp_diff_ref *r = &df->refs[i];
        vp_diff_where w = where_of(r->mentions[0] > 0, r->mentions[1] > 0);
        s->refs[w][s->nrefs[w]++] = r;
    }
    s->sectors = df->nsectors;
    for (int side = 0; side < 2; side++) {
        s->reporting[side] = side_doc(df, side)->nreporting;
        s->targets[side] = side_doc(df, side)->ntargets;
    }
    return 1;
}

int vp_diff_summarize(vnplan_diff *df)
{
    vp_diff_summary *s = vp_alloc(df->arena, sizeof *s);
    if (!s || !counts(df, s) || !sides(df, s) || !per_task(df, s) || !words(df, s))
        return 0;
    df->summary = s;
    return 1;
}

/* ------------------------------------------------------------ the diff */

/* The one framework both plans are compared under, and why: the one the
 * options name; else the one both were classified by; else, when they
 * differ (a 2021 plan under Decision 161 against a 2026 plan under 155),
 * the newer, the older plan being mapped through its crosswalk. */
static const vp_framework *choose_framework(const vp_data *data, const vnplan_document *da,
                                            const vnplan_document *db, const char **why)
{
    const vp_framework *fw = vp_data_requested_framework(data);
    if (fw) {
        *why = "option";
        return fw;
    }
    const vp_framework *fa = da->framework ? vp_data_framework(data, da->framework) : NULL;
    const vp_framework *fb = db->framework ? vp_data_framework(data, db->framework) : NULL;
    if (fa && fb && fa == fb) {
        *why = "both";
        return fa;
    }
    if (fa && fb) {
        const char *ya = vp_framework_date(fa), *yb = vp_framework_date(fb);
        *why = "newer";
        return strcmp(yb ? yb : "", ya ? ya : "") > 0 ? fb : fa;
    }
    if (fa || fb) {
        *why = "newer";   /* the other plan is unclassified */
        return fa ? fa : fb;
    }
    *why = "default";
    return vp_data_framework(data, VP_DEFAULT_FRAMEWORK);
}

vnplan_diff *vnplan_compare(const vnplan_plan *a, const vnplan_plan *b,
                            const vnplan_options *opts, vnplan_error *err)
{
    vp_error_clear(err);
    vnplan_diff *df = NULL;
    if (!a || !b) {
        vp_error_set(err, VNPLAN_E_USAGE, NULL, 0, -1, "two plans are needed");
        return NULL;
    }
    const vnplan_document *da = the_plan(a), *db = the_plan(b);
    if (!da || !db) {
        vp_error_set(err, VNPLAN_E_USAGE, !da ? a->path : b->path, 0, -1,
                     "not a plan: no task part (\"NHIỆM VỤ\", \"NỘI DUNG THỰC HIỆN\") found");
        return NULL;
    }
    df = calloc(1, sizeof *df);
    if (!df || !(df->arena = vp_arena_new()))
        goto nomem;
    /* Without options, the data plan A was parsed with serves. */
    df->data = opts ? vp_options_data(opts, err) : vp_data_retain(a->data);
    if (!df->data)
        goto fail;
    df->pa = vp_plan_retain(a);
    df->pb = vp_plan_retain(b);
    df->da = da;
    df->db = db;
    df->fw = choose_framework(df->data, da, db, &df->framework_why);
    df->framework = df->fw ? vp_framework_id(df->fw) : NULL;
    df->threshold = VP_ALIGN_THRESHOLD;
    df->ncats = (df->fw ? vp_framework_count(df->fw) : 0) + 1;
    df->cats = vp_alloc(df->arena, df->ncats * sizeof *df->cats);
    if (!df->cats)
        goto nomem;
    for (size_t i = 0; i + 1 < df->ncats; i++)
        df->cats[i].category = vp_framework_at(df->fw, i);
    if (!map_categories(df, 0) || !map_categories(df, 1) ||
        !pair_tasks(df, vp_data_aligner(df->data)) || !collect_agencies(df, da, 0) || !collect_agencies(df, db, 1) ||
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
    if (!vp_diff_summarize(df))
        goto nomem;
    return df;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
fail:
    vnplan_diff_free(df);
    return NULL;
}

void vnplan_diff_free(vnplan_diff *df)
{
    if (!df)
        return;
    vp_arena_free(df->arena);
    vnplan_plan_free((vnplan_plan *)df->pa);
    vnplan_plan_free((vnplan_plan *)df->pb);
    vp_data_release(df->data);
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

/* ------------------------------------------------- public getters (§5c) */

#define SIDE_OK(side) ((side) == VNPLAN_SIDE_A || (side) == VNPLAN_SIDE_B)

unsigned vnplan_diff_pair_flags(const vnplan_diff *df, size_t i)
{
    if (!df || i >= df->npairs)
        return 0;
    return (df->pairs[i].moved ? VNPLAN_PAIR_MOVED : 0u) |
           (df->pairs[i].verbatim ? VNPLAN_PAIR_VERBATIM : 0u);
}

size_t vnplan_diff_only_count(const vnplan_diff *df, int side)
{
    return df && SIDE_OK(side) ? df->summary->total.only[side] : 0;
}

const vnplan_task *vnplan_diff_only(const vnplan_diff *df, int side, size_t i)
{
    if (!df || !SIDE_OK(side) || i >= df->summary->total.only[side])
        return NULL;
    return df->summary->only[side][i];
}

const char *vnplan_diff_framework(const vnplan_diff *df, const char **why)
{
    if (why)
        *why = df ? df->framework_why : NULL;
    return df ? df->framework : NULL;
}

const char *vnplan_diff_mapped_from(const vnplan_diff *df, int side)
{
    return df && SIDE_OK(side) ? df->mapped_from[side] : NULL;
}

const char *vnplan_diff_task_category(const vnplan_diff *df, int side, const vnplan_task *t,
                                      size_t *index)
{
    size_t i = vp_diff_task_index(df, side, t);
    const vp_category *c = i == VP_DIFF_NONE ? NULL : vp_diff_category(df, side, t);
    if (index)
        *index = i == VP_DIFF_NONE ? (size_t)-1 : c ? c->index : df->ncats - 1;
    return c ? c->id : NULL;
}

const char *vnplan_diff_task_lead(const vnplan_diff *df, int side, const vnplan_task *t)
{
    return vp_diff_lead(df, side, t);
}

size_t vnplan_diff_category_count(const vnplan_diff *df) { return df ? df->ncats : 0; }

const char *vnplan_diff_category_id(const vnplan_diff *df, size_t i)
{
    return df && i < df->ncats && df->cats[i].category ? df->cats[i].category->id : NULL;
}

const char *vnplan_diff_category_label(const vnplan_diff *df, size_t i)
{
    return df && i < df->ncats ? vp_diff_cat_label(&df->cats[i]) : NULL;
}

/* The per-category tallies of a vp_diff_counts. */
static size_t count_of(const vp_diff_counts *n, vnplan_tally what)
{
    switch (what) {
    case VNPLAN_TALLY_TASKS_A: return n->tasks[0];
    case VNPLAN_TALLY_TASKS_B: return n->tasks[1];
    case VNPLAN_TALLY_PAIRS: return n->pairs;
    case VNPLAN_TALLY_MOVED: return n->moved;
    case VNPLAN_TALLY_VERBATIM: return n->verbatim;
    case VNPLAN_TALLY_ONLY_A: return n->only[0];
    case VNPLAN_TALLY_ONLY_B: return n->only[1];
    default: return 0;
    }
}

size_t vnplan_diff_tally(const vnplan_diff *df, vnplan_tally what)
{
    if (!df)
        return 0;
    const vp_diff_summary *s = df->summary;
    switch (what) {
    case VNPLAN_TALLY_AGENCIES_BOTH: return s->nagencies[VP_IN_BOTH];
    case VNPLAN_TALLY_AGENCIES_ONLY_A: return s->nagencies[VP_ONLY_A];
    case VNPLAN_TALLY_AGENCIES_ONLY_B: return s->nagencies[VP_ONLY_B];
    case VNPLAN_TALLY_SECTORS: return s->sectors;
    case VNPLAN_TALLY_REFERENCES_BOTH: return s->nrefs[VP_IN_BOTH];
    case VNPLAN_TALLY_REFERENCES_ONLY_A: return s->nrefs[VP_ONLY_A];
    case VNPLAN_TALLY_REFERENCES_ONLY_B: return s->nrefs[VP_ONLY_B];
    case VNPLAN_TALLY_REPORTING_A: return s->reporting[0];
    case VNPLAN_TALLY_REPORTING_B: return s->reporting[1];
    case VNPLAN_TALLY_TARGETS_A: return s->targets[0];
    case VNPLAN_TALLY_TARGETS_B: return s->targets[1];
    default: return count_of(&s->total, what);
    }
}

size_t vnplan_diff_category_tally(const vnplan_diff *df, size_t i, vnplan_tally what)
{
    return df && i < df->ncats ? count_of(&df->summary->cats[i], what) : 0;
}

size_t vnplan_diff_agency_count(const vnplan_diff *df) { return df ? df->nagencies : 0; }

const char *vnplan_diff_agency(const vnplan_diff *df, size_t i, const char **id,
                               const char **sector)
{
    const vp_diff_agency *a = df && i < df->nagencies ? &df->agencies[i] : NULL;
    if (id)
        *id = a && a->agency ? a->agency->id : NULL;
    if (sector)
        *sector = a ? a->sector : NULL;
    return a ? a->label : NULL;
}

int vnplan_diff_agency_named(const vnplan_diff *df, size_t i, int side)
{
    return df && i < df->nagencies && SIDE_OK(side) ? df->agencies[i].in[side] : 0;
}

int vnplan_diff_agency_leads(const vnplan_diff *df, size_t i, int side)
{
    return df && i < df->nagencies && SIDE_OK(side) ? df->agencies[i].lead[side] : 0;
}

size_t vnplan_diff_reference_count(const vnplan_diff *df) { return df ? df->nrefs : 0; }

const char *vnplan_diff_reference(const vnplan_diff *df, size_t i, const char **type)
{
    const vp_diff_ref *r = df && i < df->nrefs ? &df->refs[i] : NULL;
    if (type)
        *type = r ? r->type : NULL;
    return r ? r->name : NULL;
}

int vnplan_diff_reference_mentions(const vnplan_diff *df, size_t i, int side)
{
    return df && i < df->nrefs && SIDE_OK(side) ? df->refs[i].mentions[side] : 0;
}
