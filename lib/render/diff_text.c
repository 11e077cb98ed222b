/* diff_text.c — plandiff's report for a terminal or a pipe: a
 * coverage table (the pillars, then the framework's other parts apart),
 * then each category with its pairs and what only one plan has — each task
 * a block: a labelled line (side, id, section, line, lead) and its whole
 * text wrapped to the width under it — then agencies (with those met by
 * sector), references, reporting and a summary.  Widths are display
 * columns of UTF-8.  Colour only when asked (VNPLAN_RENDER_COLOR). */
#include "config.h"
#include "extract/agencies.h"
#include "core/buf.h"
#include "compare/compare.h"
#include "render/render.h"
#include "core/i18n.h"
#include "core/unicode.h"
#include <stdio.h>
#include <string.h>

typedef struct out {
    vp_buf b;
    int width;
    int color;
} out;

static void paint(out *o, const char *code)
{
    if (o->color)
        vp_buf_printf(&o->b, "\033[%sm", code);
}

/* Append s, at most `cols` display columns, "…" when cut; newlines
 * become spaces. */
static void clipped(out *o, const char *s, size_t cols)
{
    size_t n = strlen(s), i = 0, c = 0;
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        size_t w = vp_columns(s + i, (size_t)l);
        if (c + w > cols || (c + w == cols && i + (size_t)l < n)) {
            if (c < cols)
                vp_buf_puts(&o->b, "…");
            return;
        }
        if (cp == '\n')
            vp_buf_putc(&o->b, ' ');
        else
            vp_buf_append(&o->b, s + i, (size_t)l);
        i += (size_t)l;
        c += w;
    }
}

