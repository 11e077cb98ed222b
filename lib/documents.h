/* documents.h — where one document of a file ends and the next begins
 * (a dispatch wrapping a plan holds two), and the administrative parts of
 * each: number, issuer, place and date, title, signer, recipients. */
#ifndef VNPLAN_DOCUMENTS_H
#define VNPLAN_DOCUMENTS_H
#include <stddef.h>
#include "blocks.h"
#include "model.h"
#include "patterns.h"

typedef struct vp_span_range {
    size_t start, end;       /* block indexes [start, end) */
} vp_span_range;

/* Split the blocks into documents.  Returns the number of documents
 * (at least 1 when there is any block) and a malloc'd array of ranges. */
size_t vp_split_documents(const vp_blocks *b, const vp_patterns *re, vp_span_range **out);

/* Read the administrative parts of the document in blocks[r) into `d`,
 * marking the blocks it consumed in `used`, and return the range of the
 * body (the content between the header and the signature).  0 on lack of
 * memory. */
int vp_read_header(vnplan_plan *p, vnplan_document *d, const vp_blocks *b, vp_span_range r,
                   const vp_patterns *re, unsigned char *used, vp_span_range *body);

/* Shared text tests. */
int vp_is_quoc_hieu(const char *s, size_t len);
/* The document type named by an all-caps title line ("KẾ HOẠCH HÀNH
 * ĐỘNG" → "KH"), or NULL. */
const char *vp_type_from_title(const char *s, size_t len);
#endif
