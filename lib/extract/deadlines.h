/* deadlines.h — when things are due (deadlines.c): time limits and
 * reporting duties found in the text of one paragraph. */
#ifndef VNPLAN_DEADLINES_H
#define VNPLAN_DEADLINES_H
#include <stddef.h>
#include "vnplan.h"
#include "core/patterns.h"
#include "core/vocab.h"

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

/* Each finder scans one paragraph and stores at most `max` results,
 * returning how many it found.  `doc_date` completes "15/11" style dates
 * ("trước ngày 15/11" in a 2021 plan is 2021-11-15). */
size_t vp_find_deadlines(const vp_patterns *re, const char *text, size_t len,
                         const char *doc_date, vp_deadline *out, size_t max);
/* Reporting reads its stop lists from `v`. */
size_t vp_find_reporting(const vp_patterns *re, const vp_vocab *v, const char *text,
                         size_t len, vp_reporting *out, size_t max);
#endif
