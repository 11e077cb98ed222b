/* references.c — the documents a plan cites.
 *
 * Consumes one paragraph at a time (NFC UTF-8, as the reader produced it)
 * and gathers, per document, every cited document once, with how often it
 * is mentioned.  Three kinds of citation are recognised, each by one
 * pattern of the table in patterns.c:
 *
 *   numbered   a type word, then "số" and/or a number with its symbol:
 *              "Quyết định số 161/QĐ -TTg", "Nghị định 20/2021/NĐ-CP",
 *              "Chỉ thị số 39-CT/TW"; "Quyết định số 161" alone is a short
 *              form that names an earlier (or later) full citation;
 *   bare       a symbol whose type abbreviation says what it is, without a
 *              type word: "theo 20/2021/NĐ-CP" (never a "Số:" header line,
 *              which is the document's own number);
 *   titled     an instrument cited by its title, capitalised: "Luật Người
 *              khuyết tật", "Pháp lệnh Ưu đãi người có công với cách mạng",
 *              "Công ước của Liên hợp quốc về quyền của người khuyết tật".
 *
 * The three patterns are searched side by side and the leftmost match wins,
 * so a paragraph is read once from left to right.  Everything after a match
 * (date, issuer, title) is read by bounded scans, and a document keeps at
 * most `max` references and as many warnings (VNPLAN_LIMIT_REFERENCES,
 * what is dropped counted for a warning of its own): time is linear
 * in the paragraph and memory is bounded.  docs/extraction.md has the rules
 * and their reasons. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/buf.h"
#include "extract/references.h"
#include "extract/scan.h"
#include "core/unicode.h"

/* The kinds (type words, abbreviations, damaged forms), the councils and the
 * stop lists are the vocabulary's (core/vocab.h, data/kinds.tsv,
 * agency-heads.txt, stoplists.txt).
 *
 * Limits: distinct references and warnings per document; words and bytes
 * of a title or an issuer. */
#define TITLE_MAX_WORDS 14
#define ISSUER_MAX_WORDS 16
#define PHRASE_MAX_BYTES 240

/* Warning bits, one per code, so that a reference warns once per code. */
enum { W_REPAIRED = 1, W_MISMATCH = 2, W_YEAR = 4, W_DATE = 8, W_YEAR_REPAIRED = 16 };

/* No document of the present state is numbered before this year. */
#define FIRST_YEAR 1945

typedef struct ref_entry {
    vp_reference pub;   /* what vp_refs_at hands out                       */
    char *key;          /* folded title of an unnumbered reference          */
    int short_only;     /* number is only the digits of "Quyết định số 161" */
    unsigned warned;
} ref_entry;

struct vp_refs {
    const vp_patterns *re;
    const vp_vocab *v;          /* kinds, abbreviations, stop lists          */
    char doc_date[11];          /* "" when unknown */
    int doc_year;
    ref_entry **refs;           /* pointers, so vp_refs_at stays valid   */
    size_t n, cap;
    vp_finding_warning *warns;
    size_t nw, capw;
    size_t max;                 /* references kept, and warnings          */
    size_t dropped_refs, dropped_warns;
};

/* What one citation in the text says; the strings are borrowed. */
typedef struct mention {
    const char *type;
    const char *number;     /* normalised, or NULL for a titled one */
    const char *raw;
    const char *title;
    const char *key;
    int short_only, repaired;
    const char *abbr_type;  /* the type the symbol's abbreviation says */
    int sym_year;           /* the year inside the symbol, or 0        */
    int year_was;           /* the printed year, when repaired from the date */
    char date[11];
    const char *issuer;
    long line;
} mention;

/* ------------------------------------------------------------ text helpers */

/* The end of the word at t[i]: letters and digits, with "/", "-", "&"
 * inside it when a letter or digit follows ("HIV/AIDS", "VH-TT"). */
