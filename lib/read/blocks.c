/* blocks.c — plain text to blocks (see blocks.h).
 *
 * Consumes NFC UTF-8 with LF line ends, as the reader produces it, and
 * yields paragraphs.  What it undoes, in order:
 *   1. page furniture around form feeds (running headers, "Trang 3");
 *   2. hard wrapping (e-mail style or PDF export): lines of one paragraph
 *      are joined when the next word would not have fitted on the line;
 *   3. Markdown-ish residue (#, **, *, <sub>, \-escapes), remembered as
 *      marks on the block;
 *   4. page splits: a paragraph cut mid-sentence and continued, after a
 *      blank line or a page break, in lower case, is joined again.
 * Every step is linear in the input; nothing recurses. */
#include "config.h"
#include "read/blocks.h"
#include "core/buf.h"
#include "core/error.h"
#include "read/labels.h"
#include "core/unicode.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ lines */

typedef struct src_line {
    const char *s;
    size_t len;        /* without the LF */
    long no;           /* 1-based */
    int page_break;    /* a form feed stood before or in this line */
    int aside;         /* taken out as page furniture */
} src_line;

static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0, n; i < len; i += n)
        if (!(n = (size_t)vp_white_at(s, len, i, 1)))
            return 0;
    return 1;
}

static void trim(const char **s, size_t *len)
{
    for (size_t n; *len && (n = (size_t)vp_white_at(*s, *len, 0, 1));) {
        *s += n;
        *len -= n;
    }
    while (*len) {
        size_t k = *len - 1;    /* the start of the last character */
        while (k > 0 && ((unsigned char)(*s)[k] & 0xC0) == 0x80)
            k--;
        if (!vp_white_at(*s, *len, k, 1))
            break;
        *len = k;
    }
}

/* Split into lines; a form feed marks the line where the new page
 * starts and is removed from the text. */
static src_line *split_lines(const char *text, size_t len, size_t *nlines)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' || text[i] == '\f')
            n++;
    src_line *v = calloc(n, sizeof *v);
    if (!v)
        return NULL;
    size_t k = 0;
    long no = 1;
    int pending_break = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n' && text[i] != '\f')
            continue;
        v[k].s = text + start;
        v[k].len = i - start;
        v[k].no = no;
        v[k].page_break = pending_break;
        pending_break = 0;
        if (i < len && text[i] == '\f') {
            /* Text before the form feed stays on its line; the rest of the
             * line (after the form feed) starts the new page. */
            pending_break = 1;
            if (v[k].len == 0) {
                start = i + 1;
                continue;   /* a bare form feed is not a line of its own */
            }
        } else {
            no++;
        }
        k++;
        start = i + 1;
    }
    /* Drop the empty line after a final newline. */
    if (k && v[k - 1].len == 0 && len && text[len - 1] == '\n')
        k--;
    *nlines = k;
    return v;
}

/* ------------------------------------------------------ page furniture */

/* "Trang 3", "Trang 3/12", "3", "- 3 -", "3/12", "Page 3". */
static int looks_like_page_number(const char *s, size_t len)
{
    trim(&s, &len);
    if (len == 0 || len > 24)
        return 0;
    size_t i = 0;
    if (len >= 5 && memcmp(s, "Trang", 5) == 0)
        i = 5;
    else if (len >= 4 && (memcmp(s, "Page", 4) == 0 || memcmp(s, "page", 4) == 0))
        i = 4;
    int digits = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c != ' ' && c != '-' && c != '/' && c != '.')
            return 0;
    }
    return digits > 0 && digits <= 6;
}

/* Nearest non-blank line index from i stepping by dir, within `reach`
 * lines; -1 if none. */
static long nearest_text(const src_line *v, size_t n, long i, int dir, int reach)
{
    for (int k = 0; k < reach && i >= 0 && (size_t)i < n; k++, i += dir)
        if (!v[i].aside && !is_blank(v[i].s, v[i].len))
            return i;
    return -1;
}

/* A line next to a page break: side 0 after it (a page's top), 1 before
 * it (a page's bottom). */
typedef struct neighbour {
    const src_line *lines;
    long line;
    int side;
    int at_break;  /* next to a form feed, not the file's first or last line */
} neighbour;

