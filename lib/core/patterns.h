/* patterns.h — every regular expression of the parser, in one table,
 * compiled once (with the JIT where available) per loaded data object
 * (core/data.h) and shared read-only by every thread that uses it. */
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
    VP_RE_REF_NUMBERED,  /* a cited document with a number: "Quyết định số
                            161/QĐ -TTg" → 1 type word, 2 "số" if present,
                            3 number and symbol (spaces as printed)       */
    VP_RE_REF_BARE,      /* a bare symbol with a type abbreviation:
                            "20/2021/NĐ-CP", "39-CT/TW" → 1 the symbol      */
    VP_RE_REF_TITLED,    /* an unnumbered instrument: "Luật", "Pháp lệnh",
                            "Công ước"... (capitalised) → 1 the type word   */
    VP_RE_REF_DATE,      /* at the start offset: " ngày 25/01/2016" → 1-3
                            day, month, year; or 4-6 "ngày D tháng M năm Y" */
    VP_RE_REF_ISSUER,    /* at the start offset: " của " before a capital →
                            0 up to the issuer's first letter             */
    VP_RE_REF_TAILNUM,   /* at the start offset: " số 51/2010/QH12" → 1     */
    VP_RE_DEADLINE,      /* a time limit: 1-3 "trước ngày D/M[/Y]", 4-6 the
                            "ngày D tháng M năm Y" form, 7 "cuối năm Y",
                            8-9 "giai đoạn Y1-Y2", 10-11 a bare "Y1 - Y2",
                            12 "đến năm Y", 13 "tầm nhìn Y", 14 "hằng năm" */
    VP_RE_REPORT,        /* the words "báo cáo"                             */
    VP_RE_FREQUENCY,     /* 1 "hằng/hàng/mỗi" + 2 năm|quý|tháng; 3 "6 tháng";
                            4 "nửa năm"; 5 "định kỳ"                        */
    VP_RE_RECIPIENT,     /* the head of an agency name: "UBND", "Sở", "Bộ" */
    VP_RE_TARGET,        /* 1 qualifier "trên", 2 a percentage "4-5%/năm";
                            3 verb "giảm", 4 a fraction "1/2"             */
    VP_RE_TARGET_YEAR,   /* "năm 2025" → 1 the year                         */
    VP_RE_HEADER_CUT,    /* inside a line of a flattened header, where the
                            next part starts: the motto, "Số:" (1: where
                            its number ends, when more follows), a place
                            before ", ngày", a rule (2), "Căn cứ"; or 3:
                            where a date just ended                      */
    VP_RE__COUNT
} vp_re;

typedef struct vp_patterns vp_patterns;
struct vp_vocab;
/* Compiles the table; the references' kinds and the recipients' heads come
 * from the vocabulary. */
vp_patterns *vp_patterns_new(const struct vp_vocab *v, vnplan_error *err);
void vp_patterns_free(vp_patterns *p);

/* Match pattern `id` in s[0..len) from byte `start`.  On a match returns 1
 * and stores up to `ngroups` (start, end) byte pairs in `groups` (group 0
 * first); an unset group is (-1, -1).  No match: 0. */
int vp_match(const vp_patterns *p, vp_re id, const char *s, size_t len, size_t start,
             long *groups, int ngroups);
#endif
