/* documents.c — splitting a file into documents.
 *
 * A document's header is anchored by its number line ("Số: 115/KH-UBND").
 * Before the anchor stand the issuer lines (all capitals) and perhaps the
 * national motto; the previous document ends where those begin.  A file
 * with no number line is one document. */
#include "config.h"
#include "structure/documents.h"
#include "core/vocab.h"
#include "core/unicode.h"
#include <stdlib.h>
#include <string.h>

static int is_number_line(const vp_block *blk, const vp_patterns *re)
{
    long g[4];
    return blk->kind == VP_BLOCK_PARA && blk->len <= VP_NUMBER_LINE_MAX &&
           vp_match(re, VP_RE_NUMBER, blk->text, blk->len, 0, g, 2);
}

/* Header lines that may stand before the number line. */
static int is_pre_anchor(const vp_block *blk)
{
    if (blk->kind != VP_BLOCK_PARA || blk->len == 0 || blk->len > VP_HEADER_LINE_MAX)
        return 0;
    return vp_is_all_caps(blk->text, blk->len) || vp_is_quoc_hieu(blk->text, blk->len);
}

size_t vp_split_documents(const vp_blocks *b, const vp_patterns *re, vp_span_range **out)
{
    *out = NULL;
    if (b->n == 0)
        return 0;
    size_t cap = 4, n = 0;
    vp_span_range *v = malloc(cap * sizeof *v);
    if (!v)
        return 0;
    v[0].start = 0;
    int seen_anchor = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (!is_number_line(&b->v[i], re))
            continue;
        if (!seen_anchor) {
            seen_anchor = 1;
            continue;   /* the first document starts at the top */
        }
        /* A second number line close to the first (a dispatch citing
         * another number in its header) is not a new document: require
         * some body in between. */
        size_t start = i;
        while (start > v[n].start + 1 && is_pre_anchor(&b->v[start - 1]))
            start--;
        if (start - v[n].start < 6)
            continue;
        v[n].end = start;
        if (++n == cap) {
            cap *= 2;
            vp_span_range *nv = realloc(v, cap * sizeof *nv);
            if (!nv) {
                free(v);
                return 0;
            }
            v = nv;
        }
        v[n].start = start;
    }
    v[n].end = b->n;
    *out = v;
    return n + 1;
}
