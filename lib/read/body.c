/* body.c — paragraphs and tables of an office document → blocks (see
 * body.h). */
#include "config.h"
#include "read/body.h"
#include "core/error.h"
#include "core/unicode.h"
#include "read/charset.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LINE_BREAK VP_BODY_LINE_BREAK

struct vp_body_row {
    char **cells;
    size_t ncells;
    long line;
};

/* A finished paragraph, before it becomes a block (table paragraphs wait
 * for the end of their table: see vp_body_table_end). */
struct vp_body_para {
    char *text;
    size_t len;
    long line;
    unsigned marks;
    int heading_depth;
    const char *style;   /* kept by the blocks */
    size_t row, col;
};
typedef struct vp_body_row row;
typedef struct vp_body_para para;

void vp_body_init(vp_body *d, vp_blocks *out, const struct vp_charsets *cs)
{
    memset(d, 0, sizeof *d);
    d->out = out;
    d->cs = cs;
    vp_buf_init(&d->text);
    vp_buf_init(&d->cell);
    vp_buf_init(&d->leg);
}

static void row_free(row *r)
{
    for (size_t i = 0; i < r->ncells; i++)
        free(r->cells[i]);
    free(r->cells);
    r->cells = NULL;
    r->ncells = 0;
}

void vp_body_free(vp_body *d)
{
    vp_buf_free(&d->text);
    vp_buf_free(&d->cell);
    vp_buf_free(&d->leg);
    for (size_t i = 0; i < d->ncells; i++)
        free(d->cells[i]);
    free(d->cells);
    for (size_t i = 0; i < d->nrows; i++)
        row_free(&d->rows[i]);
    free(d->rows);
    for (size_t i = 0; i < d->np; i++)
        free(d->paras[i].text);
    free(d->paras);
}

/* ------------------------------------------------------------ text */

