/* words.h — words of a text with byte offsets and their folded keys: the
 * tokenizer the agency matcher (agencies.c) and the framework matcher
 * (framework.c) share, so that a name in the gazetteer and a phrase in a
 * framework file are cut and keyed exactly as the text they are found in.
 *
 * A word is a run of letters, combining marks and digits; invisible format
 * characters inside it (soft hyphen, zero-width space, BOM) are skipped, as
 * vp_fold skips them.  Its key is its vp_fold form (case, tone placement:
 * "Hòa", "hoà" and "HOÀ" all give "hoa2").  Precomposed Latin letters are
 * folded on the fly from a fold cache built with vp_fold itself, so both
 * paths agree by construction; a word holding any other letter or a
 * combining mark goes to vp_fold whole.  What lies between words
 * (punctuation, dashes, sentence stops) is each caller's business. */
#ifndef VNPLAN_WORDS_H
#define VNPLAN_WORDS_H
#include <stddef.h>
#include <stdint.h>

#define VP_WORD_KEY_MAX 96      /* bytes of one folded key                   */

/* The fold of one precomposed letter: its folded base letters, its tone
 * digit and its case. */
typedef struct vp_fold_letter {
    unsigned char len;          /* bytes in base; 0: not a letter            */
    char tone;                  /* '1'..'5' or 0                             */
    unsigned char upper, lower;
    char base[8];
} vp_fold_letter;

/* Latin-1 to Latin Extended-B (U+0080..U+024F) and Latin Extended
 * Additional (U+1E00..U+1EFF, Vietnamese): the letters plans are written in. */
#define VP_FOLD_CACHE_N ((0x250 - 0x80) + (0x1F00 - 0x1E00))

typedef struct vp_fold_cache {
    vp_fold_letter letter[VP_FOLD_CACHE_N];
} vp_fold_cache;

/* Fills the cache from vp_fold on each letter alone; 0 when out of memory. */
int vp_fold_cache_init(vp_fold_cache *fc);

/* Character classes of the tokenizer. */
int vp_word_ascii(unsigned char c);                 /* ASCII letter or digit */
int vp_is_mark_cp(int32_t cp);                      /* a combining mark      */
int vp_is_ignorable_cp(int32_t cp);                 /* an invisible format
                                                       character             */
/* cp begins a word: a letter, a combining mark or a digit. */
int vp_word_begins(const vp_fold_cache *fc, int32_t cp);

typedef struct vp_word {
    size_t start, end;          /* bytes of the original text                */
    size_t klen;                /* bytes of the key; 0 when bad              */
    int bad;                    /* the key is longer than VP_WORD_KEY_MAX or
                                   vp_fold failed                            */
    int first_case;             /* first letter: 1 upper, -1 lower, 0 none   */
    int has_letter, has_lower;
} vp_word;

/* Reads the word that begins at s[start] (where vp_word_begins holds) into
 * *w and its key into key[] (room for VP_WORD_KEY_MAX bytes). */
void vp_word_read(const vp_fold_cache *fc, const char *s, size_t len, size_t start,
                  vp_word *w, char *key);
#endif
