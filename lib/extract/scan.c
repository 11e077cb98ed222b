/* scan.c — the extractors' small scanners (see scan.h).
 *
 * Consumes: one paragraph of NFC UTF-8 and byte offsets into it.
 * Produces: offsets (ends of words, phrases, clauses) and small values.
 * Every loop is bounded by the text or by a fixed window, so callers that
 * scan a bounded distance after each match stay linear in the paragraph. */
#include "config.h"
#include "extract/scan.h"
#include "core/unicode.h"

#include <string.h>

int vp_scan_is_space(char c)
{
    return (unsigned char)c < 0x80 && vp_is_white((unsigned char)c);
}

size_t vp_scan_skip_space(const char *t, size_t len, size_t i)
{
    while (i < len && vp_scan_is_space(t[i]))
        i++;
    return i;
}

int32_t vp_scan_cp(const char *t, size_t len, size_t i, int *n)
{
    int32_t cp;
    *n = vp_utf8_decode(t + i, len - i, &cp);
    return cp;
}

int vp_scan_is_word_cp(int32_t cp)
{
    return (cp >= '0' && cp <= '9') || vp_is_letter(cp);
}

int vp_scan_upper_at(const char *t, size_t len, size_t i)
{
    int n;
    return i < len && vp_is_upper(vp_scan_cp(t, len, i, &n));
}

size_t vp_scan_word_end(const char *t, size_t len, size_t i)
{
    int n;
    while (i < len && vp_scan_is_word_cp(vp_scan_cp(t, len, i, &n)))
        i += (size_t)n;
    return i;
}

int vp_scan_prev_word(const char *t, size_t at, size_t *ws, size_t *we)
{
    size_t i = at, floor = at > 40 ? at - 40 : 0;
    while (i > floor && vp_scan_is_space(t[i - 1]))
        i--;
    size_t e = i;
    while (i > floor) {
        size_t k = i - 1;
        while (k > floor && ((unsigned char)t[k] & 0xC0) == 0x80)
            k--;
        int32_t cp;
        vp_utf8_decode(t + k, i - k, &cp);
        if (!vp_scan_is_word_cp(cp))
            break;
        i = k;
    }
    if (i == e)
        return 0;
    *ws = i;
    *we = e;
    return 1;
}

size_t vp_scan_phrase(const char *t, size_t len, size_t at, const char *ph)
{
    size_t i = at, j = 0, plen = strlen(ph);
    while (j < plen) {
        if (ph[j] == ' ') {
            if (i >= len || !vp_scan_is_space(t[i]))
                return 0;
            i = vp_scan_skip_space(t, len, i);
            j++;
            continue;
        }
        if (i >= len)
            return 0;
        int a, b;
        int32_t ct = vp_scan_cp(t, len, i, &a), cw = vp_scan_cp(ph, plen, j, &b);
        if (vp_to_lower(ct) != vp_to_lower(cw))
            return 0;
        i += (size_t)a;
        j += (size_t)b;
    }
    int n;
    if (i < len && vp_scan_is_word_cp(vp_scan_cp(t, len, i, &n)))
        return 0;
    return i;
}

size_t vp_scan_any_phrase(const char *t, size_t len, size_t at, const char *const *list)
{
    for (size_t k = 0; list[k]; k++) {
        size_t e = vp_scan_phrase(t, len, at, list[k]);
        if (e)
            return e;
    }
    return 0;
}

int vp_scan_digits(const char *t, long s, long e)
{
    int v = 0;
    for (long i = s; i < e && i - s < 6; i++)
        v = v * 10 + (t[i] - '0');
    return v;
}

int vp_scan_clause_end(const char *t, size_t len, size_t i)
{
    char c = t[i];
    if (c == ';')
        return 1;
    if (c == '.' || c == '!' || c == '?')
        return i + 1 >= len || vp_scan_is_space(t[i + 1]);
    return 0;
}

void vp_clauses_init(vp_clauses *c, const char *t, size_t len)
{
    *c = (vp_clauses){ t, len, 0, 0, 0, 0 };
}

void vp_clauses_at(vp_clauses *c, size_t s)
{
    for (; c->cur < s; c->cur++) {
        if (vp_scan_clause_end(c->t, c->len, c->cur))
            c->start = c->seg = c->cur + 1;
        else if (c->t[c->cur] == ',' || c->t[c->cur] == ':')
            c->seg = c->cur + 1;
    }
    if (c->end <= s) {
        size_t e = s;
        while (e < c->len && !vp_scan_clause_end(c->t, c->len, e))
            e++;
        c->end = e;
    }
}
