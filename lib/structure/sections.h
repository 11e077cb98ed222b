/* sections.h — the section tree of a document body, from the printed
 * numbering I. → 1. → 1.1. (never from Markdown "#" depth, which exports
 * get wrong), with every other block placed as a paragraph. */
#ifndef VNPLAN_SECTIONS_H
#define VNPLAN_SECTIONS_H
#include "read/blocks.h"
#include "structure/documents.h"
#include "model/model.h"

/* Build d->root's tree from blocks[body).  `max_depth` bounds nesting:
 * deeper numbering is kept as a paragraph with a warning.  0 on lack of
 * memory. */
int vp_build_sections(vnplan_plan *p, vnplan_document *d, const vp_blocks *b,
                      vp_span_range body, const vp_patterns *re, size_t max_depth);
#endif
