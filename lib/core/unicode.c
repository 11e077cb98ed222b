/* unicode.c — the one provider of Unicode services (see unicode.h).
 *
 * utf8proc does validation, normalization, case mapping and character
 * properties; ICU is only asked for its version here (conversion lives in
 * charset.c).  The folded key (vp_fold) is built on code points: NFD plus
 * case folding from utf8proc, then one pass that moves tone marks to a
 * digit per syllable and unifies dashes, quotes and spaces, then NFC again
 * so that the marks that remain are stored compactly. */
#include "config.h"
#include "core/unicode.h"
#include "core/buf.h"
#include "vnplan.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

long vp_utf8_invalid_offset(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {          /* ASCII fast path: most of every plan */
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return (long)i;
        i += (size_t)n;
    }
    return -1;
}

int vp_utf8_decode(const char *s, size_t len, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)len, &c);
    if (n <= 0) {               /* callers promise valid input; stay safe */
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (int)n;
}

int vp_utf8_encode(int32_t cp, char *out)
{
    utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
    if (n <= 0)
        n = utf8proc_encode_char(0xFFFD, (utf8proc_uint8_t *)out);
    return (int)n;
}

/* A quick check in the spirit of Unicode's NFC_QC property: text made
 * only of code points that NFC leaves alone and that nothing composes with
 * is already NFC.  Conservative: Latin (U+0000–U+02FF, no combining marks),
 * the precomposed Vietnamese letters (U+1E00–U+1EFF) and general
 * punctuation and currency (U+2002–U+20CF; U+2000 and U+2001 are NFC
 * singletons).  Anything else goes through full normalization. */
static int surely_nfc(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
        } else if (c >= 0xC2 && c <= 0xCB) {          /* U+0080–U+02FF */
            i += 2;
        } else if (c == 0xE1 && i + 1 < len &&
                   ((unsigned char)s[i + 1] == 0xB8 || (unsigned char)s[i + 1] == 0xB9 ||
                    (unsigned char)s[i + 1] == 0xBA || (unsigned char)s[i + 1] == 0xBB)) {
            i += 3;                                    /* U+1E00–U+1EFF */
        } else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x82 &&
                   !((unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] <= 0x81)) {
            i += 3;                                    /* U+2002–U+20BF */
        } else {
            return 0;
        }
    }
    return 1;
}

char *vp_nfc(const char *s, size_t len, size_t *out_len)
{
    char *out = NULL;
    utf8proc_uint8_t *mapped = NULL;
    if (surely_nfc(s, len)) {   /* nothing to change: copy */
        out = malloc(len + 1);
        if (!out)
            goto fail;
        memcpy(out, s, len);
        out[len] = '\0';
        if (out_len)
            *out_len = len;
        return out;
    }
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                      &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        goto fail;
    out = (char *)mapped;
    if (out_len)
        *out_len = (size_t)n;
    return out;
fail:
    free(out);
    return NULL;
}

int vp_is_letter(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int vp_is_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' ||
           (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS);
}

int vp_is_line_break(int32_t cp)
{
    return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

int vp_is_white(int32_t cp) { return vp_is_space(cp) || vp_is_line_break(cp); }

int vp_is_dash(int32_t cp)
{
    if (cp < 0x80)
        return cp == '-';
    return cp == 0x2212 || utf8proc_category(cp) == UTF8PROC_CATEGORY_PD;
}

int vp_white_at(const char *s, size_t len, size_t i, int breaks)
{
    unsigned char c = (unsigned char)s[i];
    int32_t cp = c;
    int n = 1;
    if (c < 0x80)               /* most of any text: no decoding */
        return c == ' ' || c == '\t' || (breaks && c >= 0x0A && c <= 0x0D);
    if ((c & 0xC0) == 0x80)
        return 0;               /* inside a character */
    if (c >= 0x80)
        n = vp_utf8_decode(s + i, len - i, &cp);
    return (breaks ? vp_is_white(cp) : vp_is_space(cp)) ? n : 0;
}

int vp_is_upper(int32_t cp) { return utf8proc_isupper(cp); }
int vp_is_lower(int32_t cp) { return utf8proc_islower(cp); }
int32_t vp_to_upper(int32_t cp) { return utf8proc_toupper(cp); }
int32_t vp_to_lower(int32_t cp) { return utf8proc_tolower(cp); }

int vp_first_letter_case(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        i += (size_t)vp_utf8_decode(s + i, len - i, &cp);
        if (!vp_is_letter(cp))
            continue;
        if (vp_is_upper(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT)
            return 1;
        if (vp_is_lower(cp))
            return -1;
        return 0;
    }
    return 0;
}

int vp_is_all_caps(const char *s, size_t len)
{
    int letters = 0;
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        i += (size_t)vp_utf8_decode(s + i, len - i, &cp);
        if (!vp_is_letter(cp))
            continue;
        if (vp_is_lower(cp))
            return 0;
        letters++;
    }
    return letters > 0;
}

/* Word characters for case changes: letters, the marks that belong to
 * them, and digits (utf8proc orders the categories L*, M*, N*). */
