/* references.h — the documents a plan cites (references.c): laws,
 * decrees, decisions, resolutions, plans, with number, date and issuer,
 * found one paragraph at a time and gathered per document. */
#ifndef VNPLAN_REFERENCES_H
#define VNPLAN_REFERENCES_H
#include <stddef.h>
#include "vnplan.h"
#include "core/patterns.h"
#include "core/vocab.h"

typedef struct vp_reference {
    char *type;        /* "Quyết định", "Nghị định", "Nghị quyết", "Chỉ thị",
                          "Kế hoạch", "Thông tư", "Luật", "Pháp lệnh",
                          "Công ước", "Chương trình", "Đề án", ...        */
    char *number;      /* normalised: "161/QĐ-TTg", "20/2021/NĐ-CP",
                          "39-CT/TW"; NULL for an unnumbered law/convention */
    char *number_raw;  /* as first printed                                */
    char *title;       /* for unnumbered ones: "Luật Người khuyết tật"     */
    char *date;        /* ISO, or NULL                                     */
    char *issuer;      /* "Thủ tướng Chính phủ", or NULL                   */
    long line;         /* first mention                                    */
    int mentions;
} vp_reference;

typedef struct vp_finding_warning {
    long line;
    const char *code;  /* "impossible-year", "type-mismatch", "repaired-number",
                          "repaired-year", "date-conflict" */
    char *message;
} vp_finding_warning;

/* A document's references, gathered paragraph by paragraph.  `doc_date`
 * (ISO or NULL) lets impossible years be flagged; the kinds and the stop
 * lists come from `v`.  At most `max` distinct references and `max`
 * warnings are kept; vp_refs_dropped counts the mentions of further ones
 * and the warnings not kept. */
typedef struct vp_refs vp_refs;
vp_refs *vp_refs_new(const vp_patterns *re, const vp_vocab *v, const char *doc_date,
                     size_t max);
void vp_refs_dropped(const vp_refs *r, size_t *refs, size_t *warnings);
void vp_refs_free(vp_refs *r);
/* Scan one paragraph; 0 only on lack of memory. */
int vp_refs_scan(vp_refs *r, const char *text, size_t len, long line);
size_t vp_refs_count(const vp_refs *r);
const vp_reference *vp_refs_at(const vp_refs *r, size_t i);
size_t vp_refs_warning_count(const vp_refs *r);
const vp_finding_warning *vp_refs_warning_at(const vp_refs *r, size_t i);
#endif
