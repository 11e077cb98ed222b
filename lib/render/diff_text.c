/* diff_text.c — plandiff's report for a terminal or a pipe: a
 * coverage table, then each category with its pairs (both texts, clipped
 * to the width) and what only one plan has, then agencies, references,
 * reporting and a summary.  Colour only when asked (VNPLAN_RENDER_COLOR). */
#include "config.h"
#include "extract/agencies.h"
#include "core/buf.h"
#include "compare/compare.h"
#include "render/render.h"
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

/* Append s, at most `cols` columns, "…" when cut; newlines become spaces. */
static void clipped(out *o, const char *s, size_t cols)
{
    size_t n = strlen(s), i = 0, c = 0;
    while (i < n && c < cols) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        if (c + 1 == cols && i + (size_t)l < n) {
            vp_buf_puts(&o->b, "…");
            return;
        }
        if (cp == '\n')
            vp_buf_putc(&o->b, ' ');
        else
            vp_buf_append(&o->b, s + i, (size_t)l);
        i += (size_t)l;
        c++;
    }
}

static void rule(out *o, const char *title)
{
    vp_buf_putc(&o->b, '\n');
    paint(o, "1");
    clipped(o, title, (size_t)o->width);
    paint(o, "0");
    vp_buf_putc(&o->b, '\n');
}

/* Append s word-wrapped to the width; continuation lines indented by
 * `indent` columns (the first line is assumed to start at `col`). */
static void wrapped(out *o, const char *s, size_t col, size_t indent)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        size_t w = vp_columns(s + i, j - i);
        if (col > indent && col + 1 + w > (size_t)o->width) {
            vp_buf_putc(&o->b, '\n');
            for (size_t k = 0; k < indent; k++)
                vp_buf_putc(&o->b, ' ');
            col = indent;
        } else if (col > indent) {
            vp_buf_putc(&o->b, ' ');
            col++;
        }
        if (w > (size_t)o->width - indent) {   /* a word wider than a line */
            clipped(o, s + i, (size_t)o->width - indent);
            col = (size_t)o->width;
        } else {
            vp_buf_append(&o->b, s + i, j - i);
            col += w;
        }
        i = j;
        while (i < n && s[i] == ' ')
            i++;
    }
    vp_buf_putc(&o->b, '\n');
}

