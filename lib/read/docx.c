/* docx.c — a Word file to blocks (see docx.h).
 *
 * Three parts are read, each with libxml2's streaming reader so that no
 * tree of a large document is built: styles.xml (names, outline levels,
 * bold and italic, numbering given by a style), numbering.xml (the list
 * definitions) and document.xml (the body).  Footnotes, comments, headers
 * and footers are other parts and are never mixed into the body. */
#include "config.h"
#include "read/docx.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/unicode.h"
#include "read/charset.h"
#include <libxml/xmlreader.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <threads.h>
#include <zip.h>

/* ------------------------------------------------------------ the ZIP */

int vp_docx_is_zip(const unsigned char *bytes, size_t len)
{
    return len >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0;
}

typedef struct part {
    char *data;
    size_t len;
} part;

/* Read entry `path` whole, stopping at `*budget` bytes however large the
 * header says it is (headers can lie; a bomb is only found by reading).
 * Returns 1 read, 0 absent (only when !required), -1 error. */
static int read_entry(zip_t *za, const char *path, int required, size_t limit, size_t *budget,
                      part *out, const char *name, vnplan_error *err)
{
    out->data = NULL;
    out->len = 0;
    zip_int64_t idx = zip_name_locate(za, path, 0);
    if (idx < 0) {
        if (!required)
            return 0;
        vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                     "a ZIP file but not a Word document: no %s in it", path);
        return -1;
    }
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    if (!zf) {
        vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1, "damaged Word file: cannot open %s: %s",
                     path, zip_strerror(za));
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        goto nomem;
    for (;;) {
        if (n == cap) {
            /* never more than one byte past the limit: that byte is
             * enough to know the entry is too large */
            size_t ncap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb)
                goto nomem;
            buf = nb;
            cap = ncap;
        }
        zip_int64_t got = zip_fread(zf, buf + n, cap - n);
        if (got < 0) {
            vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1, "damaged Word file: reading %s: %s",
                         path, zip_file_strerror(zf));
            goto fail;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > limit || n > *budget) {
            vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                         "%s decompresses to more than the input limit of %zu bytes", path,
                         n > limit ? limit : *budget);
            goto fail;
        }
    }
    zip_fclose(zf);
    buf[n] = '\0';
    *budget -= n;
    out->data = buf;
    out->len = n;
    return 1;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
fail:
    free(buf);
    zip_fclose(zf);
    return -1;
}

/* ------------------------------------------------------------ XML walk */

static once_flag xml_once = ONCE_FLAG_INIT;
static void xml_init(void)
{
    xmlInitParser();
}

enum { EV_START, EV_END, EV_TEXT };

/* A handler sees each element start and end (an empty element gives both)
 * and each piece of text; it returns 0 on lack of memory. */
typedef int (*xml_handler)(void *ctx, xmlTextReaderPtr r, int ev, const char *local, int depth);

static int is_w(xmlTextReaderPtr r)
{
    const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
    size_t n = ns ? strlen(ns) : 0;
    /* transitional and strict OOXML */
    return (n >= 26 && strcmp(ns + n - 26, "wordprocessingml/2006/main") == 0) ||
           (n >= 22 && strcmp(ns + n - 22, "/wordprocessingml/main") == 0);
}

/* The w:-attribute `local` of the current element into out (cut to cap). */
static int attr(xmlTextReaderPtr r, const char *local, char *out, size_t cap)
{
    xmlChar *v = xmlTextReaderGetAttributeNs(r, BAD_CAST local, xmlTextReaderConstNamespaceUri(r));
    if (!v)
        v = xmlTextReaderGetAttribute(r, BAD_CAST local);
    if (!v)
        return 0;
    snprintf(out, cap, "%s", (const char *)v);
    xmlFree(v);
    return 1;
}

static long attr_long(xmlTextReaderPtr r, const char *local, long dflt)
{
    char v[32];
    if (!attr(r, local, v, sizeof v))
        return dflt;
    char *end;
    long x = strtol(v, &end, 10);
    return end == v ? dflt : x;
}