static int is_word_char(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

/* The case-changing helpers share one loop; `mode` says what the first
 * letter of the string (1) or of every word (2) becomes; 0 lowers all. */
static char *recase(const char *s, size_t len, int mode)
{
    vp_buf b;
    vp_buf_init(&b);
    if (vp_utf8_invalid_offset(s, len) >= 0)
        goto fail;
    int first_done = 0, in_word = 0;
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        i += (size_t)vp_utf8_decode(s + i, len - i, &cp);
        int word = is_word_char(cp);
        int32_t to = cp;
        if (vp_is_letter(cp)) {
            int upper = (mode == 1 && !first_done) || (mode == 2 && !in_word);
            to = upper ? vp_to_upper(cp) : vp_to_lower(cp);
            first_done = 1;
        }
        in_word = word;
        char enc[4];
        vp_buf_append(&b, enc, (size_t)vp_utf8_encode(to, enc));
    }
    if (b.failed)
        goto fail;
    return vp_buf_detach(&b);
fail:
    vp_buf_free(&b);
    return NULL;
}

char *vp_lower(const char *s, size_t len) { return recase(s, len, 0); }
char *vp_sentence_case(const char *s, size_t len) { return recase(s, len, 1); }
char *vp_title_case(const char *s, size_t len) { return recase(s, len, 2); }

size_t vp_columns(const char *s, size_t len)
{
    size_t cols = 0, i = 0;
    while (i < len) {
        int32_t cp;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {   /* printable ASCII: one column */
            cols++;
            i++;
            continue;
        }
        /* Two-byte sequences (Latin with diacritics, đ ơ ư …) and the
         * precomposed Vietnamese letters U+1EA0–U+1EF9 (E1 BA/BB xx) are one
         * column each: the common case, without a table lookup.  Combining
         * marks (U+0300–U+036F, CC/CD xx) take none. */
        if (c >= 0xC2 && c <= 0xDF && i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            cols += (c == 0xCC || c == 0xCD) ? 0 : 1;
            i += 2;
            continue;
        }
        if (c == 0xE1 && i + 2 < len && ((unsigned char)s[i + 1] == 0xBA ||
                                          (unsigned char)s[i + 1] == 0xBB) &&
            ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            cols++;
            i += 3;
            continue;
        }
        if (c < 0x80) {
            cp = c;
            i++;
        } else {
            utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                  (utf8proc_ssize_t)(len - i), &cp);
            if (n <= 0) {       /* a stray byte shows as one replacement cell */
                cols++;
                i++;
                continue;
            }
            i += (size_t)n;
        }
        int w = utf8proc_charwidth(cp);
        if (w > 0)
            cols += (size_t)w;
    }
    return cols;
}

size_t vp_clip_len(const char *s, size_t chars, int *cut)
{
    size_t n = strlen(s), i = 0, c = 0, last_space = 0;
    while (i < n && c < chars) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        if (cp == ' ' || cp == '\n')
            last_space = i;
        i += (size_t)l;
        c++;
    }
    *cut = i < n;
    if (*cut && last_space > i - i / 5)
        i = last_space;
    while (*cut && i > 0 && (s[i - 1] == ' ' || s[i - 1] == ',' || s[i - 1] == ';'))
        i--;
    return i;
}

/* ---------------------------------------------------------------- fold */

/* The digit that stands for a Vietnamese tone mark, 0 if cp is none. */
static int tone_digit(int32_t cp)
{
    switch (cp) {
    case 0x0301: return '1';    /* sắc   */
    case 0x0300: return '2';    /* huyền */
    case 0x0309: return '3';    /* hỏi   */
    case 0x0303: return '4';    /* ngã   */
    case 0x0323: return '5';    /* nặng  */
    }
    return 0;
}

/* Curly and angle quotes → their ASCII form; 0 when cp is no quote. */
static int32_t straight_quote(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB:
        return '"';
    }
    return 0;
}

/* Tone marks seen in the current syllable; more than a few in one
 * syllable is not Vietnamese, and the extra ones are simply dropped. */
enum { MAX_TONES = 4 };

/* vp_fold, working in `mem` (`mem_cap` code points, may be 0) when the
 * text fits: then nothing is allocated and the key returned lies in mem. */
