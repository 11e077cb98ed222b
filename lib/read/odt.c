/* odt.c — an OpenDocument text to blocks (see odt.h).
 *
 * Two parts are read with the streaming reader of read/package.c:
 * styles.xml (the common styles, list styles and fonts) and content.xml
 * (its automatic styles, then the body, made into blocks by read/body.c
 * as the Word reader's is).  The depth of the XML is capped by the walk,
 * so what is kept per open element is a fixed array, never a recursion. */
#include "config.h"
#include "read/odt.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/hash.h"
#include "read/body.h"
#include "read/package.h"
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XML "http://www.w3.org/XML/1998/namespace"

/* Every element is passed on (the body must know where text may stand);
 * those of no vocabulary we read come as "other:". */
static const vp_xml_ns odf_ns[] = {
    {NS_TEXT, "text:"},
    {NS_TABLE, "table:"},
    {"urn:oasis:names:tc:opendocument:xmlns:office:1.0", "office:"},
    {NS_STYLE, "style:"},
    {NS_FO, "fo:"},
    {NS_SVG, "svg:"},
    {"", "other:"},
    {NULL, NULL}};

static int attr(xmlTextReaderPtr r, const char *ns, const char *local, char *out, size_t cap)
{
    out[0] = '\0';
    return vp_xml_attr(r, ns, local, out, cap);
}

/* ------------------------------------------------------------ styles */

#define NLEVELS 10
#define NAME 64

/* Styles, list styles and fonts are looked up by name for every paragraph
 * and span: each table starts with these two members, is sorted once read
 * and searched by halves (a file of many styles and many spans stays
 * fast).  Of two of one name the later wins: content.xml's automatic
 * styles are read after styles.xml's, and win over its own (header and
 * footer) ones. */
typedef struct named {
    char name[NAME];
    size_t seq;          /* the order read */
} named;

static size_t seq_of(const void *e)
{
    size_t s;
    memcpy(&s, (const char *)e + offsetof(named, seq), sizeof s);
    return s;
}

static int named_cmp(const void *a, const void *b)
{
    int c = strcmp((const char *)a, (const char *)b);
    return c ? c : (seq_of(a) > seq_of(b)) - (seq_of(a) < seq_of(b));
}

/* The last entry named `name` of a sorted table, or NULL. */
static const void *named_find(const void *base, size_t n, size_t size, const char *name)
{
    size_t lo = 0, hi = n;
    if (!name || !name[0])
        return NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp((const char *)base + mid * size, name) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const char *e = lo ? (const char *)base + (lo - 1) * size : NULL;
    return e && strcmp(e, name) == 0 ? e : NULL;
}

typedef struct style {
    char name[NAME];
    size_t seq;
    char display[NAME], parent[NAME], font[NAME], list_style[NAME];
    int automatic;
    int bold, italic;    /* -1 not said, 0 off, 1 on */
    int centered;        /* -1 not said */
    int page_break;
    int outline;         /* default-outline-level - 1, -1 none */
} style;

typedef struct list_level {
    int kind;            /* 0 none, 1 number, 2 bullet */
    char fmt;            /* body.c's number formats; 0 shows no number */
    char prefix[16], suffix[16], bullet[8];
    int display, start;
} list_level;

typedef struct list_style {
    char name[NAME];
    size_t seq;
    list_level lvl[NLEVELS];
} list_style;

typedef struct font_face {
    char name[NAME];
    size_t seq;
    char family[NAME];
} font_face;

typedef struct styles {
    style *v;
    size_t n, cap;
    list_style *l;
    size_t nl, capl;
    font_face *f;
    size_t nf, capf;
    int automatic;       /* inside office:automatic-styles */
    style *cur;
    list_style *cur_list;
    int cur_lvl;         /* level being defined, -1 none */
} styles;

