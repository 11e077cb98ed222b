/* findings.c — a document's references, deadlines, reporting duties and
 * targets, gathered from its title, headings and paragraphs in document
 * order by the finders of extract.h, and stored in the document. */
#include "config.h"
#include "extract/references.h"
#include "extract/deadlines.h"
#include "extract/targets.h"
#include "extract/findings.h"
#include "extract/tasks.h"
#include <string.h>

/* The task (or duty) whose lines hold `line`, or NULL. */
static vnplan_task *task_at(vnplan_document *d, long line)
{
    for (int part = 0; part < 2; part++)
        for (size_t i = 0; i < d->ntasks[part]; i++) {
            vnplan_task *t = &d->tasks[part][i];
            if (t->line <= line && line <= t->last_line)
                return t;
        }
    return NULL;
}

static const char *dup_span(vnplan_plan *p, const char *s, size_t a, size_t b)
{
    return b > a ? vp_strndup(p->arena, s + a, b - a) : NULL;
}

typedef struct gatherer {
    vnplan_plan *p;
    vnplan_document *d;
    const vp_patterns *re;
    const vp_vocab *v;
    vp_refs *refs;
} gatherer;

static int scan(gatherer *g, const char *text, long line)
{
    vnplan_plan *p = g->p;
    vnplan_document *d = g->d;
    size_t len = strlen(text);
    if (!vp_refs_scan(g->refs, text, len, line))
        return 0;

    enum { MAX = 16 };
    vp_deadline dl[MAX];
    size_t n = vp_find_deadlines(g->re, text, len, d->fields[VNPLAN_FIELD_DATE], dl, MAX);
    for (size_t i = 0; i < n && i < MAX; i++) {
        if (!dl[i].date[0])
            continue;   /* periods ("giai đoạn 2021-2025") are not deadlines */
        if (!vp_grow(p->arena, (void **)&d->deadlines, &d->capdeadlines, d->ndeadlines,
                     sizeof *d->deadlines))
            return 0;
        vp_doc_deadline *x = &d->deadlines[d->ndeadlines++];
        x->text = dup_span(p, text, dl[i].start, dl[i].end);
        x->date = vp_strdup(p->arena, dl[i].date);
        x->period = dl[i].period[0] ? vp_strdup(p->arena, dl[i].period) : NULL;
        vnplan_task *t = task_at(d, line);
        x->task = t;
        x->line = line;
        /* A task's deadline: the first dated one in its lines. */
        if (t && !t->deadline) {
            t->deadline = x->text;
            t->deadline_date = x->date;
        }
    }
    vp_reporting rp[MAX];
    n = vp_find_reporting(g->re, g->v, text, len, rp, MAX);
    for (size_t i = 0; i < n && i < MAX; i++) {
        if (!vp_grow(p->arena, (void **)&d->reporting, &d->capreporting, d->nreporting,
                     sizeof *d->reporting))
            return 0;
        vp_doc_reporting *x = &d->reporting[d->nreporting++];
        x->text = dup_span(p, text, rp[i].start, rp[i].end);
        x->frequency = rp[i].frequency;
        x->due = rp[i].due[0] ? vp_strdup(p->arena, rp[i].due) : NULL;
        x->to = dup_span(p, text, rp[i].to_start, rp[i].to_end);
        x->line = line;
    }
    vp_target tg[MAX];
    n = vp_find_targets(g->re, g->v, text, len, tg, MAX);
    for (size_t i = 0; i < n && i < MAX; i++) {
        if (!vp_grow(p->arena, (void **)&d->targets, &d->captargets, d->ntargets,
                     sizeof *d->targets))
            return 0;
        vp_doc_target *x = &d->targets[d->ntargets++];
        x->text = dup_span(p, text, tg[i].start, tg[i].end);
        x->indicator = dup_span(p, text, tg[i].ind_start, tg[i].ind_end);
        x->value = vp_strdup(p->arena, tg[i].value);
        x->year = tg[i].year;
        x->line = line;
    }
    return 1;
}

static int store_refs(gatherer *g)
{
    vnplan_plan *p = g->p;
    vnplan_document *d = g->d;
    for (size_t i = 0; i < vp_refs_count(g->refs); i++) {
        const vp_reference *r = vp_refs_at(g->refs, i);
        if (!vp_grow(p->arena, (void **)&d->refs, &d->caprefs, d->nrefs, sizeof *d->refs))
            return 0;
        vp_doc_ref *x = &d->refs[d->nrefs++];
        x->type = vp_strdup(p->arena, r->type);
        x->number = vp_strdup(p->arena, r->number);
        x->number_raw = vp_strdup(p->arena, r->number_raw);
        x->title = vp_strdup(p->arena, r->title);
        x->date = vp_strdup(p->arena, r->date);
        x->issuer = vp_strdup(p->arena, r->issuer);
        x->mentions = r->mentions;
        x->line = r->line;
    }
    for (size_t i = 0; i < vp_refs_warning_count(g->refs); i++) {
        const vp_finding_warning *w = vp_refs_warning_at(g->refs, i);
        if (!vp_plan_warn(p, w->line, w->code, "%s", w->message))
            return 0;
    }
    size_t refs, warns;
    vp_refs_dropped(g->refs, &refs, &warns);
    if ((refs || warns) &&
        !vp_plan_warn(p, d->line, "references-limit",
                      "the document cites more than %zu documents: %zu mentions of others "
                      "and %zu warnings about them not kept (raise the references limit)",
                      vp_refs_count(g->refs), refs, warns))
        return 0;
    return 1;
}

int vp_gather_findings(vnplan_plan *p, vnplan_document *d, const vp_patterns *re,
                       const vp_vocab *v, size_t max_refs)
{
    gatherer g = {p, d, re, v, vp_refs_new(re, v, d->fields[VNPLAN_FIELD_DATE], max_refs)};
    if (!g.refs)
        return 0;
    int ok = 1;
    if (d->fields[VNPLAN_FIELD_TITLE])
        ok = scan(&g, d->fields[VNPLAN_FIELD_TITLE], d->line);
    const vnplan_section *root = d->root;
    for (const vnplan_section *s = root; s && ok; s = vp_section_following(s, root)) {
        if (s != root)
            ok = scan(&g, s->heading, s->line);
        for (size_t i = 0; i < s->npara && ok; i++)
            ok = scan(&g, s->paras[i].text, s->paras[i].line);
    }
    ok = ok && store_refs(&g);
    vp_refs_free(g.refs);
    return ok;
}
