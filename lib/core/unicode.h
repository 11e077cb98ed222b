/* unicode.h — the library's one provider for each Unicode concern.
 * utf8proc: validation, normalization (NFC), case folding, the folded
 * matching key.  ICU: conversion from charsets ICU knows.  Everything after
 * the reader works on NFC UTF-8 and calls these helpers, never the
 * libraries directly. */
#ifndef VNPLAN_UNICODE_H
#define VNPLAN_UNICODE_H
#include <stddef.h>
#include <stdint.h>

/* Offset of the first invalid UTF-8 byte in s[0..len), or -1 if valid. */
long vp_utf8_invalid_offset(const char *s, size_t len);

/* Decode one code point at s (len > 0, valid UTF-8); returns its byte
 * length and stores the code point. */
int vp_utf8_decode(const char *s, size_t len, int32_t *cp);
/* Encode cp into out (4 bytes room); returns the byte length. */
int vp_utf8_encode(int32_t cp, char *out);

/* NFC of valid UTF-8; malloc'd, NUL-terminated, *out_len set; NULL on
 * failure. */
char *vp_nfc(const char *s, size_t len, size_t *out_len);

/* Character classes on code points. */
int vp_is_letter(int32_t cp);
int vp_is_upper(int32_t cp);
int vp_is_lower(int32_t cp);
int32_t vp_to_upper(int32_t cp);
int32_t vp_to_lower(int32_t cp);

/* The library's one definition of each: a space is a tab or a code point
 * of category Zs (the space, the no-break space, the typographic spaces);
 * a line break is LF, VT, FF, CR, NEL, U+2028 or U+2029; white space is
 * either.  A dash is a code point of category Pd ("-", "‐", "–", "—", ...)
 * or the minus sign U+2212, which word processors put for a dash. */
int vp_is_space(int32_t cp);
int vp_is_line_break(int32_t cp);
int vp_is_white(int32_t cp);
int vp_is_dash(int32_t cp);
/* For scanners that walk UTF-8 text byte by byte: the byte length of the
 * space (vp_is_space) or, when `breaks` is set, white space (vp_is_white)
 * that starts at s[i], i < len; 0 when none does (also when s[i] is
 * inside a character). */
int vp_white_at(const char *s, size_t len, size_t i, int breaks);

/* Case of the first letter of s: 1 upper, -1 lower, 0 no letter first. */
int vp_first_letter_case(const char *s, size_t len);
/* 1 if s has at least one letter and no lower-case letter. */
int vp_is_all_caps(const char *s, size_t len);
/* Lower-case copy (malloc'd). */
char *vp_lower(const char *s, size_t len);
/* "PHÓ CHỦ TỊCH" → "Phó chủ tịch": first letter upper, the rest lower. */
char *vp_sentence_case(const char *s, size_t len);
/* Capitalise the first letter of every word (for place names). */
char *vp_title_case(const char *s, size_t len);

/* Display width in columns of a UTF-8 string (for wrapping heuristics and
 * terminal output). */
size_t vp_columns(const char *s, size_t len);

/* Bytes of s (NUL-terminated) holding at most `chars` characters, cut
 * after a word when one ends in the last fifth, without trailing spaces,
 * commas or semicolons; *cut is set when something was left out.  For
 * excerpts in reports. */
size_t vp_clip_len(const char *s, size_t chars, int *cut);

/* The folded matching key (see vnplan_fold in vnplan.h): NFD, case
 * folded, each syllable's tone mark moved to a digit after the syllable
 * ("hòa", "hoà" → "hoa2"), dashes and quotes unified, white space
 * collapsed.  With VNPLAN_FOLD_DIACRITICS all marks are dropped and đ → d.
 * malloc'd; NULL on failure. */
char *vp_fold(const char *s, size_t len, int flags, size_t *out_len);

/* vp_fold without diacritics of a short line (a header line, compared
 * with fixed phrases) into out[cap], truncated, NUL-terminated; its
 * length, 0 when folding failed.  VP_FOLD_LINE_BYTES is room enough for
 * any header line. */
#define VP_FOLD_LINE_BYTES 256
size_t vp_fold_line(const char *s, size_t len, char *out, size_t cap);
/* The same with any vp_fold flags.  Neither allocates for text of up to
 * VP_FOLD_LINE_BYTES code points, so a short key cannot be lost to a lack
 * of memory. */
size_t vp_fold_short(const char *s, size_t len, int flags, char *out, size_t cap);

/* Versions of the libraries behind this module ("72.1", "2.8.0"). */
const char *vp_icu_version(void);
const char *vp_utf8proc_version(void);
#endif