/* Grow an array of `size`-byte elements by one; NULL on lack of memory. */
static void *grow(void **v, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 32;
        void *nv = realloc(*v, c * size);
        if (!nv)
            return NULL;
        *v = nv;
        *cap = c;
    }
    void *e = (char *)*v + (*n)++ * size;
    memset(e, 0, size);
    return e;
}

static char num_format(const char *f)
{
    if (!f[0])
        return 0;
    if (strchr("1IiAa", f[0]))
        return f[0];
    return '1';
}

/* Font family names may be quoted: "'.VnTime'". */
static void unquote(char *s)
{
    size_t n = strlen(s);
    if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0]) {
        memmove(s, s + 1, n - 2);
        s[n - 2] = '\0';
    }
}

static void text_props(style *st, xmlTextReaderPtr r)
{
    char v[NAME];
    if (attr(r, NS_FO, "font-weight", v, sizeof v))
        st->bold = strcmp(v, "bold") == 0 || atoi(v) >= 600;
    if (attr(r, NS_FO, "font-style", v, sizeof v))
        st->italic = strcmp(v, "italic") == 0 || strcmp(v, "oblique") == 0;
    if (!attr(r, NS_STYLE, "font-name", st->font, sizeof st->font) &&
        attr(r, NS_FO, "font-family", v, sizeof v)) {
        unquote(v);
        snprintf(st->font, sizeof st->font, "=%s", v);   /* a family, not a face */
    }
}

static int styles_fn(void *ctx, xmlTextReaderPtr r, int ev, const char *l, int depth)
{
    styles *s = ctx;
    (void)depth;
    if (ev == VP_XML_TEXT)
        return 1;
    int start = ev == VP_XML_START;
    if (strcmp(l, "office:automatic-styles") == 0) {
        s->automatic = start;
        return 1;
    }
    if (strcmp(l, "style:style") == 0 || strcmp(l, "style:default-style") == 0) {
        if (!start) {
            s->cur = NULL;
            return 1;
        }
        if (!(s->cur = grow((void **)&s->v, &s->n, &s->cap, sizeof *s->v)))
            return 0;
        style *st = s->cur;
        st->seq = s->n;
        st->bold = st->italic = st->centered = -1;
        st->outline = -1;
        st->automatic = s->automatic;
        attr(r, NS_STYLE, "name", st->name, sizeof st->name);
        attr(r, NS_STYLE, "display-name", st->display, sizeof st->display);
        attr(r, NS_STYLE, "parent-style-name", st->parent, sizeof st->parent);
        attr(r, NS_STYLE, "list-style-name", st->list_style, sizeof st->list_style);
        long lv = vp_xml_attr_long(r, NS_STYLE, "default-outline-level", 0);
        if (lv >= 1 && lv <= NLEVELS)
            st->outline = (int)lv - 1;
        return 1;
    }
    if (strcmp(l, "text:list-style") == 0) {
        if (!start) {
            s->cur_list = NULL;
            return 1;
        }
        if (!(s->cur_list = grow((void **)&s->l, &s->nl, &s->capl, sizeof *s->l)))
            return 0;
        attr(r, NS_STYLE, "name", s->cur_list->name, sizeof s->cur_list->name);
        s->cur_list->seq = s->nl;
        return 1;
    }
    if (strcmp(l, "style:font-face") == 0 && start) {
        font_face *f = grow((void **)&s->f, &s->nf, &s->capf, sizeof *s->f);
        if (!f)
            return 0;
        attr(r, NS_STYLE, "name", f->name, sizeof f->name);
        f->seq = s->nf;
        attr(r, NS_SVG, "font-family", f->family, sizeof f->family);
        unquote(f->family);
        return 1;
    }
    if (!start)
        return 1;
    if (s->cur) {
        if (strcmp(l, "style:text-properties") == 0) {
            text_props(s->cur, r);
        } else if (strcmp(l, "style:paragraph-properties") == 0) {
            char v[NAME];
            if (attr(r, NS_FO, "text-align", v, sizeof v))
                s->cur->centered = strcmp(v, "center") == 0;
            if (attr(r, NS_FO, "break-before", v, sizeof v))
                s->cur->page_break = strcmp(v, "page") == 0;
        }
        return 1;
    }
    if (s->cur_list) {
        int bullet = strcmp(l, "text:list-level-style-bullet") == 0 ||
                     strcmp(l, "text:list-level-style-image") == 0;
        if (!bullet && strcmp(l, "text:list-level-style-number") != 0)
            return 1;
        long lv = vp_xml_attr_long(r, NS_TEXT, "level", 0);
        if (lv < 1 || lv > NLEVELS)
            return 1;
        list_level *x = &s->cur_list->lvl[lv - 1];
        x->kind = bullet ? 2 : 1;
        char v[NAME];
        if (bullet) {
            attr(r, NS_TEXT, "bullet-char", x->bullet, sizeof x->bullet);
            return 1;
        }
        x->fmt = attr(r, NS_STYLE, "num-format", v, sizeof v) ? num_format(v) : 0;
        attr(r, NS_STYLE, "num-prefix", x->prefix, sizeof x->prefix);
        attr(r, NS_STYLE, "num-suffix", x->suffix, sizeof x->suffix);
        x->display = (int)vp_xml_attr_long(r, NS_TEXT, "display-levels", 1);
        x->start = (int)vp_xml_attr_long(r, NS_TEXT, "start-value", 1);
    }
    return 1;
}