/* On/off properties (w:b, w:i): present means on unless val says off. */
static int attr_on(xmlTextReaderPtr r)
{
    char v[16];
    if (!attr(r, "val", v, sizeof v))
        return 1;
    return !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

static vnplan_status walk(const part *pt, const char *partname, xml_handler fn, void *ctx,
                          const char *name, vnplan_error *err)
{
    /* Word never writes a DOCTYPE; one is only there to declare entities
     * or fetch a DTD, so the part is refused before libxml2 sees it. */
    if (pt->len >= 9 && memmem(pt->data, pt->len, "<!DOCTYPE", 9))
        return vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                            "%s declares a DOCTYPE, which Word never writes: refused", partname);
    call_once(&xml_once, xml_init);
    if (pt->len > (size_t)0x7fffffff)
        return vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1, "%s is too large", partname);
    /* No XML_PARSE_NOENT (entity substitution), DTDLOAD or DTDATTR; no
     * network; errors are ours to report, never printed. */
    xmlTextReaderPtr r = xmlReaderForMemory(pt->data, (int)pt->len, NULL, NULL,
                                            XML_PARSE_NONET | XML_PARSE_COMPACT |
                                                XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r)
        return vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
    vnplan_status st = VNPLAN_OK;
    int ret;
    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        int depth = xmlTextReaderDepth(r);
        if (depth > VP_DOCX_MAX_DEPTH) {
            st = vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                              "%s nests elements deeper than %d levels", partname,
                              VP_DOCX_MAX_DEPTH);
            break;
        }
        if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE) {
            st = vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                              "%s uses a DOCTYPE or entities, which Word never writes: refused",
                              partname);
            break;
        }
        int ok = 1;
        if (type == XML_READER_TYPE_ELEMENT) {
            const char *local = is_w(r) ? (const char *)xmlTextReaderConstLocalName(r) : NULL;
            /* mc:Fallback repeats what mc:Choice says, for older readers */
            if (!local && xmlStrEqual(xmlTextReaderConstLocalName(r), BAD_CAST "Fallback"))
                local = "mc:Fallback";
            if (local) {
                int empty = xmlTextReaderIsEmptyElement(r);
                ok = fn(ctx, r, EV_START, local, depth) &&
                     (!empty || fn(ctx, r, EV_END, local, depth));
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            const char *local = is_w(r) ? (const char *)xmlTextReaderConstLocalName(r) : NULL;
            if (!local && xmlStrEqual(xmlTextReaderConstLocalName(r), BAD_CAST "Fallback"))
                local = "mc:Fallback";
            if (local)
                ok = fn(ctx, r, EV_END, local, depth);
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                   type == XML_READER_TYPE_WHITESPACE) {
            ok = fn(ctx, r, EV_TEXT, NULL, depth);
        }
        if (!ok) {
            st = vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
            break;
        }
    }
    if (st == VNPLAN_OK && ret != 0) {
        const xmlError *e = xmlGetLastError();
        if (e && e->message) {
            char msg[160];
            snprintf(msg, sizeof msg, "%s", e->message);
            size_t m = strlen(msg);
            while (m && (msg[m - 1] == '\n' || msg[m - 1] == ' '))
                msg[--m] = '\0';
            st = vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                              "damaged Word file: %s is not well-formed XML (line %d: %s)",
                              partname, e->line, msg);
        } else {
            st = vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                              "damaged Word file: %s is not well-formed XML", partname);
        }
    }
    xmlFreeTextReader(r);
    return st;
}

/* ------------------------------------------------------------ styles */

typedef struct style {
    char id[64], name[64], based[64], font[64];
    int outline;         /* 0-8, -1 none */
    int bold, italic;
    long numid;          /* -1 none */
    int ilvl;
} style;

typedef struct styles {
    style *v;
    size_t n, cap;
    style *cur;
    int in_ppr, in_rpr;
} styles;

