/* documents.h — where one document of a file ends and the next begins
 * (a dispatch wrapping a plan holds two); documents.c. */
#ifndef VNPLAN_DOCUMENTS_H
#define VNPLAN_DOCUMENTS_H
#include <stddef.h>
#include "read/blocks.h"
#include "model/model.h"
#include "core/patterns.h"
#include "core/vocab.h"

/* Caps on header lines, in bytes: longer lines are content. */
#define VP_NUMBER_LINE_MAX 90   /* "Số: 12127/KH-UBND"                       */
#define VP_HEADER_LINE_MAX 120  /* an issuer line before it, the place and
                                   date line                              */

typedef struct vp_span_range {
    size_t start, end;       /* block indexes [start, end) */
} vp_span_range;

/* Split the blocks into documents.  Returns the number of documents
 * (at least 1 when there is any block) and a malloc'd array of ranges.
 * `v` (may be NULL) knows the kinds of documents, so that a document
 * attached to the one before ("KẾ HOẠCH" after a decision's signature)
 * starts a document of its own even without a number line. */
size_t vp_split_documents(const vp_blocks *b, const vp_patterns *re, const vp_vocab *v,
                          vp_span_range **out);

/* Is the block the line under an attached document's title that names the
 * document it is attached to: "(Kèm theo Quyết định số 12/QĐ-UBND ngày
 * ...)", "(Ban hành kèm theo ...)", in parentheses? */
int vp_is_attachment_line(const vp_block *blk);

/* Read the attachment line of the document in blocks[r), if any: the
 * number it names becomes the document's VNPLAN_FIELD_ATTACHED_TO and,
 * when the document prints none of its own, its number and date (an
 * attached plan is cited by its decision's); issuer and province come
 * from that decision when the file holds it.  The line is marked in `used`
 * and taken off the front of `body`.  0 on lack of memory. */
int vp_read_attachment(vnplan_plan *p, vnplan_document *d, const vp_blocks *b, vp_span_range r,
                       const vp_patterns *re, const vp_vocab *v, unsigned char *used,
                       vp_span_range *body);

#endif
