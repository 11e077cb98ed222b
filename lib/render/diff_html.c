/* diff_html.c — plandiff's report as one self-contained HTML5 page:
 * UTF-8, inline CSS, a bar chart in HTML and CSS, no script, no fonts or
 * images fetched from anywhere, so the file can be mailed or archived as
 * it is.  Responsive from a 360 px phone to a desktop: fluid widths, every
 * table in its own horizontal scroller (the page itself never scrolls
 * sideways), the plans and the pairs stacked on narrow screens, long
 * words broken anywhere.
 *
 * Layout: the two plans; coverage (a grouped bar chart, A against B for
 * each category, and the same numbers as a table — the pillars first, the
 * framework's other parts apart after them); each category with its
 * pairs side by side — the words only one text has marked <del> (A) and
 * <ins> (B) as the comparison found them — and the tasks only one plan has, each
 * with the evidence for its pillar in a <details>; then agencies,
 * references, reporting duties and a summary.
 *
 * Every string from a plan goes through esc(), which escapes & < > " ' and
 * turns control characters into spaces.  The page avoids HTML5 elements
 * that add nothing here (section, nav, mark ...) so that older HTML
 * parsers, libxml2's among them, only meet the unavoidable details and
 * summary as unknown. */
#include "config.h"
#include "extract/agencies.h"
#include "compare/align.h"
#include "core/buf.h"
#include "compare/compare.h"
#include "render/render.h"
#include "core/i18n.h"
#include "core/unicode.h"
#include <stdio.h>
#include <string.h>

static void esc_n(vp_buf *b, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
                rep = " ";
        }
        if (rep) {
            vp_buf_append(b, s + from, i - from);
            vp_buf_puts(b, rep);
            from = i + 1;
        }
    }
    vp_buf_append(b, s + from, n - from);
}

static void esc(vp_buf *b, const char *s)
{
    if (s)
        esc_n(b, s, strlen(s));
}

static void esc_clipped(vp_buf *b, const char *s, size_t chars)
{
    int cut;
    size_t n = vp_clip_len(s, chars, &cut);
    esc_n(b, s, n);
    if (cut)
        vp_buf_puts(b, " …");
}

static const char *field(const vnplan_document *d, vnplan_field f) { return d->fields[f]; }

static const char *cat_label(const vp_diff_cat *c) { return vp_diff_cat_label(c); }

/* An id attribute value from a category id: letters, digits, "-", "_". */
static void anchor(vp_buf *b, const vp_diff_cat *c, size_t i)
{
    if (!c->category) {
        vp_buf_puts(b, "cat-none");
        return;
    }
    vp_buf_puts(b, "cat-");
    int any = 0;
    for (const char *p = c->category->id; *p; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_') {
            vp_buf_putc(b, *p);
            any = 1;
        }
    if (!any)
        vp_buf_printf(b, "%zu", i);
}

