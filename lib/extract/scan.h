/* scan.h — the small scanners the extractors (references.c, deadlines.c,
 * targets.c) read a paragraph with: white space, code points, words of
 * letters and digits, fixed phrases matched case-insensitively, digits as
 * numbers, and clause bounds.  All take NFC UTF-8 and byte offsets; none
 * allocates. */
#ifndef VNPLAN_SCAN_H
#define VNPLAN_SCAN_H
#include <stddef.h>
#include <stdint.h>

/* White space (vp_is_white) of one byte: the extractors read paragraphs
 * byte by byte, and the spaces they meet are ASCII. */
int vp_scan_is_space(char c);
/* The first offset from i that is not white space (len when none). */
size_t vp_scan_skip_space(const char *t, size_t len, size_t i);

/* The code point at t[i] (i < len), its byte length in *n. */
int32_t vp_scan_cp(const char *t, size_t len, size_t i, int *n);
/* A letter or an ASCII digit: what words are made of. */
int vp_scan_is_word_cp(int32_t cp);
/* An upper-case letter at t[i] (0 when i >= len). */
int vp_scan_upper_at(const char *t, size_t len, size_t i);
/* The end of the word (letters and digits) at t[i]. */
size_t vp_scan_word_end(const char *t, size_t len, size_t i);
/* The word just before t[at] (over white space) within 40 bytes, in
 * [*ws, *we); 0 when there is none. */
int vp_scan_prev_word(const char *t, size_t at, size_t *ws, size_t *we);

/* If the phrase `ph` (words separated by single spaces, which match any
 * run of white space) is at t[at], case folded and followed by a word
 * boundary, the offset after it; else 0. */
size_t vp_scan_phrase(const char *t, size_t len, size_t at, const char *ph);
/* The same for the first phrase of a NULL-terminated list that matches. */
size_t vp_scan_any_phrase(const char *t, size_t len, size_t at, const char *const *list);

/* The value of the digits t[s..e), at most the first 6 (0 when s >= e,
 * as for a regex group that did not match: -1, -1). */
int vp_scan_digits(const char *t, long s, long e);

/* A clause ends at ";" or at ".", "!", "?" before white space or the end
 * of the text ("4.0" and "./." do not end one). */
int vp_scan_clause_end(const char *t, size_t len, size_t i);

/* Clause bounds for increasing offsets: the start (and the start of the
 * comma- or colon-separated segment) is carried forward, the end is cached
 * until an offset passes it, so each byte is looked at a bounded number of
 * times. */
typedef struct vp_clauses {
    const char *t;
    size_t len, cur;
    size_t start, seg, end;     /* of the clause holding the last offset     */
} vp_clauses;

/* Starts tracking clauses of t[0..len). */
void vp_clauses_init(vp_clauses *c, const char *t, size_t len);
/* Moves to offset s (never less than the last one). */
void vp_clauses_at(vp_clauses *c, size_t s);
#endif