static int cmp_neighbour(const void *a, const void *b)
{
    const neighbour *x = a, *y = b;
    if (x->side != y->side)
        return x->side - y->side;
    const char *sx = x->lines[x->line].s, *sy = y->lines[y->line].s;
    size_t lx = x->lines[x->line].len, ly = y->lines[y->line].len;
    trim(&sx, &lx);
    trim(&sy, &ly);
    int c = memcmp(sx, sy, lx < ly ? lx : ly);
    if (c)
        return c;
    return lx < ly ? -1 : lx > ly;
}

/* Mark page numbers next to page breaks, and lines that repeat right
 * after (running headers) or right before (running footers) at least two
 * page breaks. */
static int mark_furniture(src_line *v, size_t n, vp_blocks *out)
{
    size_t breaks = 0;
    for (size_t i = 0; i < n; i++)
        breaks += v[i].page_break;
    if (breaks == 0) {
        /* Without form feeds only the unambiguous "Trang N" is furniture. */
        for (size_t i = 0; i < n; i++) {
            const char *s = v[i].s;
            size_t len = v[i].len;
            trim(&s, &len);
            if (len > 6 && memcmp(s, "Trang ", 6) == 0 && looks_like_page_number(s, len))
                v[i].aside = 1;
        }
        goto report;
    }
    /* Page numbers first: they sit next to the break. */
    for (size_t i = 0; i < n; i++) {
        if (!v[i].page_break)
            continue;
        long after = nearest_text(v, n, (long)i, 1, 3);
        long before = nearest_text(v, n, (long)i - 1, -1, 3);
        if (after >= 0 && looks_like_page_number(v[after].s, v[after].len))
            v[after].aside = 1;
        if (before >= 0 && looks_like_page_number(v[before].s, v[before].len))
            v[before].aside = 1;
    }
    /* Then running headers and footers: a line that stands right after
     * (before) a page break and repeats right after (before) another one.
     * The neighbours are gathered first, sorted by side and text, and
     * runs of equal text are marked: O(n log n) in the number of breaks. */
    neighbour *nb = malloc((2 * breaks + 2) * sizeof *nb);
    if (!nb)
        return 0;
    size_t k = 0;
    long top = nearest_text(v, n, 0, 1, 3), bottom = nearest_text(v, n, (long)n - 1, -1, 3);
    if (top >= 0)
        nb[k++] = (neighbour){v, top, 0, 0};
    for (size_t i = 0; i < n; i++) {
        if (!v[i].page_break)
            continue;
        long after = nearest_text(v, n, (long)i, 1, 3);
        long before = nearest_text(v, n, (long)i - 1, -1, 3);
        if (after >= 0)
            nb[k++] = (neighbour){v, after, 0, 1};
        if (before >= 0)
            nb[k++] = (neighbour){v, before, 1, 1};
    }
    if (bottom >= 0)
        nb[k++] = (neighbour){v, bottom, 1, 0};
    qsort(nb, k, sizeof *nb, cmp_neighbour);
    for (size_t i = 0; i < k;) {
        size_t j = i + 1, at_break = nb[i].at_break;
        while (j < k && cmp_neighbour(&nb[i], &nb[j]) == 0)
            at_break += nb[j++].at_break;
        /* two or more, at least one of them next to a real break */
        if (j - i >= 2 && at_break >= 1)
            for (size_t x = i; x < j; x++)
                v[nb[x].line].aside = 1;
        i = j;
    }
    free(nb);
report:
    for (size_t i = 0; i < n; i++) {
        if (!v[i].aside)
            continue;
        const char *s = v[i].s;
        size_t len = v[i].len;
        trim(&s, &len);
        if (!vp_blocks_aside(out, s, len, v[i].no, "page-furniture"))
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------ wrapping */

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* A hard-wrapped text has (almost) no line longer than some width W, and
 * many lines close to W.  Returns W, or 0 when the text is not wrapped. */
static int detect_wrap(const src_line *v, size_t n)
{
    size_t m = 0;
    size_t *cols = malloc((n ? n : 1) * sizeof *cols);
    if (!cols)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!v[i].aside && !is_blank(v[i].s, v[i].len))
            cols[m++] = vp_columns(v[i].s, v[i].len);
    int width = 0;
    if (m >= 12) {
        qsort(cols, m, sizeof *cols, cmp_size);
        size_t p98 = cols[(m * 98) / 100];
        if (p98 >= 40 && p98 <= 200) {
            size_t w = 0, near = 0;
            for (size_t i = 0; i < m; i++)
                if (cols[i] <= p98 + p98 / 5 && cols[i] > w)
                    w = cols[i];
            for (size_t i = 0; i < m; i++)
                if (cols[i] * 10 >= w * 7 && cols[i] <= w)
                    near++;
            if (near * 10 >= m * 3)
                width = (int)w;
        }
    }
    free(cols);
    return width;
}

/* Columns of the first word of s. */
static size_t first_word_cols(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] != ' ' && s[i] != '\t')
        i++;
    return vp_columns(s, i);
}