static size_t word_end(const char *t, size_t len, size_t i)
{
    while (i < len) {
        int n;
        int32_t cp = vp_scan_cp(t, len, i, &n);
        if (vp_scan_is_word_cp(cp)) {
            i += (size_t)n;
            continue;
        }
        if ((cp == '/' || cp == '-' || cp == '&') && i + 1 < len) {
            int m;
            if (vp_scan_is_word_cp(vp_scan_cp(t, len, i + 1, &m))) {
                i += 1;
                continue;
            }
        }
        break;
    }
    return i;
}

/* Append t[s..e) with white space collapsed to single spaces. */
static void append_collapsed(vp_buf *b, const char *t, size_t s, size_t e)
{
    int space = 0;
    for (size_t i = s; i < e; i++) {
        if (vp_scan_is_space(t[i])) {
            space = 1;
            continue;
        }
        if (space && b->len > 0)
            vp_buf_putc(b, ' ');
        space = 0;
        vp_buf_putc(b, t[i]);
    }
}

static int valid_date(int d, int m, int y)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

/* ------------------------------------------------------------ the record */

static void free_entry(ref_entry *e)
{
    if (!e)
        return;
    free(e->pub.type);
    free(e->pub.number);
    free(e->pub.number_raw);
    free(e->pub.title);
    free(e->pub.date);
    free(e->pub.issuer);
    free(e->key);
    free(e);
}

void vp_refs_free(vp_refs *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        free_entry(r->refs[i]);
    free(r->refs);
    for (size_t i = 0; i < r->nw; i++)
        free(r->warns[i].message);
    free(r->warns);
    free(r);
}

vp_refs *vp_refs_new(const vp_patterns *re, const vp_vocab *v, const char *doc_date,
                     size_t max)
{
    vp_refs *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->max = max;
    r->re = re;
    r->v = v;
    if (doc_date && strlen(doc_date) == 10 && doc_date[4] == '-' && doc_date[7] == '-') {
        memcpy(r->doc_date, doc_date, 10);
        r->doc_year = vp_scan_digits(doc_date, 0, 4);
    }
    return r;
}

size_t vp_refs_count(const vp_refs *r)
{
    return r ? r->n : 0;
}

const vp_reference *vp_refs_at(const vp_refs *r, size_t i)
{
    return r && i < r->n ? &r->refs[i]->pub : NULL;
}

void vp_refs_dropped(const vp_refs *r, size_t *refs, size_t *warnings)
{
    *refs = r ? r->dropped_refs : 0;
    *warnings = r ? r->dropped_warns : 0;
}

size_t vp_refs_warning_count(const vp_refs *r)
{
    return r ? r->nw : 0;
}

