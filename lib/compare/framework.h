/* framework.h — the national frameworks plans implement (Decision
 * 161/QĐ-TTg and its five pillars; Decision 155/QĐ-TTg and its
 * objectives) as DATA: categories with labels, Blueprint codes, the
 * heading phrases plans use for them and a weighted lexicon.  Loaded from
 * <datadir>/frameworks/NAME.txt or a user's file (format: docs/frameworks.md),
 * then used to classify every section and task. */
#ifndef VNPLAN_FRAMEWORK_H
#define VNPLAN_FRAMEWORK_H
#include <stddef.h>
#include "vnplan.h"
#include "core/arena.h"

typedef struct vp_category {
    const char *id;          /* "hoa_nhap", "tuyen_truyen", "obj1" ...       */
    const char *label_vi;    /* "Xây dựng cộng đồng hòa nhập"                */
    const char *label_en;    /* "Inclusive"                                 */
    const char *blueprint;   /* "B" (ASCC Blueprint characteristic) or NULL  */
    const char *elements;    /* "B.1 reducing barriers; B.2 ..." or NULL     */
    const char *crosswalk;   /* qd155: ids of the qd161 pillars it maps to,
                                space-separated, or NULL                    */
    int is_pillar;           /* 1 a pillar/objective, 0 a non-pillar part    */
    int provisional;         /* wording unconfirmed in a primary source      */
    size_t index;            /* position in the framework                    */
    /* Appended for classify.c (framework.c fills them): */
    const char *const *headings; /* its heading phrases as written ("^" first:
                                    the phrase must begin the heading)       */
    size_t nheadings;
    double bar;              /* the framework's confidence bar: a lexicon
                                score below it is flagged low             */
    double context;          /* weight of section headings in a task's
                                lexicon score (the task's own words: 1)   */
} vp_category;

typedef struct vp_framework vp_framework;

/* `name_or_path`: a framework id ("qd161", "qd155", looked up as
 * <datadir>/frameworks/<id>.txt) or a path to a framework file. */
vp_framework *vp_framework_load(const char *name_or_path, const char *datadir,
                                 vnplan_error *err);
void vp_framework_free(vp_framework *fw);

const char *vp_framework_id(const vp_framework *fw);      /* "qd161" */
const char *vp_framework_title(const vp_framework *fw);
const char *vp_framework_date(const vp_framework *fw);    /* "2016-01-25" or NULL */
size_t vp_framework_count(const vp_framework *fw);
const vp_category *vp_framework_at(const vp_framework *fw, size_t i);
const vp_category *vp_framework_by_id(const vp_framework *fw, const char *id);
/* Does the framework's decision appear among these reference numbers
 * ("161/QĐ-TTg")?  Used to detect which framework a plan implements. */
int vp_framework_cited(const vp_framework *fw, const char *number);

/* A lexicon term found in a text. */
typedef struct vp_evidence {
    const vp_category *category;
    const char *term;        /* the lexicon entry (as written in the data)   */
    size_t start, end;       /* bytes in the text                            */
    double weight;
} vp_evidence;

/* The category a heading names by one of its heading phrases, or NULL. */
const vp_category *vp_framework_heading(const vp_framework *fw, const char *heading);

/* Lexicon scores of text[0..len): scores[i] for category i (the array has
 * vp_framework_count entries); evidence stored up to `max_ev`, count
 * returned. */
size_t vp_framework_score(const vp_framework *fw, const char *text, size_t len,
                          double *scores, vp_evidence *ev, size_t max_ev);

/* The category of `fw` that `own`, a category of another framework,
 * continues: the newer framework names, for each of its categories, the
 * older ones it continues ("crosswalk = gan_ket"), followed backwards when
 * `fw` is the older.  When several qualify, the task's own words (`text`)
 * choose by `fw`'s lexicon; with no word for any, the first in the
 * framework's order.  NULL when none qualifies.  `scores` is work space of
 * vp_framework_count(fw) doubles. */
const vp_category *vp_framework_crosswalk(const vp_framework *fw, const vp_category *own,
                                          const char *text, double *scores);

#endif
