/* diff_markdown.c — plandiff's report as CommonMark with GitHub
 * tables, for a wiki page or a pull request: the two plans, a coverage
 * table (the pillars; the framework's other parts in a table of their
 * own), then each category with a table of its pairs (both texts, cut at
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
#include "core/i18n.h"
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

/* A pillar (or objective) of the framework, not one of its other parts
 * nor the unclassified. */
static int pillar(const vp_diff_cat *c) { return c->category && c->category->is_pillar; }

static const char *field(const vnplan_document *d, vnplan_field f)
{
    return d->fields[f] ? d->fields[f] : NULL;
}

/* "T12 · III.2 · line 79" */
static void where(vp_buf *b, const vnplan_task *t)
{
    vp_buf_puts(b, "**");
    md_text(b, t->id, 1);
    vp_buf_puts(b, "** · ");
    md_text(b, t->section, 1);
    vp_buf_printf(b, _(" · line %ld"), t->line);
}

/* The related tasks of an item, on a line of its own inside it. */
static void related_item(vp_buf *b, const vnplan_diff *df, int side, const vnplan_task *t)
{
    vp_buf l;
    vp_buf_init(&l);
    vp_diff_related_text(df, side, t, &l);
    vp_buf_puts(b, "  *");
    md_text(b, l.data ? l.data : "", 0);
    vp_buf_puts(b, "*\n");
    if (l.failed)
        b->failed = 1;
    vp_buf_free(&l);
}