static void styles_sort(styles *s)
{
    if (s->n)
        qsort(s->v, s->n, sizeof *s->v, named_cmp);
    if (s->nl)
        qsort(s->l, s->nl, sizeof *s->l, named_cmp);
    if (s->nf)
        qsort(s->f, s->nf, sizeof *s->f, named_cmp);
}

static const style *style_find(const styles *s, const char *name)
{
    return named_find(s->v, s->n, sizeof *s->v, name);
}

static const list_style *list_style_find(const styles *s, const char *name)
{
    return named_find(s->l, s->nl, sizeof *s->l, name);
}

/* Properties through the parent chain (bounded: chains can loop). */
typedef struct style_props {
    const char *name;    /* the first common style's, for the blocks */
    const char *font;    /* a face name, "=family", or "" */
    const char *list_style;
    int bold, italic, centered, page_break, outline;
} style_props;

static style_props style_resolve(const styles *s, const char *name)
{
    style_props p = {NULL, "", "", -1, -1, -1, 0, -1};
    const style *st = style_find(s, name);
    for (int hop = 0; st && hop < 32; hop++, st = style_find(s, st->parent)) {
        if (!p.name && !st->automatic)
            p.name = st->display[0] ? st->display : st->name;
        if (!p.font[0])
            p.font = st->font;
        if (!p.list_style[0])
            p.list_style = st->list_style;
        if (p.bold < 0)
            p.bold = st->bold;
        if (p.italic < 0)
            p.italic = st->italic;
        if (p.centered < 0)
            p.centered = st->centered;
        if (p.outline < 0)
            p.outline = st->outline;
        p.page_break |= hop == 0 && st->page_break;
    }
    return p;
}

/* The family of a font face (or the family given directly). */
static const char *font_family(const styles *s, const char *font)
{
    if (font[0] == '=')
        return font + 1;
    const font_face *f = named_find(s->f, s->nf, sizeof *s->f, font);
    return f && f->family[0] ? f->family : font;
}

/* ------------------------------------------------------------ lists */

/* The counters of one list, and of the lists that continue it. */
typedef struct counters {
    char id[NAME];       /* xml:id, for text:continue-list */
    char style[NAME];
    long cnt[NLEVELS];
    int used[NLEVELS];
} counters;