static const char STYLE[] =
    ":root{--a:#2563a8;--a-soft:#e4edf8;--b:#c0651a;--b-soft:#fbeee2;--ink:#1c2430;"
    "--muted:#5b6674;--line:#d8dde4;--head:#eef1f5}\n"
    "*{box-sizing:border-box}\n"
    "html{background:#f3f4f6}\n"
    "body{margin:0;color:var(--ink);overflow-wrap:break-word;font:15px/1.55 \"Noto Sans\",\"DejaVu Sans\",\"Segoe UI\","
    "Roboto,Arial,sans-serif}\n"
    ".page{max-width:1240px;margin:0 auto;padding:28px 32px 48px;background:#fff;"
    "box-shadow:0 0 0 1px var(--line)}\n"
    "h1{font-size:25px;line-height:1.3;margin:0 0 14px}\n"
    "h2{font-size:20px;line-height:1.35;margin:40px 0 10px;padding-bottom:5px;"
    "border-bottom:2px solid var(--line)}\n"
    "h3{font-size:15px;margin:22px 0 8px;color:var(--muted);text-transform:uppercase;"
    "letter-spacing:.04em}\n"
    "a{color:var(--a)}\n"
    "table{border-collapse:collapse;width:100%;margin:8px 0 18px}\n"
    ".scroll{overflow-x:auto;max-width:100%;margin:8px 0 18px}\n"
    ".scroll>table{margin:0}\n"
    "tr.group th{background:#fff;border-left:0;border-right:0;padding-top:14px;"
    "color:var(--muted);text-transform:uppercase;letter-spacing:.04em;font-size:13px}\n"
    "th,td{border:1px solid var(--line);padding:6px 9px;vertical-align:top;text-align:left}\n"
    "th{background:var(--head);font-weight:600;font-size:14px}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;"
    "overflow-wrap:normal}\n"
    ".code{font-family:\"DejaVu Sans Mono\",Consolas,monospace;font-size:13px;color:var(--muted);"
    "font-weight:normal;overflow-wrap:anywhere}\n"
    ".plans td.code{min-width:12em}\n"
    ".side{display:inline-block;min-width:1.7em;padding:0 6px;border-radius:4px;color:#fff;"
    "font-weight:700;text-align:center;font-size:13px}\n"
    ".side.a{background:var(--a)}.side.b{background:var(--b)}\n"
    ".plans td:first-child{width:3em;text-align:center}\n"
    ".plans td:nth-child(2){white-space:nowrap}\n"
    ".verdict{font-size:16px;font-weight:600;padding:10px 14px;border-radius:6px;"
    "background:#fff4e0;border:1px solid #f0c98a}\n"
    ".verdict.same{background:#e6f4ea;border-color:#9fd3ad}\n"
    ".toc{columns:2;margin:6px 0 0;padding-left:20px}\n"
    ".chart{max-width:980px;margin:6px 0 14px}\n"
    ".chart .legend{display:flex;flex-wrap:wrap;gap:4px 20px;margin:0 0 6px;font-size:14px}\n"
    ".chart .key{display:inline-block;width:12px;height:12px;border-radius:2px;"
    "margin-right:6px;vertical-align:-1px}\n"
    ".chart .key.a,.chart .bar.a span{background:var(--a)}\n"
    ".chart .key.b,.chart .bar.b span{background:var(--b)}\n"
    ".chart .group{font-size:13px;font-weight:600;color:var(--muted);text-transform:uppercase;"
    "letter-spacing:.04em;margin:14px 0 6px;padding-bottom:2px;border-bottom:1px solid "
    "var(--line)}\n"
    ".chart .row{margin:0 0 10px}\n"
    ".chart .label{font-size:14px;line-height:1.35}\n"
    ".chart .count{color:var(--muted);font-size:13px}\n"
    ".chart .bar{display:flex;align-items:center;gap:6px;height:16px;margin:3px 0}\n"
    ".chart .bar span{display:block;height:100%;border-radius:2px;flex:0 1 auto}\n"
    ".chart .bar b{font-weight:normal;font-size:12px;color:var(--muted);white-space:nowrap}\n"
    ".counts{color:var(--muted);margin:0 0 6px}\n"
    ".pairs td.text{width:43%}\n"
    ".pairs td.score{width:9em}\n"
    ".meta{font-size:13px;color:var(--muted);margin-bottom:4px}\n"
    ".tid{font-weight:700;color:var(--ink)}\n"
    ".lead{color:var(--ink)}\n"
    ".badge{display:inline-block;padding:0 7px;border-radius:10px;font-size:12px;"
    "margin:3px 0 0;white-space:nowrap}\n"
    ".badge.same{background:#e3f3e6;color:#1d6a30}\n"
    ".badge.moved{background:#fde9cf;color:#864806}\n"
    ".meter{display:block;height:5px;background:var(--line);border-radius:3px;margin:4px 0 2px}\n"
    ".meter span{display:block;height:5px;border-radius:3px;background:#4b8a5c}\n"
    "del{background:#fde0df;color:#8e1c19;text-decoration:none}\n"
    "ins{background:#d9f2df;color:#145a26;text-decoration:none}\n"
    "details{margin-top:6px;font-size:13px}\n"
    "summary{cursor:pointer;color:var(--muted)}\n"
    "details p,details ul{margin:4px 0 0}\n"
    ".cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:18px}\n"
    ".tasks{list-style:none;padding:0;margin:0}\n"
    ".tasks li{border-left:4px solid var(--line);padding:5px 10px;margin:0 0 8px;"
    "background:#fafbfc}\n"
    ".tasks.a li{border-left-color:var(--a)}.tasks.b li{border-left-color:var(--b)}\n"
    ".tasks details{margin-top:0;font-size:14px}\n"
    ".tasks summary{color:var(--ink)}\n"
    ".none{color:var(--muted);font-style:italic}\n"
    ".subjects{color:var(--muted);margin:.2em 0 .6em}\n"
    ".related{color:var(--muted);margin:.2em 0 0}\n"
    ".gap{font-weight:bold;margin:.2em 0 0}\n"
    ".status{white-space:nowrap}\n"
    ".foot{margin-top:40px;color:var(--muted);font-size:13px}\n"
    "@media (max-width:760px){.cols{grid-template-columns:minmax(0,1fr)}.toc{columns:1}}\n"
    /* Narrow screens: less padding; the plans and the pairs stacked, a
     * row a card, each cell named by its data-label. */
    "@media (max-width:640px){.page{padding:16px 12px 32px}h1{font-size:21px}"
    "h2{font-size:18px;margin-top:30px}th,td{padding:5px 6px}"
    ".plans,.plans tbody,.plans tr,.plans td,.pairs,.pairs tbody,.pairs tr,.pairs td"
    "{display:block;width:auto}"
    ".plans thead,.pairs thead{display:none}"
    ".plans tr,.pairs tr{border:1px solid var(--line);margin:0 0 10px}"
    ".plans td,.pairs td{border:0;border-top:1px solid var(--line)}"
    ".plans td:first-child,.pairs td:first-child{border-top:0;text-align:left;width:auto}"
    ".plans td.num{text-align:left}"
    ".plans td[data-label]::before{content:attr(data-label) \": \";color:var(--muted)}"
    ".pairs td.text,.pairs td.score{width:auto}}\n";

/* ------------------------------------------------------------- pieces */

/* The evidence that put a task in its category of the comparison: that
 * of its plan's own classification, and the crosswalk when that was by
 * another framework. */