const vp_finding_warning *vp_refs_warning_at(const vp_refs *r, size_t i)
{
    return r && i < r->nw ? &r->warns[i] : NULL;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Adds a warning; 0 only on lack of memory (a full list is not an error). */
static int warn(vp_refs *r, ref_entry *e, unsigned bit, const char *code, long line,
                const char *msg)
{
    if (e->warned & bit)
        return 1;
    e->warned |= bit;
    if (r->nw >= r->max) {
        r->dropped_warns++;
        return 1;
    }
    if (r->nw == r->capw) {
        size_t cap = r->capw ? 2 * r->capw : 8;
        vp_finding_warning *w = realloc(r->warns, cap * sizeof *w);
        if (!w)
            return 0;
        r->warns = w;
        r->capw = cap;
    }
    char *m = strdup(msg);
    if (!m)
        return 0;
    r->warns[r->nw].line = line;
    r->warns[r->nw].code = code;
    r->warns[r->nw].message = m;
    r->nw++;
    return 1;
}

/* The checks of one mention against the document and the entry. */
static int check(vp_refs *r, ref_entry *e, const mention *m)
{
    char msg[400];
    const char *name = m->number ? m->number : m->title;
    if (m->repaired) {
        snprintf(msg, sizeof msg, "%s %s read as %s", m->type, m->raw, m->number);
        if (!warn(r, e, W_REPAIRED, "repaired-number", m->line, msg))
            return 0;
    }
    if (m->year_was) {
        snprintf(msg, sizeof msg, "%s %s read as %s: year %d is impossible, its date is %s",
                 m->type, m->raw, m->number, m->year_was, m->date);
        if (!warn(r, e, W_YEAR_REPAIRED, "repaired-year", m->line, msg))
            return 0;
    }
    if (m->abbr_type && strcmp(m->abbr_type, m->type) != 0 &&
        !(strcmp(m->type, "Quy định") == 0 && strcmp(m->abbr_type, "Quyết định") == 0)) {
        /* (a Party "Quy định" is numbered "105-QĐ/TW") */
        snprintf(msg, sizeof msg, "%s số %s: the symbol says %s", m->type, name, m->abbr_type);
        if (!warn(r, e, W_MISMATCH, "type-mismatch", m->line, msg))
            return 0;
    }
    int date_year = m->date[0] ? vp_scan_digits(m->date, 0, 4) : 0;
    msg[0] = '\0';
    if (m->sym_year && r->doc_year && m->sym_year > r->doc_year)
        snprintf(msg, sizeof msg, "%s: year %d is after the document's year %d", name,
                 m->sym_year, r->doc_year);
    else if (m->date[0] && r->doc_date[0] && strcmp(m->date, r->doc_date) > 0)
        snprintf(msg, sizeof msg, "%s: dated %s, after the document (%s)", name, m->date,
                 r->doc_date);
    else if (m->sym_year && date_year && m->sym_year > date_year)
        snprintf(msg, sizeof msg, "%s: year %d in the number is after its date %s", name,
                 m->sym_year, m->date);
    if (msg[0] && !warn(r, e, W_YEAR, "impossible-year", m->line, msg))
        return 0;
    if (m->date[0] && e->pub.date && strcmp(e->pub.date, m->date) != 0) {
        snprintf(msg, sizeof msg, "%s: dated %s at line %ld and %s here", name, e->pub.date,
                 e->pub.line, m->date);
        if (!warn(r, e, W_DATE, "date-conflict", m->line, msg))
            return 0;
    }
    return 1;
}

/* Fills what the entry lacks from a later, fuller mention. */
static int complete(ref_entry *e, const mention *m)
{
    if (!e->pub.date && m->date[0] && !(e->pub.date = strdup(m->date)))
        return 0;
    if (!e->pub.issuer && m->issuer && !(e->pub.issuer = strdup(m->issuer)))
        return 0;
    return 1;
}

static ref_entry *create(vp_refs *r, const mention *m)
{
    ref_entry *e = NULL;
    if (r->n >= r->max)
        goto fail;
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 16;
        ref_entry **a = realloc(r->refs, cap * sizeof *a);
        if (!a)
            goto fail;
        r->refs = a;
        r->cap = cap;
    }
    e = calloc(1, sizeof *e);
    if (!e)
        goto fail;
    e->pub.line = m->line;
    e->pub.mentions = 1;
    e->short_only = m->short_only;
    e->pub.type = strdup(m->type);
    e->pub.number = dup_or_null(m->number);
    e->pub.number_raw = dup_or_null(m->raw);
    e->pub.title = dup_or_null(m->title);
    e->pub.date = m->date[0] ? strdup(m->date) : NULL;
    e->pub.issuer = dup_or_null(m->issuer);
    e->key = dup_or_null(m->key);
    if (!e->pub.type || (m->number && !e->pub.number) || (m->raw && !e->pub.number_raw) ||
        (m->title && !e->pub.title) || (m->date[0] && !e->pub.date) ||
        (m->issuer && !e->pub.issuer) || (m->key && !e->key))
        goto fail;
    r->refs[r->n++] = e;
    return e;
fail:
    free_entry(e);
    return NULL;
}

/* 1 if `full` ("161/QĐ-TTg") begins with the digits `digits` ("161"). */
static int extends(const char *full, const char *digits)
{
    size_t n = strlen(digits);
    return strncmp(full, digits, n) == 0 && (full[n] == '/' || full[n] == '-');
}

/* Counts the mention: an existing entry gets mentions++, else a new entry.
 * 0 only on lack of memory; a full table drops the mention silently. */