static void count_text(vp_body *d, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += (unsigned char)s[i] > ' ' ||
             (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r');
    d->chars += k;
    if (d->r_bold)
        d->bold_chars += k;
    if (d->r_italic)
        d->italic_chars += k;
}

/* The legacy encoding a font was made for, by the names the font
 * families have carried since the 1990s: ".Vn…" the ABC (TCVN3) fonts,
 * ".Vn…H" those of them that show every letter as a capital, "VNI-…" the
 * VNI fonts.  NULL for any other font. */
static const char *font_encoding(const char *font, int *caps)
{
    *caps = 0;
    size_t n = strlen(font);
    if (n > 3 && strncasecmp(font, ".Vn", 3) == 0) {
        *caps = font[n - 1] == 'H';
        return "TCVN3";
    }
    if (n > 4 && strncasecmp(font, "VNI-", 4) == 0)
        return "VNI";
    return NULL;
}

void vp_body_font(vp_body *d, const char *font)
{
    d->r_enc = d->cs && font ? font_encoding(font, &d->r_caps) : NULL;
}

/* Office files store a legacy font's bytes as the Windows-1252 characters
 * of those bytes (or, for symbol fonts, U+F000 + byte): back to the byte,
 * -1 for a character no byte gives. */
static int legacy_byte(int32_t cp)
{
    static const uint16_t c1[32] = {
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
        return (int)cp;
    if (cp >= 0xF000 && cp <= 0xF0FF)
        return (int)(cp - 0xF000);
    for (int i = 0; i < 32; i++)
        if (c1[i] && c1[i] == cp)
            return 0x80 + i;
    return -1;
}

/* Convert the pending legacy-font text through the installed tables and
 * append it; as it is when it cannot be (the text was typed in Unicode
 * after all, or no table is installed). */
int vp_body_flush(vp_body *d)
{
    const char *s = d->leg.data;
    size_t n = d->leg.len;
    if (!n)
        return 1;
    unsigned char *bytes = malloc(n + 1);
    if (!bytes)
        return 0;
    size_t m = 0;
    int ok = 1;
    for (size_t i = 0; i < n && ok;) {
        int32_t cp;
        i += (size_t)vp_utf8_decode(s + i, n - i, &cp);
        int b = legacy_byte(cp);
        if (b < 0)
            ok = 0;
        else
            bytes[m++] = (unsigned char)b;
    }
    vp_decoded dec;
    vnplan_error e;
    memset(&dec, 0, sizeof dec);
    vp_error_clear(&e);
    vnplan_status st =
        ok ? vp_decode(d->cs, NULL, bytes, m, d->leg_enc, &dec, &e) : VNPLAN_E_ENCODING;
    free(bytes);
    if (st == VNPLAN_E_NOMEM)
        return 0;
    if (st != VNPLAN_OK) {
        vp_buf_append(&d->text, s, n);
    } else {
        d->legacy = d->leg_enc;
        for (size_t i = 0; i < dec.len;) {
            int32_t cp;
            i += (size_t)vp_utf8_decode(dec.text + i, dec.len - i, &cp);
            char u[4];
            vp_buf_append(&d->text, u,
                          (size_t)vp_utf8_encode(d->leg_caps ? vp_to_upper(cp) : cp, u));
        }
    }
    vp_decoded_free(&dec);
    vp_buf_clear(&d->leg);
    return !d->text.failed;
}

/* Text of the current run: kept for conversion when its font is a legacy
 * one, else appended. */
int vp_body_text(vp_body *d, const char *s, size_t n)
{
    count_text(d, s, n);
    if (d->leg.len && (d->r_enc != d->leg_enc || d->r_caps != d->leg_caps) &&
        !vp_body_flush(d))
        return 0;
    if (d->r_enc) {
        d->leg_enc = d->r_enc;
        d->leg_caps = d->r_caps;
        vp_buf_append(&d->leg, s, n);
        return !d->leg.failed;
    }
    vp_buf_append(&d->text, s, n);
    return !d->text.failed;
}

int vp_body_putc(vp_body *d, char c)
{
    if (!vp_body_flush(d))
        return 0;
    vp_buf_putc(&d->text, c);
    return !d->text.failed;
}

/* ------------------------------------------------------------ labels */

static void roman(long v, int upper, vp_buf *b)
{
    static const struct { int v; const char *s; } t[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
        {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
    if (v <= 0 || v > 3999) {
        vp_buf_printf(b, "%ld", v);
        return;
    }
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        while (v >= t[i].v) {
            for (const char *c = t[i].s; *c; c++)
                vp_buf_putc(b, upper ? (char)(*c - 'a' + 'A') : *c);
            v -= t[i].v;
        }
}

void vp_body_number(long v, char fmt, vp_buf *b)
{
    if (fmt == 'I' || fmt == 'i') {
        roman(v, fmt == 'I', b);
    } else if (fmt == 'A' || fmt == 'a') {
        /* letters: a..z, then aa..zz, aaa.. */
        if (v <= 0) {
            vp_buf_printf(b, "%ld", v);
            return;
        }
        long rep = (v - 1) / 26 + 1;
        char c = (char)(fmt + (v - 1) % 26);
        for (long i = 0; i < rep && i < 16; i++)
            vp_buf_putc(b, c);
    } else if (fmt == '0') {
        vp_buf_printf(b, "%02ld", v);
    } else {
        vp_buf_printf(b, "%ld", v);
    }
}

const char *vp_body_bullet(const char *shown)
{
    /* symbol-font bullets are private-use characters; the text reader
     * knows "-" and "•" */
    if (shown && shown[0] == '-')
        return "-";
    if (shown && shown[0] == '+')
        return "+";
    return "•";
}

/* ------------------------------------------------------------ paragraphs */

/* Collapse white space and trim; the result is NFC (office files keep
 * what was typed or pasted, decomposed Vietnamese included). */
static char *clean_text(const char *s, size_t len, size_t *out_len)
{
    /* white space collapsed in place of a copy: never longer than s */
    char *b = malloc(len + 1);
    if (!b)
        return NULL;
    size_t n = 0;
    int sp = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if ((unsigned char)c <= ' ' &&
            (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == LINE_BREAK)) {
            sp = 1;
            continue;
        }
        if (sp && n)
            b[n++] = ' ';
        sp = 0;
        b[n++] = c;
    }
    b[n] = '\0';
    char *nfc = vp_nfc(b, n, out_len);
    free(b);
    return nfc;
}

int vp_body_aside(vp_body *d, const char *s, size_t n, const char *why)
{
    size_t len;
    char *t = clean_text(s, n, &len);
    if (!t)
        return 0;
    int ok = len == 0 || vp_blocks_aside(d->out, t, len, d->para_no > 0 ? d->para_no : 1, why);
    free(t);
    return ok;
}

void vp_body_para_start(vp_body *d)
{
    d->para_no++;
    vp_buf_clear(&d->text);
    vp_buf_clear(&d->leg);
    d->chars = d->bold_chars = d->italic_chars = 0;
    if (d->tbl_depth > 0 && d->row_line == 0)
        d->row_line = d->para_no;
}

static int push_para(vp_body *d, const para *pa)
{
    vp_block *blk = vp_blocks_push(d->out, pa->text, pa->len, pa->line);
    if (!blk)
        return 0;
    if (blk->len == 0) {        /* only what the text reader calls markup */
        free(blk->text);
        free(blk->italics);
        d->out->n--;
        return 1;
    }
    blk->group = ++d->group;
    blk->style = pa->style;
    blk->marks |= pa->marks;
    blk->heading_depth = pa->heading_depth;
    if (d->pending_page)
        blk->marks |= VP_MARK_PAGE_BREAK;
    d->pending_page = 0;
    return 1;
}

/* Is the text of the paragraph only white space? */
static int blank_text(const vp_buf *t)
{
    for (size_t i = 0; i < t->len; i++) {
        char c = t->data[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != LINE_BREAK)
            return 0;
    }
    return 1;
}

/* Has the label a letter or digit (a number, not a bullet)? */
static int has_alnum(const char *t)
{
    for (; t && *t; t++)
        if ((*t >= '0' && *t <= '9') || (*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z'))
            return 1;
    return 0;
}

/* Push a paragraph's text (its list label first, lines ended by
 * LINE_BREAK) as one block per line, all of one group: `pa` has the
 * paragraph's marks and style. */
static int para_lines(vp_body *d, para *pa, const char *full, size_t len)
{
    int group = 0, ok = 1;
    unsigned marks = pa->marks;
    for (size_t i = 0; ok && i < len;) {
        const char *e = memchr(full + i, LINE_BREAK, len - i);
        size_t end = e ? (size_t)(e - full) : len;
        pa->text = clean_text(full + i, end - i, &pa->len);
        if (!pa->text) {
            ok = 0;
            break;
        }
        pa->marks = marks | (e ? VP_MARK_HARD_BREAK : 0);
        if (pa->len) {
            size_t before = d->out->n;
            ok = push_para(d, pa);
            if (ok && d->out->n > before) {
                if (group)
                    d->out->v[d->out->n - 1].group = group;
                else
                    group = d->out->v[d->out->n - 1].group;
                d->group = group;
                marks &= ~(unsigned)VP_MARK_PAGE_BREAK;
            }
        }
        free(pa->text);
        pa->text = NULL;
        i = end + 1;
    }
    return ok;
}

int vp_body_para_end(vp_body *d, const vp_para_props *pp)
{
    if (!vp_body_flush(d))
        return 0;
    const char *label = pp->label ? pp->label : "";
    /* a bulleted item with no text shows only its bullet (pandoc writes
     * one for "- + item"): nothing to keep.  A number alone is kept (an
     * auto-numbered "TT" cell, say), and has counted either way. */
    if (blank_text(&d->text) && !has_alnum(label))
        return 1;
    vp_buf full;
    vp_buf_init(&full);
    if (label[0]) {
        vp_buf_puts(&full, label);
        vp_buf_putc(&full, ' ');
    }
    vp_buf_append(&full, d->text.data ? d->text.data : "", d->text.len);
    if (full.failed) {
        vp_buf_free(&full);
        return 0;
    }
    para pa;
    memset(&pa, 0, sizeof pa);
    pa.text = clean_text(full.data, full.len, &pa.len);
    /* lines ended by a line break, kept apart outside tables */
    vp_buf lines;
    vp_buf_init(&lines);
    if (d->tbl_depth == 0 && full.data && memchr(full.data, LINE_BREAK, full.len))
        vp_buf_append(&lines, full.data, full.len);
    vp_buf_free(&full);
    if (!pa.text || lines.failed || pa.len == 0 ||
        (pp->style && !(pa.style = vp_blocks_keep(d->out, pp->style)))) {
        int ok = pa.text && !lines.failed && pa.len == 0;   /* empty: nothing to do */
        free(pa.text);
        vp_buf_free(&lines);
        return ok;
    }
    pa.line = d->para_no;
    if (pp->outline >= 0 && pp->outline < 9) {
        pa.marks |= VP_MARK_HEADING;
        pa.heading_depth = pp->outline + 1;
    }
    if (d->bold_chars)
        pa.marks |= VP_MARK_BOLD | (d->bold_chars == d->chars ? VP_MARK_ALL_BOLD : 0);
    if (d->italic_chars)
        pa.marks |= VP_MARK_ITALIC | (d->italic_chars == d->chars ? VP_MARK_ALL_ITALIC : 0);
    if (pp->centered)
        pa.marks |= VP_MARK_CENTERED;
    if (pp->list)
        pa.marks |= VP_MARK_LIST;
    if (pp->page_break)
        pa.marks |= VP_MARK_PAGE_BREAK;
    if (lines.len && !(pa.marks & VP_MARK_HEADING)) {
        /* lines ended by a line break (Shift+Enter: a letterhead, an
         * addressee list) are blocks of one group, as the text reader
         * makes them of lines ended by a Markdown hard break */
        free(pa.text);
        int ok = para_lines(d, &pa, lines.data, lines.len);
        vp_buf_free(&lines);
        return ok;
    }
    vp_buf_free(&lines);
    if (d->tbl_depth == 0) {
        int ok = push_para(d, &pa);
        free(pa.text);
        return ok;
    }
    /* in a table: part of the cell's text, and kept whole in case the
     * table is only layout */
    if (d->cell.len)
        vp_buf_putc(&d->cell, ' ');
    vp_buf_append(&d->cell, pa.text, pa.len);
    if (d->cell.failed || d->tbl_depth > 1 || d->vmerge) {
        free(pa.text);
        return !d->cell.failed;
    }
    if (d->np == d->capp) {
        size_t cap = d->capp ? d->capp * 2 : 16;
        para *v = realloc(d->paras, cap * sizeof *v);
        if (!v) {
            free(pa.text);
            return 0;
        }
        d->paras = v;
        d->capp = cap;
    }
    pa.row = d->nrows;
    pa.col = d->ncells;
    d->paras[d->np++] = pa;
    return 1;
}

/* ------------------------------------------------------------ tables */

void vp_body_row_start(vp_body *d)
{
    d->ncells = 0;
    d->row_line = 0;
}

int vp_body_row_end(vp_body *d)
{
    if (d->row_line == 0)
        d->row_line = d->para_no;
    int any = 0;
    for (size_t i = 0; i < d->ncells; i++)
        any |= d->cells[i][0] != '\0';
    if (!any) {
        for (size_t i = 0; i < d->ncells; i++)
            free(d->cells[i]);
        d->ncells = 0;
        return 1;
    }
    if (d->nrows == d->caprows) {
        size_t cap = d->caprows ? d->caprows * 2 : 8;
        row *v = realloc(d->rows, cap * sizeof *v);
        if (!v)
            return 0;
        d->rows = v;
        d->caprows = cap;
    }
    row *r = &d->rows[d->nrows++];
    r->cells = d->cells;
    r->ncells = d->ncells;
    r->line = d->row_line;
    d->cells = NULL;
    d->ncells = d->capcells = 0;
    return 1;
}

/* A table of at most LAYOUT_COLS columns and LAYOUT_ROWS rows places text
 * side by side (the letterhead: issuer and number left, national motto
 * and date right; the signature: recipients left, signer right).  Its
 * paragraphs become blocks column by column, the order in which text
 * exported from the printed page gives them; any other table gives one
 * block per row. */
#define LAYOUT_COLS 2
#define LAYOUT_ROWS 4

int vp_body_table_end(vp_body *d)
{
    size_t cols = 0;
    for (size_t i = 0; i < d->nrows; i++)
        if (d->rows[i].ncells > cols)
            cols = d->rows[i].ncells;
    int ok = 1;
    if (d->nrows && cols <= LAYOUT_COLS && d->nrows <= LAYOUT_ROWS) {
        for (size_t c = 0; c < cols && ok; c++)
            for (size_t i = 0; i < d->np && ok; i++)
                if (d->paras[i].col == c)
                    ok = push_para(d, &d->paras[i]);
    } else {
        for (size_t i = 0; i < d->nrows && ok; i++) {
            row *r = &d->rows[i];
            vp_buf joined;
            vp_buf_init(&joined);
            for (size_t k = 0; k < r->ncells; k++) {
                if (k)
                    vp_buf_puts(&joined, " | ");
                vp_buf_puts(&joined, r->cells[k]);
            }
            vp_block *blk =
                joined.failed ? NULL : vp_blocks_push(d->out, joined.data, joined.len, r->line);
            vp_buf_free(&joined);
            if (!blk) {
                ok = 0;
                break;
            }
            blk->kind = VP_BLOCK_TABLE_ROW;
            blk->group = ++d->group;
            if (d->pending_page)
                blk->marks |= VP_MARK_PAGE_BREAK;
            d->pending_page = 0;
            blk->cells = r->cells;
            blk->ncells = r->ncells;
            r->cells = NULL;
            r->ncells = 0;
        }
    }
    for (size_t i = 0; i < d->nrows; i++)
        row_free(&d->rows[i]);
    d->nrows = 0;
    for (size_t i = 0; i < d->np; i++)
        free(d->paras[i].text);
    d->np = 0;
    return ok;
}

void vp_body_cell_start(vp_body *d)
{
    vp_buf_clear(&d->cell);
    d->vmerge = 0;
    d->span = 1;
}

int vp_body_cell_end(vp_body *d)
{
    size_t span = d->span < 1 ? 1 : d->span > VP_BODY_MAX_SPAN ? VP_BODY_MAX_SPAN : d->span;
    for (size_t k = 0; k < span; k++) {
        if (d->ncells == d->capcells) {
            size_t cap = d->capcells ? d->capcells * 2 : 8;
            char **v = realloc(d->cells, cap * sizeof *v);
            if (!v)
                return 0;
            d->cells = v;
            d->capcells = cap;
        }
        /* a cell merged with the one above it shows nothing of its own,
         * nor do the columns a cell spans after its first */
        char *c = strdup(k || d->vmerge || !d->cell.data ? "" : d->cell.data);
        if (!c)
            return 0;
        d->cells[d->ncells++] = c;
    }
    return 1;
}
