/* words.c — words of a text with byte offsets and their folded keys (see
 * words.h).
 *
 * Consumes: NFC UTF-8 text and the position of a word's first character.
 * Produces: the word's end, its folded key and the case of its letters.
 *
 * Design.  Folding a whole paragraph with vp_fold and mapping offsets back
 * would cost an allocation and an NFD pass per call; plans are written in
 * precomposed Latin letters, so each of those is looked up in a cache of
 * its own fold (base letters + tone digit), the tones are appended after
 * the word as vp_fold places them, and only a word holding something else
 * (a combining mark, a letter outside the cache) pays for vp_fold. */
#include "config.h"
#include "core/words.h"
#include "core/unicode.h"
#include "vnplan.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_TONES = 4 };         /* tone digits kept per word (as vp_fold)   */

#define FOLD_LO1 0x80
#define FOLD_HI1 0x250          /* Latin-1 .. Latin Extended-B               */
#define FOLD_LO2 0x1E00
#define FOLD_HI2 0x1F00         /* Latin Extended Additional (Vietnamese)    */

static const vp_fold_letter *fold_of(const vp_fold_cache *fc, int32_t cp)
{
    if (cp >= FOLD_LO1 && cp < FOLD_HI1)
        return &fc->letter[cp - FOLD_LO1];
    if (cp >= FOLD_LO2 && cp < FOLD_HI2)
        return &fc->letter[(FOLD_HI1 - FOLD_LO1) + (cp - FOLD_LO2)];
    return NULL;
}

int vp_fold_cache_init(vp_fold_cache *fc)
{
    for (int32_t cp = FOLD_LO1; cp < FOLD_HI2; cp++) {
        if (cp == FOLD_HI1)
            cp = FOLD_LO2;
        vp_fold_letter *fe = (vp_fold_letter *)fold_of(fc, cp);
        memset(fe, 0, sizeof *fe);
        if (!vp_is_letter(cp))
            continue;
        char u[4];
        int n = vp_utf8_encode(cp, u);
        size_t flen = 0;
        char *f = vp_fold(u, (size_t)n, VNPLAN_FOLD_DEFAULT, &flen);
        if (!f)
            return 0;
        char tone = 0;
        if (flen > 1 && f[flen - 1] >= '1' && f[flen - 1] <= '5') {
            tone = f[flen - 1];
            flen--;
        }
        if (flen >= 1 && flen <= sizeof fe->base) {
            memcpy(fe->base, f, flen);
            fe->len = (unsigned char)flen;
            fe->tone = tone;
            fe->upper = (unsigned char)(vp_is_upper(cp) != 0);
            fe->lower = (unsigned char)(vp_is_lower(cp) != 0);
        }
        free(f);
    }
    return 1;
}

int vp_word_ascii(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int vp_is_mark_cp(int32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

int vp_is_ignorable_cp(int32_t cp)
{
    return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

int vp_word_begins(const vp_fold_cache *fc, int32_t cp)
{
    if (cp < 0x80)
        return vp_word_ascii((unsigned char)cp);
    const vp_fold_letter *fe = fold_of(fc, cp);
    return (fe && fe->len) || vp_is_mark_cp(cp) || vp_is_letter(cp);
}

void vp_word_read(const vp_fold_cache *fc, const char *s, size_t len, size_t start,
                  vp_word *w, char *key)
{
    char tones[MAX_TONES];
    int ntones = 0, first_case = 0, has_lower = 0, has_letter = 0, slow = 0;
    size_t i = start, k = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (!vp_word_ascii(c))
                break;
            int up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
            if ((up || low) && !first_case)
                first_case = up ? 1 : -1;
            has_letter |= up || low;
            has_lower |= low;
            if (k < VP_WORD_KEY_MAX)
                key[k] = up ? (char)(c + 32) : (char)c;
            k++;
            i++;
            continue;
        }
        int32_t cp;
        int n = vp_utf8_decode(s + i, len - i, &cp);
        const vp_fold_letter *fe = fold_of(fc, cp);
        if (fe && fe->len) {
            if (!first_case)
                first_case = fe->upper ? 1 : fe->lower ? -1 : 0;
            has_letter = 1;
            has_lower |= fe->lower;
            if (k + fe->len <= VP_WORD_KEY_MAX)
                memcpy(key + k, fe->base, fe->len);
            k += fe->len;
            if (fe->tone && ntones < MAX_TONES)
                tones[ntones++] = fe->tone;
        } else if (vp_is_ignorable_cp(cp)) {
            /* skipped, as vp_fold does */
        } else if (vp_is_mark_cp(cp) || vp_is_letter(cp)) {
            slow = 1;           /* a combining mark, or a letter outside the cache */
            if (vp_is_letter(cp)) {
                int up = vp_is_upper(cp), low = vp_is_lower(cp);
                if (!first_case)
                    first_case = up ? 1 : low ? -1 : 0;
                has_letter = 1;
                has_lower |= low;
            }
        } else {
            break;
        }
        i += (size_t)n;
    }
    w->start = start;
    w->end = i;
    for (int j = 0; j < ntones; j++, k++)
        if (k < VP_WORD_KEY_MAX)
            key[k] = tones[j];
    if (slow) {
        size_t flen = 0;
        char *f = vp_fold(s + start, i - start, VNPLAN_FOLD_DEFAULT, &flen);
        k = f ? flen : VP_WORD_KEY_MAX + 1;
        if (f && flen <= VP_WORD_KEY_MAX)
            memcpy(key, f, flen);
        free(f);
    }
    w->bad = k > VP_WORD_KEY_MAX;
    w->klen = w->bad ? 0 : k;
    w->first_case = first_case;
    w->has_letter = has_letter;
    w->has_lower = has_lower;
}