static int record(vp_refs *r, const mention *m)
{
    ref_entry *hit = NULL;
    if (m->short_only) {
        /* "Quyết định số 161": the one full citation of that type whose
         * number begins with 161, else the short entry itself. */
        size_t found = 0;
        for (size_t i = 0; i < r->n; i++) {
            ref_entry *e = r->refs[i];
            if (!e->short_only && e->pub.number && strcmp(e->pub.type, m->type) == 0 &&
                extends(e->pub.number, m->number)) {
                hit = e;
                found++;
            }
        }
        if (found != 1) {
            hit = NULL;
            for (size_t i = 0; i < r->n && !hit; i++) {
                ref_entry *e = r->refs[i];
                if (e->short_only && strcmp(e->pub.type, m->type) == 0 &&
                    strcmp(e->pub.number, m->number) == 0)
                    hit = e;
            }
        }
    } else if (m->number) {
        for (size_t i = 0; i < r->n && !hit; i++) {
            ref_entry *e = r->refs[i];
            if (!e->short_only && e->pub.number && strcmp(e->pub.number, m->number) == 0)
                hit = e;
        }
        if (!hit) {
            /* A short form seen first becomes this full citation. */
            ref_entry *cand = NULL;
            size_t found = 0;
            for (size_t i = 0; i < r->n; i++) {
                ref_entry *e = r->refs[i];
                if (e->short_only && strcmp(e->pub.type, m->type) == 0 &&
                    extends(m->number, e->pub.number)) {
                    cand = e;
                    found++;
                }
            }
            if (found == 1) {
                char *num = strdup(m->number), *raw = strdup(m->raw);
                if (!num || !raw) {
                    free(num);
                    free(raw);
                    return 0;
                }
                free(cand->pub.number);
                free(cand->pub.number_raw);
                cand->pub.number = num;
                cand->pub.number_raw = raw;
                cand->short_only = 0;
                cand->pub.mentions++;
                return complete(cand, m) && check(r, cand, m);
            }
        }
    } else {
        for (size_t i = 0; i < r->n && !hit; i++) {
            ref_entry *e = r->refs[i];
            if (e->key && strcmp(e->key, m->key) == 0)
                hit = e;
        }
    }
    if (hit) {
        hit->pub.mentions++;
        if (m->short_only)
            return 1;
        return check(r, hit, m) && complete(hit, m);
    }
    if (r->n >= r->max) {
        r->dropped_refs++;
        return 1;
    }
    ref_entry *e = create(r, m);
    if (!e)
        return 0;
    return check(r, e, m);
}

/* ----------------------------------------------------- reading a citation */

static const char *canonical_type(const vp_refs *r, const char *t, size_t s, size_t e)
{
    return vp_vocab_cited_type(r->v, t + s, e - s);
}

/* Normalises a number as printed: white space removed, dashes made "-",
 * "Ð" (eth) made "Đ", damaged parts repaired.  Reports whether anything
 * beyond spacing changed, the year in the symbol, the type the first
 * letter part (the abbreviation) stands for, and whether there is a
 * symbol at all. */
static char *normalise_number(const vp_refs *r, const char *t, size_t s, size_t e,
                              int *repaired, int *sym_year, const char **atype,
                              int *has_symbol)
{
    vp_buf compact, out;
    vp_buf_init(&compact);
    vp_buf_init(&out);
    char *result = NULL;
    *repaired = 0;
    *sym_year = 0;
    *atype = NULL;
    *has_symbol = 0;
    for (size_t i = s; i < e;) {
        unsigned char c = (unsigned char)t[i];
        int n;
        if (vp_scan_is_space((char)c)) {
            i++;
        } else if (c >= 0x80 && vp_is_dash(vp_scan_cp(t, e, i, &n))) {
            vp_buf_putc(&compact, '-');     /* any dash */
            i += (size_t)n;
        } else if (c == 0xC3 && i + 1 < e && (unsigned char)t[i + 1] == 0x90) {
            vp_buf_puts(&compact, "Đ");     /* Ð, the Icelandic eth */
            *repaired = 1;
            i += 2;
        } else {
            vp_buf_putc(&compact, (char)c);
            i++;
        }
    }
    if (compact.failed || !compact.data)
        goto done;
    /* Walk the parts: digits, an optional year, letter parts. */
    const char *p = compact.data;
    size_t n = compact.len, i = 0, part = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '/' && p[j] != '-')
            j++;
        char word[64];
        size_t wl = j - i < sizeof word - 1 ? j - i : sizeof word - 1;
        memcpy(word, p + i, wl);
        word[wl] = '\0';
        if (part > 0) {
            *has_symbol = 1;
            if (wl == 4 && word[0] >= '0' && word[0] <= '9' && !*sym_year && part == 1)
                *sym_year = vp_scan_digits(word, 0, 4);
            const char *good = vp_vocab_repair(r->v, word);
            if (good) {
                snprintf(word, sizeof word, "%s", good);
                *repaired = 1;
            }
            if (!*atype && !(word[0] >= '0' && word[0] <= '9')) {
                *atype = vp_vocab_abbr_type(r->v, word);
                if (!*atype)
                    *atype = "";    /* first letter part decides */
            }
        }
        vp_buf_puts(&out, word);
        if (j < n)
            vp_buf_putc(&out, p[j]);
        i = j + 1;
        part++;
    }
    if (*atype && !**atype)
        *atype = NULL;
    result = vp_buf_detach(&out);
