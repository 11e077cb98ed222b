/* classify.h — the framework category of every section and task
 * (classify.c). */
#ifndef VNPLAN_CLASSIFY_H
#define VNPLAN_CLASSIFY_H
#include "model/model.h"
#include "compare/framework.h"

/* Classify every section and task of a document (classify.c): a task
 * under a section whose heading (or an ancestor's) names a category gets
 * it with basis "heading"; otherwise the best lexicon score, basis
 * "lexicon", with evidence; ties and low scores are flagged.  0 on lack of
 * memory. */
int vp_classify_document(vnplan_plan *p, vnplan_document *d, const vp_framework *fw);
#endif