static int styles_fn(void *ctx, xmlTextReaderPtr r, int ev, const char *l, int depth)
{
    styles *s = ctx;
    (void)depth;
    if (ev == EV_TEXT)
        return 1;
    if (strcmp(l, "style") == 0) {
        if (ev == EV_END) {
            s->cur = NULL;
            return 1;
        }
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 64;
            style *v = realloc(s->v, cap * sizeof *v);
            if (!v)
                return 0;
            s->v = v;
            s->cap = cap;
        }
        s->cur = &s->v[s->n++];
        memset(s->cur, 0, sizeof *s->cur);
        s->cur->outline = -1;
        s->cur->numid = -1;
        attr(r, "styleId", s->cur->id, sizeof s->cur->id);
        return 1;
    }
    if (!s->cur)
        return 1;
    if (strcmp(l, "pPr") == 0)
        s->in_ppr = ev == EV_START;
    else if (strcmp(l, "rPr") == 0)
        s->in_rpr = ev == EV_START;
    if (ev != EV_START)
        return 1;
    if (strcmp(l, "name") == 0)
        attr(r, "val", s->cur->name, sizeof s->cur->name);
    else if (strcmp(l, "basedOn") == 0)
        attr(r, "val", s->cur->based, sizeof s->cur->based);
    else if (strcmp(l, "outlineLvl") == 0 && s->in_ppr)
        s->cur->outline = (int)attr_long(r, "val", -1);
    else if (strcmp(l, "numId") == 0 && s->in_ppr)
        s->cur->numid = attr_long(r, "val", -1);
    else if (strcmp(l, "ilvl") == 0 && s->in_ppr)
        s->cur->ilvl = (int)attr_long(r, "val", 0);
    else if (strcmp(l, "b") == 0 && s->in_rpr)
        s->cur->bold = attr_on(r);
    else if (strcmp(l, "rFonts") == 0 && s->in_rpr) {
        if (!attr(r, "ascii", s->cur->font, sizeof s->cur->font))
            attr(r, "hAnsi", s->cur->font, sizeof s->cur->font);
    }
    else if (strcmp(l, "i") == 0 && s->in_rpr)
        s->cur->italic = attr_on(r);
    return 1;
}

static const style *style_find(const styles *s, const char *id)
{
    for (size_t i = 0; id && id[0] && i < s->n; i++)
        if (strcmp(s->v[i].id, id) == 0)
            return &s->v[i];
    return NULL;
}

/* Properties through the basedOn chain (bounded: chains can loop). */
typedef struct style_props {
    const char *name;
    const char *font;    /* "" none */
    int outline, bold, italic, ilvl;
    long numid;
} style_props;

static style_props style_resolve(const styles *s, const char *id)
{
    style_props p = {NULL, "", -1, 0, 0, 0, -1};
    const style *st = style_find(s, id);
    int have_bold = 0, have_italic = 0;
    for (int hop = 0; st && hop < 32; hop++, st = style_find(s, st->based)) {
        if (!p.name)
            p.name = st->name[0] ? st->name : st->id;
        if (!p.font[0])
            p.font = st->font;
        if (p.outline < 0 && st->outline >= 0 && st->outline < 9)
            p.outline = st->outline;
        /* built-in heading styles may carry their level in the name only */
        if (p.outline < 0 && strncasecmp(st->name, "heading ", 8) == 0) {
            int lv = atoi(st->name + 8);
            if (lv >= 1 && lv <= 9)
                p.outline = lv - 1;
        }
        if (p.numid < 0 && st->numid >= 0) {
            p.numid = st->numid;
            p.ilvl = st->ilvl;
        }
        if (!have_bold && st->bold) {
            p.bold = 1;
            have_bold = 1;
        }
        if (!have_italic && st->italic) {
            p.italic = 1;
            have_italic = 1;
        }
    }
    return p;
}

/* ------------------------------------------------------------ numbering */

typedef struct level {
    int start;
    char fmt[24];
    char text[64];
} level;

typedef struct abstract_num {
    long id;
    level lvl[9];
} abstract_num;

typedef struct num {
    long id, abs;
    int has_start[9], start[9];
    long cnt[9];
    int used[9];
} num;

typedef struct numbering {
    abstract_num *a;
    size_t na, capa;
    num *m;
    size_t nm, capm;
    abstract_num *cur_a;
    num *cur_m;
    int cur_lvl;         /* level being defined, -1 none */
} numbering;