done:
    vp_buf_free(&compact);
    vp_buf_free(&out);
    return result;
}

/* " ngày 25/01/2016" right after `at`: the ISO date into `iso` and the
 * offset after it, or `at` if there is none. */
static size_t read_date(const vp_refs *r, const char *t, size_t len, size_t at, char iso[11])
{
    long g[14];
    iso[0] = '\0';
    if (!vp_match(r->re, VP_RE_REF_DATE, t, len, at, g, 7) || (size_t)g[0] != at)
        return at;
    int base = g[2] >= 0 ? 1 : 4;
    int d = vp_scan_digits(t, g[2 * base], g[2 * base + 1]);
    int m = vp_scan_digits(t, g[2 * base + 2], g[2 * base + 3]);
    int y = vp_scan_digits(t, g[2 * base + 4], g[2 * base + 5]);
    if (valid_date(d, m, y)) {
        const int v[3] = {y, m, d}, w[3] = {4, 2, 2};
        char *o = iso;
        for (int k = 0; k < 3; k++) {
            for (int i = w[k] - 1, x = v[k]; i >= 0; i--, x /= 10)
                o[i] = (char)('0' + x % 10);
            o += w[k];
            *o++ = k < 2 ? '-' : '\0';
        }
    }
    return (size_t)g[1];
}

/* 1 if years a and b differ by one mistyped digit or two swapped ones. */
static int one_typo(int a, int b)
{
    int x[4], y[4], diff[4], nd = 0;
    for (int i = 3; i >= 0; i--, a /= 10, b /= 10) {
        x[i] = a % 10;
        y[i] = b % 10;
    }
    for (int i = 0; i < 4; i++)
        if (x[i] != y[i])
            diff[nd++] = i;
    return nd == 1 ||
           (nd == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]] &&
            x[diff[1]] == y[diff[0]]);
}

/* The year in a number (number/YEAR/KIND-ISSUER) is the year the cited
 * document was signed, so its own date says what it must be.  A year that
 * cannot be right (after the citing document, or before FIRST_YEAR) is
 * taken from the date when the two differ by one typo and the date itself
 * is possible (not after the citing document): "07/2029/NQ-HĐND ngày
 * 10/12/2019" in a 2021 plan is 07/2019/NQ-HĐND.  `number` is the
 * normalised number, its year part rewritten in place. */
static void repair_year(const vp_refs *r, mention *m, char *number)
{
    if (!m->sym_year || !m->date[0])
        return;
    int y = m->sym_year, dy = vp_scan_digits(m->date, 0, 4);
    int impossible = (r->doc_year && y > r->doc_year) || y < FIRST_YEAR;
    int date_possible = !r->doc_date[0] || strcmp(m->date, r->doc_date) <= 0;
    if (y == dy || !impossible || !date_possible || !one_typo(y, dy))
        return;
    /* the year is the part after the first separator (normalise_number) */
    char *p = number + strcspn(number, "/-");
    if (!*p || strspn(p + 1, "0123456789") != 4 || vp_scan_digits(p + 1, 0, 4) != y)
        return;
    for (int i = 3, v = dy; i >= 0; i--, v /= 10)
        p[1 + i] = (char)('0' + v % 10);
    m->year_was = y;
    m->sym_year = dy;
}