static void evidence(vp_buf *b, const vnplan_diff *df, int side, const vnplan_task *t)
{
    const vp_pillar *p = &t->pillar;
    const vp_category *c = vp_diff_category(df, side, t);
    vp_buf_puts(b, _("<details><summary>Why "));
    if (c) {
        vp_buf_puts(b, "<span class=\"code\">");
        esc(b, c->id);
        vp_buf_puts(b, "</span>");
    } else
        vp_buf_puts(b, _("no pillar"));
    vp_buf_puts(b, "</summary>");
    if (p->category && df->mapped_from[side]) {
        vp_buf_puts(b, _("<p>Its plan, classified by <span class=\"code\">"));
        esc(b, df->mapped_from[side]);
        vp_buf_puts(b, _("</span>, files it under <span class=\"code\">"));
        esc(b, p->category->id);
        vp_buf_puts(b, "</span>; ");
        if (c) {
            vp_buf_puts(b, _("the crosswalk of <span class=\"code\">"));
            esc(b, df->framework);
            vp_buf_puts(b, _("</span> maps that to <span class=\"code\">"));
            esc(b, c->id);
            vp_buf_puts(b, "</span>.</p>");
        } else
            vp_buf_puts(b, _("the crosswalk maps that to no category.</p>"));
    }
    if (!p->category)
        vp_buf_puts(b, _("<p>Neither a heading above this task nor the framework's lexicon "
                       "names a category.</p>"));
    else if (p->basis && strcmp(p->basis, "heading") == 0) {
        /* The heading that names the category may be an ancestor's: the
         * evidence below gives its line. */
        vp_buf_puts(b, _("<p>Basis: <b>heading</b> — a heading over this task (section "));
        esc(b, t->section);
        vp_buf_puts(b, _(") names “"));
        esc(b, p->category->label_vi);
        vp_buf_puts(b, "”.</p>");
    } else {
        vp_buf_puts(b, _("<p>Basis: <b>"));
        esc(b, p->basis ? p->basis : _("lexicon"));
        vp_buf_printf(b, _("</b>, score %.2f"), p->score);
        if (p->tie)
            vp_buf_puts(b, _("; another category scored the same"));
        if (p->low)
            vp_buf_puts(b, _("; below the confidence bar"));
        vp_buf_puts(b, ".</p>");
    }
    if (p->nevidence) {
        vp_buf_puts(b, "<ul>");
        for (size_t i = 0; i < p->nevidence; i++) {
            vp_buf_puts(b, "<li>“");
            esc(b, p->terms[i]);
            vp_buf_puts(b, "”");
            if (p->lines && p->lines[i] > 0)
                vp_buf_printf(b, _(" — line %ld"), p->lines[i]);
            vp_buf_puts(b, "</li>");
        }
        vp_buf_puts(b, "</ul>");
    }
    vp_buf_puts(b, "</details>");
}

/* "T12 · III.2 · line 79 · lead: Sở …" */
static void meta(vp_buf *b, const vnplan_diff *df, int side, const vnplan_task *t)
{
    const char *lead = vp_diff_lead(df, side, t);
    vp_buf_puts(b, "<span class=\"tid\">");
    esc(b, t->id);
    vp_buf_puts(b, "</span> · ");
    esc(b, t->section);
    vp_buf_printf(b, _(" · line %ld · lead: "), t->line);
    if (lead) {
        vp_buf_puts(b, "<span class=\"lead\">");
        esc(b, lead);
        vp_buf_puts(b, "</span>");
    } else
        vp_buf_puts(b, _("<span class=\"none\">none named</span>"));
}

/* s[from..to) inside <tag>, the trailing white space left outside so
 * marks hug the words. */
static void marked(vp_buf *b, const char *tag, const char *s, size_t from, size_t to)
{
    size_t end = to;
    while (end > from && (s[end - 1] == ' ' || s[end - 1] == '\n' || s[end - 1] == '\t'))
        end--;
    if (end > from) {
        vp_buf_printf(b, "<%s>", tag);
        esc_n(b, s + from, end - from);
        vp_buf_printf(b, "</%s>", tag);
    }
    esc_n(b, s + end, to - end);
}

/* The text of one side of a pair, its own words marked. */
static void pair_text(vp_buf *b, const vnplan_task *t, int side, const vp_diff_run *runs,
                      size_t nruns)
{
    if (!runs) {
        esc(b, t->text);
        return;
    }
    for (size_t i = 0; i < nruns; i++) {
        const vp_diff_run *r = &runs[i];
        size_t from = side ? r->b_start : r->a_start, to = side ? r->b_end : r->a_end;
        if (r->kind == 0)
            esc_n(b, t->text + from, to - from);
        else if (r->kind == 1 + side)
            marked(b, side ? "ins" : "del", t->text, from, to);
    }
}