/* ----------------------------------------------------------- Markdown */

/* Skip Markdown decoration at the start of a raw line and tell whether
 * what follows starts a new paragraph on its own (a label, a heading, a
 * table row). */
static int starts_own_block(const char *s, size_t len)
{
    trim(&s, &len);
    if (len == 0)
        return 0;
    if (s[0] == '#' || s[0] == '|' || s[0] == '>')
        return 1;
    while (len >= 2 && (s[0] == '*' || s[0] == '_') && s[1] == s[0]) {
        s += 2;
        len -= 2;
    }
    if (len && s[0] == '*' && len > 1 && s[1] != ' ') {
        s++;
        len--;
    }
    vp_label lab;
    return vp_label_parse(s, len, &lab) != VP_LABEL_NONE;
}

static int ends_with_hard_break(const char *s, size_t len)
{
    if (len >= 2 && s[len - 1] == ' ' && s[len - 2] == ' ')
        return 1;
    if (len >= 1 && s[len - 1] == '\\')
        return 1;
    if (len >= 4 && memcmp(s + len - 4, "<br>", 4) == 0)
        return 1;
    if (len >= 5 && memcmp(s + len - 5, "<br/>", 5) == 0)
        return 1;
    return 0;
}

/* The bytes of the white space at s[i]; the end of the text counts as one. */
static size_t is_space_at(const char *s, size_t len, size_t i)
{
    return i >= len ? 1 : (size_t)vp_white_at(s, len, i, 1);
}

/* Punctuation next to which an emphasis star may open or close. */
static int is_flank_punct(unsigned char c)
{
    return c == '(' || c == ')' || c == '"' || c == '\'' || c == ',' || c == '.' ||
           c == ';' || c == ':' || c == '!' || c == '?' || c == '[' || c == ']' ||
           c == '/' || c == '-';
}

/* Bytes starting at i that form a curly quote (“ ” ‘ ’), else 0. */
static int curly_quote(const char *s, size_t len, size_t i)
{
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] >= 0x98 && (unsigned char)s[i + 2] <= 0x9D))
        return 3;
    return 0;
}

static int can_open(const char *s, size_t len, size_t i)
{
    if (is_space_at(s, len, i + 1))
        return 0;
    if (i == 0)
        return 1;
    unsigned char p = (unsigned char)s[i - 1];
    return p == ' ' || p == '\t' || is_flank_punct(p) ||
           (i >= 3 && curly_quote(s, len, i - 3) == 3);
}

static int can_close(const char *s, size_t len, size_t i)
{
    if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')
        return 0;
    if (i + 1 >= len)
        return 1;
    unsigned char c = (unsigned char)s[i + 1];
    return c == ' ' || c == '\t' || is_flank_punct(c) || curly_quote(s, len, i + 1);
}

/* Clean one raw block (its lines joined by single spaces) into `b`. */
/* Is the trimmed text free of anything clean_block would change: Markdown
 * and HTML markers, a run of spaces, a tab or line break, a space other
 * than U+0020?  The non-ASCII spaces and breaks (Zs, U+0085, U+2028/9)
 * are found by their UTF-8 lead bytes. */
