/* docx.c — a Word file to blocks (see docx.h).
 *
 * Three parts are read, each with libxml2's streaming reader so that no
 * tree of a large document is built (read/package.c): styles.xml (names,
 * outline levels, bold and italic, numbering given by a style),
 * numbering.xml (the list definitions) and document.xml (the body, made
 * into blocks by read/body.c).  Footnotes, comments, headers and footers
 * are other parts and are never mixed into the body. */
#include "config.h"
#include "read/docx.h"
#include "core/buf.h"
#include "core/error.h"
#include "read/body.h"
#include "read/package.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The w: vocabulary, transitional and strict OOXML; mc:Fallback repeats
 * what mc:Choice says, for older readers. */
static const vp_xml_ns word_ns[] = {
    {"wordprocessingml/2006/main", ""},
    {"/wordprocessingml/main", ""},
    {"markup-compatibility/2006", "mc:"},
    {NULL, NULL}};

#define EV_START VP_XML_START
#define EV_END VP_XML_END
#define EV_TEXT VP_XML_TEXT

/* The w:-attribute `local` of the current element into out (cut to cap). */
static int attr(xmlTextReaderPtr r, const char *local, char *out, size_t cap)
{
    return vp_xml_attr(r, NULL, local, out, cap);
}

static long attr_long(xmlTextReaderPtr r, const char *local, long dflt)
{
    return vp_xml_attr_long(r, NULL, local, dflt);
}

/* On/off properties (w:b, w:i): present means on unless val says off. */
static int attr_on(xmlTextReaderPtr r)
{
    char v[16];
    if (!attr(r, "val", v, sizeof v))
        return 1;
    return !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
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

/* Word's number formats as read/body.c names them. */
static char fmt_char(const char *fmt)
{
    if (strcmp(fmt, "upperRoman") == 0)
        return 'I';
    if (strcmp(fmt, "lowerRoman") == 0)
        return 'i';
    if (strcmp(fmt, "upperLetter") == 0)
        return 'A';
    if (strcmp(fmt, "lowerLetter") == 0)
        return 'a';
    if (strcmp(fmt, "decimalZero") == 0)
        return '0';
    return '1';
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
        vp_buf_puts(b, vp_body_bullet(lv->text));
        return;
    }
    for (const char *t = lv->text; *t; t++) {
        if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
            int l = t[1] - '1';
            long v = l == ilvl ? m->cnt[l] : m->used[l] ? m->cnt[l] : START(l);
            vp_body_number(v, fmt_char(l == ilvl ? lv->fmt : a->lvl[l].fmt), b);
            t++;
        } else {
            vp_buf_putc(b, *t);
        }
    }
#undef START
}

/* ------------------------------------------------------------ body */

/* What the w: vocabulary needs besides the blocks being built. */
/* Footnotes, endnotes and comments: kept apart from the body and reported
 * (residue "footnote", "comment") at the paragraph that cites them. */
enum { NOTE_FOOT, NOTE_END, NOTE_COMMENT, NOTE_KINDS };
static const struct {
    const char *part, *element, *reference, *why;
} note_kinds[NOTE_KINDS] = {
    {"word/footnotes.xml", "footnote", "footnoteReference", "footnote"},
    {"word/endnotes.xml", "endnote", "endnoteReference", "footnote"},
    {"word/comments.xml", "comment", "commentReference", "comment"},
};

typedef struct note_ref {
    int kind;
    long id, line;
} note_ref;

typedef struct body {
    vp_body b;
    styles *st;
    numbering *nb;
    note_ref *refs;      /* the notes the body cites, in its order        */
    size_t nrefs, caprefs;
    int p_depth;         /* w:p nesting (text boxes hold paragraphs)       */
    int in_ppr, in_rpr, in_t, in_tcpr;
    char pstyle[64];
    long numid;
    int ilvl, has_num, outline, centered, page_break;
} body;

static void para_reset(body *d)
{
    d->pstyle[0] = '\0';
    d->numid = -1;
    d->ilvl = 0;
    d->has_num = 0;
    d->outline = -1;
    d->centered = 0;
    d->page_break = 0;
}