static void pairs_table(vp_buf *b, const vnplan_diff *df, const vp_diff_cat *c)
{
    vp_buf_puts(b, "<div class=\"scroll\">");
    vp_buf_puts(b, _("<table class=\"pairs\"><thead><tr><th>Score</th><th><span class=\"side "
                   "a\">A</span> "));
    esc(b, field(df->da, VNPLAN_FIELD_NUMBER));
    vp_buf_puts(b, _(" — words only A has <del class=\"key\">marked</del></th>"
                   "<th><span class=\"side b\">B</span> "));
    esc(b, field(df->db, VNPLAN_FIELD_NUMBER));
    vp_buf_puts(b, _(" — words only B has <ins class=\"key\">marked</ins></th></tr></thead>\n"
                   "<tbody>\n"));
    for (size_t k = 0; k < c->npairs; k++) {
        const vp_diff_pair *p = &c->pairs[k];
        const vp_diff_words *w = vp_diff_pair_words(df, p);
        const vp_diff_run *runs = w ? w->runs : NULL;
        size_t nruns = w ? w->nruns : 0;
        double pct = p->score < 0 ? 0 : p->score > 1 ? 100 : p->score * 100;
        vp_buf_printf(b, "<tr><td class=\"score\"><b>%.2f</b><span class=\"meter\" "
                         "title=\"similarity %.2f\"><span style=\"width:%.0f%%\"></span></span>",
                      p->score, p->score, pct);
        if (p->verbatim)
            vp_buf_puts(b, _("<span class=\"badge same\" title=\"near-identical wording, "
                           "likely shared national text\">same wording</span><br>"));
        if (p->moved) {
            const vp_category *cb = vp_diff_category(df, 1, p->b);
            vp_buf_puts(b, _("<span class=\"badge moved\" title=\"B files this task under "));
            esc(b, cb ? cb->label_vi : _("no pillar"));
            vp_buf_puts(b, _("\">moved</span><div class=\"meta\">B files it under <span "
                           "class=\"code\">"));
            esc(b, cb ? cb->id : _("no pillar"));
            vp_buf_puts(b, "</span></div>");
        }
        vp_buf_puts(b, "</td>\n<td class=\"text\"><div class=\"meta\"><span class=\"side a\">A"
                       "</span> ");
        meta(b, df, 0, p->a);
        vp_buf_puts(b, "</div>");
        pair_text(b, p->a, 0, runs, nruns);
        evidence(b, df, 0, p->a);
        vp_buf_puts(b, "</td>\n<td class=\"text\"><div class=\"meta\"><span class=\"side b\">B"
                       "</span> ");
        meta(b, df, 1, p->b);
        vp_buf_puts(b, "</div>");
        pair_text(b, p->b, 1, runs, nruns);
        evidence(b, df, 1, p->b);
        vp_buf_puts(b, "</td></tr>\n");
    }
    vp_buf_puts(b, "</tbody></table></div>\n");
}

/* The tasks of category `cat` only side s has. */
static void only_list(vp_buf *b, const vnplan_diff *df, size_t cat, int s)
{
    const vp_diff_cat *c = &df->cats[cat];
    const vnplan_task *const *v = s ? c->only_b : c->only_a;
    size_t n = df->summary->cats[cat].only[s];
    const char *side = s ? "b" : "a";
    vp_buf_printf(b, _("<div><h3>Only in <span class=\"side %s\">%c</span> "), side,
                  s ? 'B' : 'A');
    esc(b, field(s ? df->db : df->da, VNPLAN_FIELD_NUMBER));
    vp_buf_printf(b, " (%zu)</h3>\n", n);
    if (!n) {
        vp_buf_puts(b, _("<p class=\"none\">None.</p></div>\n"));
        return;
    }
    vp_buf_printf(b, "<ul class=\"tasks %s\">\n", side);
    for (size_t i = 0; i < n; i++) {
        const vnplan_task *t = v[i];
        vp_buf_puts(b, "<li><div class=\"meta\">");
        meta(b, df, s, t);
        vp_buf_puts(b, "</div><details><summary>");
        esc_clipped(b, t->text, 160);
        vp_buf_puts(b, "</summary><p>");
        esc(b, t->text);
        vp_buf_puts(b, "</p>");
        evidence(b, df, s, t);
        vp_buf_puts(b, "</details>");
        vp_buf rel;
        vp_buf_init(&rel);
        int gap = vp_diff_related_text(df, s, t, &rel);
        vp_buf_printf(b, "<p class=\"%s\">", gap ? "gap" : "related");
        esc(b, rel.data ? rel.data : "");
        vp_buf_puts(b, "</p></li>\n");
        if (rel.failed)
            b->failed = 1;
        vp_buf_free(&rel);
    }
    vp_buf_puts(b, "</ul></div>\n");
}

/* ------------------------------------------------------------- chart */

/* The chart shows every pillar, and the other categories (non-pillar
 * parts, the unclassified) only when a plan has tasks there; the table
 * below it lists them all. */
static int in_chart(const vnplan_diff *df, size_t i)
{
    const vp_diff_cat *c = &df->cats[i];
    const vp_diff_counts *n = &df->summary->cats[i];
    return (c->category && c->category->is_pillar) || n->tasks[0] || n->tasks[1];
}

/* The pillars first, then the framework's other parts and the
 * unclassified, apart. */
static int pillar(const vp_diff_cat *c) { return c->category && c->category->is_pillar; }