static int numbering_fn(void *ctx, xmlTextReaderPtr r, int ev, const char *l, int depth)
{
    numbering *nb = ctx;
    (void)depth;
    if (ev == EV_TEXT)
        return 1;
    if (ev == EV_END) {
        if (strcmp(l, "abstractNum") == 0)
            nb->cur_a = NULL;
        else if (strcmp(l, "num") == 0)
            nb->cur_m = NULL;
        else if (strcmp(l, "lvl") == 0 || strcmp(l, "lvlOverride") == 0)
            nb->cur_lvl = -1;
        return 1;
    }
    if (strcmp(l, "abstractNum") == 0) {
        if (nb->na == nb->capa) {
            size_t cap = nb->capa ? nb->capa * 2 : 16;
            abstract_num *v = realloc(nb->a, cap * sizeof *v);
            if (!v)
                return 0;
            nb->a = v;
            nb->capa = cap;
        }
        nb->cur_a = &nb->a[nb->na++];
        memset(nb->cur_a, 0, sizeof *nb->cur_a);
        nb->cur_a->id = attr_long(r, "abstractNumId", -1);
        for (int i = 0; i < 9; i++) {
            nb->cur_a->lvl[i].start = 1;
            strcpy(nb->cur_a->lvl[i].fmt, "decimal");
        }
        nb->cur_m = NULL;
        return 1;
    }
    if (strcmp(l, "num") == 0) {
        if (nb->nm == nb->capm) {
            size_t cap = nb->capm ? nb->capm * 2 : 16;
            num *v = realloc(nb->m, cap * sizeof *v);
            if (!v)
                return 0;
            nb->m = v;
            nb->capm = cap;
        }
        nb->cur_m = &nb->m[nb->nm++];
        memset(nb->cur_m, 0, sizeof *nb->cur_m);
        nb->cur_m->id = attr_long(r, "numId", -1);
        nb->cur_m->abs = -1;
        nb->cur_a = NULL;
        return 1;
    }
    if (strcmp(l, "lvl") == 0 || strcmp(l, "lvlOverride") == 0) {
        long i = attr_long(r, "ilvl", -1);
        if (strcmp(l, "lvl") == 0 && nb->cur_m && nb->cur_lvl >= 0)
            return 1;   /* a whole level inside lvlOverride: its w:start counts */
        nb->cur_lvl = i >= 0 && i < 9 ? (int)i : -1;
        return 1;
    }
    if (nb->cur_m) {
        if (strcmp(l, "abstractNumId") == 0)
            nb->cur_m->abs = attr_long(r, "val", -1);
        else if ((strcmp(l, "startOverride") == 0 || strcmp(l, "start") == 0) &&
                 nb->cur_lvl >= 0) {
            nb->cur_m->has_start[nb->cur_lvl] = 1;
            nb->cur_m->start[nb->cur_lvl] = (int)attr_long(r, "val", 1);
        }
        return 1;
    }
    if (nb->cur_a && nb->cur_lvl >= 0) {
        level *lv = &nb->cur_a->lvl[nb->cur_lvl];
        if (strcmp(l, "start") == 0)
            lv->start = (int)attr_long(r, "val", 1);
        else if (strcmp(l, "numFmt") == 0)
            attr(r, "val", lv->fmt, sizeof lv->fmt);
        else if (strcmp(l, "lvlText") == 0)
            attr(r, "val", lv->text, sizeof lv->text);
    }
    return 1;
}

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

static void format_number(long v, const char *fmt, vp_buf *b)
{
    if (strcmp(fmt, "upperRoman") == 0 || strcmp(fmt, "lowerRoman") == 0) {
        roman(v, fmt[0] == 'u', b);
    } else if (strcmp(fmt, "upperLetter") == 0 || strcmp(fmt, "lowerLetter") == 0) {
        /* Word's letters: a..z, then aa..zz, aaa.. */
        if (v <= 0) {
            vp_buf_printf(b, "%ld", v);
            return;
        }
        long rep = (v - 1) / 26 + 1;
        char c = (char)((fmt[0] == 'u' ? 'A' : 'a') + (v - 1) % 26);
        for (long i = 0; i < rep && i < 16; i++)
            vp_buf_putc(b, c);
    } else if (strcmp(fmt, "decimalZero") == 0) {
        vp_buf_printf(b, "%02ld", v);
    } else {
        vp_buf_printf(b, "%ld", v);
    }
}

/* Advance the counters of (numid, ilvl) and write the label Word shows
 * into b (nothing for no list, "none", or an unknown list). */
