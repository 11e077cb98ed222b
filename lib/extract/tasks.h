/* tasks.h — tasks and duties of a document, and who does them.
 *
 * Consumes a document's section tree (after sections.c) and the agency
 * gazetteer; produces the document's tasks (task part) and duties ("tổ
 * chức thực hiện" part), each with its lead, coordinating and requested
 * agencies and its deadline. */
#ifndef VNPLAN_TASKS_H
#define VNPLAN_TASKS_H
#include "extract/agencies.h"
#include "model/model.h"
#include "core/patterns.h"
#include "core/vocab.h"

/* `as_of` (ISO date or NULL) also records who holds each agency's duties
 * on that date.  Also lists the document's agencies (d->agencies).  0 on
 * lack of memory. */
int vp_extract_tasks(vnplan_plan *p, vnplan_document *d, const vp_gazetteer *g,
                     const vp_patterns *re, const vp_vocab *v, const char *as_of);

/* What makes two namings one agency: its gazetteer id, else its printed
 * name folded (case, tone placement, dashes, spaces).  malloc'd, NULL on
 * lack of memory.  Compare keys together with whether the gazetteer
 * knows the agency, so that an id never meets a folded name. */
char *vp_agency_key(const vp_agency_ref *a);


/* Which part of a plan a top-level heading opens. */
typedef enum vp_part {
    VP_PART_OTHER = 0,   /* purposes, objectives, funding, reporting */
    VP_PART_TASKS,
    VP_PART_DUTIES
} vp_part;
vp_part vp_part_of_heading(const char *heading);
#endif
