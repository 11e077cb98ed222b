/* compare.h — the comparison of two plans as compare.c builds it and the
 * render/diff_*.c renderers read it.  Everything a report shows is
 * computed here once; renderers only print it. */
#ifndef VNPLAN_COMPARE_H
#define VNPLAN_COMPARE_H
#include "compare/align.h"
#include "compare/framework.h"
#include "model/model.h"

typedef struct vp_diff_pair {
    const vnplan_task *a, *b;
    double score;
    int moved;       /* the two tasks are in different categories      */
    int verbatim;    /* near-identical wording (shared national text)  */
} vp_diff_pair;

/* Two tasks of the two plans that plan something in common without being
 * the same task: many to many (see relate_tasks in compare.c). */
typedef struct vp_diff_link {
    size_t a, b;             /* task indexes on side A and B              */
    double score;            /* similarity of their wording, 0..1         */
    const char *subjects;    /* labels of the subjects both name, " · "-
                                joined (labels hold commas), or NULL      */
    const char *terms;       /* wording both use, or NULL                 */
} vp_diff_link;

/* One framework category (the last one: unclassified tasks). */
typedef struct vp_diff_cat {
    const vp_category *category;       /* NULL for the unclassified    */
    const vnplan_task **a, **b;        /* its tasks on each side       */
    size_t na, nb, capa, capb;
    vp_diff_pair *pairs;               /* pairs whose A task is here   */
    size_t npairs, cappairs;
    const vnplan_task **only_a, **only_b;
    size_t nonly_a, nonly_b, caponly_a, caponly_b;
    const vnplan_task **gap_a, **gap_b;    /* of the only ones, those that
                                              nothing is related to     */
    size_t ngap_a, ngap_b, capgap_a, capgap_b;
    unsigned char *subj[2];  /* per side: subject i of data/subjects.tsv is
                                named by a task of the category (1) */
} vp_diff_cat;

typedef struct vp_diff_agency {
    const struct vp_agency *agency;    /* NULL: unknown, named as printed */
    const char *key, *label, *sector;
    int in[2];                         /* named by side A / B           */
    int lead[2];                       /* tasks it leads on each side   */
} vp_diff_agency;

/* A sector where the plans name different agencies that the other plan
 * meets with another of the same sector (Khánh Hòa's "Sở Du lịch" ~ Thanh
 * Hóa's "Sở Văn hóa, Thể thao và Du lịch"): all its agencies, either side. */
typedef struct vp_diff_sector {
    const char *sector;
    const vp_diff_agency **agencies;
    size_t n, cap;
} vp_diff_sector;

typedef struct vp_diff_ref {
    const char *key, *name, *type;
    int mentions[2];
} vp_diff_ref;

/* How a side's tasks got their categories in the comparison's framework. */
typedef enum vp_diff_mapping {
    VP_MAP_NONE = 0,      /* classified by that framework when parsed      */
    VP_MAP_CROSSWALK      /* classified by an older framework, mapped
                             through the comparison framework's crosswalk */
} vp_diff_mapping;

struct vnplan_diff {
    vp_arena *arena;
    const vnplan_plan *pa, *pb;        /* retained: freed with the diff */
    const vnplan_document *da, *db;
    struct vp_data *data;              /* retained: frameworks, lexicon */
    const vp_framework *fw;            /* the one framework of both sides */
    const char *framework;             /* its id                        */
    const char *framework_why;         /* "option", "both", "newer", "default" */
    vp_diff_mapping mapping[2];        /* per side                      */
    const char *mapped_from[2];        /* id of the side's own framework
                                          when mapped, else NULL        */
    const vp_category **task_cat[2];   /* per side, per task index: the
                                          category in `fw`, or NULL     */
    double threshold;
    vp_diff_cat *cats;
    size_t ncats;
    vp_diff_pair *pairs;
    size_t npairs, cappairs;
    vp_diff_link *links;               /* sorted by a, then best first  */
    size_t nlinks, caplinks;
    size_t *link_of[2];                /* per side: the links of task i
                                          are link_idx[side][link_of[side][i]
                                          .. link_of[side][i + 1]]      */
    size_t *link_idx[2];
    size_t only[2], gaps[2], moved, verbatim;
    vp_diff_agency *agencies;
    size_t nagencies, capagencies;
    vp_diff_sector *sectors;
    size_t nsectors, capsectors;
    vp_diff_ref *refs;
    size_t nrefs, caprefs;
    int differs;