static int is_plain(const char *raw, size_t len)
{
    const unsigned char *s = (const unsigned char *)raw;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == '*' || c == '_' || c == '\\' || c == '<' || c < 0x20 ||
                (c == ' ' && i + 1 < len && s[i + 1] == ' '))
                return 0;
            continue;
        }
        if (i + 1 >= len)
            return 0;
        unsigned char d = s[i + 1];
        /* U+2000-U+205F hold dashes and quotes beside the spaces: those
         * are decided exactly */
        if (((c == 0xC2 && (d == 0xA0 || d == 0x85)) || (c == 0xE1 && d == 0x9A) ||
             (c == 0xE2 && (d == 0x80 || d == 0x81)) || (c == 0xE3 && d == 0x80)) &&
            vp_white_at(raw, len, i, 1))
            return 0;
    }
    return 1;
}

static int clean_block(vp_blocks *bs, vp_block *b, const char *raw, size_t len, long line)
{
    vp_buf out;
    vp_buf_init(&out);
    int ok = 0;
    unsigned char *role = NULL;   /* per raw byte: 1 skip, 2 italic open, 3 close */
    size_t *stack = NULL;
    vp_span *spans = NULL;
    size_t nspans = 0;
    size_t close_from[2] = {SIZE_MAX, SIZE_MAX}, close_at[2] = {0, 0};

    trim(&raw, &len);
    /* Heading marker. */
    size_t i = 0;
    while (i < len && raw[i] == '#')
        i++;
    if (i > 0 && i <= 6 && (i == len || raw[i] == ' ')) {
        b->marks |= VP_MARK_HEADING;
        b->heading_depth = (int)i;
        raw += i;
        len -= i;
        trim(&raw, &len);
    }
    /* Markdown list marker before a printed label: "- + text", "* a) text". */
    if (len > 2 && (raw[0] == '-' || raw[0] == '*') && raw[1] == ' ') {
        const char *r = raw + 2;
        size_t rl = len - 2;
        trim(&r, &rl);
        vp_label lab;
        if (vp_label_parse(r, rl, &lab) != VP_LABEL_NONE) {
            raw = r;
            len = rl;
        }
    }
    /* Whole block in bold. */
    if (len >= 4 && raw[0] == '*' && raw[1] == '*' && raw[len - 1] == '*' && raw[len - 2] == '*')
        b->marks |= VP_MARK_ALL_BOLD | VP_MARK_BOLD;

    /* Most blocks (and every block of a Word file) hold no markup and no
     * space to collapse: copied as they are. */
    if (is_plain(raw, len)) {
        if (!(b->text = malloc(len + 1)))
            return 0;
        memcpy(b->text, raw, len);
        b->text[len] = '\0';
        b->len = len;
        return 1;
    }

    role = calloc(len + 1, 1);
    stack = malloc((len + 1) * sizeof *stack);
    if (!role || !stack)
        goto fail;

    /* Pass 1: decide which bytes are markup. */
    size_t depth = 0;
    for (i = 0; i < len; i++) {
        char c = raw[i];
        if (c == '\\' && i + 1 < len && strchr("\\`*_{}[]()#+-.!|<>", raw[i + 1])) {
            role[i] = 1;
            i++;
            continue;
        }
        if ((c == '*' || c == '_') && i + 2 < len && raw[i + 1] == c && raw[i + 2] == c) {
            /* three or more: a drawn rule ("______" under a motto), text */
            while (i + 1 < len && raw[i + 1] == c)
                i++;
            continue;
        }
        if ((c == '*' || c == '_') && i + 1 < len && raw[i + 1] == c) {
            role[i] = role[i + 1] = 1;
            b->marks |= VP_MARK_BOLD;
            i++;
            continue;
        }
        if (c == '*') {
            int o = can_open(raw, len, i), cl = can_close(raw, len, i);
            if (cl && depth > 0) {
                role[stack[--depth]] = 2;
                role[i] = 3;
            } else if (o) {
                stack[depth++] = i;
            }
            continue;
        }
        if (c == '<') {
            /* <sub>x</sub> and <sup>x</sup> are set aside; other simple
             * tags (<br>, <u>, <b>, <i>, <em>, <strong>) are dropped. */
            static const char *const tags[] = {"sub", "sup", "br", "br/", "br /", "u", "/u",
                                               "b", "/b", "i", "/i", "em", "/em",
                                               "strong", "/strong"};
            for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
                size_t tl = strlen(tags[t]);
                if (i + tl + 1 < len && memcmp(raw + i + 1, tags[t], tl) == 0 &&
                    raw[i + 1 + tl] == '>') {
                    size_t end = i + tl + 2;
                    if (t < 2) {
                        char close[8];
                        int cn = snprintf(close, sizeof close, "</%s>", tags[t]);
                        /* The first closing tag at or after `end`: searched
                         * once and remembered, since later searches start
                         * further on — many unclosed tags on one line
                         * would otherwise rescan it each time. */
                        if (end < close_from[t] || end > close_at[t]) {
                            const char *hit = memmem(raw + end, len - end, close, (size_t)cn);
                            close_from[t] = end;
                            close_at[t] = hit ? (size_t)(hit - raw) : len;
                        }
                        const char *e = close_at[t] < len ? raw + close_at[t] : NULL;
                        if (e) {
                            if (!vp_blocks_aside(bs, raw + end, (size_t)(e - raw) - end, line,
                                                 t == 0 ? "subscript" : "superscript"))
                                goto fail;
                            end = (size_t)(e - raw) + (size_t)cn;
                        }
                    }
                    memset(role + i, 1, end - i);
                    i = end - 1;
                    break;
                }
            }
        }
    }

    /* Pass 2: emit, collapsing white space, recording italic spans. */
    int pending_space = 0, in_italic = 0;
    size_t span_start = (size_t)-1;
    for (i = 0; i < len; i++) {
        if (role[i] == 1)
            continue;
        if (role[i] == 2) {
            in_italic = 1;
            span_start = (size_t)-1;
            continue;
        }
        if (role[i] == 3) {
            if (in_italic && span_start != (size_t)-1) {
                vp_span *ns = realloc(spans, (nspans + 1) * sizeof *spans);
                if (!ns)
                    goto fail;
                spans = ns;
                spans[nspans].start = span_start;
                spans[nspans].end = out.len;
                nspans++;
                b->marks |= VP_MARK_ITALIC;
            }
            in_italic = 0;
            continue;
        }
        size_t sp = is_space_at(raw, len, i);
        if (sp) {
            i += sp - 1;
            pending_space = out.len > 0;
            continue;
        }
        if (pending_space) {
            vp_buf_putc(&out, ' ');
            pending_space = 0;
        }
        if (in_italic && span_start == (size_t)-1)
            span_start = out.len;
        vp_buf_putc(&out, raw[i]);
    }
    if (out.failed)
        goto fail;
    if (nspans == 1 && spans[0].start == 0 && spans[0].end == out.len && out.len)
        b->marks |= VP_MARK_ALL_ITALIC;
    b->len = out.len;
    b->text = vp_buf_detach(&out);
    if (!b->text)
        goto fail;
    b->italics = spans;
    b->nitalics = nspans;
    spans = NULL;
    ok = 1;
