/* diff_markdown.c — plandiff's report as CommonMark with GitHub
 * tables, for a wiki page or a pull request: the two plans, a coverage
 * table, then each category with a table of its pairs (both texts, cut at
 * a word near 240 characters) and what only one plan has, then agencies,
 * references, reporting duties and a summary.
 *
 * Every piece of plan text goes through md_text(): Markdown's active
 * characters are backslash-escaped, "<" and ">" become entities (so a plan
 * cannot inject HTML into the page) and, in table cells, a newline becomes
 * "<br>" because a cell cannot span lines. */
#include "config.h"
#include "extract/agencies.h"
#include "core/buf.h"
#include "compare/compare.h"
#include "render/render.h"
#include "core/unicode.h"
#include <stdio.h>
#include <string.h>

enum { CELL_CHARS = 240, ITEM_CHARS = 320 };

/* Append s[0..n) escaped for Markdown; `cell`: inside a table row. */
static void md_append(vp_buf *b, const char *s, size_t n, int cell)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|':
        case '~':
            vp_buf_putc(b, '\\');
            vp_buf_putc(b, c);
            break;
        case '<': vp_buf_puts(b, "&lt;"); break;
        case '>': vp_buf_puts(b, "&gt;"); break;
        case '&': vp_buf_puts(b, "&amp;"); break;
        case '\r': break;
        case '\n': vp_buf_puts(b, cell ? "<br>" : " "); break;
        default: vp_buf_putc(b, c);
        }
    }
}

static void md_text(vp_buf *b, const char *s, int cell)
{
    md_append(b, s ? s : "", s ? strlen(s) : 0, cell);
}

/* s escaped and cut to about `chars` characters, "…" when cut. */
static void md_clipped(vp_buf *b, const char *s, size_t chars, int cell)
{
    int cut;
    size_t n = vp_clip_len(s, chars, &cut);
    md_append(b, s, n, cell);
    if (cut)
        vp_buf_puts(b, " …");
}

/* s as a code span: no escapes work inside one, so a backtick becomes a
 * quote; in a table, GitHub still splits cells at "|" unless escaped. */
static void md_code(vp_buf *b, const char *s, int cell)
{
    vp_buf_putc(b, '`');
    for (; s && *s; s++) {
        if (*s == '`' || *s == '\n')
            vp_buf_putc(b, *s == '`' ? '\'' : ' ');
        else if (*s == '|' && cell)
            vp_buf_puts(b, "\\|");
        else
            vp_buf_putc(b, *s);
    }
    vp_buf_putc(b, '`');
}

static const char *field(const vnplan_document *d, vnplan_field f)
{
    return d->fields[f] ? d->fields[f] : NULL;
}

static const char *lead_of(const vnplan_task *t)
{
    if (t->nroles[VNPLAN_ROLE_LEAD])
        return t->roles[VNPLAN_ROLE_LEAD][0].agency ? t->roles[VNPLAN_ROLE_LEAD][0].agency->label
                                                    : t->roles[VNPLAN_ROLE_LEAD][0].name;
    if (t->nroles[VNPLAN_ROLE_REQUESTED])
        return t->roles[VNPLAN_ROLE_REQUESTED][0].name;
    return NULL;
}

static const char *cat_label(const vp_diff_cat *c)
{
    return c->category ? c->category->label_vi : "Chưa phân loại";
}

/* "T12 · III.2 · line 79" */
static void where(vp_buf *b, const vnplan_task *t)
{
    vp_buf_puts(b, "**");
    md_text(b, t->id, 1);
    vp_buf_puts(b, "** · ");
    md_text(b, t->section, 1);
    vp_buf_printf(b, " · line %ld", t->line);
}

static void task_item(vp_buf *b, const vnplan_task *t)
{
    const char *lead = lead_of(t);
    vp_buf_puts(b, "- ");
    where(b, t);
    vp_buf_puts(b, " — lead: ");
    if (lead)
        md_text(b, lead, 0);
    else
        vp_buf_puts(b, "*none named*");
    vp_buf_puts(b, "  \n  ");
    /* A text opening like a list marker ("- ", "+ ", "1. ") would start a
     * list inside the item: escape the marker. */
    const char *s = t->text;
    size_t digits = strspn(s, "0123456789");
    if (s[0] == '-' || s[0] == '+')
        vp_buf_putc(b, '\\');
    else if (digits && (s[digits] == '.' || s[digits] == ')')) {
        vp_buf_append(b, s, digits);
        vp_buf_putc(b, '\\');
        s += digits;
    }
    md_clipped(b, s, ITEM_CHARS, 0);
    vp_buf_putc(b, '\n');
}