static int para_end(body *d)
{
    style_props sp = style_resolve(d->st, d->pstyle);
    long numid = d->has_num ? d->numid : sp.numid;
    int ilvl = d->has_num ? d->ilvl : sp.ilvl;
    vp_buf label;
    vp_buf_init(&label);
    if (numid > 0)
        list_label(d->nb, numid, ilvl, &label);
    if (label.failed) {
        vp_buf_free(&label);
        return 0;
    }
    vp_para_props pp = {label.data, sp.name, -1, d->centered, numid > 0, d->page_break};
    pp.outline = d->outline >= 0 && d->outline < 9 ? d->outline : sp.outline;
    int ok = vp_body_para_end(&d->b, &pp);
    vp_buf_free(&label);
    return ok;
}

/* Where the body cites note `id` of `kind`.  0 on lack of memory. */
static int cite_note(body *d, int kind, long id)
{
    if (d->nrefs == d->caprefs) {
        size_t cap = d->caprefs ? d->caprefs * 2 : 16;
        note_ref *v = realloc(d->refs, cap * sizeof *v);
        if (!v)
            return 0;
        d->refs = v;
        d->caprefs = cap;
    }
    /* the paragraph being read: its number is its blocks' line */
    d->refs[d->nrefs++] = (note_ref){kind, id, d->b.para_no > 0 ? d->b.para_no : 1};
    return 1;
}

static int body_fn(void *ctx, xmlTextReaderPtr r, int ev, const char *l, int depth)
{
    body *d = ctx;
    (void)depth;
    if (ev == EV_TEXT) {
        if (d->in_t && d->p_depth) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            return vp_body_text(&d->b, v ? v : "", v ? strlen(v) : 0);
        }
        return 1;
    }
    int start = ev == EV_START;
    /* Deleted text, field codes, section properties, the fallback copy of
     * a drawing: not what Word shows. */
    if (start && (strcmp(l, "del") == 0 || strcmp(l, "delText") == 0 ||
                  strcmp(l, "instrText") == 0 || strcmp(l, "delInstrText") == 0 ||
                  strcmp(l, "sectPr") == 0 || strcmp(l, "mc:Fallback") == 0 ||
                  strcmp(l, "moveFrom") == 0))
        return VP_XML_SKIP;
    for (int k = 0; start && k < NOTE_KINDS; k++)
        if (strcmp(l, note_kinds[k].reference) == 0)
            return cite_note(d, k, attr_long(r, "id", -1));
    if (strcmp(l, "p") == 0) {
        if (start) {
            if (d->p_depth++ == 0) {
                vp_body_para_start(&d->b);
                para_reset(d);
            }
            return 1;
        }
        if (d->p_depth > 0 && --d->p_depth == 0)
            return para_end(d);
        return vp_body_putc(&d->b, ' ');   /* a text box paragraph inside ours */
    }
    if (strcmp(l, "tbl") == 0) {
        if (d->p_depth)
            return 1;
        d->b.tbl_depth += start ? 1 : -1;
        return start || d->b.tbl_depth != 0 || vp_body_table_end(&d->b);
    }
    if (d->b.tbl_depth == 1 && d->p_depth == 0) {
        if (strcmp(l, "tr") == 0) {
            if (start) {
                vp_body_row_start(&d->b);
                return 1;
            }
            return vp_body_row_end(&d->b);
        }
        if (strcmp(l, "tc") == 0) {
            if (start) {
                vp_body_cell_start(&d->b);
                return 1;
            }
            return vp_body_cell_end(&d->b);
        }
        if (strcmp(l, "tcPr") == 0)
            d->in_tcpr = start;
        else if (strcmp(l, "gridSpan") == 0 && start && d->in_tcpr) {
            long n = attr_long(r, "val", 1);
            d->b.span = n > 1 ? (size_t)n : 1;
        } else if (strcmp(l, "vMerge") == 0 && start && d->in_tcpr) {
            char v[16];
            d->b.vmerge = !attr(r, "val", v, sizeof v) || strcmp(v, "continue") == 0;
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
        d->b.r_bold = sp.bold;
        d->b.r_italic = sp.italic;
        vp_body_font(&d->b, sp.font);
    } else if (d->in_rpr) {
        if (strcmp(l, "b") == 0)
            d->b.r_bold = attr_on(r);
        else if (strcmp(l, "i") == 0)
            d->b.r_italic = attr_on(r);
        else if (strcmp(l, "rFonts") == 0) {
            char font[64];
            if (attr(r, "ascii", font, sizeof font) || attr(r, "hAnsi", font, sizeof font))
                vp_body_font(&d->b, font);
        } else if (strcmp(l, "rStyle") == 0) {
            char id[64];
            if (attr(r, "val", id, sizeof id)) {
                style_props sp = style_resolve(d->st, id);
                d->b.r_bold |= sp.bold;
                d->b.r_italic |= sp.italic;
            }
        }
    } else if (strcmp(l, "tab") == 0 || strcmp(l, "cr") == 0) {
        if (!vp_body_putc(&d->b, ' '))
            return 0;
    } else if (strcmp(l, "br") == 0) {
        /* a line break inside a paragraph ends a line, as a line of the
         * text reader does (see para_end); a page break is a space */
        char v[16];
        int page = attr(r, "type", v, sizeof v) && strcmp(v, "page") == 0;
        if (page)
            d->b.pending_page = 1;
        if (!vp_body_putc(&d->b, page ? ' ' : VP_BODY_LINE_BREAK))
            return 0;
    } else if (strcmp(l, "noBreakHyphen") == 0) {
        if (!vp_body_text(&d->b, "-", 1))
            return 0;
    } else if (strcmp(l, "softHyphen") == 0 && d->b.r_enc) {
        /* Word keeps byte 0xAD typed in a legacy font as a soft hyphen;
         * in TCVN3 that byte is the letter ư.  "ưư" is no Vietnamese:
         * a doubled one (typed twice, shown once) is kept once. */
        if (d->b.leg.len >= 2 && memcmp(d->b.leg.data + d->b.leg.len - 2, "\xC2\xAD", 2) == 0)
            return 1;
        return vp_body_text(&d->b, "\xC2\xAD", 2);
    }
    /* otherwise w:softHyphen shows nothing; w:sym is a picture font's glyph */
    return !d->b.text.failed;
}

