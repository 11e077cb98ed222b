/* header.h — the administrative parts of one document (header.c):
 * issuer, number, place and date, title, addressees, recipients, signer. */
#ifndef VNPLAN_HEADER_H
#define VNPLAN_HEADER_H
#include <stddef.h>
#include "read/blocks.h"
#include "model/model.h"
#include "core/patterns.h"
#include "core/vocab.h"
#include "structure/documents.h"

/* Read the administrative parts of the document in blocks[r) into `d`,
 * marking the blocks it consumed in `used`, and return the range of the
 * body (the content between the header and the signature).  0 on lack of
 * memory. */
int vp_read_header(vnplan_plan *p, vnplan_document *d, const vp_blocks *b, vp_span_range r,
                   const vp_patterns *re, const vp_vocab *v, unsigned char *used,
                   vp_span_range *body);

/* Join blocks whose boundary cuts a part of a header in two, as PDF and
 * web text do ("Số:" / "1782/QĐ-UBND", "Hà" / "Nội, ngày ...", "KẾ" /
 * "HOẠCH", "ỦY" / "BAN NHÂN DÂN ..."), before documents are found.  0 on
 * lack of memory. */
int vp_header_mend(vp_blocks *b, const vp_patterns *re, const vp_vocab *v);
#endif