fail:
    vp_buf_free(&out);
    free(role);
    free(stack);
    free(spans);
    return ok;
}

/* ------------------------------------------------------------ blocks */

static vp_block *new_block(vp_blocks *b)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        vp_block *v = realloc(b->v, cap * sizeof *v);
        if (!v)
            return NULL;
        b->v = v;
        b->cap = cap;
    }
    vp_block *blk = &b->v[b->n++];
    memset(blk, 0, sizeof *blk);
    return blk;
}

vp_block *vp_blocks_push(vp_blocks *b, const char *text, size_t len, long line)
{
    vp_block *blk = new_block(b);
    if (!blk)
        return NULL;
    blk->line = blk->last_line = line;
    if (!clean_block(b, blk, text, len, line)) {
        b->n--;
        return NULL;
    }
    return blk;
}

int vp_blocks_aside(vp_blocks *b, const char *text, size_t len, long line, const char *why)
{
    if (b->naside == b->capaside) {
        size_t cap = b->capaside ? b->capaside * 2 : 16;
        vp_aside *v = realloc(b->asides, cap * sizeof *v);
        if (!v)
            return 0;
        b->asides = v;
        b->capaside = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return 0;
    memcpy(copy, text, len);
    copy[len] = '\0';
    b->asides[b->naside].text = copy;
    b->asides[b->naside].line = line;
    b->asides[b->naside].why = why;
    b->naside++;
    return 1;
}

const char *vp_blocks_keep(vp_blocks *b, const char *s)
{
    if (b->nowned == b->capowned) {
        size_t cap = b->capowned ? b->capowned * 2 : 16;
        char **v = realloc(b->owned, cap * sizeof *v);
        if (!v)
            return NULL;
        b->owned = v;
        b->capowned = cap;
    }
    char *copy = strdup(s);
    if (copy)
        b->owned[b->nowned++] = copy;
    return copy;
}

static void block_free(vp_block *b)
{
    free(b->text);
    free(b->italics);
    for (size_t i = 0; i < b->ncells; i++)
        free(b->cells[i]);
    free(b->cells);
}

void vp_blocks_free(vp_blocks *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        block_free(&b->v[i]);
    free(b->v);
    for (size_t i = 0; i < b->naside; i++)
        free(b->asides[i].text);
    free(b->asides);
    for (size_t i = 0; i < b->nowned; i++)
        free(b->owned[i]);
    free(b->owned);
    memset(b, 0, sizeof *b);
}

/* A Markdown table row "| a | b |"; separator rows "|---|" are markup. */
static int table_row(vp_blocks *bs, const char *s, size_t len, long no, int group)
{
    const char *t = s;
    size_t tl = len;
    trim(&t, &tl);
    int sep = 1;
    for (size_t i = 0; i < tl; i++)
        if (!strchr("|-: ", t[i]))
            sep = 0;
    if (sep)
        return 1;
    vp_block *blk = new_block(bs);
    if (!blk)
        return 0;
    blk->kind = VP_BLOCK_TABLE_ROW;
    blk->line = blk->last_line = no;
    blk->group = group;
    vp_buf joined;
    vp_buf_init(&joined);
    size_t start = 1;
    for (size_t i = 1; i <= tl; i++) {
        if (i < tl && !(t[i] == '|' && t[i - 1] != '\\'))
            continue;
        if (i == tl && start >= tl)
            break;
        vp_block cell;
        memset(&cell, 0, sizeof cell);
        if (!clean_block(bs, &cell, t + start, i - start, no))
            goto fail;
        char **cells = realloc(blk->cells, (blk->ncells + 1) * sizeof *cells);
        if (!cells) {
            block_free(&cell);
            goto fail;
        }
        blk->cells = cells;
        blk->cells[blk->ncells++] = cell.text;
        cell.text = NULL;
        block_free(&cell);
        if (blk->ncells > 1)    /* an empty first cell keeps its place */
            vp_buf_puts(&joined, " | ");
        vp_buf_puts(&joined, blk->cells[blk->ncells - 1]);
        start = i + 1;
    }
    blk->len = joined.len;
    blk->text = vp_buf_detach(&joined);
    return blk->text != NULL;
fail:
    vp_buf_free(&joined);
    return 0;
}

/* Does the block end a sentence or a clause, so that what follows is a
 * new paragraph rather than its continuation? */
static int ends_clause(const vp_block *b)
{
    size_t n = b->len;
    while (n && (b->text[n - 1] == ')' || b->text[n - 1] == '"' || b->text[n - 1] == '\'' ||
                 b->text[n - 1] == '*'))
        n--;
    /* closing curly quote ” (E2 80 9D) */
    while (n >= 3 && (unsigned char)b->text[n - 3] == 0xE2 &&
           (unsigned char)b->text[n - 2] == 0x80 && (unsigned char)b->text[n - 1] == 0x9D)
        n -= 3;
    if (n == 0)
        return 1;
    char c = b->text[n - 1];
    return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* Does the block end with a dash or comma, i.e. clearly mid-sentence? */
static int ends_dangling(const vp_block *b)
{
    size_t n = b->len;
    if (n == 0)
        return 0;
    if (b->text[n - 1] == ',')
        return 1;
    size_t k = n - 1;           /* the start of the last character */
    while (k > 0 && ((unsigned char)b->text[k] & 0xC0) == 0x80)
        k--;
    int32_t cp;
    vp_utf8_decode(b->text + k, n - k, &cp);
    return vp_is_dash(cp);
}

static int starts_with_digit(const vp_block *b)
{
    return b->len && b->text[0] >= '0' && b->text[0] <= '9';
}

/* Room for `need` elements of `size` bytes in *v (capacity *cap),
 * doubling, so that joining many pieces stays linear. */
static int reserve(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *nv = realloc(*v, c * size);
    if (!nv)
        return 0;
    *v = nv;
    *cap = c;
    return 1;
}

/* Append `next` to `prev` with one space (a paragraph cut by a page). */
static int join_blocks(vp_block *prev, vp_block *next)
{
    size_t n = prev->len + 1 + next->len;
    if (!prev->textcap)
        prev->textcap = prev->len + 1;
    if (!reserve((void **)&prev->text, &prev->textcap, n + 1, 1))
        return 0;
    prev->text[prev->len] = ' ';
    memcpy(prev->text + prev->len + 1, next->text, next->len + 1);
    if (next->nitalics) {
        if (!prev->italcap)
            prev->italcap = prev->nitalics;
        if (!reserve((void **)&prev->italics, &prev->italcap, prev->nitalics + next->nitalics,
                     sizeof *prev->italics))
            return 0;
        for (size_t k = 0; k < next->nitalics; k++) {
            prev->italics[prev->nitalics + k].start = next->italics[k].start + prev->len + 1;
            prev->italics[prev->nitalics + k].end = next->italics[k].end + prev->len + 1;
        }
        prev->nitalics += next->nitalics;
        prev->marks |= VP_MARK_ITALIC;
    }
    prev->len = n;
    prev->last_line = next->last_line;
    prev->marks &= ~(unsigned)(VP_MARK_ALL_ITALIC | VP_MARK_HARD_BREAK);
    if (!(next->marks & VP_MARK_ALL_BOLD))
        prev->marks &= ~(unsigned)VP_MARK_ALL_BOLD;
    block_free(next);
    memset(next, 0, sizeof *next);
    return 1;
}

/* Should `next` continue `prev`? */
int vp_blocks_join(vp_block *prev, vp_block *next)
{
    return join_blocks(prev, next);
}

static int continues(const vp_block *prev, const vp_block *next)
{
    if (prev->kind != VP_BLOCK_PARA || next->kind != VP_BLOCK_PARA || next->len == 0)
        return 0;
    if ((next->marks & (VP_MARK_HEADING | VP_MARK_LIST)) ||
        ((prev->marks | next->marks) & VP_MARK_CENTERED))
        return 0;   /* a Word heading, list item, centred line: its own */
    vp_label lab;
    if (vp_label_parse(next->text, next->len, &lab) != VP_LABEL_NONE)
        return 0;
    /* Vietnamese paragraphs and items start with a capital or a label: a
     * lower-case start is the rest of the paragraph before. */
    if (vp_first_letter_case(next->text, next->len) < 0 && !vp_is_all_caps(prev->text, prev->len))
        return 1;
    if (ends_dangling(prev) && (starts_with_digit(next) ||
                                vp_first_letter_case(next->text, next->len) < 0))
        return 1;
    /* Across a page break, a paragraph that did not end its sentence goes
     * on; headings and all-caps lines are not cut this way. */
    if ((next->marks & VP_MARK_PAGE_BREAK) && !ends_clause(prev) &&
        !(prev->marks & (VP_MARK_HEADING | VP_MARK_ALL_BOLD)) &&
        !vp_is_all_caps(prev->text, prev->len) && !vp_is_all_caps(next->text, next->len))
        return 1;
    return 0;
}

int vp_blocks_rejoin(vp_blocks *out)
{
    size_t w = 0;
    for (size_t r = 0; r < out->n; r++) {
        vp_block *b = &out->v[r];
        if (b->len == 0 && b->kind == VP_BLOCK_PARA) {
            block_free(b);
            continue;   /* only markup: nothing to keep */
        }
        if (w > 0 && continues(&out->v[w - 1], b)) {
            if (!join_blocks(&out->v[w - 1], b)) {
                /* keep every block that is still whole, once */
                memmove(out->v + w, out->v + r, (out->n - r) * sizeof *out->v);
                out->n = w + (out->n - r);
                return 0;
            }
            continue;
        }
        if (w != r)
            out->v[w] = *b;
        w++;
    }
    out->n = w;
    return 1;
}

vnplan_status vp_blocks_from_text(const char *text, size_t len, size_t max_line,
                                  vp_blocks *out, const char *name, vnplan_error *err)
{
    memset(out, 0, sizeof *out);
    size_t n = 0;
    src_line *v = split_lines(text, len, &n);
    vp_buf raw;
    vp_buf_init(&raw);
    if (!v)
        goto nomem;
    for (size_t i = 0; i < n; i++)
        if (max_line && v[i].len > max_line) {
            vp_error_set(err, VNPLAN_E_LIMIT, name, v[i].no, -1,
                         "the line is %zu bytes long, over the line-bytes limit of %zu", v[i].len,
                         max_line);
            free(v);
            return VNPLAN_E_LIMIT;
        }
    if (!mark_furniture(v, n, out))
        goto nomem;
    int width = detect_wrap(v, n);
    out->wrapped = width > 0;
    out->wrap_width = width;

    /* Gather lines into raw blocks. */
    int group = 0, open = 0, blank_before = 1;
    int pending_break = 0;   /* a page break seen, not yet given to a block */
    int block_break = 0;     /* the open block starts a page */
    long first = 0, last = 0;
    size_t last_cols = 0;
    int last_hard = 0, indent = 0;
    for (size_t i = 0; i <= n; i++) {
        int flush = 0, blank = 0;
        const char *s = NULL;
        size_t sl = 0;
        if (i < n) {
            pending_break |= v[i].page_break;
            if (v[i].aside)
                continue;
            s = v[i].s;
            sl = v[i].len;
            blank = is_blank(s, sl);
        }
        if (i == n || blank) {
            flush = open;
        } else if (open) {
            /* A second line of the same paragraph only when the text is
             * hard-wrapped and the line was full. */
            const char *t = s;
            size_t tl = sl;
            trim(&t, &tl);
            flush = !(out->wrapped && !last_hard && !starts_own_block(s, sl) &&
                      last_cols + 1 + first_word_cols(t, tl) > (size_t)width);
        }
        if (flush) {
            vp_block *blk = vp_blocks_push(out, raw.data, raw.len, first);
            if (!blk)
                goto nomem;
            blk->last_line = last;
            blk->group = group;
            blk->indent = indent;
            if (last_hard)
                blk->marks |= VP_MARK_HARD_BREAK;
            if (block_break)
                blk->marks |= VP_MARK_PAGE_BREAK;
            vp_buf_clear(&raw);
            open = 0;
        }
        if (i == n)
            break;
        if (blank) {
            blank_before = 1;
            continue;
        }
        if (blank_before || pending_break)
            group++;
        blank_before = 0;
        const char *t = s;
        size_t tl = sl;
        trim(&t, &tl);
        if (t[0] == '|' && tl > 1 && t[tl - 1] == '|') {
            if (!table_row(out, s, sl, v[i].no, group))
                goto nomem;
            if (pending_break && out->n)
                out->v[out->n - 1].marks |= VP_MARK_PAGE_BREAK;
            pending_break = 0;
            continue;
        }
        if (!open) {
            first = v[i].no;
            indent = 0;
            while (indent < (int)sl && (s[indent] == ' ' || s[indent] == '\t'))
                indent++;
            block_break = pending_break;
            pending_break = 0;
        } else {
            vp_buf_putc(&raw, ' ');
        }
        vp_buf_append(&raw, t, tl);
        open = 1;
        last = v[i].no;
        last_hard = ends_with_hard_break(s, sl);
        last_cols = vp_columns(t, tl);
        if (raw.failed)
            goto nomem;
    }
    vp_buf_free(&raw);
    free(v);
    v = NULL;

    if (!vp_blocks_rejoin(out))
        goto nomem;
    return VNPLAN_OK;
nomem:
    vp_buf_free(&raw);
    free(v);
    vp_blocks_free(out);
    return vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
}