/* " của Thủ tướng Chính phủ về ..." right after `at`: the issuer, lightly
 * normalised (white space collapsed, dashes " - ", "Ủy ban nhân dân" →
 * "UBND", "Hội đồng nhân dân" → "HĐND"), or NULL; *end after it. */
static char *read_issuer(const vp_refs *r, const char *t, size_t len, size_t at, size_t *end,
                         int *oom)
{
    long g[2];
    *end = at;
    if (!vp_match(r->re, VP_RE_REF_ISSUER, t, len, at, g, 1) || (size_t)g[0] != at)
        return NULL;
    vp_buf b;
    vp_buf_init(&b);
    size_t i = (size_t)g[1], limit = i + PHRASE_MAX_BYTES < len ? i + PHRASE_MAX_BYTES : len;
    size_t last = i;
    int words = 0, dash = 0;
    while (i < limit && words < ISSUER_MAX_WORDS) {
        i = vp_scan_skip_space(t, limit, i);
        if (i >= limit)
            break;
        int n;
        int32_t cp = vp_scan_cp(t, limit, i, &n);
        if (vp_is_dash(cp)) {
            /* "Lao động – Thương binh": a dash between words continues */
            size_t k = vp_scan_skip_space(t, limit, i + (size_t)n);
            while (k < limit && t[k] == '-')
                k = vp_scan_skip_space(t, limit, k + 1);
            if (!vp_scan_upper_at(t, limit, k))
                break;
            dash = 1;
            i = k;
            continue;
        }
        if (!vp_scan_is_word_cp(cp))
            break;
        if (vp_scan_any_phrase(t, limit, i, vp_vocab_list(r->v, VP_LIST_ISSUER_STOPS)))
            break;
        size_t e = 0;
        const char *abbr = NULL;
        for (size_t c = 0; !abbr && c < vp_vocab_council_count(r->v); c++) {
            const vp_council *cn = vp_vocab_council_at(r->v, c);
            if ((e = vp_scan_any_phrase(t, limit, i, cn->names)))
                abbr = cn->abbr;        /* "Ủy ban nhân dân" → "UBND" */
        }
        if (!abbr)
            e = word_end(t, limit, i);
        if (vp_scan_phrase(t, limit, i, "và")) {
            /* "Thương binh và Xã hội" continues, "... và các" does not */
            size_t k = vp_scan_skip_space(t, limit, e);
            if (!vp_scan_upper_at(t, limit, k))
                break;
        }
        if (b.len)
            vp_buf_puts(&b, dash ? " - " : " ");
        dash = 0;
        if (abbr)
            vp_buf_puts(&b, abbr);
        else
            vp_buf_append(&b, t + i, e - i);
        words++;
        last = e;
        i = e;
    }
    char *issuer = NULL;
    if (b.failed)
        *oom = 1;
    else if (b.len && (issuer = vp_buf_detach(&b)) != NULL)
        *end = last;
    else if (b.len)
        *oom = 1;
    vp_buf_free(&b);
    return issuer;
}

/* A "Số: 12/KH-UBND" header line names the document itself. */
static int after_so_colon(const char *t, size_t at)
{
    size_t i = at;
    while (i > 0 && vp_scan_is_space(t[i - 1]))
        i--;
    if (i == 0 || (t[i - 1] != ':' && t[i - 1] != '.'))
        return 0;
    i--;
    while (i > 0 && vp_scan_is_space(t[i - 1]))
        i--;
    size_t ws, we;
    if (!vp_scan_prev_word(t, i + 0, &ws, &we) || we != i)
        return 0;
    return vp_scan_phrase(t, we, ws, "số") == we;
}

/* Handles a numbered or bare citation; number in t[ns..ne).  Returns the
 * offset after what it read, 0 on lack of memory. */
