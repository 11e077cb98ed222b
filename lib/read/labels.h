/* labels.h — the printed list labels that give a plan its structure:
 * "I." (roman), "1." / "1.1." (arabic, one or more parts), "a)" / "đ)"
 * (letters), "-" and "+" bullets, and the named divisions of the law on
 * legal documents: "Phần I", "Chương II", "Mục 1", "Tiểu mục 1", "Điều 3.".  Shared by the block stage (a labelled
 * line starts a new block) and the section stage (labels rank sections). */
#ifndef VNPLAN_LABELS_H
#define VNPLAN_LABELS_H
#include <stddef.h>

typedef enum vp_label_kind {
    VP_LABEL_NONE = 0,
    VP_LABEL_ROMAN,     /* I. II. IV.                          */
    VP_LABEL_ARABIC,    /* 1.  2.3.  1.1  (parts = dot count)   */
    VP_LABEL_LETTER,    /* a)  đ)  b.                          */
    VP_LABEL_DASH,      /* - – • *                              */
    VP_LABEL_PLUS,      /* +                                    */
    /* Named divisions, from the largest: a word, a number (roman, arabic,
     * or "thứ nhất"...), then ".", ":" or a dash, or a heading in capitals,
     * or nothing (the heading is on the next line). */
    VP_LABEL_PART,      /* Phần I  PHẦN THỨ NHẤT               */
    VP_LABEL_CHAPTER,   /* Chương I  CHƯƠNG 2                   */
    VP_LABEL_DIVISION,  /* Mục 1                               */
    VP_LABEL_SUBDIVISION, /* Tiểu mục 1                        */
    VP_LABEL_ARTICLE    /* Điều 1.  Điều 2:  (punctuation required
                           unless alone: "Điều 1 do ..." is prose) */
} vp_label_kind;

/* 1.2.3.4.5.6.7.8.9.10 at most: ten parts of two digits fit `number`. */
#define VP_LABEL_MAX_PARTS 10

typedef struct vp_label {
    vp_label_kind kind;
    int parts;          /* ARABIC: number of numeric parts; ROMAN: 1 */
    int value;          /* value of the last part (roman converted)  */
    char number[32];    /* printed number without trailing dot: "2.1", "IV", "đ";
                           a named division with its word, one space
                           between: "Phần I", "ĐIỀU 3", "Phần thứ hai" */
    size_t skip;        /* bytes of label and following spaces (all of
                           the text when a named division stands alone) */
} vp_label;

/* Parse the label at the start of s[0..len).  Returns the kind (also in
 * out->kind); VP_LABEL_NONE when the text does not start with a label. */
vp_label_kind vp_label_parse(const char *s, size_t len, vp_label *out);
#endif