static void side_row(vp_buf *b, const char *tag, const vnplan_plan *p, const vnplan_document *d)
{
    const char *s;
    vp_buf_printf(b, "| %s | ", tag);
    md_text(b, (s = field(d, VNPLAN_FIELD_NUMBER)) ? s : "?", 1);
    vp_buf_puts(b, " | ");
    md_text(b, (s = field(d, VNPLAN_FIELD_PROVINCE)) ? s : "?", 1);
    vp_buf_puts(b, " | ");
    md_text(b, (s = field(d, VNPLAN_FIELD_DATE)) ? s : "", 1);
    vp_buf_printf(b, " | %zu | ", d->ntasks[VNPLAN_TASKS]);
    md_clipped(b, (s = field(d, VNPLAN_FIELD_TITLE)) ? s : "", CELL_CHARS, 1);
    vp_buf_puts(b, " | ");
    md_code(b, p->path ? p->path : "-", 1);
    vp_buf_puts(b, " |\n");
}

static void agencies(vp_buf *b, const vnplan_diff *df)
{
    static const char *const heads[3] = {"Named by both", "Only in A", "Only in B"};
    vp_buf_puts(b, "\n## Agencies\n\n"
                   "Agencies the tasks name (lead, coordinating or requested), matched by the "
                   "gazetteer's canonical id; *leads* counts the tasks each one leads.\n");
    for (int which = 0; which < 3; which++) {
        size_t n = 0;
        for (size_t i = 0; i < df->nagencies; i++) {
            const vp_diff_agency *a = &df->agencies[i];
            n += (a->in[0] && a->in[1] ? 0 : a->in[0] ? 1 : 2) == which;
        }
        vp_buf_printf(b, "\n### %s (%zu)\n\n", heads[which], n);
        if (!n) {
            vp_buf_puts(b, "None.\n");
            continue;
        }
        vp_buf_puts(b, "| Agency | Sector | Leads in A | Leads in B |\n|---|---|--:|--:|\n");
        for (size_t i = 0; i < df->nagencies; i++) {
            const vp_diff_agency *a = &df->agencies[i];
            if ((a->in[0] && a->in[1] ? 0 : a->in[0] ? 1 : 2) != which)
                continue;
            vp_buf_puts(b, "| ");
            md_text(b, a->label, 1);
            vp_buf_puts(b, " | ");
            md_text(b, a->sector ? a->sector : "—", 1);
            vp_buf_printf(b, " | %d | %d |\n", a->lead[0], a->lead[1]);
        }
    }

    /* Agencies one side names that the other side meets with another body
     * of the same sector ("Sở Du lịch" ~ "Sở Văn hóa, Thể thao và Du
     * lịch"): the same grouping as the JSON's agencies.by_sector. */
    vp_buf_puts(b, "\n### Met by sector\n\n");
    size_t rows = df->nsectors;
    for (size_t i = 0; i < df->nsectors; i++) {
        const vp_diff_sector *sec = &df->sectors[i];
        if (i == 0)
            vp_buf_puts(b, "| Sector | In A | In B |\n|---|---|---|\n");
        vp_buf_puts(b, "| ");
        md_text(b, sec->sector, 1);
        for (int s = 0; s < 2; s++) {
            vp_buf_puts(b, " | ");
            int first = 1;
            for (size_t k = 0; k < sec->n; k++) {
                if (!sec->agencies[k]->in[s])
                    continue;
                vp_buf_puts(b, first ? "" : "; ");
                md_text(b, sec->agencies[k]->label, 1);
                first = 0;
            }
        }
        vp_buf_puts(b, " |\n");
    }
    if (!rows)
        vp_buf_puts(b, "No agency of one plan is met by another of its sector in the other.\n");
}