static size_t numbered(vp_refs *r, const char *t, size_t len, size_t ns, size_t ne,
                       const char *type, int with_so, long line)
{
    mention m;
    memset(&m, 0, sizeof m);
    size_t end = ne, ret = 0;
    char *number = NULL, *raw = NULL, *issuer = NULL;
    int has_symbol, oom = 0;
    number = normalise_number(r, t, ns, ne, &m.repaired, &m.sym_year, &m.abbr_type,
                              &has_symbol);
    raw = malloc(ne - ns + 1);
    if (!number || !raw)
        goto done;
    size_t rl = 0;
    for (size_t i = ns; i < ne; i++)        /* raw: as printed, one line */
        if (!(vp_scan_is_space(t[i]) && rl && raw[rl - 1] == ' '))
            raw[rl++] = vp_scan_is_space(t[i]) ? ' ' : t[i];
    raw[rl] = '\0';
    if (!has_symbol && !with_so) {
        ret = ne;                   /* "Chương trình 135": not a citation */
        goto done;
    }
    m.type = type ? type : (m.abbr_type ? m.abbr_type : vp_vocab_generic_type(r->v));
    m.number = number;
    m.raw = raw;
    m.line = line;
    m.short_only = !has_symbol;
    if (!m.short_only) {
        end = read_date(r, t, len, ne, m.date);
        repair_year(r, &m, number);
        size_t iend;
        issuer = read_issuer(r, t, len, end, &iend, &oom);
        if (oom)
            goto done;
        m.issuer = issuer;
        if (issuer)
            end = iend;
    }
    if (!record(r, &m))
        goto done;
    ret = end > ns ? end : ns + 1;
done:
    free(number);
    free(raw);
    free(issuer);
    return ret;
}

/* Handles "Luật Người khuyết tật": the title runs from the type word to
 * the first clause boundary (punctuation or a stop word), at most
 * TITLE_MAX_WORDS words after the type word. */
static size_t titled(vp_refs *r, const char *t, size_t len, size_t ts, size_t te, long line)
{
    size_t ret = 0, ws, we;
    char *title = NULL, *key = NULL, *num = NULL, *raw = NULL, *issuer = NULL;
    vp_buf b;
    vp_buf_init(&b);
    if (vp_scan_prev_word(t, ts, &ws, &we)) {
        const char *const *generic = vp_vocab_list(r->v, VP_LIST_GENERIC_BEFORE);
        for (size_t k = 0; generic[k]; k++)
            if (vp_scan_phrase(t, we, ws, generic[k]) == we) {
                ret = te;
                goto done;
            }
    }
    size_t limit = ts + PHRASE_MAX_BYTES < len ? ts + PHRASE_MAX_BYTES : len;
    size_t i = te, last = te;
    int words = 0, stop_so = 0;
    while (i < limit && words < TITLE_MAX_WORDS) {
        i = vp_scan_skip_space(t, limit, i);
        if (i >= limit)
            break;
        int n;
        if (!vp_scan_is_word_cp(vp_scan_cp(t, limit, i, &n)))
            break;
        if (words == 0 && (vp_scan_any_phrase(t, limit, i,
                                              vp_vocab_list(r->v, VP_LIST_NOT_TITLES)) ||
                           (t[i] >= '0' && t[i] <= '9'))) {
            ret = te;
            goto done;
        }
        if (vp_scan_any_phrase(t, limit, i, vp_vocab_list(r->v, VP_LIST_TITLE_STOPS))) {
            stop_so = vp_scan_phrase(t, limit, i, "số") != 0;
            break;
        }
        size_t e = word_end(t, limit, i);
        if (vp_scan_phrase(t, limit, i, "năm")) {
            /* "Hiến pháp năm 2013": the year belongs to the title */
            size_t k = vp_scan_skip_space(t, limit, e), y = k;
            while (y < limit && t[y] >= '0' && t[y] <= '9')
                y++;
            if (y - k != 4)
                break;
            e = y;
        }
        words++;
        last = i = e;
    }
    if (words == 0) {
        ret = te;
        goto done;
    }
    append_collapsed(&b, t, ts, last);
    title = vp_buf_detach(&b);
    if (!title)
        goto done;
    key = vp_fold(title, strlen(title), 0, NULL);
    if (!key)
        goto done;
    mention m;
    memset(&m, 0, sizeof m);
    m.type = canonical_type(r, t, ts, te);
    if (!m.type)
        goto done;
    m.title = title;
    m.key = key;
    m.line = line;
    size_t end = last;
    long g[4];
    if (stop_so && vp_match(r->re, VP_RE_REF_TAILNUM, t, len, last, g, 2) &&
        (size_t)g[0] == last) {
        /* "Luật Trẻ em số 102/2016/QH13": the title with its number */
        int has_symbol, oom = 0;
        num = normalise_number(r, t, (size_t)g[2], (size_t)g[3], &m.repaired, &m.sym_year,
                               &m.abbr_type, &has_symbol);
        if (!num)
            goto done;
        if (has_symbol) {
            size_t rl = (size_t)(g[3] - g[2]);
            if (!(raw = malloc(rl + 1)))
                goto done;
            memcpy(raw, t + g[2], rl);
            raw[rl] = '\0';
            m.number = num;
            m.raw = raw;
            m.key = NULL;       /* counted by its number */
            end = read_date(r, t, len, (size_t)g[3], m.date);
            repair_year(r, &m, num);
            size_t iend;
            issuer = read_issuer(r, t, len, end, &iend, &oom);
            if (oom)
                goto done;
            if (issuer) {
                m.issuer = issuer;
                end = iend;
            }
        }
    }
    if (!record(r, &m))
        goto done;
    ret = end;
done:
    vp_buf_free(&b);
    free(title);
    free(key);
    free(num);
    free(raw);
    free(issuer);
    return ret;
}