static void list_label(numbering *nb, long numid, int ilvl, vp_buf *b)
{
    num *m = NULL;
    for (size_t i = 0; i < nb->nm; i++)
        if (nb->m[i].id == numid)
            m = &nb->m[i];
    if (!m || ilvl < 0 || ilvl > 8)
        return;
    abstract_num *a = NULL;
    for (size_t i = 0; i < nb->na; i++)
        if (nb->a[i].id == m->abs)
            a = &nb->a[i];
    if (!a)
        return;
#define START(l) (m->has_start[l] ? m->start[l] : a->lvl[l].start)
    m->cnt[ilvl] = m->used[ilvl] ? m->cnt[ilvl] + 1 : START(ilvl);
    m->used[ilvl] = 1;
    for (int l = ilvl + 1; l < 9; l++)
        m->used[l] = 0;   /* a higher level advanced: lower ones restart */
    const level *lv = &a->lvl[ilvl];
    if (strcmp(lv->fmt, "none") == 0)
        return;
    if (strcmp(lv->fmt, "bullet") == 0) {
        /* Symbol-font bullets are private-use characters; the text reader
         * knows "-" and "•". */
        unsigned char c0 = (unsigned char)lv->text[0];
        vp_buf_puts(b, c0 == '-' || c0 == '+' ? (char[]){(char)c0, 0} : "•");
        return;
    }
    for (const char *t = lv->text; *t; t++) {
        if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
            int l = t[1] - '1';
            long v = l == ilvl ? m->cnt[l] : m->used[l] ? m->cnt[l] : START(l);
            format_number(v, l == ilvl ? lv->fmt : a->lvl[l].fmt, b);
            t++;
        } else {
            vp_buf_putc(b, *t);
        }
    }
#undef START
}

/* ------------------------------------------------------------ body */

typedef struct para para;
typedef struct row {
    char **cells;
    size_t ncells;
    long line;
} row;

typedef struct body {
    vp_blocks *out;
    styles *st;
    numbering *nb;
    long para_no;
    int group;
    int skip_depth;      /* inside a skipped subtree from this depth; 0 none */
    int p_depth;         /* w:p nesting (text boxes hold paragraphs)       */
    int in_ppr, in_rpr, in_t, in_tcpr;
    vp_buf text;
    char pstyle[64];
    long numid;
    int ilvl, has_num, outline, centered, page_break;
    int r_bold, r_italic;
    const char *r_enc;   /* the legacy encoding of the run's font, or NULL */
    int r_caps;          /* ... a capitals font                          */
    const vp_charsets *cs;
    const char *legacy;  /* a legacy encoding some text was read from     */
    vp_buf leg;          /* legacy-font text not yet converted: runs split
                            words, and a syllable is converted whole      */
    const char *leg_enc;
    int leg_caps;
    size_t chars, bold_chars, italic_chars;
    int pending_page;    /* a page break not yet given to a block */
    int tbl_depth;
    char **cells;
    size_t ncells, capcells;
    vp_buf cell;
    long row_line;
    int vmerge;
    row *rows;           /* the rows of the open top-level table */
    size_t nrows, caprows;
    para *paras;         /* its paragraphs, for a layout table */
    size_t np, capp;
} body;

/* A line break inside a paragraph, as it stands in body.text until the
 * paragraph ends (XML text cannot hold this control character). */
#define LINE_BREAK '\x1e'

/* Collapse white space and trim; the result is NFC (Word keeps what was
 * typed or pasted, decomposed Vietnamese included). */
static char *clean_text(const char *s, size_t len, size_t *out_len)
{
    vp_buf b;
    vp_buf_init(&b);
    int sp = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == LINE_BREAK) {
            sp = 1;
            continue;
        }
        if (sp && b.len)
            vp_buf_putc(&b, ' ');
        sp = 0;
        vp_buf_putc(&b, c);
    }
    if (b.failed) {
        vp_buf_free(&b);
        return NULL;
    }
    char *nfc = vp_nfc(b.data ? b.data : "", b.len, out_len);
    vp_buf_free(&b);
    return nfc;
}

static void para_reset(body *d)
{
    vp_buf_clear(&d->text);
    d->pstyle[0] = '\0';
    d->numid = -1;
    d->ilvl = 0;
    d->has_num = 0;
    d->outline = -1;
    d->centered = 0;
    d->page_break = 0;
    d->chars = d->bold_chars = d->italic_chars = 0;
}

/* A finished paragraph, before it becomes a block (table paragraphs wait
 * for the end of their table: see table_end). */
struct para {
    char *text;
    size_t len;
    long line;
    unsigned marks;
    int heading_depth;
    const char *style;   /* kept by the blocks */
    size_t row, col;
};

static int push_para(body *d, const para *pa)
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
static int has_alnum(const vp_buf *t)
{
    for (size_t i = 0; i < t->len; i++) {
        char c = t->data[i];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return 1;
    }
    return 0;
}

/* Push a paragraph's text (its list label first, lines ended by
 * LINE_BREAK) as one block per line, all of one group: `pa` has the
 * paragraph's marks and style. */
