/* model.c — node construction and the public getters of
 * vnplan.h §3–5.  The getters accept NULL and out-of-range indexes and
 * answer NULL or 0, so that callers walking a tree need no special cases. */
#include "config.h"
#include "model/model.h"
#include "core/arena.h"
#include "core/data.h"
#include "extract/agencies.h"
#include "compare/framework.h"
#include "core/buf.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

vnplan_plan *vp_plan_new(void)
{
    vnplan_plan *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->arena = vp_arena_new();
    if (!p->arena) {
        free(p);
        return NULL;
    }
    atomic_init(&p->refs, 1);
    return p;
}

/* The tree is immutable once parsed: only the count changes, atomically,
 * so a plan can be compared in several threads at once. */
vnplan_plan *vp_plan_retain(const vnplan_plan *plan)
{
    vnplan_plan *p = (vnplan_plan *)plan;
    if (p)
        atomic_fetch_add_explicit(&p->refs, 1, memory_order_relaxed);
    return p;
}

void vnplan_plan_free(vnplan_plan *plan)
{
    if (!plan || atomic_fetch_sub_explicit(&plan->refs, 1, memory_order_acq_rel) != 1)
        return;
    vp_arena_free(plan->arena);
    vp_data_release(plan->data);
    free(plan);
}
vnplan_document *vp_plan_add_document(vnplan_plan *p)
{
    if (!vp_grow(p->arena, (void **)&p->docs, &p->capdocs, p->ndocs, sizeof *p->docs))
        return NULL;
    vnplan_document *d = vp_alloc(p->arena, sizeof *d);
    if (!d)
        return NULL;
    d->root = vp_section_new(p, NULL);
    if (!d->root)
        return NULL;
    p->docs[p->ndocs++] = d;
    return d;
}

int vp_plan_warn(vnplan_plan *p, long line, const char *code, const char *fmt, ...)
{
    if (!vp_grow(p->arena, (void **)&p->warnings, &p->capwarn, p->nwarn, sizeof *p->warnings))
        return 0;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    vp_warning *w = &p->warnings[p->nwarn];
    w->code = code;
    w->line = line;
    w->message = vp_strdup(p->arena, msg);
    if (!w->message)
        return 0;
    p->nwarn++;
    return 1;
}

int vp_doc_add_recipient(vnplan_plan *p, vnplan_document *d, const char *text, size_t len)
{
    if (!vp_grow(p->arena, (void **)&d->recipients, &d->caprecip, d->nrecip,
                 sizeof *d->recipients))
        return 0;
    const char *s = vp_strndup(p->arena, text, len);
    if (!s)
        return 0;
    d->recipients[d->nrecip++] = s;
    return 1;
}

int vp_doc_add_residue(vnplan_plan *p, vnplan_document *d, const char *text, size_t len,
                       long line, const char *why)
{
    if (!vp_grow(p->arena, (void **)&d->residue, &d->capresidue, d->nresidue,
                 sizeof *d->residue))
        return 0;
    vp_residue *r = &d->residue[d->nresidue];
    r->text = vp_strndup(p->arena, text, len);
    r->why = why;
    r->line = line;
    if (!r->text)
        return 0;
    d->nresidue++;
    return 1;
}

vnplan_section *vp_section_new(vnplan_plan *p, vnplan_section *parent)
{
    vnplan_section *s = vp_alloc(p->arena, sizeof *s);
    if (!s)
        return NULL;
    s->parent = parent;
    s->path = s->number = s->heading = "";
    if (parent) {
        s->level = parent->level + 1;
        if (parent->last_child)
            parent->last_child->next = s;
        else
            parent->first_child = s;
        parent->last_child = s;
    }
    return s;
}

int vp_section_add_para(vnplan_plan *p, vnplan_section *s, const vp_para *para)
{
    if (!vp_grow(p->arena, (void **)&s->paras, &s->cappara, s->npara, sizeof *s->paras))
        return 0;
    s->paras[s->npara++] = *para;
    return 1;
}

