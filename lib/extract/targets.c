/* targets.c — quantified targets.
 *
 * Consumes one paragraph (NFC UTF-8) and produces its targets: a value
 * (a percentage "100%", "4-5%/năm", "trên 90%", or a fraction after a verb,
 * "giảm 1/2"), the indicator it quantifies and the year it is due.
 *
 * The indicator is found by a heuristic, in this order:
 *   1. after the value, when a noun follows it: "100% xã, phường, thị trấn
 *      làm tốt ..." → "xã, phường, thị trấn" (Vietnamese puts the share
 *      before what is counted); the phrase runs, commas included, to the
 *      first verb or preposition (làm, có, được, đạt, trong, ...);
 *   2. else before it, in the same comma-separated segment: the last
 *      indicator head ("tỷ lệ", "số", "mức", "chỉ số", ...) and the words up
 *      to the value, less a trailing verb ("giảm", "đạt") and a trailing
 *      "năm 2025" (which becomes the year): "số hộ nghèo năm 2025 giảm 1/2"
 *      → "số hộ nghèo", 2025; "mức giảm tỷ lệ hộ nghèo 4-5%/năm" → "tỷ lệ hộ
 *      nghèo";
 *   3. else none (0, 0): a value without a recognisable head is kept, its
 *      indicator left for a reader.
 * Every scan is bounded (a window of TARGET_WINDOW bytes), so the work is
 * linear in the paragraph. */
#include "config.h"
#include <string.h>
#include "extract/targets.h"
#include "extract/scan.h"
#include "core/unicode.h"

#define TARGET_WINDOW 240
#define AFTER_MAX_WORDS 8
#define WINDOW_WORDS 128

static int is_year_word(const char *t, size_t s, size_t e)
{
    if (e - s != 4)
        return 0;
    for (size_t i = s; i < e; i++)
        if (t[i] < '0' || t[i] > '9')
            return 0;
    return t[s] == '1' || t[s] == '2';
}

/* Copies t[s..e) into v without white space, dashes as "-", after an
 * optional qualifier ("trên 90%"). */
static void make_value(char v[32], const char *t, size_t qs, size_t qe, size_t s, size_t e)
{
    size_t o = 0;
    if (qs < qe) {
        for (size_t i = qs; i < qe && o < 20; i++) {
            if (vp_scan_is_space(t[i])) {
                if (o && v[o - 1] != ' ')
                    v[o++] = ' ';
            } else {
                v[o++] = t[i];
            }
        }
        v[o++] = ' ';
    }
    for (size_t i = s; i < e && o < 31;) {
        unsigned char c = (unsigned char)t[i];
        int n;
        if (vp_scan_is_space((char)c)) {
            i++;
        } else if (c >= 0x80 && vp_is_dash(vp_scan_cp(t, e, i, &n))) {
            v[o++] = '-';
            i += (size_t)n;
        } else {
            /* copy a whole UTF-8 sequence or nothing */
            size_t k = 1;
            while (i + k < e && ((unsigned char)t[i + k] & 0xC0) == 0x80)
                k++;
            if (o + k > 31)
                break;
            memcpy(v + o, t + i, k);
            o += k;
            i += k;
        }
    }
    v[o] = '\0';
}

/* The indicator after the value (rule 1); 0 if none. */
static int indicator_after(const vp_vocab *v, const char *t, size_t ce, size_t ve, size_t *is,
                           size_t *ie)
{
    const char *const *after_stops = vp_vocab_list(v, VP_LIST_INDICATOR_STOPS);
    size_t i = vp_scan_skip_space(t, ce, ve);
    int n;
    if (i >= ce || !vp_is_letter(vp_scan_cp(t, ce, i, &n)) ||
        vp_scan_any_phrase(t, ce, i, vp_vocab_list(v, VP_LIST_VALUE_NOT_BEFORE)))
        return 0;
    size_t start = i, last = i;
    int words = 0;
    while (i < ce && words < AFTER_MAX_WORDS) {
        i = vp_scan_skip_space(t, ce, i);
        if (i < ce && t[i] == ',' && words > 0) {
            i = vp_scan_skip_space(t, ce, i + 1);
            if (i >= ce || !vp_is_letter(vp_scan_cp(t, ce, i, &n)))
                break;
        }
        if (i >= ce || !vp_is_letter(vp_scan_cp(t, ce, i, &n)))
            break;
        if (vp_scan_any_phrase(t, ce, i, after_stops))
            break;
        last = i = vp_scan_word_end(t, ce, i);
        words++;
    }
    if (!words)
        return 0;
    *is = start;
    *ie = last;
    return 1;
}