static int para_lines(body *d, para *pa, const char *full, size_t len)
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

static int para_end(body *d)
{
    style_props sp = style_resolve(d->st, d->pstyle);
    long numid = d->has_num ? d->numid : sp.numid;
    int ilvl = d->has_num ? d->ilvl : sp.ilvl;
    vp_buf full;
    vp_buf_init(&full);
    if (numid > 0)
        list_label(d->nb, numid, ilvl, &full);
    /* a bulleted item with no text shows only its bullet (pandoc writes
     * one for "- + item"): nothing to keep.  A number alone is kept (an
     * auto-numbered "TT" cell, say), and has counted either way. */
    if (blank_text(&d->text) && !has_alnum(&full)) {
        vp_buf_free(&full);
        return 1;
    }
    if (full.len)
        vp_buf_putc(&full, ' ');
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
        (sp.name && !(pa.style = vp_blocks_keep(d->out, sp.name)))) {
        int ok = pa.text && !lines.failed && pa.len == 0;   /* empty: nothing to do */
        free(pa.text);
        vp_buf_free(&lines);
        return ok;
    }
    pa.line = d->para_no;
    int outline = d->outline >= 0 && d->outline < 9 ? d->outline : sp.outline;
    if (outline >= 0) {
        pa.marks |= VP_MARK_HEADING;
        pa.heading_depth = outline + 1;
    }
    if (d->bold_chars)
        pa.marks |= VP_MARK_BOLD | (d->bold_chars == d->chars ? VP_MARK_ALL_BOLD : 0);
    if (d->italic_chars)
        pa.marks |= VP_MARK_ITALIC | (d->italic_chars == d->chars ? VP_MARK_ALL_ITALIC : 0);
    if (d->centered)
        pa.marks |= VP_MARK_CENTERED;
    if (numid > 0)
        pa.marks |= VP_MARK_LIST;
    if (d->page_break)
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

static void row_free(row *r)
{
    for (size_t i = 0; i < r->ncells; i++)
        free(r->cells[i]);
    free(r->cells);
    r->cells = NULL;
    r->ncells = 0;
}