static int gap(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

static void new_line(out *o, size_t indent)
{
    vp_buf_putc(&o->b, '\n');
    for (size_t k = 0; k < indent; k++)
        vp_buf_putc(&o->b, ' ');
}

/* Append s word-wrapped to the width, broken at spaces (a newline or a tab
 * is one), display columns counted; the spaces between two words on one
 * line are kept as written.  Continuation lines are indented by `indent`
 * columns (the first line is assumed to start at `col`); a word wider than
 * a line is broken where the line ends.  Ends the line. */
static void wrapped(out *o, const char *s, size_t col, size_t indent)
{
    size_t n = strlen(s), i = 0, width = (size_t)o->width;
    if (indent + 8 > width)
        indent = width > 8 ? width - 8 : 0;
    int first = 1;
    while (i < n) {
        size_t g = i;
        while (i < n && gap(s[i]))
            i++;
        if (i >= n)
            break;
        size_t j = i;
        while (j < n && !gap(s[j]))
            j++;
        size_t w = vp_columns(s + i, j - i), gw = first ? 0 : i - g;
        if (col > indent && col + gw + w > width) {
            new_line(o, indent);
            col = indent;
        } else
            for (size_t k = 0; k < gw; k++, col++)
                vp_buf_putc(&o->b, ' ');
        if (col + w <= width) {
            vp_buf_append(&o->b, s + i, j - i);
            col += w;
        } else   /* a word wider than a line: broken at the line's end */
            for (size_t k = i; k < j;) {
                int32_t cp;
                int l = vp_utf8_decode(s + k, j - k, &cp);
                size_t cw = vp_columns(s + k, (size_t)l);
                if (col + cw > width && col > indent) {
                    new_line(o, indent);
                    col = indent;
                }
                vp_buf_append(&o->b, s + k, (size_t)l);
                col += cw;
                k += (size_t)l;
            }
        i = j;
        first = 0;
    }
    vp_buf_putc(&o->b, '\n');
}

/* A heading, bold, wrapped to the width (never cut: its counts matter). */
static void rule(out *o, const char *title)
{
    vp_buf_putc(&o->b, '\n');
    paint(o, "1");
    wrapped(o, title, 0, 3);
    if (o->color && !o->b.failed && o->b.len && o->b.data[o->b.len - 1] == '\n') {
        o->b.len--;   /* the reset before the newline */
        paint(o, "0");
        vp_buf_putc(&o->b, '\n');
    }
}

/* A task as a block: "    A T8  III.2 :79  Sở Lao động - Thương binh và Xã
 * hội" (its lead, wrapped when long), then its whole text wrapped under it
 * with a hanging indent. */
static void task_block(out *o, const vnplan_diff *df, int side, const char *color,
                       const vnplan_task *t)
{
    enum { LABEL = 4, TEXT = 6 };
    vp_buf_puts(&o->b, "    ");
    paint(o, color);
    vp_buf_printf(&o->b, "%s %s", side ? "B" : "A", t->id);
    paint(o, "0");
    const char *lead = vp_diff_lead(df, side, t);
    vp_buf where;
    vp_buf_init(&where);
    vp_buf_printf(&where, "%s :%ld  %s", t->section, t->line, lead ? lead : "—");
    vp_buf_puts(&o->b, "  ");
    wrapped(o, where.data ? where.data : "", LABEL + 2 + vp_columns(t->id, strlen(t->id)) + 2,
            TEXT + 2);
    if (where.failed)
        o->b.failed = 1;
    vp_buf_free(&where);
    for (size_t k = 0; k < TEXT; k++)
        vp_buf_putc(&o->b, ' ');
    wrapped(o, t->text, TEXT, TEXT);
}

/* Under a task without a pair: the tasks of the other plan related to it
 * (the subjects or wording they share), or that there are none — a gap. */
static void related_lines(out *o, const vnplan_diff *df, int side, const vnplan_task *t)
{
    enum { TEXT = 6 };
    vp_buf l;
    vp_buf_init(&l);
    vp_diff_related_text(df, side, t, &l);
    for (size_t k = 0; k < TEXT; k++)
        vp_buf_putc(&o->b, ' ');
    paint(o, "2");
    wrapped(o, l.data ? l.data : "", TEXT, TEXT + 2);
    paint(o, "0");
    if (l.failed)
        o->b.failed = 1;
    vp_buf_free(&l);
}

/* The framework's pillars (or objectives) come first in every table; its
 * other parts (propaganda, organisation, inspection, funding, reporting)
 * and the unclassified after them, apart. */
static int pillar(const vp_diff_cat *c) { return c->category && c->category->is_pillar; }

char *vp_render_diff_text(const vnplan_diff *df, int width, int flags)
{
    const vp_diff_summary *sum = df->summary;
    out o;
    vp_buf_init(&o.b);
    o.width = width < 40 ? 40 : width;
    o.color = flags & VNPLAN_RENDER_COLOR;
    const vnplan_document *da = df->da, *db = df->db;
    const char *const *fa = da->fields, *const *fb = db->fields;

    paint(&o, "1");
    vp_buf_printf(&o.b, "A  %s  %s  %s\n", fa[VNPLAN_FIELD_NUMBER] ? fa[VNPLAN_FIELD_NUMBER] : "?",
                  fa[VNPLAN_FIELD_PROVINCE] ? fa[VNPLAN_FIELD_PROVINCE] : "?",
                  fa[VNPLAN_FIELD_DATE] ? fa[VNPLAN_FIELD_DATE] : "");
    vp_buf_printf(&o.b, "B  %s  %s  %s\n", fb[VNPLAN_FIELD_NUMBER] ? fb[VNPLAN_FIELD_NUMBER] : "?",
                  fb[VNPLAN_FIELD_PROVINCE] ? fb[VNPLAN_FIELD_PROVINCE] : "?",
                  fb[VNPLAN_FIELD_DATE] ? fb[VNPLAN_FIELD_DATE] : "");
    paint(&o, "0");
    const char *why = vp_diff_reason_tr(vp_diff_framework_reason(df));
    vp_buf list;
    vp_buf_init(&list);
    vp_buf_printf(&list, _("framework %s%s%s%s; tasks paired when similarity >= %.2f"),
                  df->framework ? df->framework : _("(none)"), why ? " (" : "", why ? why : "",
                  why ? ")" : "", df->threshold);
    wrapped(&o, list.data ? list.data : "", 0, 2);
    for (int s = 0; s < 2; s++)
        if (df->mapped_from[s]) {
            vp_buf_clear(&list);
            vp_buf_printf(&list, _("%c's categories (%s) mapped to %s through its crosswalk"),
                          s ? 'B' : 'A', df->mapped_from[s], df->framework);
            wrapped(&o, list.data ? list.data : "", 0, 2);
        }

    /* The label column takes what the counts leave, up to the longest. */
    size_t lw = 8;
    for (size_t i = 0; i < df->ncats; i++) {
        const char *label = vp_diff_cat_label(&df->cats[i]);
        size_t lc = vp_columns(label, strlen(label));
        if ((sum->cats[i].tasks[0] || sum->cats[i].tasks[1]) && lc > lw)
            lw = lc;
    }
    /* A row is "  " + label + 33 columns of counts, each right-aligned
     * under its heading. */
    if (lw > (size_t)o.width - 35)
        lw = (size_t)o.width - 35;
    vp_buf_putc(&o.b, '\n');
    paint(&o, "1");
    const char *coverage = _("Coverage");
    size_t cw = vp_columns(coverage, strlen(coverage));
    clipped(&o, coverage, lw + 2);
    for (size_t k = cw < lw + 2 ? cw : lw + 2; k < lw + 2; k++)
        vp_buf_putc(&o.b, ' ');
    /* TRANSLATORS: five right-aligned column heads, 33 columns in all:
     * "    A" and "    B" (5), "  pairs" (7), "  only A", "  only B" (8). */
    vp_buf_puts(&o.b, _("    A    B  pairs  only A  only B"));
    paint(&o, "0");
    vp_buf_putc(&o.b, '\n');
    for (size_t g = 0, i = 0, other = 0; g < 2; g++, i = 0)
    for (; i < df->ncats; i++) {
        const vp_diff_counts *n = &sum->cats[i];
        if ((!n->tasks[0] && !n->tasks[1]) || pillar(&df->cats[i]) != !g)
            continue;
        if (g && !other++) {   /* the sub-heading of the other parts */
            paint(&o, "1");
            clipped(&o, _("Other parts (not pillars)"), (size_t)o.width);
            paint(&o, "0");
            vp_buf_putc(&o.b, '\n');
        }
        const char *label = vp_diff_cat_label(&df->cats[i]);
        vp_buf_puts(&o.b, "  ");
        size_t lc = vp_columns(label, strlen(label));
        clipped(&o, label, lw);
        for (size_t k = lc < lw ? lc : lw; k < lw; k++)
            vp_buf_putc(&o.b, ' ');
        vp_buf_printf(&o.b, "  %3zu  %3zu  %5zu  %6zu  %6zu\n", n->tasks[0], n->tasks[1],
                      n->pairs, n->only[0], n->only[1]);
    }

    for (size_t g = 0, i = 0; g < 2; g++, i = 0)
    for (; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        const vp_diff_counts *n = &sum->cats[i];
        if ((!n->tasks[0] && !n->tasks[1]) || pillar(c) != !g)
            continue;
        char title[512];
        snprintf(title, sizeof title, _("== %s (%s)  A %zu, B %zu, %zu paired"),
                 vp_diff_cat_label(c), c->category ? c->category->id : "-", n->tasks[0],
                 n->tasks[1], n->pairs);
        rule(&o, title);
        vp_buf_clear(&list);
        if (vp_diff_subjects_text(df, c, &list) && list.data) {
            vp_buf_puts(&o.b, "  ");
            wrapped(&o, list.data, 2, 4);
        }
        for (size_t k = 0; k < c->npairs; k++) {
            const vp_diff_pair *p = &c->pairs[k];
            const vp_category *cb = p->moved ? vp_diff_category(df, 1, p->b) : NULL;
            vp_buf_clear(&list);
            vp_buf_printf(&list, _("  both %.2f%s"), p->score, p->verbatim ? _("  same wording") : "");
            if (p->moved)
                vp_buf_printf(&list, _("  (B files it under %s)"), cb ? cb->id : _("no pillar"));
            vp_buf_puts(&o.b, "  ");   /* wrapped keeps the spaces inside, not before */
            wrapped(&o, list.data ? list.data : "", 2, 4);
            task_block(&o, df, 0, "32", p->a);
            task_block(&o, df, 1, "32", p->b);
        }
        if (n->only[0])
            vp_buf_printf(&o.b, _("  only in A (%zu)\n"), n->only[0]);
        for (size_t k = 0; k < c->nonly_a; k++) {
            task_block(&o, df, 0, "31", c->only_a[k]);
            related_lines(&o, df, 0, c->only_a[k]);
        }
        if (n->only[1])
            vp_buf_printf(&o.b, _("  only in B (%zu)\n"), n->only[1]);
        for (size_t k = 0; k < c->nonly_b; k++) {
            task_block(&o, df, 1, "34", c->only_b[k]);
            related_lines(&o, df, 1, c->only_b[k]);
        }
    }

    rule(&o, _("Agencies (by canonical id)"));
    /* TRANSLATORS: each of the three takes 10 columns (pad with spaces). */
    static const char *const heads[3] = {N_("  both:   "), N_("  only A: "), N_("  only B: ")};
    for (int w = 0; w < 3; w++) {
        vp_buf_clear(&list);
        for (size_t i = 0; i < sum->nagencies[w]; i++)
            vp_buf_printf(&list, "%s%s", list.len ? "; " : "", sum->agencies[w][i]->label);
        vp_buf_puts(&o.b, _(heads[w]));
        wrapped(&o, list.len ? list.data : "—", 10, 10);
    }
    /* Sectors whose duties the plans give to different agencies (Khánh
     * Hòa's Sở Du lịch, Thanh Hóa's Sở Văn hóa, Thể thao và Du lịch). */
    vp_buf_clear(&list);
    vp_buf_printf(&list, "%s%s", _("met by sector (the plans name different agencies of it):"),
                  df->nsectors ? "" : " —");
    vp_buf_puts(&o.b, "  ");
    wrapped(&o, list.data ? list.data : "", 2, 4);
    for (size_t i = 0; i < df->nsectors; i++) {
        const vp_diff_sector *sec = &df->sectors[i];
        vp_buf_puts(&o.b, "    ");
        wrapped(&o, sec->sector, 4, 6);
        for (int s = 0; s < 2; s++) {
            vp_buf_clear(&list);
            for (size_t k = 0; k < sec->n; k++)
                if (sec->agencies[k]->in[s])
                    vp_buf_printf(&list, "%s%s", list.len ? "; " : "", sec->agencies[k]->label);
            vp_buf_printf(&o.b, "      %c: ", s ? 'B' : 'A');
            wrapped(&o, list.len ? list.data : "—", 9, 9);
        }
    }
    rule(&o, _("References"));
    for (int w = 0; w < 3; w++) {
        vp_buf_clear(&list);
        for (size_t i = 0; i < sum->nrefs[w]; i++)
            vp_buf_printf(&list, "%s%s", list.len ? "; " : "", sum->refs[w][i]->name);
        vp_buf_puts(&o.b, _(heads[w]));
        wrapped(&o, list.len ? list.data : "—", 10, 10);
    }
    rule(&o, _("Reporting"));
    const vnplan_document *sides[2] = {da, db};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < sides[s]->nreporting; i++) {
            const vp_doc_reporting *r = &sides[s]->reporting[i];
            vp_buf_clear(&list);
            vp_buf_printf(&list, _("%c :%-4ld %-10s %-10s to %s"), s ? 'B' : 'A', r->line,
                          r->frequency ? r->frequency : "", r->due ? r->due : "",
                          r->to ? r->to : "?");
            vp_buf_puts(&o.b, "  ");
            clipped(&o, list.data ? list.data : "", (size_t)o.width - 2);
            vp_buf_putc(&o.b, '\n');
        }
    rule(&o, _("Summary"));
    const vp_diff_counts *t = &sum->total;
    static const int order[] = {0, 5, 1, 2, 3, 4};   /* the gaps after the pairs */
    for (int k = 0; k < 6; k++) {
        int line = order[k];
        vp_buf_clear(&list);
        if (line == 5)
            vp_buf_printf(&list, _("gaps (nothing related in the other plan): %zu in A, %zu in B; "
                                 "%zu related tasks"),
                          t->gaps[0], t->gaps[1], t->links);
        else if (line == 0)
            vp_buf_printf(&list, _("%zu pairs (%zu same wording, %zu across pillars), %zu only "
                                 "in A, %zu only in B"),
                          t->pairs, t->verbatim, t->moved, t->only[0], t->only[1]);
        else if (line == 1)
            vp_buf_printf(&list, _("agencies: %zu named by both, %zu only by A, %zu only by B; "
                                 "%zu sectors met by different agencies"),
                          sum->nagencies[VP_IN_BOTH], sum->nagencies[VP_ONLY_A],
                          sum->nagencies[VP_ONLY_B], sum->sectors);
        else if (line == 2)
            vp_buf_printf(&list, _("references: %zu cited by both, %zu only by A, %zu only by B"),
                          sum->nrefs[VP_IN_BOTH], sum->nrefs[VP_ONLY_A], sum->nrefs[VP_ONLY_B]);
        else if (line == 3)
            vp_buf_printf(&list, _("reporting duties: A %zu, B %zu; targets: A %zu, B %zu"),
                          sum->reporting[0], sum->reporting[1], sum->targets[0],
                          sum->targets[1]);
        else
            vp_buf_puts(&list, df->differs ? _("the plans differ") : _("no differences"));
        vp_buf_puts(&o.b, "  ");
        wrapped(&o, list.data ? list.data : "", 2, 2);
    }
    int failed = list.failed;
    vp_buf_free(&list);
    if (failed) {
        vp_buf_free(&o.b);
        return NULL;
    }
    return vp_buf_detach(&o.b);
}
