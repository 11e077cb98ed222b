/* patterns.h — every regular expression of the parser, in one table,
 * compiled once (with the JIT where available) per options object. */
#ifndef VNPLAN_PATTERNS_H
#define VNPLAN_PATTERNS_H
#include <stddef.h>
#include "vnplan.h"

typedef enum vp_re {
    VP_RE_NUMBER,        /* "Số: 12127 /KH-UBND" → 1: number and symbol     */
    VP_RE_PLACE_DATE,    /* "Khánh Hòa, ngày 29 tháng 11 năm 2021" → 1 place,
                            2 day, 3 month, 4 year                         */
    VP_RE_VV,            /* "V/v triển khai ..." → 1: the subject            */
    VP_RE_KINH_GUI,      /* "Kính gửi: X" → 1: X (may be empty)              */
    VP_RE_NOI_NHAN,      /* "Nơi nhận:" (also the unaccented "Noi nhận")    */
    VP_RE_ARCHIVE,       /* "Lưu: VT, VX." → 1: the list                    */
    VP_RE_AUTHORITY,     /* "KT. CHỦ TỊCH" → 1: KT, 2: CHỦ TỊCH              */
    VP_RE_STAMP,         /* stamp fields inside a line: "ngày: 19/7/16",
                            ": ....", "Chuyên: ....." → 0: the field        */
    VP_RE_STAMP_LINE,    /* a whole line that is a stamp field               */
    VP_RE_END_INITIALS,  /* "./. KD" at the end of the last paragraph →
                            1: the initials                                 */
    VP_RE__COUNT
} vp_re;

typedef struct vp_patterns vp_patterns;
vp_patterns *vp_patterns_new(vnplan_error *err);
void vp_patterns_free(vp_patterns *p);

/* Match pattern `id` in s[0..len) from byte `start`.  On a match returns 1
 * and stores up to `ngroups` (start, end) byte pairs in `groups` (group 0
 * first); an unset group is (-1, -1).  No match: 0. */
int vp_match(const vp_patterns *p, vp_re id, const char *s, size_t len, size_t start,
             long *groups, int ngroups);
#endif