/* The three patterns are searched side by side; each keeps its next match
 * until the reading position passes it, so each is scanned once. */
typedef struct cursor {
    vp_re id;
    int state;          /* -1 search again, 0 no more matches, 1 cached */
    long g[8];
} cursor;

static void advance(const vp_refs *r, cursor *c, const char *t, size_t len, size_t pos)
{
    if (c->state == 0)
        return;
    if (c->state == 1 && (size_t)c->g[0] >= pos)
        return;
    c->state = vp_match(r->re, c->id, t, len, pos, c->g, 4) ? 1 : 0;
}

int vp_refs_scan(vp_refs *r, const char *text, size_t len, long line)
{
    if (!r || !text)
        return 1;
    cursor cur[3] = {{VP_RE_REF_NUMBERED, -1, {0}}, {VP_RE_REF_BARE, -1, {0}},
                     {VP_RE_REF_TITLED, -1, {0}}};
    size_t pos = 0, counted = 0;
    long at_line = line;
    while (pos < len) {
        cursor *best = NULL;
        for (int k = 0; k < 3; k++) {
            advance(r, &cur[k], text, len, pos);
            if (cur[k].state == 1 && (!best || cur[k].g[0] < best->g[0]))
                best = &cur[k];
        }
        if (!best)
            break;
        size_t s = (size_t)best->g[0];
        for (; counted < s; counted++)      /* the line of this citation */
            if (text[counted] == '\n')
                at_line++;
        size_t next;
        if (best->id == VP_RE_REF_NUMBERED) {
            const char *type = canonical_type(r, text, (size_t)best->g[2], (size_t)best->g[3]);
            if (!type)
                return 0;
            next = numbered(r, text, len, (size_t)best->g[6], (size_t)best->g[7], type,
                            best->g[4] >= 0, at_line);
        } else if (best->id == VP_RE_REF_BARE) {
            if (after_so_colon(text, s))
                next = (size_t)best->g[1];
            else
                next = numbered(r, text, len, (size_t)best->g[2], (size_t)best->g[3], NULL, 0,
                                at_line);
        } else {
            next = titled(r, text, len, (size_t)best->g[2], (size_t)best->g[3], at_line);
        }
        if (next == 0)
            return 0;
        pos = next > s ? next : s + 1;
    }
    return 1;
}