const vnplan_section *vp_section_following(const vnplan_section *s, const vnplan_section *root)
{
    if (s->first_child)
        return s->first_child;
    while (s && s != root && !s->next)
        s = s->parent;
    return (s && s != root) ? s->next : NULL;
}

/* -------------------------------------------------------------- getters */

const char *vnplan_plan_path(const vnplan_plan *p) { return p ? p->path : NULL; }
const char *vnplan_plan_format(const vnplan_plan *p) { return p ? p->format : NULL; }
const char *vnplan_plan_encoding(const vnplan_plan *p) { return p ? p->encoding : NULL; }
size_t vnplan_plan_bytes(const vnplan_plan *p) { return p ? p->bytes : 0; }
size_t vnplan_plan_warning_count(const vnplan_plan *p) { return p ? p->nwarn : 0; }

const char *vnplan_plan_warning(const vnplan_plan *p, size_t i, const char **code, long *line)
{
    if (!p || i >= p->nwarn)
        return NULL;
    if (code)
        *code = p->warnings[i].code;
    if (line)
        *line = p->warnings[i].line;
    return p->warnings[i].message;
}

size_t vnplan_plan_document_count(const vnplan_plan *p) { return p ? p->ndocs : 0; }

const vnplan_document *vnplan_plan_document(const vnplan_plan *p, size_t i)
{
    return p && i < p->ndocs ? p->docs[i] : NULL;
}

const char *vnplan_document_field(const vnplan_document *d, vnplan_field f)
{
    return d && (unsigned)f < VNPLAN_FIELD__COUNT ? d->fields[f] : NULL;
}

long vnplan_document_line(const vnplan_document *d) { return d ? d->line : 0; }
long vnplan_document_last_line(const vnplan_document *d) { return d ? d->last_line : 0; }
size_t vnplan_document_recipient_count(const vnplan_document *d) { return d ? d->nrecip : 0; }

const char *vnplan_document_recipient(const vnplan_document *d, size_t i)
{
    return d && i < d->nrecip ? d->recipients[i] : NULL;
}

size_t vnplan_document_residue_count(const vnplan_document *d) { return d ? d->nresidue : 0; }

const char *vnplan_document_residue(const vnplan_document *d, size_t i, long *line)
{
    if (!d || i >= d->nresidue)
        return NULL;
    if (line)
        *line = d->residue[i].line;
    return d->residue[i].text;
}

const vnplan_section *vnplan_document_root(const vnplan_document *d) { return d ? d->root : NULL; }
const vnplan_section *vnplan_section_parent(const vnplan_section *s) { return s ? s->parent : NULL; }
const vnplan_section *vnplan_section_first_child(const vnplan_section *s)
{
    return s ? s->first_child : NULL;
}
const vnplan_section *vnplan_section_next(const vnplan_section *s) { return s ? s->next : NULL; }
const char *vnplan_section_path(const vnplan_section *s) { return s ? s->path : NULL; }
const char *vnplan_section_number(const vnplan_section *s) { return s ? s->number : NULL; }
const char *vnplan_section_heading(const vnplan_section *s) { return s ? s->heading : NULL; }
int vnplan_section_level(const vnplan_section *s) { return s ? s->level : 0; }
long vnplan_section_line(const vnplan_section *s) { return s ? s->line : 0; }
size_t vnplan_section_para_count(const vnplan_section *s) { return s ? s->npara : 0; }

const char *vnplan_section_para(const vnplan_section *s, size_t i, vnplan_para_kind *kind,
                                const char **label, long *line)
{
    if (!s || i >= s->npara)
        return NULL;
    if (kind)
        *kind = s->paras[i].kind;
    if (label)
        *label = s->paras[i].label;
    if (line)
        *line = s->paras[i].line;
    return s->paras[i].text;
}

/* ---------------------------------------------------- tasks and references */

size_t vnplan_document_task_count(const vnplan_document *d, vnplan_task_part part)
{
    return d && (unsigned)part <= VNPLAN_DUTIES ? d->ntasks[part] : 0;
}

const vnplan_task *vnplan_document_task(const vnplan_document *d, vnplan_task_part part,
                                        size_t i)
{
    return d && (unsigned)part <= VNPLAN_DUTIES && i < d->ntasks[part] ? &d->tasks[part][i]
                                                                         : NULL;
}

