/* model.h — the tree the parser builds: plan → documents → sections →
 * paragraphs.  All strings and nodes of one plan live in its arena, so the
 * whole tree is released at once, without walking it. */
#ifndef VNPLAN_MODEL_H
#define VNPLAN_MODEL_H
#include <stdatomic.h>
#include <stddef.h>
#include "vnplan.h"

#include "core/arena.h"

/* ---------------------------------------------------------------- nodes */
/* The framework category of a section or task (classify.c). */
typedef struct vp_pillar {
    const struct vp_category *category;  /* NULL: unclassified            */
    const char *basis;                   /* "heading" or "lexicon"        */
    double score;                        /* lexicon score (0 for heading) */
    int tie;                             /* another category scored the same */
    int low;                             /* score below the confidence bar */
    const char **terms;                  /* evidence: lexicon terms ...    */
    long *lines;                         /* ... and the lines they stand on */
    size_t nevidence;
} vp_pillar;

typedef struct vp_para {
    vnplan_para_kind kind;
    const char *label;      /* "a", "-", "+", "" */
    const char *text;
    long line;
    long last_line;
    size_t block;           /* index of the source block */
} vp_para;

struct vnplan_section {
    vp_pillar pillar;        /* from its heading (basis "heading"), if any */
    const char *path, *number, *heading;
    int level;
    int rank;               /* numbering rank: 0 root, 1-5 Phần to Điều,
                               6 roman, 6+k arabic (sections.c) */
    long line;
    size_t block;           /* index of the heading block */
    vnplan_section *parent, *first_child, *last_child, *next;
    vp_para *paras;
    size_t npara, cappara;
};

typedef struct vp_residue {
    const char *text;
    const char *why;
    long line;
} vp_residue;

/* An agency as a task names it. */
typedef struct vp_agency_ref {
    const char *name;               /* as printed */
    const struct vp_agency *agency; /* the gazetteer's entry, or NULL */
    const struct vp_agency *today;  /* holder of its duties on the as-of
                                       date, when one was asked for */
} vp_agency_ref;

struct vnplan_task {
    vp_pillar pillar;
    const char *id, *section, *heading, *text;
    long line, last_line;
    vp_agency_ref *roles[3];        /* indexed by vnplan_role */
    size_t nroles[3], caproles[3];
    const char *deadline, *deadline_date;
};

/* What a document cites and schedules (see extract.h for the finders). */
typedef struct vp_doc_ref {
    const char *type, *number, *number_raw, *title, *date, *issuer;
    int mentions;
    long line;
} vp_doc_ref;

typedef struct vp_doc_deadline {
    const char *text, *date, *period;
    const vnplan_task *task;        /* the task it belongs to, or NULL */
    long line;
} vp_doc_deadline;

typedef struct vp_doc_reporting {
    const char *text, *frequency, *due, *to;
    long line;
} vp_doc_reporting;

typedef struct vp_doc_target {
    const char *text, *indicator, *value;
    int year;
    long line;
} vp_doc_target;

/* An agency a document's tasks and duties name, once: the same one by its
 * gazetteer id, else by the folded printed name (vp_agency_key).  planparse
 * lists these and plandiff matches the two plans' lists, so both group by
 * one rule. */
typedef struct vp_doc_agency {
    const struct vp_agency *agency; /* the gazetteer's entry, or NULL */
    const char *key;                /* its id, or the folded printed name */
    const char *label;              /* canonical name, or as first printed */
    const char **names;             /* every printed spelling, each once */
    size_t nnames, capnames;
    int roles[3];                   /* times named, by vnplan_role */
} vp_doc_agency;

struct vnplan_document {
    const char *framework;          /* id of the framework classified by */
    const char **implements;        /* framework decisions it cites */
    size_t nimplements, capimplements;
    vnplan_task *tasks[2];          /* indexed by vnplan_task_part */
    size_t ntasks[2], captasks[2];
    vp_doc_ref *refs;
    size_t nrefs, caprefs;
    vp_doc_deadline *deadlines;
    size_t ndeadlines, capdeadlines;
    vp_doc_reporting *reporting;
    size_t nreporting, capreporting;
    vp_doc_target *targets;
    size_t ntargets, captargets;
    vp_doc_agency *agencies;        /* in order of first appearance */
    size_t nagencies, capagencies;
    const char *fields[VNPLAN_FIELD__COUNT];
    long line, last_line;
    const char **recipients;
    size_t nrecip, caprecip;
    size_t naddressee;       /* the first recipients came from "Kính gửi" */
    vp_residue *residue;
    size_t nresidue, capresidue;
    vnplan_section *root;
};

typedef struct vp_warning {
    const char *code;
    const char *message;
    long line;
} vp_warning;

struct vnplan_plan {
    vp_arena *arena;
    const char *path;
    const char *format;
    const char *encoding;
    size_t bytes;
    vnplan_document **docs;
    size_t ndocs, capdocs;
    /* Read one document at a time (vnplan_parse_file_each): the documents
     * before this plan's, reduced to what a later one may take from them
     * (number, issuer, province: an appendix takes its parent's).  Not
     * owned. */
    const vnplan_document *const *prior;
    size_t nprior;
    vp_warning *warnings;
    size_t nwarn, capwarn;
    /* The loaded data the plan points into (agencies, framework
     * categories): held as long as the plan. */
    struct vp_data *data;
    /* vnplan_plan_free drops the caller's reference; a comparison holds
     * one too, so plan and diff may be freed in either order. */
    atomic_size_t refs;
};

vnplan_plan *vp_plan_new(void);
vnplan_plan *vp_plan_retain(const vnplan_plan *p);   /* one more reference */
vnplan_document *vp_plan_add_document(vnplan_plan *p);
int vp_plan_warn(vnplan_plan *p, long line, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int vp_doc_add_recipient(vnplan_plan *p, vnplan_document *d, const char *text, size_t len);
int vp_doc_add_residue(vnplan_plan *p, vnplan_document *d, const char *text, size_t len,
                       long line, const char *why);
vnplan_section *vp_section_new(vnplan_plan *p, vnplan_section *parent);
int vp_section_add_para(vnplan_plan *p, vnplan_section *s, const vp_para *para);
/* The section after `s` in document order below `root` (pre-order), or
 * NULL: walks the tree without recursion. */
const vnplan_section *vp_section_following(const vnplan_section *s, const vnplan_section *root);
#endif