/* An open text:list. */
typedef struct open_list {
    int depth;           /* of the text:list element */
    char style[NAME];    /* its list style (inherited when not given) */
    size_t counters;     /* index into body.lists */
    int pending;         /* an item opened whose first paragraph is to come */
    int header;          /* ... a text:list-header: no number */
    long item_start;     /* text:start-value of the item, -1 none */
} open_list;

/* Advance the counters of `level` (0-based) and write the label shown
 * into b, as LibreOffice computes it. */
static void list_label(counters *c, const list_style *ls, int level, long item_start, vp_buf *b)
{
    const list_level *lv = ls ? &ls->lvl[level] : NULL;
#define START(l) (ls && ls->lvl[l].kind == 1 ? ls->lvl[l].start : 1)
    c->cnt[level] = item_start >= 0 ? item_start : c->used[level] ? c->cnt[level] + 1 : START(level);
    c->used[level] = 1;
    for (int l = level + 1; l < NLEVELS; l++)
        c->used[l] = 0;   /* a higher level advanced: lower ones restart */
    if (!lv || lv->kind == 0)
        return;
    if (lv->kind == 2) {
        vp_buf_puts(b, vp_body_bullet(lv->bullet));
        return;
    }
    if (!lv->fmt)
        return;
    int shown = lv->display < 1 ? 1 : lv->display > level + 1 ? level + 1 : lv->display;
    vp_buf_puts(b, lv->prefix);
    for (int l = level + 1 - shown; l <= level; l++) {
        if (l > level + 1 - shown)
            vp_buf_putc(b, '.');
        long v = l == level || c->used[l] ? c->cnt[l] : START(l);
        char f = ls->lvl[l].kind == 1 && ls->lvl[l].fmt ? ls->lvl[l].fmt : '1';
        vp_body_number(v, l == level ? lv->fmt : f, b);
    }
    vp_buf_puts(b, lv->suffix);
#undef START
}

/* ------------------------------------------------------------ body */

/* What stands at an open element, by depth. */
enum { EL_OTHER, EL_TEXT };

typedef struct look {
    signed char bold, italic;
    const char *enc;
    int caps;
} look;

typedef struct body {
    vp_body b;
    const styles *st;
    int aside_depth;     /* inside a note or annotation from this depth      */
    const char *aside_why;
    vp_buf aside;
    int p_depth;         /* text:p / text:h nesting (frames hold paragraphs) */
    unsigned char el[VP_PACKAGE_DEPTH_CEILING + 2];
    look looks[VP_PACKAGE_DEPTH_CEILING + 2];
    style_props pp;      /* the open paragraph's style */
    int outline;         /* its heading level, -1 none */
    vp_buf label;        /* its list label */
    int listed;          /* it is a list item's first paragraph */
    open_list *lists;    /* the open text:list elements, innermost last */
    size_t nlists, caplists;
    counters *ctr;       /* every list's counters */
    size_t nctr, capctr;
    struct ctr_key *keys;   /* ... the hashes of their ids and styles */
    size_t nkeys, capkeys;
    size_t covered;      /* covered cells still part of a cell's span */
    size_t vspan[64][2]; /* a column's rows and columns still spanned */
    size_t col;
} body;

/* Apply a text style to the look of an element. */
static void look_of(body *d, look *lk, const char *style_name)
{
    style_props sp = style_resolve(d->st, style_name);
    if (sp.bold >= 0)
        lk->bold = (signed char)sp.bold;
    if (sp.italic >= 0)
        lk->italic = (signed char)sp.italic;
    if (sp.font[0]) {
        vp_body_font(&d->b, font_family(d->st, sp.font));
        lk->enc = d->b.r_enc;
        lk->caps = d->b.r_caps;
    }
}

static uint64_t name_hash(const char *s)
{
    return vp_hash_bytes(s, strlen(s));
}

/* How far back a list looks for the one it continues: far more lists
 * than a plan has, and a bound on the work a file of many lists makes
 * (the hashes of the ids and styles are searched, a small array that
 * stays in the cache). */