static void task_item(vp_buf *b, const vnplan_diff *df, int side, const vnplan_task *t)
{
    const char *lead = vp_diff_lead(df, side, t);
    vp_buf_puts(b, "- ");
    where(b, t);
    vp_buf_puts(b, _(" — lead: "));
    if (lead)
        md_text(b, lead, 0);
    else
        vp_buf_puts(b, _("*none named*"));
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

static void side_row(vp_buf *b, const vnplan_diff *df, int side)
{
    const char *tag = side ? "B" : "A";
    const vnplan_plan *p = side ? df->pb : df->pa;
    const vnplan_document *d = side ? df->db : df->da;
    const char *s;
    vp_buf_printf(b, "| %s | ", tag);
    md_text(b, (s = field(d, VNPLAN_FIELD_NUMBER)) ? s : "?", 1);
    vp_buf_puts(b, " | ");
    md_text(b, (s = field(d, VNPLAN_FIELD_PROVINCE)) ? s : "?", 1);
    vp_buf_puts(b, " | ");
    md_text(b, (s = field(d, VNPLAN_FIELD_DATE)) ? s : "", 1);
    vp_buf_printf(b, " | %zu | ", df->summary->total.tasks[side]);
    md_clipped(b, (s = field(d, VNPLAN_FIELD_TITLE)) ? s : "", CELL_CHARS, 1);
    vp_buf_puts(b, " | ");
    md_code(b, p->path ? p->path : "-", 1);
    vp_buf_puts(b, " |\n");
}

static void agencies(vp_buf *b, const vnplan_diff *df)
{
    static const char *const heads[3] = {N_("Named by both"), N_("Only in A"), N_("Only in B")};
    vp_buf_puts(b, _("\n## Agencies\n\n"
                   "Agencies the tasks name (lead, coordinating or requested), matched by the "
                   "gazetteer's canonical id; *leads* counts the tasks each one leads.\n"));
    const vp_diff_summary *sum = df->summary;
    for (int w = 0; w < 3; w++) {
        size_t n = sum->nagencies[w];
        vp_buf_printf(b, "\n### %s (%zu)\n\n", _(heads[w]), n);
        if (!n) {
            vp_buf_puts(b, _("None.\n"));
            continue;
        }
        vp_buf_puts(b, _("| Agency | Sector | Leads in A | Leads in B |\n|---|---|--:|--:|\n"));
        for (size_t i = 0; i < n; i++) {
            const vp_diff_agency *a = sum->agencies[w][i];
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
    vp_buf_puts(b, _("\n### Met by sector\n\n"));
    size_t rows = df->nsectors;
    for (size_t i = 0; i < df->nsectors; i++) {
        const vp_diff_sector *sec = &df->sectors[i];
        if (i == 0)
            vp_buf_puts(b, _("| Sector | In A | In B |\n|---|---|---|\n"));
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
        vp_buf_puts(b, _("No agency of one plan is met by another of its sector in the other.\n"));
}

static void references(vp_buf *b, const vnplan_diff *df)
{
    static const char *const heads[3] = {N_("Cited by both"), N_("Only in A"), N_("Only in B")};
    vp_buf_puts(b, _("\n## References\n"));
    const vp_diff_summary *sum = df->summary;
    for (int w = 0; w < 3; w++) {
        size_t n = sum->nrefs[w];
        vp_buf_printf(b, "\n### %s (%zu)\n\n", _(heads[w]), n);
        if (!n) {
            vp_buf_puts(b, _("None.\n"));
            continue;
        }
        vp_buf_puts(b, _("| Reference | Type | Mentions in A | Mentions in B |\n|---|---|--:|--:|\n"));
        for (size_t i = 0; i < n; i++) {
            const vp_diff_ref *r = sum->refs[w][i];
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
    vp_buf_puts(b, _("\n## Reporting duties\n"));
    for (int s = 0; s < 2; s++) {
        const vnplan_document *d = sides[s];
        vp_buf_printf(b, "\n### %c (%zu)\n\n", s ? 'B' : 'A', df->summary->reporting[s]);
        if (!d->nreporting) {
            vp_buf_puts(b, _("None found.\n"));
            continue;
        }
        vp_buf_puts(b, _("| Line | Frequency | Due | To | Text |\n|--:|---|---|---|---|\n"));
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
    const vp_diff_summary *sum = df->summary;
    vp_buf b;
    vp_buf_init(&b);
    const vnplan_document *da = df->da, *db = df->db;
    const char *na = field(da, VNPLAN_FIELD_NUMBER), *nb = field(db, VNPLAN_FIELD_NUMBER);
    const char *pa = field(da, VNPLAN_FIELD_PROVINCE), *pb = field(db, VNPLAN_FIELD_PROVINCE);
    const char *ya = field(da, VNPLAN_FIELD_DATE), *yb = field(db, VNPLAN_FIELD_DATE);

    vp_buf_puts(&b, _("# Plan comparison: "));
    md_text(&b, na ? na : "?", 0);
    vp_buf_puts(&b, " (");
    md_text(&b, pa ? pa : "?", 0);
    if (ya) {
        vp_buf_puts(&b, ", ");
        md_text(&b, ya, 0);
    }
    vp_buf_puts(&b, _(") and "));
    md_text(&b, nb ? nb : "?", 0);
    vp_buf_puts(&b, " (");
    md_text(&b, pb ? pb : "?", 0);
    if (yb) {
        vp_buf_puts(&b, ", ");
        md_text(&b, yb, 0);
    }
    vp_buf_puts(&b, ")\n\n");
    vp_buf_puts(&b, _("| Side | Number | Province | Date | Tasks | Title | File |\n"
                    "|---|---|---|---|--:|---|---|\n"));
    side_row(&b, df, 0);
    side_row(&b, df, 1);
    vp_buf_puts(&b, _("\nFramework: "));
    if (df->framework) {
        const char *why = vp_diff_reason_tr(vp_diff_framework_reason(df));
        md_code(&b, df->framework, 0);
        if (why)
            vp_buf_printf(&b, " (%s)", why);
        for (int s = 0; s < 2; s++)
            if (df->mapped_from[s]) {
                vp_buf_printf(&b, _("; %c's categories ("), s ? 'B' : 'A');
                md_code(&b, df->mapped_from[s], 0);
                vp_buf_puts(&b, _(") mapped through its crosswalk"));
            }
    } else
        vp_buf_puts(&b, _("none (every task is unclassified)"));
    vp_buf_printf(&b, _(". Tasks are paired when their similarity is at least %.2f; "
                      "\"same wording\" marks pairs at %.2f or more.\n"),
                  df->threshold, VP_VERBATIM);

    /* Coverage. */
    /* The pillars, then the framework's other parts (and the unclassified)
     * in a table of their own. */
    vp_buf_puts(&b, "\n## ");
    vp_buf_puts(&b, _("Coverage"));
    vp_buf_puts(&b, "\n");
    for (size_t g = 0, i = 0, rows = 0; g < 2; g++, i = 0, rows = 0)
    for (; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        const vp_diff_counts *n = &sum->cats[i];
        if ((!c->category && !n->tasks[0] && !n->tasks[1]) || pillar(c) != !g)
            continue;
        if (!rows++) {
            if (g)
                vp_buf_printf(&b, "\n### %s\n", _("Other parts (not pillars)"));
            vp_buf_puts(&b, _("\n| Category | A | B | Pairs | Only A | Only B |\n"
                              "|---|--:|--:|--:|--:|--:|\n"));
        }
        vp_buf_puts(&b, "| ");
        md_text(&b, vp_diff_cat_label(c), 1);
        if (c->category) {
            vp_buf_puts(&b, " (");
            md_code(&b, c->category->id, 1);
            vp_buf_puts(&b, ")");
        }
        vp_buf_printf(&b, " | %zu | %zu | %zu | %zu | %zu |\n", n->tasks[0], n->tasks[1],
                      n->pairs, n->only[0], n->only[1]);
    }

    /* Categories, the pillars first. */
    for (size_t g = 0, i = 0; g < 2; g++, i = 0)
    for (; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        const vp_diff_counts *n = &sum->cats[i];
        if ((!n->tasks[0] && !n->tasks[1]) || pillar(c) != !g)
            continue;
        vp_buf_puts(&b, "\n## ");
        md_text(&b, vp_diff_cat_label(c), 0);
        if (c->category) {
            vp_buf_puts(&b, " (");
            md_code(&b, c->category->id, 0);
            vp_buf_puts(&b, ")");
        }
        vp_buf_printf(&b, _("\n\nA %zu tasks, B %zu tasks, %zu paired.\n"), n->tasks[0],
                      n->tasks[1], n->pairs);
        vp_buf subj;
        vp_buf_init(&subj);
        if (vp_diff_subjects_text(df, c, &subj) && subj.data) {
            vp_buf_puts(&b, "\n");
            md_text(&b, subj.data, 0);
            vp_buf_puts(&b, "\n");
        }
        if (subj.failed)
            b.failed = 1;
        vp_buf_free(&subj);
        if (n->pairs) {
            vp_buf_printf(&b, _("\n### Paired (%zu)\n\n"), n->pairs);
            vp_buf_puts(&b, _("| Score | A | B | Text in A | Text in B |\n"
                            "|--:|---|---|---|---|\n"));
            for (size_t k = 0; k < c->npairs; k++) {
                const vp_diff_pair *p = &c->pairs[k];
                vp_buf_printf(&b, "| %.2f", p->score);
                if (p->verbatim)
                    vp_buf_puts(&b, _("<br>same wording"));
                if (p->moved) {
                    const vp_category *cb = vp_diff_category(df, 1, p->b);
                    vp_buf_puts(&b, _("<br>moved: B files it under "));
                    md_code(&b, cb ? cb->id : _("none"), 1);
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
        if (n->only[0]) {
            vp_buf_printf(&b, _("\n### Only in A (%zu)\n\n"), n->only[0]);
            for (size_t k = 0; k < c->nonly_a; k++) {
                task_item(&b, df, 0, c->only_a[k]);
                related_item(&b, df, 0, c->only_a[k]);
            }
        }
        if (n->only[1]) {
            vp_buf_printf(&b, _("\n### Only in B (%zu)\n\n"), n->only[1]);
            for (size_t k = 0; k < c->nonly_b; k++) {
                task_item(&b, df, 1, c->only_b[k]);
                related_item(&b, df, 1, c->only_b[k]);
            }
        }
    }

    agencies(&b, df);
    references(&b, df);
    reporting(&b, df);

    const vp_diff_counts *t = &sum->total;
    vp_buf_puts(&b, _("\n## Summary\n\n"));
    vp_buf_printf(&b, _("- %zu pairs: %zu with the same wording, %zu filed under different "
                      "pillars\n"),
                  t->pairs, t->verbatim, t->moved);
    vp_buf_printf(&b, _("- %zu tasks only in A, %zu only in B\n"), t->only[0], t->only[1]);
    vp_buf_printf(&b, _("- Gaps (nothing related in the other plan): %zu in A, %zu in B; %zu "
                        "related tasks\n"),
                  t->gaps[0], t->gaps[1], t->links);
    vp_buf_printf(&b, _("- Agencies: %zu named by both, %zu only by A, %zu only by B; %zu sectors "
                      "met by different agencies\n"),
                  sum->nagencies[VP_IN_BOTH], sum->nagencies[VP_ONLY_A],
                  sum->nagencies[VP_ONLY_B], sum->sectors);
    vp_buf_printf(&b, _("- References: %zu cited by both, %zu only by A, %zu only by B\n"),
                  sum->nrefs[VP_IN_BOTH], sum->nrefs[VP_ONLY_A], sum->nrefs[VP_ONLY_B]);
    vp_buf_printf(&b, _("- Reporting duties: A %zu, B %zu; targets: A %zu, B %zu\n"),
                  sum->reporting[0], sum->reporting[1], sum->targets[0], sum->targets[1]);
    vp_buf_printf(&b, "\n**%s.**\n", df->differs ? _("The plans differ") : _("No differences"));
    return vp_buf_detach(&b);
}