const char *vnplan_task_id(const vnplan_task *t) { return t ? t->id : NULL; }
const char *vnplan_task_section(const vnplan_task *t) { return t ? t->section : NULL; }
const char *vnplan_task_heading(const vnplan_task *t) { return t ? t->heading : NULL; }
const char *vnplan_task_text(const vnplan_task *t) { return t ? t->text : NULL; }
long vnplan_task_line(const vnplan_task *t) { return t ? t->line : 0; }

size_t vnplan_task_agency_count(const vnplan_task *t, vnplan_role role)
{
    return t && (unsigned)role <= VNPLAN_ROLE_REQUESTED ? t->nroles[role] : 0;
}

const char *vnplan_task_agency(const vnplan_task *t, vnplan_role role, size_t i,
                               const char **id, const char **label)
{
    if (!t || (unsigned)role > VNPLAN_ROLE_REQUESTED || i >= t->nroles[role])
        return NULL;
    const vp_agency_ref *a = &t->roles[role][i];
    if (id)
        *id = a->agency ? a->agency->id : NULL;
    if (label)
        *label = a->agency ? a->agency->label : NULL;
    return a->name;
}

const char *vnplan_task_deadline(const vnplan_task *t, const char **date)
{
    if (date)
        *date = t ? t->deadline_date : NULL;
    return t ? t->deadline : NULL;
}

size_t vnplan_document_reference_count(const vnplan_document *d) { return d ? d->nrefs : 0; }

const char *vnplan_document_reference(const vnplan_document *d, size_t i, vnplan_ref_field f)
{
    if (!d || i >= d->nrefs)
        return NULL;
    const vp_doc_ref *r = &d->refs[i];
    switch (f) {
    case VNPLAN_REF_TYPE: return r->type;
    case VNPLAN_REF_NUMBER: return r->number;
    case VNPLAN_REF_NUMBER_RAW: return r->number_raw;
    case VNPLAN_REF_TITLE: return r->title;
    case VNPLAN_REF_DATE: return r->date;
    case VNPLAN_REF_ISSUER: return r->issuer;
    }
    return NULL;
}

int vnplan_document_reference_mentions(const vnplan_document *d, size_t i, long *line)
{
    if (!d || i >= d->nrefs)
        return 0;
    if (line)
        *line = d->refs[i].line;
    return d->refs[i].mentions;
}

const char *vnplan_task_agency_sector(const vnplan_task *t, vnplan_role role, size_t i)
{
    if (!t || (unsigned)role > VNPLAN_ROLE_REQUESTED || i >= t->nroles[role])
        return NULL;
    const vp_agency *a = t->roles[role][i].agency;
    return a ? a->sector : NULL;
}

const char *vnplan_task_agency_today(const vnplan_task *t, vnplan_role role, size_t i,
                                     const char **label)
{
    const vp_agency *a = NULL;
    if (t && (unsigned)role <= VNPLAN_ROLE_REQUESTED && i < t->nroles[role])
        a = t->roles[role][i].today;
    if (label)
        *label = a ? a->label : NULL;
    return a ? a->id : NULL;
}

size_t vnplan_document_deadline_count(const vnplan_document *d) { return d ? d->ndeadlines : 0; }

const char *vnplan_document_deadline(const vnplan_document *d, size_t i, const char **date,
                                     const char **task, long *line)
{
    if (!d || i >= d->ndeadlines)
        return NULL;
    const vp_doc_deadline *x = &d->deadlines[i];
    if (date)
        *date = x->date;
    if (task)
        *task = x->task ? x->task->id : NULL;
    if (line)
        *line = x->line;
    return x->text;
}

const char *vnplan_task_pillar(const vnplan_task *t, const char **basis, double *score)
{
    const vp_category *c = t ? t->pillar.category : NULL;
    if (basis)
        *basis = c ? t->pillar.basis : NULL;
    if (score)
        *score = c ? t->pillar.score : 0;
    return c ? c->id : NULL;
}