#define CONTINUE_BACK 1024
typedef struct ctr_key {
    uint64_t id, style;
} ctr_key;

/* The counters a text:list at top level starts or continues. */
static int list_counters(body *d, xmlTextReaderPtr r, const char *style_name, size_t *idx)
{
    char v[NAME];
    size_t stop = d->nctr > CONTINUE_BACK ? d->nctr - CONTINUE_BACK : 0;
    if (attr(r, NS_TEXT, "continue-list", v, sizeof v)) {
        uint64_t h = name_hash(v);
        for (size_t i = d->nctr; i-- > stop;)
            if (d->keys[i].id == h && strcmp(d->ctr[i].id, v) == 0) {
                *idx = i;
                return 1;
            }
    }
    uint64_t sh = name_hash(style_name);
    if (attr(r, NS_TEXT, "continue-numbering", v, sizeof v) && strcmp(v, "true") == 0)
        for (size_t i = d->nctr; i-- > stop;)
            if (d->keys[i].style == sh && strcmp(d->ctr[i].style, style_name) == 0) {
                *idx = i;
                return 1;
            }
    ctr_key *k = grow((void **)&d->keys, &d->nkeys, &d->capkeys, sizeof *d->keys);
    counters *c = k ? grow((void **)&d->ctr, &d->nctr, &d->capctr, sizeof *d->ctr) : NULL;
    if (!c) {
        d->nkeys = d->nctr;
        return 0;
    }
    attr(r, NS_XML, "id", c->id, sizeof c->id);
    snprintf(c->style, sizeof c->style, "%s", style_name);
    k->id = name_hash(c->id);
    k->style = sh;
    *idx = d->nctr - 1;
    return 1;
}

static int list_start(body *d, xmlTextReaderPtr r, int depth)
{
    char name[NAME];
    if (!attr(r, NS_TEXT, "style-name", name, sizeof name) && d->nlists)
        snprintf(name, sizeof name, "%s", d->lists[d->nlists - 1].style);
    size_t idx = d->nlists ? d->lists[d->nlists - 1].counters : 0;
    if (!d->nlists && !list_counters(d, r, name, &idx))
        return 0;
    open_list *o = grow((void **)&d->lists, &d->nlists, &d->caplists, sizeof *d->lists);
    if (!o)
        return 0;
    o->depth = depth;
    snprintf(o->style, sizeof o->style, "%s", name);
    o->counters = idx;
    o->item_start = -1;
    return 1;
}

static void para_start(body *d, xmlTextReaderPtr r, int heading, int depth)
{
    char name[NAME];
    attr(r, NS_TEXT, "style-name", name, sizeof name);
    d->pp = style_resolve(d->st, name);
    vp_body_para_start(&d->b);
    vp_buf_clear(&d->label);
    d->outline = -1;
    if (heading) {
        long lv = vp_xml_attr_long(r, NS_TEXT, "outline-level", 0);
        d->outline = lv >= 1 && lv <= NLEVELS ? (int)lv - 1 : d->pp.outline >= 0 ? d->pp.outline : 0;
    }
    look *lk = &d->looks[depth];
    lk->bold = (signed char)(d->pp.bold > 0);
    lk->italic = (signed char)(d->pp.italic > 0);
    vp_body_font(&d->b, d->pp.font[0] ? font_family(d->st, d->pp.font) : NULL);
    lk->enc = d->b.r_enc;
    lk->caps = d->b.r_caps;
    d->listed = 0;
    open_list *o = d->nlists ? &d->lists[d->nlists - 1] : NULL;
    if (o && o->pending) {
        o->pending = 0;
        d->listed = 1;
        if (!o->header) {
            const list_style *ls = list_style_find(d->st, o->style[0] ? o->style : d->pp.list_style);
            int level = (int)(d->nlists < NLEVELS ? d->nlists : NLEVELS) - 1;
            list_label(&d->ctr[o->counters], ls, level, o->item_start, &d->label);
        }
    }
}