static int row_end(body *d)
{
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

static int table_end(body *d)
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

static int cell_end(body *d)
{
    if (d->ncells == d->capcells) {
        size_t cap = d->capcells ? d->capcells * 2 : 8;
        char **v = realloc(d->cells, cap * sizeof *v);
        if (!v)
            return 0;
        d->cells = v;
        d->capcells = cap;
    }
    /* a cell merged with the one above it shows nothing of its own */
    char *c = strdup(d->vmerge || !d->cell.data ? "" : d->cell.data);
    if (!c)
        return 0;
    d->cells[d->ncells++] = c;
    return 1;
}

static void count_text(body *d, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') {
            d->chars++;
            d->bold_chars += d->r_bold != 0;
            d->italic_chars += d->r_italic != 0;
        }
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

/* Word stores a legacy font's bytes as the Windows-1252 characters of
 * those bytes (or, for symbol fonts, U+F000 + byte): back to the byte,
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
 * after all, or no table is installed).  0 on lack of memory. */
static int flush_legacy(body *d)
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
 * one, else appended.  0 on lack of memory. */
static int add_text(body *d, const char *s, size_t n)
{
    count_text(d, s, n);
    if (d->leg.len && (d->r_enc != d->leg_enc || d->r_caps != d->leg_caps) && !flush_legacy(d))
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

static int body_fn(void *ctx, xmlTextReaderPtr r, int ev, const char *l, int depth)
{
    body *d = ctx;
    if (d->skip_depth) {
        if (ev == EV_END && depth == d->skip_depth)
            d->skip_depth = 0;
        return 1;
    }
    if (ev == EV_TEXT) {
        if (d->in_t && d->p_depth) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            return add_text(d, v ? v : "", v ? strlen(v) : 0);
        }
        return 1;
    }
    int start = ev == EV_START;
    /* Deleted text, field codes, section properties, the fallback copy of
     * a drawing: not what Word shows. */
    if (start && (strcmp(l, "del") == 0 || strcmp(l, "delText") == 0 ||
                  strcmp(l, "instrText") == 0 || strcmp(l, "delInstrText") == 0 ||
                  strcmp(l, "sectPr") == 0 || strcmp(l, "mc:Fallback") == 0 ||
                  strcmp(l, "moveFrom") == 0)) {
        if (!xmlTextReaderIsEmptyElement(r))
            d->skip_depth = depth;
        return 1;
    }
    if (strcmp(l, "p") == 0) {
        if (start) {
            if (d->p_depth++ == 0) {
                d->para_no++;
                para_reset(d);
                if (d->tbl_depth > 0 && d->row_line == 0)
                    d->row_line = d->para_no;
            }
            return 1;
        }
        if (!flush_legacy(d))
            return 0;
        if (d->p_depth > 0 && --d->p_depth == 0)
            return para_end(d);
        vp_buf_putc(&d->text, ' ');   /* a text box paragraph inside ours */
        return !d->text.failed;
    }
    if (strcmp(l, "tbl") == 0) {
        if (d->p_depth)
            return 1;
        d->tbl_depth += start ? 1 : -1;
        return start || d->tbl_depth != 0 || table_end(d);
    }
    if (d->tbl_depth == 1 && d->p_depth == 0) {
        if (strcmp(l, "tr") == 0) {
            if (start) {
                d->ncells = 0;
                d->row_line = 0;
                return 1;
            }
            if (d->row_line == 0)
                d->row_line = d->para_no;
            return row_end(d);
        }
        if (strcmp(l, "tc") == 0) {
            if (start) {
                vp_buf_clear(&d->cell);
                d->vmerge = 0;
                return 1;
            }
            return cell_end(d);
        }
        if (strcmp(l, "tcPr") == 0)
            d->in_tcpr = start;
        else if (strcmp(l, "vMerge") == 0 && start && d->in_tcpr) {
            char v[16];
            d->vmerge = !attr(r, "val", v, sizeof v) || strcmp(v, "continue") == 0;
        }
        return 1;
    }
    if (!d->p_depth)
        return 1;
    if (strcmp(l, "pPr") == 0) {
        d->in_ppr = start;
        return 1;
    }
    if (strcmp(l, "rPr") == 0) {
        d->in_rpr = start;
        return 1;
    }
    if (strcmp(l, "t") == 0) {
        d->in_t = start;
        return 1;
    }
    if (!start)
        return 1;
    if (d->in_ppr && d->p_depth == 1) {
        if (d->in_rpr)
            return 1;   /* the paragraph mark's own look */
        if (strcmp(l, "pStyle") == 0)
            attr(r, "val", d->pstyle, sizeof d->pstyle);
        else if (strcmp(l, "numId") == 0) {
            d->numid = attr_long(r, "val", -1);
            d->has_num = 1;
        } else if (strcmp(l, "ilvl") == 0)
            d->ilvl = (int)attr_long(r, "val", 0);
        else if (strcmp(l, "outlineLvl") == 0)
            d->outline = (int)attr_long(r, "val", -1);
        else if (strcmp(l, "jc") == 0) {
            char v[16];
            d->centered = attr(r, "val", v, sizeof v) && strcmp(v, "center") == 0;
        } else if (strcmp(l, "pageBreakBefore") == 0)
            d->page_break = attr_on(r);
        return 1;
    }
    if (strcmp(l, "r") == 0) {
        style_props sp = style_resolve(d->st, d->pstyle);
        d->r_bold = sp.bold;
        d->r_italic = sp.italic;
        d->r_enc = d->cs ? font_encoding(sp.font, &d->r_caps) : NULL;
    } else if (d->in_rpr) {
        if (strcmp(l, "b") == 0)
            d->r_bold = attr_on(r);
        else if (strcmp(l, "i") == 0)
            d->r_italic = attr_on(r);
        else if (strcmp(l, "rFonts") == 0) {
            char font[64];
            if (d->cs && (attr(r, "ascii", font, sizeof font) ||
                          attr(r, "hAnsi", font, sizeof font)))
                d->r_enc = font_encoding(font, &d->r_caps);
        } else if (strcmp(l, "rStyle") == 0) {
            char id[64];
            if (attr(r, "val", id, sizeof id)) {
                style_props sp = style_resolve(d->st, id);
                d->r_bold |= sp.bold;
                d->r_italic |= sp.italic;
            }
        }
    } else if (strcmp(l, "tab") == 0 || strcmp(l, "cr") == 0) {
        if (!flush_legacy(d))
            return 0;
        vp_buf_putc(&d->text, ' ');
    } else if (strcmp(l, "br") == 0) {
        /* a line break inside a paragraph ends a line, as a line of the
         * text reader does (see para_end); a page break is a space */
        char v[16];
        int page = attr(r, "type", v, sizeof v) && strcmp(v, "page") == 0;
        if (page)
            d->pending_page = 1;
        if (!flush_legacy(d))
            return 0;
        vp_buf_putc(&d->text, page ? ' ' : LINE_BREAK);
    } else if (strcmp(l, "noBreakHyphen") == 0) {
        if (!add_text(d, "-", 1))
            return 0;
    } else if (strcmp(l, "softHyphen") == 0 && d->r_enc) {
        /* Word keeps byte 0xAD typed in a legacy font as a soft hyphen;
         * in TCVN3 that byte is the letter ư.  "ưư" is no Vietnamese:
         * a doubled one (typed twice, shown once) is kept once. */
        if (d->leg.len >= 2 && memcmp(d->leg.data + d->leg.len - 2, "\xC2\xAD", 2) == 0)
            return 1;
        return add_text(d, "\xC2\xAD", 2);
    }
    /* otherwise w:softHyphen shows nothing; w:sym is a picture font's glyph */
    return !d->text.failed;
}

/* ------------------------------------------------------------ driver */

vnplan_status vp_blocks_from_docx(const unsigned char *bytes, size_t len, size_t limit,
                                  const vp_charsets *cs, const char **legacy, vp_blocks *out,
                                  const char *name, vnplan_error *err)
{
    *legacy = NULL;
    memset(out, 0, sizeof *out);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
    if (!src) {
        zip_error_fini(&ze);
        return vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
    }
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!za) {
        vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                     "starts like a ZIP (DOCX) file but cannot be opened "
                     "(damaged or cut short?): %s",
                     zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return VNPLAN_E_BINARY;
    }
    zip_error_fini(&ze);
    vnplan_status st = VNPLAN_OK;
    part doc = {NULL, 0}, sty = {NULL, 0}, nums = {NULL, 0};
    styles ss;
    numbering nb;
    body d;
    memset(&ss, 0, sizeof ss);
    memset(&nb, 0, sizeof nb);
    memset(&d, 0, sizeof d);
    nb.cur_lvl = -1;
    zip_int64_t entries = zip_get_num_entries(za, 0);
    if (entries > VP_DOCX_MAX_ENTRIES) {
        st = vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                          "a ZIP file of %lld entries; a Word file has far fewer than %d",
                          (long long)entries, VP_DOCX_MAX_ENTRIES);
        goto done;
    }
    size_t budget = limit;
    if (read_entry(za, "word/document.xml", 1, limit, &budget, &doc, name, err) < 0 ||
        read_entry(za, "word/styles.xml", 0, limit, &budget, &sty, name, err) < 0 ||
        read_entry(za, "word/numbering.xml", 0, limit, &budget, &nums, name, err) < 0) {
        st = err ? err->code : VNPLAN_E_BINARY;
        goto done;
    }
    if (sty.data && (st = walk(&sty, "word/styles.xml", styles_fn, &ss, name, err)) != VNPLAN_OK)
        goto done;
    if (nums.data &&
        (st = walk(&nums, "word/numbering.xml", numbering_fn, &nb, name, err)) != VNPLAN_OK)
        goto done;
    d.out = out;
    d.cs = cs;
    d.st = &ss;
    d.nb = &nb;
    vp_buf_init(&d.text);
    vp_buf_init(&d.cell);
    vp_buf_init(&d.leg);
    st = walk(&doc, "word/document.xml", body_fn, &d, name, err);
    /* A Word file made from a PDF keeps its page splits as paragraphs. */
    if (st == VNPLAN_OK && !vp_blocks_rejoin(out))
        st = vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
    *legacy = d.legacy;
    vp_buf_free(&d.text);
    vp_buf_free(&d.cell);
    vp_buf_free(&d.leg);
    for (size_t i = 0; i < d.ncells; i++)
        free(d.cells[i]);
    free(d.cells);
    for (size_t i = 0; i < d.nrows; i++)
        row_free(&d.rows[i]);
    free(d.rows);
    for (size_t i = 0; i < d.np; i++)
        free(d.paras[i].text);
    free(d.paras);
done:
    free(doc.data);
    free(sty.data);
    free(nums.data);
    free(ss.v);
    free(nb.a);
    free(nb.m);
    zip_discard(za);   /* also frees src */
    if (st != VNPLAN_OK)
        vp_blocks_free(out);
    return st;
}
