/* compare.h — the comparison of two plans as compare.c builds it and the
 * render_diff_*.c renderers read it. */
#ifndef VNPLAN_COMPARE_H
#define VNPLAN_COMPARE_H
#include "compare/framework.h"
#include "model/model.h"

typedef struct vp_diff_pair {
    const vnplan_task *a, *b;
    double score;
    int moved;       /* the two tasks are in different categories      */
    int verbatim;    /* near-identical wording (shared national text)  */
} vp_diff_pair;

/* One framework category (the last one: unclassified tasks). */
typedef struct vp_diff_cat {
    const vp_category *category;       /* NULL for the unclassified    */
    const vnplan_task **a, **b;        /* its tasks on each side       */
    size_t na, nb, capa, capb;
    vp_diff_pair *pairs;               /* pairs whose A task is here   */
    size_t npairs, cappairs;
    const vnplan_task **only_a, **only_b;
    size_t nonly_a, nonly_b, caponly_a, caponly_b;
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

struct vnplan_diff {
    vp_arena *arena;
    const vnplan_plan *pa, *pb;
    const vnplan_document *da, *db;
    const vp_framework *fw;
    const char *framework;
    double threshold;
    vp_diff_cat *cats;
    size_t ncats;
    vp_diff_pair *pairs;
    size_t npairs, cappairs;
    size_t only[2], moved, verbatim;
    vp_diff_agency *agencies;
    size_t nagencies, capagencies;
    vp_diff_sector *sectors;
    size_t nsectors, capsectors;
    vp_diff_ref *refs;
    size_t nrefs, caprefs;
    int differs;
};

#endif