static int para_end(body *d)
{
    vp_para_props pp = {d->label.data, d->pp.name, d->outline, d->pp.centered > 0,
                        d->listed && d->label.len > 0, d->pp.page_break};
    return !d->label.failed && vp_body_para_end(&d->b, &pp);
}

/* A table cell, or `n` repeated ones (table:number-columns-repeated). */
static int cells(body *d, size_t n, int covered)
{
    for (size_t i = 0; i < n && d->b.ncells < 1024; i++) {
        if (i)
            vp_body_cell_start(&d->b);
        d->b.vmerge = covered;
        if (!vp_body_cell_end(&d->b))
            return 0;
    }
    return 1;
}

static int table_fn(body *d, xmlTextReaderPtr r, int start, const char *l)
{
    if (strcmp(l, "table:table-row") == 0) {
        if (start) {
            vp_body_row_start(&d->b);
            d->covered = 0;
            d->col = 0;
            return 1;
        }
        return vp_body_row_end(&d->b);
    }
    int covered = strcmp(l, "table:covered-table-cell") == 0;
    if (!covered && strcmp(l, "table:table-cell") != 0)
        return 1;
    size_t rep = (size_t)vp_xml_attr_long(r, NS_TABLE, "number-columns-repeated", 1);
    rep = rep < 1 ? 1 : rep;
    if (start) {
        vp_body_cell_start(&d->b);
        d->b.vmerge = covered;   /* what a covered cell holds is not shown */
        if (covered)
            return 1;
        long cs = vp_xml_attr_long(r, NS_TABLE, "number-columns-spanned", 1);
        long rs = vp_xml_attr_long(r, NS_TABLE, "number-rows-spanned", 1);
        /* the columns after the first are empty cells (read/body.c), and
         * the covered cells that stand for them give none */
        d->covered = cs > 1 ? (size_t)cs - 1 : 0;
        d->b.span = cs > 1 ? (size_t)cs : 1;
        if (d->col < 64) {
            d->vspan[d->col][0] = rs > 1 ? (size_t)rs - 1 : 0;
            d->vspan[d->col][1] = cs > 1 ? (size_t)cs : 1;
        }
        d->col += (cs > 1 ? (size_t)cs : 1) * rep;
        return 1;
    }
    if (!covered)
        return cells(d, rep, 0);
    /* covered: the rest of a span over columns shows no cell; the first
     * of one over rows an empty one, as Word's vMerge continuation */
    size_t c = d->col;
    d->col += rep;
    if (d->covered) {
        d->covered -= d->covered < rep ? d->covered : rep;
        return 1;
    }
    if (c < 64 && d->vspan[c][0]) {
        d->vspan[c][0]--;
        d->covered = d->vspan[c][1] - 1;
        return cells(d, 1, 1);
    }
    return cells(d, rep, 1);
}

/* Elements whose content is not what the body shows: deleted text kept
 * for tracked changes, the template of an index, ruby annotations, the
 * number a note is cited by. */
static int skipped(const char *l)
{
    return strcmp(l, "text:tracked-changes") == 0 ||
           strcmp(l, "text:table-of-content-source") == 0 ||
           strcmp(l, "text:alphabetical-index-source") == 0 ||
           strcmp(l, "text:illustration-index-source") == 0 ||
           strcmp(l, "text:ruby-text") == 0 || strcmp(l, "text:note-citation") == 0 ||
           strcmp(l, "office:forms") == 0 || strcmp(l, "text:sequence-decls") == 0;
}