/* The indicator before t[end] within t[from..end) (rule 2); 0 if none. */
static int indicator_before(const vp_vocab *v, const char *t, size_t from, size_t end,
                            size_t *is, size_t *ie)
{
    const char *const *heads = vp_vocab_list(v, VP_LIST_INDICATOR_HEADS);
    const char *const *trailing = vp_vocab_list(v, VP_LIST_INDICATOR_TRAILING);
    size_t ws[WINDOW_WORDS], we[WINDOW_WORDS];
    int nw = 0, head = -1;
    size_t i = from;
    while (i < end && ((unsigned char)t[i] & 0xC0) == 0x80)
        i++;                            /* a window may start mid-character */
    while (i < end && nw < WINDOW_WORDS) {
        int n;
        if (!vp_scan_is_word_cp(vp_scan_cp(t, end, i, &n))) {
            i += (size_t)n;
            continue;
        }
        size_t h = vp_scan_any_phrase(t, end, i, heads);
        size_t e = h ? h : vp_scan_word_end(t, end, i);
        if (h)
            head = nw;
        ws[nw] = i;
        we[nw] = e;
        nw++;
        i = e;
    }
    /* trailing verbs and a trailing "năm 2025" */
    for (;;) {
        if (nw >= 2 && is_year_word(t, ws[nw - 1], we[nw - 1]) &&
            vp_scan_phrase(t, end, ws[nw - 2], "năm")) {
            nw -= 2;
            continue;
        }
        if (nw >= 1 && nw - 1 != head && vp_scan_any_phrase(t, we[nw - 1], ws[nw - 1], trailing) ==
                                             we[nw - 1]) {
            nw -= 1;
            continue;
        }
        if (nw >= 1 && nw - 1 == head && vp_scan_phrase(t, end, ws[nw - 1], "mức")) {
            nw -= 1;                    /* "ở mức": no indicator yet */
            head = -1;
            for (int k = 0; k < nw; k++)
                if (vp_scan_any_phrase(t, end, ws[k], heads) == we[k])
                    head = k;
            continue;
        }
        break;
    }
    if (head < 0 || head >= nw)
        return 0;
    /* cut at a "năm 2025" inside ("số hộ nghèo năm 2025 giảm") */
    int last = nw - 1;
    for (int k = head + 1; k + 1 < nw; k++)
        if (vp_scan_phrase(t, end, ws[k], "năm") && is_year_word(t, ws[k + 1], we[k + 1])) {
            last = k - 1;
            break;
        }
    if (last < head)
        return 0;
    *is = ws[head];
    *ie = we[last];
    return 1;
}

/* "năm 2025": the last one in t[from..end), or the first after "đến",
 * "vào", "trong" in t[from2..end2); 0 if none. */
static int find_year(const vp_patterns *re, const vp_vocab *v, const char *t, size_t from,
                     size_t end, size_t from2, size_t end2)
{
    const char *const *year_leads = vp_vocab_list(v, VP_LIST_YEAR_LEADS);
    long g[4];
    int year = 0;
    size_t p = from;
    while (p < end && vp_match(re, VP_RE_TARGET_YEAR, t, end, p, g, 2)) {
        year = vp_scan_digits(t, g[2], g[3]);
        p = (size_t)g[1];
    }
    if (year)
        return year;
    p = from2;
    while (p < end2 && vp_match(re, VP_RE_TARGET_YEAR, t, end2, p, g, 2)) {
        size_t k = (size_t)g[0];
        size_t ws = k;
        while (ws > from2 && vp_scan_is_space(t[ws - 1]))
            ws--;
        for (size_t j = 0; year_leads[j]; j++) {
            size_t l = strlen(year_leads[j]);
            if (ws >= from2 + l && vp_scan_phrase(t, ws, ws - l, year_leads[j]) == ws)
                return vp_scan_digits(t, g[2], g[3]);
        }
        p = (size_t)g[1];
    }
    return 0;
}

size_t vp_find_targets(const vp_patterns *re, const vp_vocab *v, const char *text,
                       size_t len, vp_target *out, size_t max)
{
    size_t n = 0, pos = 0;
    vp_clauses cl;
    vp_clauses_init(&cl, text, len);
    long g[10];
    while (n < max && pos < len && vp_match(re, VP_RE_TARGET, text, len, pos, g, 5)) {
        size_t s = (size_t)g[0];
        pos = (size_t)g[1] > pos ? (size_t)g[1] : pos + 1;
        vp_target t;
        memset(&t, 0, sizeof t);
        size_t vs, ve, before_end;
        if (g[4] >= 0) {                        /* a percentage */
            vs = (size_t)g[4];
            ve = (size_t)g[5];
            before_end = s;
            if (g[2] >= 0)
                make_value(t.value, text, (size_t)g[2], (size_t)g[3], vs, ve);
            else
                make_value(t.value, text, 0, 0, vs, ve);
        } else {                                /* a fraction after a verb */
            vs = (size_t)g[8];
            ve = (size_t)g[9];
            before_end = (size_t)g[6];
            size_t slash = vs;
            while (slash < ve && text[slash] != '/')
                slash++;
            size_t d = vp_scan_skip_space(text, ve, slash + 1);
            size_t ne = slash;
            while (ne > vs && vp_scan_is_space(text[ne - 1]))
                ne--;
            int a = vp_scan_digits(text, vs, ne), b = vp_scan_digits(text, d, ve);
            if (a < 1 || b < 2 || a >= b || b > 20)
                continue;                       /* "15/11" is not a share */
            make_value(t.value, text, 0, 0, vs, ve);
        }
        vp_clauses_at(&cl, s);
        size_t cs = vp_scan_skip_space(text, len, cl.start), ce = cl.end;
        size_t seg = cl.seg > before_end ? before_end : cl.seg;
        t.start = cs;
        t.end = ce;
        size_t from = before_end > TARGET_WINDOW ? before_end - TARGET_WINDOW : 0;
        if (from < seg)
            from = seg;
        if (!indicator_after(v, text, ce, ve, &t.ind_start, &t.ind_end) &&
            !indicator_before(v, text, from, before_end, &t.ind_start, &t.ind_end))
            t.ind_start = t.ind_end = 0;
        size_t end2 = ve + 120 < ce ? ve + 120 : ce;
        t.year = find_year(re, v, text, from, before_end, ve, end2);
        out[n++] = t;
    }
    return n;
}