/* Grouped horizontal bars in HTML and CSS, so that their text is the
 * page's own and stays readable at any width: a legend; then the pillars
 * and, under a heading of their own, the other parts; per category its
 * label, then A's bar and B's bar, each with its count. */
static void chart(vp_buf *b, const vnplan_diff *df)
{
    /* A bar is what a plan covers of a category: the subjects its tasks
     * name (data/subjects.tsv), not how finely it is bulleted; the tasks
     * are counted beside it. */
    size_t max = 1;   /* the longest bar sets the scale */
    for (size_t i = 0; i < df->ncats; i++)
        for (int s = 0; s < 2; s++)
            if (in_chart(df, i) && df->summary->cats[i].subjects[s] > max)
                max = df->summary->cats[i].subjects[s];
    const vnplan_document *d[2] = {df->da, df->db};
    vp_buf_puts(b, "<div class=\"chart\" role=\"group\" aria-label=\"");
    esc(b, _("Subjects named per category"));
    vp_buf_puts(b, "\">\n<div class=\"legend\">");
    for (int s = 0; s < 2; s++) {
        const char *num = field(d[s], VNPLAN_FIELD_NUMBER), *prov = field(d[s], VNPLAN_FIELD_PROVINCE);
        vp_buf_printf(b, "<span><i class=\"key %c\"></i>%c ", s ? 'b' : 'a', s ? 'B' : 'A');
        esc(b, num ? num : "?");
        vp_buf_puts(b, " (");
        esc(b, prov ? prov : "?");
        vp_buf_puts(b, ")</span>");
    }
    vp_buf_puts(b, "</div>\n");
    for (int g = 0; g < 2; g++) {
        size_t rows = 0;
        for (size_t i = 0; i < df->ncats; i++) {
            const vp_diff_cat *c = &df->cats[i];
            const vp_diff_counts *cn = &df->summary->cats[i];
            if (!in_chart(df, i) || pillar(c) != !g)
                continue;
            if (!rows++) {
                vp_buf_puts(b, "<div class=\"group\">");
                esc(b, g ? _("Other parts (not pillars)") : _("Pillars"));
                vp_buf_puts(b, "</div>\n");
            }
            vp_buf_puts(b, "<div class=\"row\"><div class=\"label\">");
            esc(b, cat_label(c));
            vp_buf_puts(b, " <span class=\"count\">(");
            vp_buf_printf(b, _("%zu subjects in common"), cn->subjects_both);
            vp_buf_puts(b, ")</span></div>\n");
            for (int s = 0; s < 2; s++) {
                size_t n = cn->subjects[s];
                double w = n ? 80.0 * (double)n / (double)max : 0;
                vp_buf_printf(b, "<div class=\"bar %c\"><span style=\"width:%.1f%%\"></span><b>",
                              s ? 'b' : 'a', n && w < 0.5 ? 0.5 : w);
                vp_buf_printf(b, _("%c %zu subjects, %zu tasks"), s ? 'B' : 'A', n,
                              cn->tasks[s]);
                vp_buf_puts(b, "</b></div>\n");
            }
            vp_buf_puts(b, "</div>\n");
        }
    }
    vp_buf_puts(b, "</div>\n");
}

/* ------------------------------------------------ agencies, references */

static const char *const STATUS[3] = {N_("both"), N_("only A"), N_("only B")};   /* by vp_diff_where */

static void agencies(vp_buf *b, const vnplan_diff *df)
{
    vp_buf_puts(b, _("<h2 id=\"agencies\">Agencies</h2>\n<p class=\"counts\">Every agency the "
                   "tasks name (leading, coordinating or requested), matched by the "
                   "gazetteer's canonical id; the numbers count the tasks it leads.</p>\n"));
    if (!df->nagencies) {
        vp_buf_puts(b, _("<p class=\"none\">No agency named.</p>\n"));
        return;
    }
    vp_buf_puts(b, "<div class=\"scroll\">");
    vp_buf_puts(b, _("<table><thead><tr><th>Agency</th><th>Sector</th><th>Named by</th>"
                   "<th class=\"num\">Leads in A</th><th class=\"num\">Leads in B</th>"
                   "</tr></thead><tbody>\n"));
    const vp_diff_summary *sum = df->summary;
    for (int which = 0; which < 3; which++)
        for (size_t i = 0; i < sum->nagencies[which]; i++) {
            const vp_diff_agency *a = sum->agencies[which][i];
            vp_buf_puts(b, "<tr><td>");
            esc(b, a->label);
            vp_buf_puts(b, "</td><td class=\"code\">");
            esc(b, a->sector ? a->sector : "—");
            vp_buf_printf(b, "</td><td class=\"status\">%s</td><td class=\"num\">%d</td>"
                             "<td class=\"num\">%d</td></tr>\n",
                          _(STATUS[which]), a->lead[0], a->lead[1]);
        }
    vp_buf_puts(b, "</tbody></table></div>\n");

    /* One side's agency met on the other side by another of its sector,
     * as in the JSON's agencies.by_sector. */
    vp_buf_puts(b, _("<h3>Met by sector</h3>\n"));
    size_t rows = df->nsectors;
    for (size_t i = 0; i < df->nsectors; i++) {
        const vp_diff_sector *sec = &df->sectors[i];
        if (i == 0) {
            vp_buf_puts(b, "<div class=\"scroll\">");
            vp_buf_puts(b, _("<table><thead><tr><th>Sector</th><th>In A</th><th>In B</th>"
                           "</tr></thead><tbody>\n"));
        }
        vp_buf_puts(b, "<tr><td class=\"code\">");
        esc(b, sec->sector);
        vp_buf_puts(b, "</td>");
        for (int s = 0; s < 2; s++) {
            vp_buf_puts(b, "<td>");
            int first = 1;
            for (size_t k = 0; k < sec->n; k++) {
                if (!sec->agencies[k]->in[s])
                    continue;
                vp_buf_puts(b, first ? "" : "<br>");
                esc(b, sec->agencies[k]->label);
                first = 0;
            }
            vp_buf_puts(b, "</td>");
        }
        vp_buf_puts(b, "</tr>\n");
    }
    vp_buf_puts(b, rows ? "</tbody></table></div>\n"
                        : _("<p class=\"none\">No agency of one plan is met by another of its "
                          "sector in the other.</p>\n"));
}