/* Inside a note or an annotation: its text only, set aside at its end. */
static int aside_fn(body *d, int ev, const char *l, int depth, xmlTextReaderPtr r)
{
    if (ev == VP_XML_TEXT) {
        if (depth > 0 && d->el[depth - 1] == EL_TEXT) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            vp_buf_puts(&d->aside, v ? v : "");
        }
        return !d->aside.failed;
    }
    if (ev == VP_XML_END && depth == d->aside_depth) {
        d->aside_depth = 0;
        int ok = !d->aside.failed && vp_body_aside(&d->b, d->aside.data ? d->aside.data : "",
                                                   d->aside.len, d->aside_why);
        vp_buf_clear(&d->aside);
        return ok;
    }
    if (ev == VP_XML_START) {
        if (skipped(l))
            return VP_XML_SKIP;
        d->el[depth] = strncmp(l, "text:", 5) == 0 ? EL_TEXT : EL_OTHER;
    }
    if (strcmp(l, "text:s") == 0 || strcmp(l, "text:tab") == 0 ||
        strcmp(l, "text:line-break") == 0 ||
        (ev == VP_XML_END && (strcmp(l, "text:p") == 0 || strcmp(l, "text:h") == 0)))
        vp_buf_putc(&d->aside, ' ');
    return !d->aside.failed;
}

/* Is the parent of what stands at `depth` a paragraph or a span?  Then
 * its text is in that element's look, made the current one. */
static int in_text(body *d, int depth)
{
    if (!d->p_depth || depth < 1 || d->el[depth - 1] != EL_TEXT)
        return 0;
    const look *lk = &d->looks[depth - 1];
    d->b.r_bold = lk->bold;
    d->b.r_italic = lk->italic;
    d->b.r_enc = lk->enc;
    d->b.r_caps = lk->caps;
    return 1;
}

static int body_fn(void *ctx, xmlTextReaderPtr r, int ev, const char *l, int depth)
{
    body *d = ctx;
    if (d->aside_depth)
        return aside_fn(d, ev, l, depth, r);
    if (ev == VP_XML_TEXT) {
        if (in_text(d, depth)) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            return vp_body_text(&d->b, v ? v : "", v ? strlen(v) : 0);
        }
        return 1;
    }
    int start = ev == VP_XML_START;
    if (start) {
        d->el[depth] = EL_OTHER;
        if (skipped(l) ||
            (strcmp(l, "text:number") == 0 && d->listed && d->p_depth == 1))
            return VP_XML_SKIP;   /* text:number: a label kept, ours is computed */
        if (d->p_depth && (strcmp(l, "text:note") == 0 || strcmp(l, "office:annotation") == 0)) {
            if (!xmlTextReaderIsEmptyElement(r)) {
                d->aside_depth = depth;
                d->aside_why = l[0] == 't' ? "footnote" : "comment";
            }
            return 1;
        }
    }
    int para = strcmp(l, "text:p") == 0 || strcmp(l, "text:h") == 0;
    if (para) {
        if (start) {
            d->el[depth] = EL_TEXT;
            if (d->p_depth++ == 0) {
                para_start(d, r, l[5] == 'h', depth);
            } else {
                d->looks[depth] = d->looks[depth - 1];
                char name[NAME];
                if (attr(r, NS_TEXT, "style-name", name, sizeof name))
                    look_of(d, &d->looks[depth], name);
            }
            return 1;
        }
        if (d->p_depth > 0 && --d->p_depth == 0)
            return para_end(d);
        return vp_body_putc(&d->b, ' ');   /* a frame's paragraph inside ours */
    }
    if (d->p_depth) {
        if (!start)   /* a heading's own number (text:number) ends in a space */
            return strcmp(l, "text:number") != 0 || vp_body_putc(&d->b, ' ');
        /* text:s stands for text:c spaces: white space is collapsed later,
         * so one does */
        if (strcmp(l, "text:s") == 0)
            return !in_text(d, depth) || vp_body_text(&d->b, " ", 1);
        if (strcmp(l, "text:tab") == 0)
            return vp_body_putc(&d->b, ' ');
        if (strcmp(l, "text:line-break") == 0)
            return vp_body_putc(&d->b, VP_BODY_LINE_BREAK);
        if (strncmp(l, "text:", 5) == 0 && depth > 0 && d->el[depth - 1] == EL_TEXT) {
            /* a span, a link, a field: text in the look of its style */
            d->el[depth] = EL_TEXT;
            d->looks[depth] = d->looks[depth - 1];
            char name[NAME];
            if (attr(r, NS_TEXT, "style-name", name, sizeof name))
                look_of(d, &d->looks[depth], name);
        }
        return 1;
    }
    if (strcmp(l, "text:list") == 0) {
        if (start)
            return list_start(d, r, depth);
        if (d->nlists)
            d->nlists--;
        return 1;
    }
    if (strcmp(l, "text:list-item") == 0 || strcmp(l, "text:list-header") == 0) {
        if (start && d->nlists) {
            open_list *o = &d->lists[d->nlists - 1];
            o->pending = 1;
            o->header = l[10] == 'h';
            o->item_start = vp_xml_attr_long(r, NS_TEXT, "start-value", -1);
        }
        return 1;
    }
    if (strcmp(l, "table:table") == 0) {
        d->b.tbl_depth += start ? 1 : -1;
        return start || d->b.tbl_depth != 0 || vp_body_table_end(&d->b);
    }
    if (d->b.tbl_depth == 1)
        return table_fn(d, r, start, l);
    return 1;
}