static void references(vp_buf *b, const vnplan_diff *df)
{
    static const char *const heads[3] = {"Cited by both", "Only in A", "Only in B"};
    vp_buf_puts(b, "\n## References\n");
    for (int which = 0; which < 3; which++) {
        size_t n = 0;
        for (size_t i = 0; i < df->nrefs; i++) {
            const vp_diff_ref *r = &df->refs[i];
            n += (r->mentions[0] && r->mentions[1] ? 0 : r->mentions[0] ? 1 : 2) == which;
        }
        vp_buf_printf(b, "\n### %s (%zu)\n\n", heads[which], n);
        if (!n) {
            vp_buf_puts(b, "None.\n");
            continue;
        }
        vp_buf_puts(b, "| Reference | Type | Mentions in A | Mentions in B |\n|---|---|--:|--:|\n");
        for (size_t i = 0; i < df->nrefs; i++) {
            const vp_diff_ref *r = &df->refs[i];
            if ((r->mentions[0] && r->mentions[1] ? 0 : r->mentions[0] ? 1 : 2) != which)
                continue;
            vp_buf_puts(b, "| ");
            md_clipped(b, r->name, CELL_CHARS, 1);
            vp_buf_puts(b, " | ");
            md_text(b, r->type ? r->type : "—", 1);
            vp_buf_printf(b, " | %d | %d |\n", r->mentions[0], r->mentions[1]);
        }
    }
}

static void reporting(vp_buf *b, const vnplan_diff *df)
{
    const vnplan_document *sides[2] = {df->da, df->db};
    vp_buf_puts(b, "\n## Reporting duties\n");
    for (int s = 0; s < 2; s++) {
        const vnplan_document *d = sides[s];
        vp_buf_printf(b, "\n### %c (%zu)\n\n", s ? 'B' : 'A', d->nreporting);
        if (!d->nreporting) {
            vp_buf_puts(b, "None found.\n");
            continue;
        }
        vp_buf_puts(b, "| Line | Frequency | Due | To | Text |\n|--:|---|---|---|---|\n");
        for (size_t i = 0; i < d->nreporting; i++) {
            const vp_doc_reporting *r = &d->reporting[i];
            vp_buf_printf(b, "| %ld | ", r->line);
            md_text(b, r->frequency ? r->frequency : "—", 1);
            vp_buf_puts(b, " | ");
            md_text(b, r->due ? r->due : "—", 1);
            vp_buf_puts(b, " | ");
            md_text(b, r->to ? r->to : "?", 1);
            vp_buf_puts(b, " | ");
            md_clipped(b, r->text ? r->text : "", CELL_CHARS, 1);
            vp_buf_puts(b, " |\n");
        }
    }
}