static char *fold_in(const char *s, size_t len, int flags, size_t *out_len,
                     utf8proc_int32_t *mem, size_t mem_cap)
{
    utf8proc_int32_t *nfd = NULL, *key = NULL;
    const int strip = (flags & VNPLAN_FOLD_DIACRITICS) != 0;
    const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD;

    /* Sizing pass first: utf8proc reports how many code points it needs. */
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s,
                                            (utf8proc_ssize_t)len, NULL, 0, opt);
    if (n < 0)
        goto fail;
    /* Each input code point yields at most itself plus one tone digit;
     * the +1 byte is room for the terminator utf8proc_reencode writes. */
    size_t cap = 2 * (size_t)n + 1;
    if (mem && (size_t)n + 1 + cap + 1 <= mem_cap) {
        nfd = mem;
        key = mem + n + 1;
    } else {
        mem = NULL;
        nfd = malloc(((size_t)n + 1) * sizeof *nfd);
        key = malloc(cap * sizeof *key + 1);
        if (!nfd || !key)
            goto fail;
    }
    if (n > 0 && utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                    nfd, n, opt) != n)
        goto fail;


    size_t k = 0;
    int in_syl = 0, pending_space = 0, last_dash = 0;
    int tones[MAX_TONES], ntones = 0;
    for (utf8proc_ssize_t i = 0; i <= n; i++) {
        int32_t cp = i < n ? nfd[i] : -1;    /* -1 flushes the last syllable */
        utf8proc_category_t cat = cp >= 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
        int is_mark = cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
        int is_alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                       (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);

        /* Invisible format characters (soft hyphen, zero-width space,
         * BOM) neither end a syllable nor reach the key. */
        if (cat == UTF8PROC_CATEGORY_CF)
            continue;
        if (in_syl && is_mark) {
            int d = tone_digit(cp);
            if (d) {
                if (ntones < MAX_TONES)
                    tones[ntones++] = d;
            } else if (!strip) {
                key[k++] = cp;
            }
            continue;
        }
        if (in_syl && !is_alnum) {
            if (!strip)
                for (int t = 0; t < ntones; t++)
                    key[k++] = tones[t];
            in_syl = 0;
            ntones = 0;
        }
        if (cp < 0)
            break;
        if (vp_is_white(cp)) {
            pending_space = k > 0;
            continue;
        }
        if (cat == UTF8PROC_CATEGORY_CC || (is_mark && strip))
            continue;
        if (pending_space) {
            key[k++] = ' ';
            pending_space = 0;
            last_dash = 0;
        }
        if (vp_is_dash(cp)) {
            if (!last_dash)     /* "--" and "—" are the same dash */
                key[k++] = '-';
            last_dash = 1;
            continue;
        }
        last_dash = 0;
        int32_t q = straight_quote(cp);
        if (q) {
            key[k++] = q;
            continue;
        }
        if (is_alnum) {
            in_syl = 1;
            /* Ð/ð (eth) stands in for Đ/đ in text that went through
             * Windows-1252; Đ was case folded already. */
            if (cp == 0x00F0)
                cp = 0x0111;
            if (strip && cp == 0x0111)
                cp = 'd';
        }
        key[k++] = cp;
    }

    /* Recompose what is left (breve, circumflex, horn) and encode in place. */
    utf8proc_ssize_t bytes = utf8proc_reencode(key, (utf8proc_ssize_t)k,
                                               UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (bytes < 0)
        goto fail;
    if (!mem)
        free(nfd);
    if (out_len)
        *out_len = (size_t)bytes;
    return (char *)key;
fail:
    if (!mem) {
        free(nfd);
        free(key);
    }
    return NULL;
}

char *vp_fold(const char *s, size_t len, int flags, size_t *out_len)
{
    return fold_in(s, len, flags, out_len, NULL, 0);
}

size_t vp_fold_line(const char *s, size_t len, char *out, size_t cap)
{
    return vp_fold_short(s, len, VNPLAN_FOLD_DIACRITICS, out, cap);
}

size_t vp_fold_short(const char *s, size_t len, int flags, char *out, size_t cap)
{
    /* Lines of up to a few hundred characters are folded on the stack: a
     * failed allocation must not make a line read as empty. */
    utf8proc_int32_t mem[3 * VP_FOLD_LINE_BYTES + 8];
    size_t n = 0;
    char *k = fold_in(s, len, flags, &n, mem, sizeof mem / sizeof mem[0]);
    if (!k) {
        out[0] = '\0';
        return 0;
    }
    if (n >= cap)
        n = cap - 1;
    memcpy(out, k, n);
    out[n] = '\0';
    if ((void *)k < (void *)mem || (void *)k >= (void *)(mem + sizeof mem / sizeof mem[0]))
        free(k);
    return n;
}

VNPLAN_API char *vnplan_fold(const char *text, size_t len, int flags)
{
    if (!text)
        return NULL;
    return vp_fold(text, len, flags, NULL);
}

/* ---------------------------------------------------------------- versions */

const char *vp_icu_version(void)
{
    /* ICU's symbols carry its major version, so the library found at run
     * time has the major we were built with; the minor is read from it.
     * Strings come from a constant table: no buffer to fill at run time. */
    static const char *const minors[] = {
        U_ICU_VERSION_SHORT ".0", U_ICU_VERSION_SHORT ".1", U_ICU_VERSION_SHORT ".2",
        U_ICU_VERSION_SHORT ".3", U_ICU_VERSION_SHORT ".4", U_ICU_VERSION_SHORT ".5",
        U_ICU_VERSION_SHORT ".6", U_ICU_VERSION_SHORT ".7", U_ICU_VERSION_SHORT ".8",
        U_ICU_VERSION_SHORT ".9",
    };
    UVersionInfo v;
    u_getVersion(v);
    if (v[0] == U_ICU_VERSION_MAJOR_NUM && v[1] < sizeof minors / sizeof minors[0])
        return minors[v[1]];
    return U_ICU_VERSION;
}

const char *vp_utf8proc_version(void) { return utf8proc_version(); }
