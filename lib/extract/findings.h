/* findings.h — references, deadlines, reporting duties and targets of a
 * whole document (findings.c), gathered from every paragraph by the
 * finders of references.c, deadlines.c and targets.c. */
#ifndef VNPLAN_FINDINGS_H
#define VNPLAN_FINDINGS_H
#include "model/model.h"
#include "core/patterns.h"
#include "core/vocab.h"

/* At most `max_refs` distinct references are kept (VNPLAN_LIMIT_REFERENCES),
 * the rest counted in a warning.  0 on lack of memory. */
int vp_gather_findings(vnplan_plan *p, vnplan_document *d, const vp_patterns *re,
                       const vp_vocab *v, size_t max_refs);
#endif