char *vp_render_diff_markdown(const vnplan_diff *df)
{
    vp_buf b;
    vp_buf_init(&b);
    const vnplan_document *da = df->da, *db = df->db;
    const char *na = field(da, VNPLAN_FIELD_NUMBER), *nb = field(db, VNPLAN_FIELD_NUMBER);
    const char *pa = field(da, VNPLAN_FIELD_PROVINCE), *pb = field(db, VNPLAN_FIELD_PROVINCE);
    const char *ya = field(da, VNPLAN_FIELD_DATE), *yb = field(db, VNPLAN_FIELD_DATE);

    vp_buf_puts(&b, "# Plan comparison: ");
    md_text(&b, na ? na : "?", 0);
    vp_buf_puts(&b, " (");
    md_text(&b, pa ? pa : "?", 0);
    if (ya) {
        vp_buf_puts(&b, ", ");
        md_text(&b, ya, 0);
    }
    vp_buf_puts(&b, ") and ");
    md_text(&b, nb ? nb : "?", 0);
    vp_buf_puts(&b, " (");
    md_text(&b, pb ? pb : "?", 0);
    if (yb) {
        vp_buf_puts(&b, ", ");
        md_text(&b, yb, 0);
    }
    vp_buf_puts(&b, ")\n\n");
    vp_buf_puts(&b, "| Side | Number | Province | Date | Tasks | Title | File |\n"
                    "|---|---|---|---|--:|---|---|\n");
    side_row(&b, "A", df->pa, da);
    side_row(&b, "B", df->pb, db);
    vp_buf_puts(&b, "\nFramework: ");
    if (df->framework) {
        md_code(&b, df->framework, 0);
    } else
        vp_buf_puts(&b, "none (every task is unclassified)");
    vp_buf_printf(&b, ". Tasks are paired when their similarity is at least %.2f; "
                      "\"same wording\" marks pairs at %.2f or more.\n",
                  df->threshold, 0.90);

    /* Coverage. */
    vp_buf_puts(&b, "\n## Coverage\n\n| Category | A | B | Pairs | Only A | Only B |\n"
                    "|---|--:|--:|--:|--:|--:|\n");
    for (size_t i = 0; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        if (!c->category && !c->na && !c->nb)
            continue;
        vp_buf_puts(&b, "| ");
        md_text(&b, cat_label(c), 1);
        if (c->category) {
            vp_buf_puts(&b, " (");
            md_code(&b, c->category->id, 1);
            vp_buf_puts(&b, ")");
        }
        vp_buf_printf(&b, " | %zu | %zu | %zu | %zu | %zu |\n", c->na, c->nb, c->npairs,
                      c->nonly_a, c->nonly_b);
    }

    /* Categories. */
    for (size_t i = 0; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        if (!c->na && !c->nb)
            continue;
        vp_buf_puts(&b, "\n## ");
        md_text(&b, cat_label(c), 0);
        if (c->category) {
            vp_buf_puts(&b, " (");
            md_code(&b, c->category->id, 0);
            vp_buf_puts(&b, ")");
        }
        vp_buf_printf(&b, "\n\nA %zu tasks, B %zu tasks, %zu paired.\n", c->na, c->nb,
                      c->npairs);
        if (c->npairs) {
            vp_buf_printf(&b, "\n### Paired (%zu)\n\n", c->npairs);
            vp_buf_puts(&b, "| Score | A | B | Text in A | Text in B |\n"
                            "|--:|---|---|---|---|\n");
            for (size_t k = 0; k < c->npairs; k++) {
                const vp_diff_pair *p = &c->pairs[k];
                vp_buf_printf(&b, "| %.2f", p->score);
                if (p->verbatim)
                    vp_buf_puts(&b, "<br>same wording");
                if (p->moved) {
                    vp_buf_puts(&b, "<br>moved: B files it under ");
                    md_code(&b, p->b->pillar.category ? p->b->pillar.category->id
                                                      : "none", 1);
                }
                vp_buf_puts(&b, " | ");
                where(&b, p->a);
                vp_buf_puts(&b, " | ");
                where(&b, p->b);
                vp_buf_puts(&b, " | ");
                md_clipped(&b, p->a->text, CELL_CHARS, 1);
                vp_buf_puts(&b, " | ");
                md_clipped(&b, p->b->text, CELL_CHARS, 1);
                vp_buf_puts(&b, " |\n");
            }
        }
        if (c->nonly_a) {
            vp_buf_printf(&b, "\n### Only in A (%zu)\n\n", c->nonly_a);
            for (size_t k = 0; k < c->nonly_a; k++)
                task_item(&b, c->only_a[k]);
        }
        if (c->nonly_b) {
            vp_buf_printf(&b, "\n### Only in B (%zu)\n\n", c->nonly_b);
            for (size_t k = 0; k < c->nonly_b; k++)
                task_item(&b, c->only_b[k]);
        }
    }

    agencies(&b, df);
    references(&b, df);
    reporting(&b, df);

    vp_buf_puts(&b, "\n## Summary\n\n");
    vp_buf_printf(&b, "- %zu pairs: %zu with the same wording, %zu filed under different "
                      "pillars\n",
                  df->npairs, df->verbatim, df->moved);
    vp_buf_printf(&b, "- %zu tasks only in A, %zu only in B\n", df->only[0], df->only[1]);
    vp_buf_printf(&b, "- %zu agencies named, %zu references cited, reporting duties: A %zu, "
                      "B %zu\n",
                  df->nagencies, df->nrefs, da->nreporting, db->nreporting);
    vp_buf_printf(&b, "\n**%s.**\n", df->differs ? "The plans differ" : "No differences");
    return vp_buf_detach(&b);
}
