/* deadlines.c — when things are due and who reports to whom.
 *
 * Consumes one paragraph (NFC UTF-8) and produces two lists:
 *
 *   deadlines  every time limit in the text, in order: a date ("trước ngày
 *              20/12/2021", "trước ngày 15/11" completed with the plan's
 *              year), a year end ("đến cuối năm 2021"), a horizon year
 *              ("đến năm 2025", "tầm nhìn 2030"), a period ("giai đoạn
 *              2021 – 2025", any dash and spacing, also across a line
 *              break; a bare "2012 – 2020"), a recurrence ("hằng năm");
 *   reporting  every reporting duty: a "báo cáo" used as a verb, read with
 *              the clause around it (between ";" or sentence ends) for its
 *              frequency ("định kỳ hàng năm", "6 tháng", "hằng quý"), its
 *              due date ("trước ngày 15/11") and its recipient ("về UBND
 *              tỉnh", "báo cáo Ủy ban nhân dân tỉnh").
 *
 * Patterns come from the table in patterns.c.  Clause bounds are tracked
 * while the paragraph is read left to right, and every scan after a match
 * is bounded, so the work is linear in the paragraph. */
#include "config.h"
#include <string.h>
#include "extract/deadlines.h"
#include "extract/scan.h"
#include "core/unicode.h"

#define TO_MAX_WORDS 10
#define TO_MAX_BYTES 160        /* of whom a report goes to */

/* ------------------------------------------------------------ text helpers */

/* The word before t[at] is one of `list`. */
static int prev_word_is(const char *t, size_t at, const char *const *list)
{
    size_t ws, we;
    if (!vp_scan_prev_word(t, at, &ws, &we))
        return 0;
    for (size_t k = 0; list[k]; k++)
        if (vp_scan_phrase(t, we, ws, list[k]) == we)
            return 1;
    return 0;
}