/* One notes part: the text of each note (its paragraphs joined by a
 * space), in `text`, its id in `ids`; separators (type="separator" and
 * the like) are not notes. */
typedef struct notes {
    const char *element;
    long *ids;
    char **text;
    size_t n, cap;
    int in_note, in_t, skip;
    vp_buf cur;
    long cur_id;
} notes;

static int notes_fn(void *ctx, xmlTextReaderPtr r, int ev, const char *l, int depth)
{
    notes *ns = ctx;
    (void)depth;
    if (ev == EV_TEXT) {
        if (ns->in_note && ns->in_t && !ns->skip) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            vp_buf_puts(&ns->cur, v ? v : "");
        }
        return !ns->cur.failed;
    }
    int start = ev == EV_START;
    if (strcmp(l, ns->element) == 0) {
        if (start) {
            char type[32] = "";
            attr(r, "type", type, sizeof type);
            ns->in_note = 1;
            ns->skip = type[0] && strcmp(type, "normal") != 0;
            ns->cur_id = attr_long(r, "id", -1);
            vp_buf_clear(&ns->cur);
            return 1;
        }
        ns->in_note = 0;
        if (ns->skip)
            return 1;
        if (ns->n == ns->cap) {
            size_t cap = ns->cap ? ns->cap * 2 : 16;
            long *ids = realloc(ns->ids, cap * sizeof *ids);
            if (!ids)
                return 0;
            ns->ids = ids;
            char **text = realloc(ns->text, cap * sizeof *text);
            if (!text)
                return 0;
            ns->text = text;
            ns->cap = cap;
        }
        while (ns->cur.len && ns->cur.data[ns->cur.len - 1] == ' ')
            ns->cur.data[--ns->cur.len] = '\0';
        char *t = strdup(ns->cur.data ? ns->cur.data : "");
        if (!t)
            return 0;
        ns->ids[ns->n] = ns->cur_id;
        ns->text[ns->n++] = t;
        return 1;
    }
    if (!ns->in_note)
        return 1;
    if (strcmp(l, "t") == 0)
        ns->in_t = start;
    else if (!start && strcmp(l, "p") == 0 && ns->cur.len)
        vp_buf_putc(&ns->cur, ' ');
    else if (start && (strcmp(l, "del") == 0 || strcmp(l, "instrText") == 0))
        return VP_XML_SKIP;
    return !ns->cur.failed;
}

