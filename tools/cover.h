/* cover.h — plancover's coverage matrix, as plancover.c builds it from the
 * plans and cover_render.c writes it in every format.  Only what the
 * reports show is kept of each plan (its parse is freed at once). */
#ifndef VNPLAN_COVER_H
#define VNPLAN_COVER_H
#include <stddef.h>
#include <stdio.h>

/* A task of a plan: where it is, who leads it, its column. */
typedef struct cv_task {
    char *id;            /* "T12" */
    long line;
    char *text;          /* only for xlsx (its "Nhiệm vụ" sheet), else NULL */
    char **leads;        /* labels, each once */
    size_t nleads;
    int *slot_cat;       /* category index in each framework slot, -1 none */
    int col;             /* column of the matrix, -1 unclassified */
} cv_task;

/* One plan: the document with the most tasks of one input file. */
typedef struct cv_plan {
    size_t input;        /* index among the files, for a stable order */
    char *file;          /* UTF-8 */
    char *province, *number, *date, *title;
    char *framework;     /* the framework it was classified by, or NULL */
    const char *group;   /* province as of --as-of (points into the plan's
                            own fields or the provinces table), or NULL */
    cv_task *tasks;
    size_t ntasks;
    size_t unclassified;
    size_t *counts;      /* per column */
} cv_plan;

/* A column: a category of the framework, pillars first. */
typedef struct cv_col {
    const char *id, *label_vi, *label_en;
    char code[16];        /* "P1", "N2": the text table's short heading */
    int is_pillar;
    size_t index;        /* position in the framework */
} cv_col;

/* A province (group) and its plans. */
typedef struct cv_group {
    const char *name;    /* NULL: plans whose province is not known */
    size_t first, nplans;    /* plans[first .. first+nplans) */
    size_t tasks;
    size_t *counts;      /* per column, summed over its plans */
} cv_group;

enum cv_format { CV_TEXT, CV_CSV, CV_JSON, CV_MARKDOWN, CV_HTML, CV_XLSX };

typedef struct cover {
    const char *framework, *framework_title, *framework_why, *framework_date;
    const char *as_of;
    int english;             /* labels in English (--lang=en) */
    cv_col *cols;
    size_t ncols;
    cv_plan **plans;         /* sorted: by group, date, number, input */
    size_t nplans;
    cv_group *groups;
    size_t ngroups;
    size_t nfiles, nskipped;
    int width;               /* text: the terminal's width */
} cover;

/* The label of a column in the report's language. */
const char *cv_label(const cover *cv, const cv_col *c);
/* The leads of a cell, each once, joined by "; " (malloc'd; NULL: no memory). */
char *cv_cell_leads(const cv_plan *p, size_t col);
/* Its evidence: "T3:45 T4:52" (task ids and lines), malloc'd. */
char *cv_cell_evidence(const cv_plan *p, size_t col);

/* Render the matrix; a malloc'd string (NULL: out of memory).  xlsx is
 * written straight to `path` by cv_write_xlsx: 1 done, 0 failed (`why`). */
char *cv_render(const cover *cv, enum cv_format fmt);
int cv_write_xlsx(const cover *cv, const char *path, const char **why);
#endif