static int valid_day(int d, int m)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Writes v (>= 0) as exactly w digits. */
static char *put_digits(char *o, int v, int w)
{
    for (int i = w - 1; i >= 0; i--) {
        o[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return o + w;
}

/* "2021-11-15", or "--11-15" when the year is unknown; 0 if invalid. */
static int format_date(char out[11], int d, int m, int y)
{
    if (!valid_day(d, m) || (y && (y < 1900 || y > 2199)) ||
        (y && m == 2 && d == 29 && !leap(y)))
        return 0;
    char *o = out;
    if (y) {
        o = put_digits(o, y, 4);
    } else {
        *o++ = '-';
    }
    *o++ = '-';
    o = put_digits(o, m, 2);
    *o++ = '-';
    o = put_digits(o, d, 2);
    *o = '\0';
    return 1;
}

static int doc_year(const char *doc_date)
{
    if (!doc_date || strlen(doc_date) < 4)
        return 0;
    for (int i = 0; i < 4; i++)
        if (doc_date[i] < '0' || doc_date[i] > '9')
            return 0;
    return vp_scan_digits(doc_date, 0, 4);
}

/* ------------------------------------------------------------ deadlines */

size_t vp_find_deadlines(const vp_patterns *re, const char *text, size_t len,
                         const char *doc_date, vp_deadline *out, size_t max)
{
    size_t n = 0, pos = 0;
    int year = doc_year(doc_date);
    long g[30];
    while (n < max && pos < len && vp_match(re, VP_RE_DEADLINE, text, len, pos, g, 15)) {
        vp_deadline d;
        memset(&d, 0, sizeof d);
        d.start = (size_t)g[0];
        d.end = (size_t)g[1];
        int keep = 1;
        if (g[2] >= 0 || g[8] >= 0) {                   /* trước ngày D/M[/Y] */
            int b = g[2] >= 0 ? 1 : 4;
            int y = g[2 * b + 4] >= 0 ? vp_scan_digits(text, g[2 * b + 4], g[2 * b + 5]) : year;
            keep = format_date(d.date, vp_scan_digits(text, g[2 * b], g[2 * b + 1]),
                               vp_scan_digits(text, g[2 * b + 2], g[2 * b + 3]), y);
            d.kind = "date";
        } else if (g[14] >= 0) {                        /* cuối năm Y */
            format_date(d.date, 31, 12, vp_scan_digits(text, g[14], g[15]));
            d.kind = "year-end";
        } else if (g[16] >= 0 || g[20] >= 0) {          /* Y1 - Y2 */
            int b = g[16] >= 0 ? 8 : 10;
            int y1 = vp_scan_digits(text, g[2 * b], g[2 * b + 1]);
            int y2 = vp_scan_digits(text, g[2 * b + 2], g[2 * b + 3]);
            /* a bare range must look like a period, not a pair of years */
            keep = b == 8 ? y2 >= y1 : (y2 > y1 && y2 - y1 <= 50);
            put_digits(d.period, y1, 4)[0] = '-';
            put_digits(d.period + 5, y2, 4)[0] = '\0';
            d.kind = "period";
        } else if (g[24] >= 0 || g[26] >= 0) {          /* đến năm Y, tầm nhìn Y */
            int b = g[24] >= 0 ? 12 : 13;
            put_digits(d.period, vp_scan_digits(text, g[2 * b], g[2 * b + 1]), 4)[0] = '\0';
            d.kind = "year";
        } else {                                        /* hằng năm */
            d.kind = "annual";
        }
        if (keep)
            out[n++] = d;
        pos = (size_t)g[1] > pos ? (size_t)g[1] : pos + 1;
    }
    return n;
}

/* ------------------------------------------------------------ reporting */

/* The end of the agency name that starts at t[s] (a head word matched by
 * VP_RE_RECIPIENT): up to punctuation or a stop word ([recipient-stops]);
 * "và" and a dash go on only before a capital ("Thương binh và Xã hội"). */
static size_t recipient_end(const vp_vocab *v, const char *t, size_t len, size_t s)
{
    const char *const *to_stops = vp_vocab_list(v, VP_LIST_RECIPIENT_STOPS);
    size_t limit = s + TO_MAX_BYTES < len ? s + TO_MAX_BYTES : len;
    size_t i = s, last = s;
    int words = 0;
    while (i < limit && words < TO_MAX_WORDS) {
        i = vp_scan_skip_space(t, limit, i);
        if (i >= limit)
            break;
        int n;
        int32_t cp = vp_scan_cp(t, limit, i, &n);
        if (vp_is_dash(cp)) {
            size_t k = vp_scan_skip_space(t, limit, i + (size_t)n);
            if (!vp_scan_upper_at(t, limit, k))
                break;
            i = k;
            continue;
        }
        if (!vp_scan_is_word_cp(cp))
            break;
        if (words > 0 && vp_scan_any_phrase(t, limit, i, to_stops))
            break;
        size_t e = vp_scan_word_end(t, limit, i);
        if (vp_scan_phrase(t, limit, i, "và")) {
            size_t k = vp_scan_skip_space(t, limit, e);
            if (!vp_scan_upper_at(t, limit, k))
                break;
        }
        words++;
        last = i = e;
    }
    return last;
}

/* Frequency ranks: the most frequent schedule named in the clause wins
 * ("định kỳ 6 tháng và hằng năm" reports every six months). */
static const char *const freq_names[] = {NULL, "periodic", "annual", "semiannual",
                                         "quarterly", "monthly"};

size_t vp_find_reporting(const vp_patterns *re, const vp_vocab *v, const char *text,
                         size_t len, vp_reporting *out, size_t max)
{
    size_t n = 0, pos = 0, done_until = 0;
    vp_clauses cl;
    vp_clauses_init(&cl, text, len);
    long g[12];
    while (n < max && pos < len && vp_match(re, VP_RE_REPORT, text, len, pos, g, 1)) {
        size_t s = (size_t)g[0], e = (size_t)g[1];
        pos = e;
        vp_clauses_at(&cl, s);
        size_t cs = vp_scan_skip_space(text, len, cl.start), ce = cl.end;
        if (s < done_until)
            continue;                       /* one duty per clause */
        size_t after = vp_scan_skip_space(text, len, e);
        if (after < len && text[after] == ')')
            continue;                       /* "(báo cáo)" in Nơi nhận */
        if (s > 0 && text[s - 1] == '(')
            continue;
        if (prev_word_is(text, s, vp_vocab_list(v, VP_LIST_REPORT_NOUN_BEFORE)))
            continue;
        if (vp_scan_phrase(text, len, after, "số")) {
            size_t k = vp_scan_skip_space(text, len, vp_scan_phrase(text, len, after, "số"));
            if (k < len && text[k] >= '0' && text[k] <= '9')
                continue;                   /* "Báo cáo số 12/BC-UBND" */
        }
        vp_reporting r;
        memset(&r, 0, sizeof r);
        r.start = cs;
        r.end = ce;
        /* frequency */
        int rank = 0;
        size_t p = cs;
        while (p < ce && vp_match(re, VP_RE_FREQUENCY, text, ce, p, g, 6)) {
            int k = 0;
            if (g[2] >= 0) {
                size_t unit = (size_t)g[4];
                if (vp_scan_phrase(text, ce, unit, "năm"))
                    k = 2;
                else
                    k = vp_scan_phrase(text, ce, unit, "quý") ? 4 : 5;
            } else if (g[6] >= 0 || g[8] >= 0) {
                k = 3;
            } else {
                k = 1;
            }
            if (k > rank)
                rank = k;
            p = (size_t)g[1];
        }
        /* due date */
        p = cs;
        long d[30];
        while (p < ce && vp_match(re, VP_RE_DEADLINE, text, ce, p, d, 7)) {
            if (d[2] >= 0 || d[8] >= 0) {
                int b = d[2] >= 0 ? 1 : 4;
                int y = d[2 * b + 4] >= 0 ? vp_scan_digits(text, d[2 * b + 4], d[2 * b + 5]) : 0;
                if (format_date(r.due, vp_scan_digits(text, d[2 * b], d[2 * b + 1]),
                                vp_scan_digits(text, d[2 * b + 2], d[2 * b + 3]), y))
                    break;
            }
            p = (size_t)d[1] > p ? (size_t)d[1] : p + 1;
        }
        r.frequency = rank ? freq_names[rank] : "once";
        /* recipient: an agency right after "báo cáo" or after "về", "lên",
         * "gửi"... later in the clause */
        p = e;
        while (p < ce && vp_match(re, VP_RE_RECIPIENT, text, ce, p, g, 1)) {
            size_t hs = (size_t)g[0];
            if (vp_scan_skip_space(text, ce, e) == hs ||
                prev_word_is(text, hs, vp_vocab_list(v, VP_LIST_RECIPIENT_LEADS))) {
                r.to_start = hs;
                r.to_end = recipient_end(v, text, ce, hs);
                break;
            }
            p = (size_t)g[1];
        }
        out[n++] = r;
        done_until = ce;
    }
    return n;
}