/* The notes the body cites, set aside at the paragraphs citing them. */
static vnplan_status cited_notes(vp_package *pk, const body *d, vp_blocks *out,
                                 vnplan_error *err)
{
    vnplan_status st = VNPLAN_OK;
    for (int k = 0; k < NOTE_KINDS && st == VNPLAN_OK; k++) {
        size_t cited = 0;
        for (size_t i = 0; i < d->nrefs; i++)
            cited += d->refs[i].kind == k;
        if (!cited)
            continue;
        vp_package_part part = {NULL, 0};
        notes ns;
        memset(&ns, 0, sizeof ns);
        ns.element = note_kinds[k].element;
        vp_buf_init(&ns.cur);
        int got = vp_package_read(pk, note_kinds[k].part, 0, &part, err);
        if (got < 0)
            st = err ? err->code : VNPLAN_E_BINARY;
        else if (got > 0)
            st = vp_package_walk(pk, &part, note_kinds[k].part, word_ns, notes_fn, &ns, err);
        for (size_t i = 0; st == VNPLAN_OK && i < d->nrefs; i++) {
            if (d->refs[i].kind != k)
                continue;
            for (size_t j = 0; j < ns.n; j++)
                if (ns.ids[j] == d->refs[i].id && ns.text[j][0] &&
                    !vp_blocks_aside(out, ns.text[j], strlen(ns.text[j]), d->refs[i].line,
                                     note_kinds[k].why))
                    st = vp_error_set(err, VNPLAN_E_NOMEM, pk->name, 0, -1, "out of memory");
        }
        for (size_t j = 0; j < ns.n; j++)
            free(ns.text[j]);
        free(ns.text);
        free(ns.ids);
        vp_buf_free(&ns.cur);
        free(part.data);
    }
    return st;
}

/* ------------------------------------------------------------ driver */

vnplan_status vp_blocks_from_docx(const unsigned char *bytes, size_t len,
                                  const struct vp_package_limits *lim, const struct vp_charsets *cs,
                                  const char **legacy, vp_blocks *out, const char *name,
                                  vnplan_error *err)
{
    *legacy = NULL;
    memset(out, 0, sizeof *out);
    vp_package pk;
    vnplan_status st = vp_package_open(&pk, bytes, len, lim, "Word", name, err);
    if (st != VNPLAN_OK)
        return st;
    vp_package_part doc = {NULL, 0}, sty = {NULL, 0}, nums = {NULL, 0};
    styles ss;
    numbering nb;
    body d;
    memset(&ss, 0, sizeof ss);
    memset(&nb, 0, sizeof nb);
    memset(&d, 0, sizeof d);
    nb.cur_lvl = -1;
    vp_body_init(&d.b, out, cs);
    d.st = &ss;
    d.nb = &nb;
    if (vp_package_read(&pk, "word/document.xml", 1, &doc, err) < 0 ||
        vp_package_read(&pk, "word/styles.xml", 0, &sty, err) < 0 ||
        vp_package_read(&pk, "word/numbering.xml", 0, &nums, err) < 0) {
        st = err ? err->code : VNPLAN_E_BINARY;
        goto done;
    }
    if (sty.data && (st = vp_package_walk(&pk, &sty, "word/styles.xml", word_ns, styles_fn,
                                          &ss, err)) != VNPLAN_OK)
        goto done;
    if (nums.data && (st = vp_package_walk(&pk, &nums, "word/numbering.xml", word_ns,
                                           numbering_fn, &nb, err)) != VNPLAN_OK)
        goto done;
    st = vp_package_walk(&pk, &doc, "word/document.xml", word_ns, body_fn, &d, err);
    if (st == VNPLAN_OK)
        st = cited_notes(&pk, &d, out, err);
    /* A Word file made from a PDF keeps its page splits as paragraphs. */
    if (st == VNPLAN_OK && !vp_blocks_rejoin(out))
        st = vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
    *legacy = d.b.legacy;
done:
    free(d.refs);
    vp_body_free(&d.b);
    free(doc.data);
    free(sty.data);
    free(nums.data);
    free(ss.v);
    free(nb.a);
    free(nb.m);
    vp_package_close(&pk);
    if (st != VNPLAN_OK)
        vp_blocks_free(out);
    return st;
}