static void references(vp_buf *b, const vnplan_diff *df)
{
    vp_buf_puts(b, _("<h2 id=\"references\">References</h2>\n"));
    if (!df->nrefs) {
        vp_buf_puts(b, _("<p class=\"none\">Neither plan cites a document.</p>\n"));
        return;
    }
    vp_buf_puts(b, "<div class=\"scroll\">");
    vp_buf_puts(b, _("<table><thead><tr><th>Reference</th><th>Type</th><th>Cited by</th>"
                   "<th class=\"num\">Mentions in A</th><th class=\"num\">Mentions in B</th>"
                   "</tr></thead><tbody>\n"));
    const vp_diff_summary *sum = df->summary;
    for (int which = 0; which < 3; which++)
        for (size_t i = 0; i < sum->nrefs[which]; i++) {
            const vp_diff_ref *r = sum->refs[which][i];
            vp_buf_puts(b, "<tr><td>");
            esc_clipped(b, r->name, 240);
            vp_buf_puts(b, "</td><td>");
            esc(b, r->type ? r->type : "—");
            vp_buf_printf(b, "</td><td class=\"status\">%s</td><td class=\"num\">%d</td>"
                             "<td class=\"num\">%d</td></tr>\n",
                          _(STATUS[which]), r->mentions[0], r->mentions[1]);
        }
    vp_buf_puts(b, "</tbody></table></div>\n");
}

static void reporting(vp_buf *b, const vnplan_diff *df)
{
    const vnplan_document *sides[2] = {df->da, df->db};
    vp_buf_puts(b, _("<h2 id=\"reporting\">Reporting duties</h2>\n"));
    for (int s = 0; s < 2; s++) {
        const vnplan_document *d = sides[s];
        vp_buf_printf(b, "<h3><span class=\"side %c\">%c</span> ", s ? 'b' : 'a', s ? 'B' : 'A');
        esc(b, field(d, VNPLAN_FIELD_NUMBER));
        vp_buf_printf(b, " (%zu)</h3>\n", df->summary->reporting[s]);
        if (!d->nreporting) {
            vp_buf_puts(b, _("<p class=\"none\">None found.</p>\n"));
            continue;
        }
        vp_buf_puts(b, "<div class=\"scroll\">");
        vp_buf_puts(b, _("<table><thead><tr><th class=\"num\">Line</th><th>Frequency</th>"
                       "<th>Due</th><th>To</th><th>Text</th></tr></thead><tbody>\n"));
        for (size_t i = 0; i < d->nreporting; i++) {
            const vp_doc_reporting *r = &d->reporting[i];
            vp_buf_printf(b, "<tr><td class=\"num\">%ld</td><td>", r->line);
            esc(b, r->frequency ? r->frequency : "—");
            vp_buf_puts(b, "</td><td>");
            esc(b, r->due ? r->due : "—");
            vp_buf_puts(b, "</td><td>");
            esc(b, r->to ? r->to : "?");
            vp_buf_puts(b, "</td><td>");
            esc(b, r->text);
            vp_buf_puts(b, "</td></tr>\n");
        }
        vp_buf_puts(b, "</tbody></table></div>\n");
    }
}

/* ------------------------------------------------------------- page */

static void plan_row(vp_buf *b, const vnplan_diff *df, int n)
{
    char side = n ? 'B' : 'A';
    const vnplan_plan *p = n ? df->pb : df->pa;
    const vnplan_document *d = n ? df->db : df->da;
    const char *s;
    vp_buf_printf(b, "<tr><td><span class=\"side %c\">%c</span></td><td><b>", side - 'A' + 'a',
                  side);
    esc(b, (s = field(d, VNPLAN_FIELD_NUMBER)) ? s : "?");
    vp_buf_puts(b, "</b></td><td>");
    esc(b, (s = field(d, VNPLAN_FIELD_PROVINCE)) ? s : "?");
    vp_buf_puts(b, "</td><td class=\"num\" data-label=\"");
    esc(b, _("Date"));
    vp_buf_puts(b, "\">");
    esc(b, (s = field(d, VNPLAN_FIELD_DATE)) ? s : "—");
    vp_buf_puts(b, "</td><td class=\"num\" data-label=\"");
    esc(b, _("Tasks"));
    vp_buf_printf(b, "\">%zu</td><td>", df->summary->total.tasks[n]);
    esc_clipped(b, (s = field(d, VNPLAN_FIELD_TITLE)) ? s : "", 300);
    vp_buf_puts(b, "</td><td class=\"code\">");
    esc(b, p->path ? p->path : "-");
    vp_buf_puts(b, "</td></tr>\n");
}