/* ------------------------------------------------------------ driver */

vnplan_status vp_blocks_from_odt(const unsigned char *bytes, size_t len,
                                 const struct vp_package_limits *lim, const struct vp_charsets *cs,
                                 const char **legacy, vp_blocks *out, const char *name,
                                 vnplan_error *err)
{
    *legacy = NULL;
    memset(out, 0, sizeof *out);
    vp_package pk;
    vnplan_status st = vp_package_open(&pk, bytes, len, lim, "OpenDocument", name, err);
    if (st != VNPLAN_OK)
        return st;
    vp_package_part content = {NULL, 0}, sty = {NULL, 0};
    styles ss;
    body *d = calloc(1, sizeof *d);
    memset(&ss, 0, sizeof ss);
    if (!d) {
        st = vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        goto done;
    }
    vp_body_init(&d->b, out, cs);
    vp_buf_init(&d->aside);
    vp_buf_init(&d->label);
    d->st = &ss;
    if (vp_package_read(&pk, "content.xml", 1, &content, err) < 0 ||
        vp_package_read(&pk, "styles.xml", 0, &sty, err) < 0) {
        st = err ? err->code : VNPLAN_E_BINARY;
        goto done;
    }
    /* styles.xml first: content.xml's automatic styles are found first */
    if (sty.data &&
        (st = vp_package_walk(&pk, &sty, "styles.xml", odf_ns, styles_fn, &ss, err)) != VNPLAN_OK)
        goto done;
    ss.automatic = 0;
    if ((st = vp_package_walk(&pk, &content, "content.xml", odf_ns, styles_fn, &ss, err)) !=
        VNPLAN_OK)
        goto done;
    styles_sort(&ss);
    st = vp_package_walk(&pk, &content, "content.xml", odf_ns, body_fn, d, err);
    /* an ODT made from a PDF keeps its page splits as paragraphs */
    if (st == VNPLAN_OK && !vp_blocks_rejoin(out))
        st = vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
    *legacy = d->b.legacy;
done:
    if (d) {
        vp_body_free(&d->b);
        vp_buf_free(&d->aside);
        vp_buf_free(&d->label);
        free(d->lists);
        free(d->ctr);
        free(d->keys);
        free(d);
    }
    free(content.data);
    free(sty.data);
    free(ss.v);
    free(ss.l);
    free(ss.f);
    vp_package_close(&pk);
    if (st != VNPLAN_OK)
        vp_blocks_free(out);
    return st;
}