/* "  A T12 III.2 :79  Sở Lao động …  <text>" on one line. */
static void task_line(out *o, const vnplan_diff *df, int side, const char *color,
                      const vnplan_task *t)
{
    const char *tag = side ? "B" : "A";
    vp_buf_puts(&o->b, "    ");
    paint(o, color);
    vp_buf_printf(&o->b, "%s %-4s", tag, t->id);
    paint(o, "0");
    char where[64];
    snprintf(where, sizeof where, " %s :%ld  ", t->section, t->line);
    vp_buf_puts(&o->b, where);
    size_t used = 4 + strlen(tag) + 5 + vp_columns(where, strlen(where));
    const char *lead = vp_diff_lead(df, side, t);
    if (!lead)
        lead = "—";
    size_t lc = vp_columns(lead, strlen(lead));
    size_t room = (size_t)o->width > used + 10 ? (size_t)o->width - used : 10;
    size_t lead_room = lc + 2 < room / 3 ? lc : room / 3 - 2;
    clipped(o, lead, lead_room);
    vp_buf_puts(&o->b, "  ");
    clipped(o, t->text, room - lead_room - 2 > 8 ? room - lead_room - 2 : 8);
    vp_buf_putc(&o->b, '\n');
}

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
    const char *why = vp_diff_framework_reason(df);
    vp_buf list;
    vp_buf_init(&list);
    vp_buf_printf(&list, "framework %s%s%s%s; tasks paired when similarity >= %.2f",
                  df->framework ? df->framework : "(none)", why ? " (" : "", why ? why : "",
                  why ? ")" : "", df->threshold);
    wrapped(&o, list.data ? list.data : "", 0, 2);
    for (int s = 0; s < 2; s++)
        if (df->mapped_from[s]) {
            vp_buf_clear(&list);
            vp_buf_printf(&list, "%c's categories (%s) mapped to %s through its crosswalk",
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
    clipped(&o, "Coverage", lw + 2);
    for (size_t k = 8; k < lw + 2; k++)
        vp_buf_putc(&o.b, ' ');
    vp_buf_puts(&o.b, "    A    B  pairs  only A  only B");
    paint(&o, "0");
    vp_buf_putc(&o.b, '\n');
    for (size_t i = 0; i < df->ncats; i++) {
        const vp_diff_counts *n = &sum->cats[i];
        if (!n->tasks[0] && !n->tasks[1])
            continue;
        const char *label = vp_diff_cat_label(&df->cats[i]);
        vp_buf_puts(&o.b, "  ");
        size_t lc = vp_columns(label, strlen(label));
        clipped(&o, label, lw);
        for (size_t k = lc < lw ? lc : lw; k < lw; k++)
            vp_buf_putc(&o.b, ' ');
        vp_buf_printf(&o.b, "  %3zu  %3zu  %5zu  %6zu  %6zu\n", n->tasks[0], n->tasks[1],
                      n->pairs, n->only[0], n->only[1]);
    }

    for (size_t i = 0; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        const vp_diff_counts *n = &sum->cats[i];
        if (!n->tasks[0] && !n->tasks[1])
            continue;
        char title[512];
        snprintf(title, sizeof title, "== %s (%s)  A %zu, B %zu, %zu paired",
                 vp_diff_cat_label(c), c->category ? c->category->id : "-", n->tasks[0],
                 n->tasks[1], n->pairs);
        rule(&o, title);
        for (size_t k = 0; k < c->npairs; k++) {
            const vp_diff_pair *p = &c->pairs[k];
            const vp_category *cb = p->moved ? vp_diff_category(df, 1, p->b) : NULL;
            vp_buf_printf(&o.b, "  both %.2f%s", p->score, p->verbatim ? "  same wording" : "");
            if (p->moved)
                vp_buf_printf(&o.b, "  (B files it under %s)", cb ? cb->id : "no pillar");
            vp_buf_putc(&o.b, '\n');
            task_line(&o, df, 0, "32", p->a);
            task_line(&o, df, 1, "32", p->b);
        }
        if (n->only[0])
            vp_buf_printf(&o.b, "  only in A (%zu)\n", n->only[0]);
        for (size_t k = 0; k < c->nonly_a; k++)
            task_line(&o, df, 0, "31", c->only_a[k]);
        if (n->only[1])
            vp_buf_printf(&o.b, "  only in B (%zu)\n", n->only[1]);
        for (size_t k = 0; k < c->nonly_b; k++)
            task_line(&o, df, 1, "34", c->only_b[k]);
    }

    rule(&o, "Agencies (by canonical id)");
    static const char *const heads[3] = {"  both:   ", "  only A: ", "  only B: "};
    for (int w = 0; w < 3; w++) {
        vp_buf_clear(&list);
        for (size_t i = 0; i < sum->nagencies[w]; i++)
            vp_buf_printf(&list, "%s%s", list.len ? "; " : "", sum->agencies[w][i]->label);
        vp_buf_puts(&o.b, heads[w]);
        wrapped(&o, list.len ? list.data : "—", 10, 10);
    }
    rule(&o, "References");
    for (int w = 0; w < 3; w++) {
        vp_buf_clear(&list);
        for (size_t i = 0; i < sum->nrefs[w]; i++)
            vp_buf_printf(&list, "%s%s", list.len ? "; " : "", sum->refs[w][i]->name);
        vp_buf_puts(&o.b, heads[w]);
        wrapped(&o, list.len ? list.data : "—", 10, 10);
    }
    rule(&o, "Reporting");
    const vnplan_document *sides[2] = {da, db};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < sides[s]->nreporting; i++) {
            const vp_doc_reporting *r = &sides[s]->reporting[i];
            vp_buf_clear(&list);
            vp_buf_printf(&list, "%c :%-4ld %-10s %-10s to %s", s ? 'B' : 'A', r->line,
                          r->frequency ? r->frequency : "", r->due ? r->due : "",
                          r->to ? r->to : "?");
            vp_buf_puts(&o.b, "  ");
            clipped(&o, list.data ? list.data : "", (size_t)o.width - 2);
            vp_buf_putc(&o.b, '\n');
        }
    rule(&o, "Summary");
    const vp_diff_counts *t = &sum->total;
    for (int line = 0; line < 5; line++) {
        vp_buf_clear(&list);
        if (line == 0)
            vp_buf_printf(&list, "%zu pairs (%zu same wording, %zu across pillars), %zu only "
                                 "in A, %zu only in B",
                          t->pairs, t->verbatim, t->moved, t->only[0], t->only[1]);
        else if (line == 1)
            vp_buf_printf(&list, "agencies: %zu named by both, %zu only by A, %zu only by B; "
                                 "%zu sectors met by different agencies",
                          sum->nagencies[VP_IN_BOTH], sum->nagencies[VP_ONLY_A],
                          sum->nagencies[VP_ONLY_B], sum->sectors);
        else if (line == 2)
            vp_buf_printf(&list, "references: %zu cited by both, %zu only by A, %zu only by B",
                          sum->nrefs[VP_IN_BOTH], sum->nrefs[VP_ONLY_A], sum->nrefs[VP_ONLY_B]);
        else if (line == 3)
            vp_buf_printf(&list, "reporting duties: A %zu, B %zu; targets: A %zu, B %zu",
                          sum->reporting[0], sum->reporting[1], sum->targets[0],
                          sum->targets[1]);
        else
            vp_buf_puts(&list, df->differs ? "the plans differ" : "no differences");
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