    /* Filled last, from all of the above (vp_diff_summarize): the counts,
     * sides, leads and word differences every report prints. */
    struct vp_diff_summary *summary;
};

/* The category of task `t` of side 0 (A) or 1 (B) in the comparison's
 * framework (mapped through the crosswalk when its plan was classified by
 * another), or NULL when unclassified.  Renderers use this, never
 * t->pillar.category, which belongs to the plan's own framework. */
const vp_category *vp_diff_category(const vnplan_diff *df, int side, const vnplan_task *t);

/* ===================================================== the summary
 * What a report of a comparison shows, computed once after the pairing,
 * agencies and references (compare.c, vp_diff_summarize): the counts per
 * category and in total, agencies and references sorted by side, each
 * task's lead, each pair's word differences.  The four renderers print
 * these values and count nothing themselves, so every format gives the
 * same numbers. */

/* Where an agency or a reference is found. */
typedef enum vp_diff_where {
    VP_IN_BOTH = 0,
    VP_ONLY_A,
    VP_ONLY_B
} vp_diff_where;

/* Counts of one category, or of the whole comparison. */
typedef struct vp_diff_counts {
    size_t tasks[2];       /* tasks on side A, B                        */
    size_t pairs;          /* pairs (listed under A's category)         */
    size_t moved;          /* ... of them across categories            */
    size_t verbatim;       /* ... of them with the same wording        */
    size_t only[2];        /* tasks of side A, B in no pair             */
    size_t gaps[2];        /* ... of them, those with no related task   */
    size_t links;          /* related tasks (listed under A's category) */
    size_t subjects[2];    /* subjects its tasks name, on each side     */
    size_t subjects_both;  /* ... named on both                         */
} vp_diff_counts;

/* The words of a pair: runs of vp_word_diff over the two texts; NULL
 * runs when they could not be computed (show both texts unmarked). */
typedef struct vp_diff_words {
    const vp_diff_run *runs;
    size_t nruns;
} vp_diff_words;

#define VP_DIFF_NONE ((size_t)-1)   /* no such task, no pair */

typedef struct vp_diff_summary {
    vp_diff_counts *cats;                /* per df->cats[i]             */
    vp_diff_counts total;
    const vp_diff_agency **agencies[3];  /* by vp_diff_where, in the order
                                            of df->agencies             */
    size_t nagencies[3];
    const vp_diff_ref **refs[3];         /* likewise                    */
    size_t nrefs[3];
    size_t sectors;                      /* sectors met by different
                                            agencies (df->sectors)      */
    size_t reporting[2], targets[2];
    const char **lead[2];                /* per side, per task index: who
                                            leads it, or NULL           */
    size_t *pair_of[2];                  /* per side, per task index: its
                                            pair in df->pairs, or
                                            VP_DIFF_NONE                */
    const vnplan_task **only[2];         /* per side, the tasks of the
                                            categories' only lists in
                                            document order (total.only) */
    const vnplan_task **gaps[2];         /* likewise, the gaps          */
    vp_diff_words *words;                /* per df->pairs[k]            */
} vp_diff_summary;

/* Fill df->summary from the pairs, agencies and references.  0 on lack of
 * memory. */
int vp_diff_summarize(vnplan_diff *df);

/* Lookups for the renderers and the public getters. */

/* The index of `t` among the tasks of side 0 (A) or 1 (B), or VP_DIFF_NONE
 * when it is none of them. */
size_t vp_diff_task_index(const vnplan_diff *df, int side, const vnplan_task *t);
/* Who leads the task: the gazetteer name of its first lead agency, else
 * that agency as printed, else the first body requested to do it; NULL
 * when it names none. */
const char *vp_diff_lead(const vnplan_diff *df, int side, const vnplan_task *t);
/* The word differences of a pair (of df->pairs or of a category's). */
const vp_diff_words *vp_diff_pair_words(const vnplan_diff *df, const vp_diff_pair *p);
/* How the framework was chosen, in words for a report ("both plans
 * implement it"), or NULL when the comparison does not say. */
const char *vp_diff_framework_reason(const vnplan_diff *df);
/* The label of a category of df->cats; "Chưa phân loại" for the
 * unclassified. */
const char *vp_diff_cat_label(const vp_diff_cat *c);
#endif
