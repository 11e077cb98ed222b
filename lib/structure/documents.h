/* documents.h — where one document of a file ends and the next begins
 * (a dispatch wrapping a plan holds two); documents.c. */
#ifndef VNPLAN_DOCUMENTS_H
#define VNPLAN_DOCUMENTS_H
#include <stddef.h>
#include "read/blocks.h"
#include "model/model.h"
#include "core/patterns.h"

/* Caps on header lines, in bytes: longer lines are content. */
#define VP_NUMBER_LINE_MAX 90   /* "Số: 12127/KH-UBND"                       */
#define VP_HEADER_LINE_MAX 120  /* an issuer line before it, the place and
                                   date line                              */

typedef struct vp_span_range {
    size_t start, end;       /* block indexes [start, end) */
} vp_span_range;

/* Split the blocks into documents.  Returns the number of documents
 * (at least 1 when there is any block) and a malloc'd array of ranges. */
size_t vp_split_documents(const vp_blocks *b, const vp_patterns *re, vp_span_range **out);

#endif
