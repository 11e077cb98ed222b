/* extract.h — what plans cite and when things are due: legal references,
 * deadlines, reporting duties and quantified targets, found in the text of
 * one paragraph at a time and gathered per document. */
#ifndef VNPLAN_EXTRACT_H
#define VNPLAN_EXTRACT_H
#include <stddef.h>
#include "vnplan.h"
#include "patterns.h"

/* ------------------------------------------------------------ references */
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
    const char *code;  /* "impossible-year", "type-mismatch", "repaired-number" */
    char *message;
} vp_finding_warning;

/* A document's references, gathered paragraph by paragraph.  `doc_date`
 * (ISO or NULL) lets impossible years be flagged. */
typedef struct vp_refs vp_refs;
vp_refs *vp_refs_new(const vp_patterns *re, const char *doc_date);
void vp_refs_free(vp_refs *r);
/* Scan one paragraph; 0 only on lack of memory. */
int vp_refs_scan(vp_refs *r, const char *text, size_t len, long line);
size_t vp_refs_count(const vp_refs *r);
const vp_reference *vp_refs_at(const vp_refs *r, size_t i);
size_t vp_refs_warning_count(const vp_refs *r);
const vp_finding_warning *vp_refs_warning_at(const vp_refs *r, size_t i);

/* ------------------------------------------- deadlines, reporting, targets */
typedef struct vp_deadline {
    size_t start, end;  /* bytes of the phrase in the paragraph           */
    char date[11];      /* "2021-12-20"; "" when only a period/year        */
    char period[12];    /* "2021-2025" for "giai đoạn 2021 - 2025", or ""  */
    const char *kind;   /* "date" ("trước ngày 20/12/2021"; "--11-15" when
                           the year is unknown), "year-end" ("đến cuối năm
                           2021" → 2021-12-31), "year" ("đến năm 2025" →
                           period "2025"), "period" ("2021-2025"), "annual"
                           ("hằng năm", date and period "")              */
} vp_deadline;

typedef struct vp_reporting {
    size_t start, end;
    const char *frequency;  /* "annual", "semiannual", "quarterly", "monthly",
                               "once", "periodic"                          */
    char due[11];           /* "--11-15" for every year, or an ISO date, or "" */
    size_t to_start, to_end;/* whom to report to ("UBND tỉnh"), or 0,0     */
} vp_reporting;

typedef struct vp_target {
    size_t start, end;      /* the sentence clause holding the target      */
    size_t ind_start, ind_end; /* the indicator ("số hộ nghèo", "tỷ lệ hộ nghèo") */
    char value[32];         /* "1/2", "4-5%/năm", "100%"                   */
    int year;               /* 2025, or 0                                  */
} vp_target;

/* Each finder scans one paragraph and stores at most `max` results,
 * returning how many it found.  `doc_date` completes "15/11" style dates
 * ("trước ngày 15/11" in a 2021 plan is 2021-11-15). */
size_t vp_find_deadlines(const vp_patterns *re, const char *text, size_t len,
                         const char *doc_date, vp_deadline *out, size_t max);
size_t vp_find_reporting(const vp_patterns *re, const char *text, size_t len,
                         vp_reporting *out, size_t max);
size_t vp_find_targets(const vp_patterns *re, const char *text, size_t len,
                       vp_target *out, size_t max);
#endif