static void side_name(vp_buf *b, const vnplan_document *d)
{
    const char *n = field(d, VNPLAN_FIELD_NUMBER), *p = field(d, VNPLAN_FIELD_PROVINCE);
    esc(b, n ? n : "?");
    vp_buf_puts(b, " (");
    esc(b, p ? p : "?");
    vp_buf_puts(b, ")");
}

char *vp_render_diff_html(const vnplan_diff *df)
{
    const vp_diff_summary *sum = df->summary;
    const vp_diff_counts *t = &sum->total;
    vp_buf b;
    vp_buf_init(&b);
    const vnplan_document *da = df->da, *db = df->db;

    vp_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"vnplan plandiff\">\n<title>");
    side_name(&b, da);
    vp_buf_puts(&b, " ↔ ");
    side_name(&b, db);
    vp_buf_puts(&b, _(" — plandiff</title>\n<style>\n"));
    vp_buf_puts(&b, STYLE);
    vp_buf_puts(&b, _("</style>\n</head>\n<body>\n<div class=\"page\">\n<h1>Plan comparison: "));
    side_name(&b, da);
    vp_buf_puts(&b, _(" and "));
    side_name(&b, db);
    vp_buf_puts(&b, "</h1>\n");

    vp_buf_puts(&b, "<div class=\"scroll\">");

    vp_buf_puts(&b, _("<table class=\"plans\"><thead><tr><th></th><th>Number</th><th>Province"
                    "</th><th class=\"num\">Date</th><th class=\"num\">Tasks</th><th>Title</th>"
                    "<th>File</th></tr></thead><tbody>\n"));
    plan_row(&b, df, 0);
    plan_row(&b, df, 1);
    vp_buf_puts(&b, "</tbody></table></div>\n");

    vp_buf_printf(&b, _("<p class=\"verdict%s\">%s: %zu pairs (%zu same wording, %zu filed under "
                      "another pillar), %zu tasks only in A, %zu only in B.</p>\n"),
                  df->differs ? "" : " same",
                  df->differs ? _("The plans differ") : _("No differences"), t->pairs, t->verbatim,
                  t->moved, t->only[0], t->only[1]);
    vp_buf_puts(&b, _("<p class=\"counts\">Framework: "));
    if (df->framework) {
        const char *why = vp_diff_reason_tr(vp_diff_framework_reason(df));
        vp_buf_puts(&b, "<span class=\"code\">");
        esc(&b, df->framework);
        vp_buf_puts(&b, "</span>");
        if (why) {
            vp_buf_puts(&b, " (");
            esc(&b, why);
            vp_buf_puts(&b, ")");
        }
        for (int s = 0; s < 2; s++)
            if (df->mapped_from[s]) {
                vp_buf_printf(&b, _("; %c's categories (<span class=\"code\">"), s ? 'B' : 'A');
                esc(&b, df->mapped_from[s]);
                vp_buf_puts(&b, _("</span>) mapped through its crosswalk"));
            }
    } else
        vp_buf_puts(&b, _("none (every task is unclassified)"));
    vp_buf_printf(&b, _("; tasks are paired when their similarity is at least %.2f, and "
                      "“same wording” marks pairs at %.2f or more.</p>\n"),
                  df->threshold, VP_VERBATIM);

    /* Contents. */
    vp_buf_puts(&b, _("<ul class=\"toc\"><li><a href=\"#coverage\">Coverage</a></li>\n"));
    for (size_t g = 0, i = 0; g < 2; g++, i = 0)
    for (; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        if ((!sum->cats[i].tasks[0] && !sum->cats[i].tasks[1]) || pillar(c) != !g)
            continue;
        vp_buf_puts(&b, "<li><a href=\"#");
        anchor(&b, c, i);
        vp_buf_puts(&b, "\">");
        esc(&b, cat_label(c));
        vp_buf_puts(&b, "</a></li>\n");
    }
    vp_buf_puts(&b, _("<li><a href=\"#agencies\">Agencies</a></li><li><a href=\"#references\">"
                    "References</a></li><li><a href=\"#reporting\">Reporting duties</a></li>"
                    "<li><a href=\"#summary\">Summary</a></li></ul>\n"));

    /* Coverage. */
    vp_buf_puts(&b, _("<h2 id=\"coverage\">Coverage</h2>\n"));
    chart(&b, df);
    vp_buf_puts(&b, "<div class=\"scroll\">");
    vp_buf_puts(&b, _("<table><thead><tr><th>Category</th><th class=\"num\">A</th>"
                    "<th class=\"num\">B</th><th class=\"num\">Pairs</th>"
                    "<th class=\"num\">Only A</th><th class=\"num\">Only B</th></tr></thead>"
                    "<tbody>\n"));
    for (size_t g = 0, i = 0, rows = 0; g < 2; g++, i = 0, rows = 0)
    for (; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        const vp_diff_counts *n = &sum->cats[i];
        if ((!c->category && !n->tasks[0] && !n->tasks[1]) || pillar(c) != !g)
            continue;
        if (!rows++) {
            vp_buf_puts(&b, "<tr class=\"group\"><th colspan=\"6\">");
            esc(&b, g ? _("Other parts (not pillars)") : _("Pillars"));
            vp_buf_puts(&b, "</th></tr>\n");
        }
        vp_buf_puts(&b, "<tr><td>");
        esc(&b, cat_label(c));
        if (c->category) {
            vp_buf_puts(&b, " <span class=\"code\">");
            esc(&b, c->category->id);
            vp_buf_puts(&b, "</span>");
        }
        vp_buf_printf(&b, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
                          "<td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
                          "<td class=\"num\">%zu</td></tr>\n",
                      n->tasks[0], n->tasks[1], n->pairs, n->only[0], n->only[1]);
    }
    vp_buf_puts(&b, "</tbody></table></div>\n");

    /* Categories, the pillars first. */
    for (size_t g = 0, i = 0; g < 2; g++, i = 0)
    for (; i < df->ncats; i++) {
        const vp_diff_cat *c = &df->cats[i];
        const vp_diff_counts *n = &sum->cats[i];
        if ((!n->tasks[0] && !n->tasks[1]) || pillar(c) != !g)
            continue;
        vp_buf_puts(&b, "<div class=\"cat\">\n<h2 id=\"");
        anchor(&b, c, i);
        vp_buf_puts(&b, "\">");
        esc(&b, cat_label(c));
        if (c->category) {
            vp_buf_puts(&b, " <span class=\"code\">");
            esc(&b, c->category->id);
            vp_buf_puts(&b, "</span>");
        }
        vp_buf_printf(&b, _("</h2>\n<p class=\"counts\">A %zu tasks · B %zu tasks · %zu paired · "
                          "%zu only in A · %zu only in B</p>\n"),
                      n->tasks[0], n->tasks[1], n->pairs, n->only[0], n->only[1]);
        vp_buf subj;
        vp_buf_init(&subj);
        if (vp_diff_subjects_text(df, c, &subj) && subj.data) {
            vp_buf_puts(&b, "<p class=\"subjects\">");
            esc(&b, subj.data);
            vp_buf_puts(&b, "</p>\n");
        }
        if (subj.failed)
            b.failed = 1;
        vp_buf_free(&subj);
        if (n->pairs) {
            vp_buf_printf(&b, _("<h3>Paired (%zu)</h3>\n"), n->pairs);
            pairs_table(&b, df, c);
        }
        vp_buf_puts(&b, "<div class=\"cols\">\n");
        only_list(&b, df, i, 0);
        only_list(&b, df, i, 1);
        vp_buf_puts(&b, "</div>\n</div>\n");
    }

    agencies(&b, df);
    references(&b, df);
    reporting(&b, df);

    vp_buf_puts(&b, _("<h2 id=\"summary\">Summary</h2>\n<ul>\n"));
    vp_buf_printf(&b, _("<li>%zu pairs: %zu with the same wording, %zu filed under different "
                        "pillars</li>\n"),
                  t->pairs, t->verbatim, t->moved);
    vp_buf_printf(&b, _("<li>%zu tasks only in A, %zu only in B</li>\n"), t->only[0], t->only[1]);
    vp_buf_printf(&b, _("<li>Gaps (nothing related in the other plan): %zu in A, %zu in B; %zu "
                        "related tasks</li>\n"),
                  t->gaps[0], t->gaps[1], t->links);
    vp_buf_printf(&b, _("<li>Agencies: %zu named by both, %zu only by A, %zu only by B; %zu "
                      "sectors met by different agencies</li>\n"),
                  sum->nagencies[VP_IN_BOTH], sum->nagencies[VP_ONLY_A],
                  sum->nagencies[VP_ONLY_B], sum->sectors);
    vp_buf_printf(&b, _("<li>References: %zu cited by both, %zu only by A, %zu only by B</li>\n"),
                  sum->nrefs[VP_IN_BOTH], sum->nrefs[VP_ONLY_A], sum->nrefs[VP_ONLY_B]);
    vp_buf_printf(&b, _("<li>Reporting duties: A %zu, B %zu; targets: A %zu, B %zu</li>\n</ul>\n"),
                  sum->reporting[0], sum->reporting[1], sum->targets[0], sum->targets[1]);
    vp_buf_printf(&b, "<p class=\"verdict%s\">%s.</p>\n", df->differs ? "" : " same",
                  df->differs ? _("The plans differ") : _("No differences"));
    vp_buf_printf(&b, _("<p class=\"foot\">Made by plandiff (vnplan) %s. Task ids refer to "
                        "each plan's planparse output.</p>\n"),
                  PACKAGE_VERSION);
    vp_buf_puts(&b, "</div>\n</body>\n</html>\n");
    return vp_buf_detach(&b);
}
