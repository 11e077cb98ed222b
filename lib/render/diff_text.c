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

static const char *lead_of(const vnplan_task *t)
{
    if (t->nroles[VNPLAN_ROLE_LEAD])
        return t->roles[VNPLAN_ROLE_LEAD][0].agency ? t->roles[VNPLAN_ROLE_LEAD][0].agency->label
                                                    : t->roles[VNPLAN_ROLE_LEAD][0].name;
    if (t->nroles[VNPLAN_ROLE_REQUESTED])
        return t->roles[VNPLAN_ROLE_REQUESTED][0].name;
    return "—";
}

/* "  A T12 III.2 :79  Sở Lao động …  <text>" on one line. */
static void task_line(out *o, const char *tag, const char *color, const vnplan_task *t)
{
    vp_buf_puts(&o->b, "    ");
    paint(o, color);
    vp_buf_printf(&o->b, "%s %-4s", tag, t->id);
    paint(o, "0");
    char where[64];
    snprintf(where, sizeof where, " %s :%ld  ", t->section, t->line);
    vp_buf_puts(&o->b, where);
    size_t used = 4 + strlen(tag) + 5 + vp_columns(where, strlen(where));
    const char *lead = lead_of(t);
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
    vp_buf_printf(&o.b, "framework %s; tasks paired when similarity >= %.2f\n",
                  df->framework ? df->framework : "(none)", df->threshold);

    /* The label column takes what the counts leave, up to the longest. */
    size_t lw = 8;
    for (size_t i = 0; i < df->ncats; i++) {
        const char *label = df->cats[i].category ? df->cats[i].category->label_vi : "Chưa phân loại";
        size_t lc = vp_columns(label, strlen(label));
        if ((df->cats[i].na || df->cats[i].nb) && lc > lw)
            lw = lc;
    }
    if (lw > (size_t)o.width - 20)
        lw = (size_t)o.width - 20;
    vp_buf_putc(&o.b, '\n');
    paint(&o, "1");
    vp_buf_puts(&o.b, "Coverage");
    for (size_t k = 8; k < lw + 2; k++)
        vp_buf_putc(&o.b, ' ');
    vp_buf_puts(&o.b, "     A    B  pairs");
    paint(&o, "0");
    vp_buf_putc(&o.b, '\n');
    for (size_t i = 0; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        if (!c->na && !c->nb)
            continue;
        const char *label = c->category ? c->category->label_vi : "Chưa phân loại";
        vp_buf_puts(&o.b, "  ");
        size_t lc = vp_columns(label, strlen(label));
        clipped(&o, label, lw);
        for (size_t k = lc < lw ? lc : lw; k < lw; k++)
            vp_buf_putc(&o.b, ' ');
        vp_buf_printf(&o.b, "  %3zu  %3zu  %3zu\n", c->na, c->nb, c->npairs);
    }

    for (size_t i = 0; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        if (!c->na && !c->nb)
            continue;
        char title[512];
        snprintf(title, sizeof title, "== %s (%s)  A %zu, B %zu, %zu paired",
                 c->category ? c->category->label_vi : "Chưa phân loại",
                 c->category ? c->category->id : "-", c->na, c->nb, c->npairs);
        rule(&o, title);
        for (size_t k = 0; k < c->npairs; k++) {
            const vp_diff_pair *p = &c->pairs[k];
            vp_buf_printf(&o.b, "  both %.2f%s%s\n", p->score, p->verbatim ? "  same wording" : "",
                          p->moved ? "  (B files it under another pillar)" : "");
            task_line(&o, "A", "32", p->a);
            task_line(&o, "B", "32", p->b);
        }
        if (c->nonly_a)
            vp_buf_printf(&o.b, "  only in A (%zu)\n", c->nonly_a);
        for (size_t k = 0; k < c->nonly_a; k++)
            task_line(&o, "A", "31", c->only_a[k]);
        if (c->nonly_b)
            vp_buf_printf(&o.b, "  only in B (%zu)\n", c->nonly_b);
        for (size_t k = 0; k < c->nonly_b; k++)
            task_line(&o, "B", "34", c->only_b[k]);
    }

    rule(&o, "Agencies (by canonical id)");
    static const char *const heads[3] = {"  both:   ", "  only A: ", "  only B: "};
    vp_buf list;
    vp_buf_init(&list);
    for (int which = 0; which < 3; which++) {
        vp_buf_clear(&list);
        for (size_t i = 0; i < df->nagencies; i++) {
            const vp_diff_agency *a = &df->agencies[i];
            int w = a->in[0] && a->in[1] ? 0 : a->in[0] ? 1 : 2;
            if (w == which)
                vp_buf_printf(&list, "%s%s", list.len ? "; " : "", a->label);
        }
        vp_buf_puts(&o.b, heads[which]);
        wrapped(&o, list.len ? list.data : "—", 10, 10);
    }
    rule(&o, "References");
    for (int which = 0; which < 3; which++) {
        vp_buf_clear(&list);
        for (size_t i = 0; i < df->nrefs; i++) {
            const vp_diff_ref *r = &df->refs[i];
            int w = r->mentions[0] && r->mentions[1] ? 0 : r->mentions[0] ? 1 : 2;
            if (w == which)
                vp_buf_printf(&list, "%s%s", list.len ? "; " : "", r->name);
        }
        vp_buf_puts(&o.b, heads[which]);
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
    vp_buf_clear(&list);
    vp_buf_printf(&list, "%zu pairs (%zu same wording, %zu across pillars), %zu only in A, "
                         "%zu only in B: %s",
                  df->npairs, df->verbatim, df->moved, df->only[0], df->only[1],
                  df->differs ? "the plans differ" : "no differences");
    vp_buf_puts(&o.b, "  ");
    wrapped(&o, list.data, 2, 2);
    int failed = list.failed;
    vp_buf_free(&list);
    if (failed) {
        vp_buf_free(&o.b);
        return NULL;
    }
    return vp_buf_detach(&o.b);
}
