/* cover_render.c — plancover's matrix in every format: a terminal table,
 * CSV, JSON (docs/json.md, "plancover"), Markdown, one HTML page with a
 * heatmap, and an Excel workbook. */
#include "config.h"
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "cli.h"
#include "cover.h"
#include "sbuf.h"

/* ------------------------------------------------------------ strings */

/* Display columns of UTF-8 text (NFC: one column a code point). */
static size_t dwidth(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* `s` in exactly `w` columns: cut with "…" or padded (left-aligned), or
 * right-aligned when `right`. */
static void sb_cell(sbuf *b, const char *s, size_t w, int right)
{
    size_t dw = dwidth(s);
    if (dw > w) {
        size_t cols = 0;
        const char *p = s;
        while (*p && cols + 1 < w) {
            p++;
            while (((unsigned char)*p & 0xC0) == 0x80)
                p++;
            cols++;
        }
        sb_add(b, s, (size_t)(p - s));
        if (w)
            sb_puts(b, "…");
        return;
    }
    if (right)
        for (size_t i = dw; i < w; i++)
            sb_puts(b, " ");
    sb_puts(b, s);
    if (!right)
        for (size_t i = dw; i < w; i++)
            sb_puts(b, " ");
}

/* ------------------------------------------------------------ cells */

const char *cv_label(const cover *cv, const cv_col *c)
{
    if (cv->english && c->label_en)
        return c->label_en;
    return c->label_vi ? c->label_vi : c->label_en ? c->label_en : c->id;
}

char *cv_cell_leads(const cv_plan *p, size_t col)
{
    sbuf b = {0};
    const char **seen = calloc(p->ntasks * 4 + 1, sizeof *seen);
    size_t nseen = 0, capseen = p->ntasks * 4 + 1;
    if (!seen)
        return NULL;
    for (size_t i = 0; i < p->ntasks; i++) {
        const cv_task *t = &p->tasks[i];
        if (t->col != (int)col)
            continue;
        for (size_t k = 0; k < t->nleads; k++) {
            size_t s = 0;
            while (s < nseen && strcmp(seen[s], t->leads[k]) != 0)
                s++;
            if (s < nseen)
                continue;
            if (nseen == capseen) {
                const char **grown = realloc(seen, 2 * capseen * sizeof *seen);
                if (!grown) {
                    b.failed = 1;
                    break;
                }
                seen = grown;
                capseen *= 2;
            }
            seen[nseen++] = t->leads[k];
            if (nseen > 1)
                sb_puts(&b, "; ");
            sb_puts(&b, t->leads[k]);
        }
    }
    free(seen);
    return sb_take(&b);
}

char *cv_cell_evidence(const cv_plan *p, size_t col)
{
    sbuf b = {0};
    int any = 0;
    for (size_t i = 0; i < p->ntasks; i++) {
        const cv_task *t = &p->tasks[i];
        if (t->col != (int)col)
            continue;
        sb_printf(&b, "%s%s:%ld", any++ ? " " : "", t->id ? t->id : "?", t->line);
    }
    return sb_take(&b);
}

/* "12127/KH-UBND (2021-11-29)", or the file's name without a number. */
static void plan_name(sbuf *b, const cv_plan *p)
{
    if (p->number) {
        sb_puts(b, p->number);
    } else {
        const char *slash = strrchr(p->file, '/');
        sb_puts(b, slash ? slash + 1 : p->file);
    }
    if (p->date)
        sb_printf(b, " (%s)", p->date);
}

static const char *group_name(const cv_group *g)
{
    return g->name ? g->name : _("(province unknown)");
}

static size_t pillar_count(const cover *cv)
{
    size_t n = 0;
    for (size_t c = 0; c < cv->ncols; c++)
        n += cv->cols[c].is_pillar;
    return n;
}

/* Per column: how many plans cover it, and provinces. */
static void column_summary(const cover *cv, size_t c, size_t *plans, size_t *tasks,
                           size_t *provinces)
{
    *plans = *tasks = *provinces = 0;
    for (size_t i = 0; i < cv->nplans; i++) {
        *plans += cv->plans[i]->counts[c] > 0;
        *tasks += cv->plans[i]->counts[c];
    }
    for (size_t g = 0; g < cv->ngroups; g++)
        *provinces += cv->groups[g].counts[c] > 0;
}

static const char *why_text(const char *why)
{
    if (strcmp(why, "option") == 0)
        return _("as asked (--framework)");
    if (strcmp(why, "all") == 0)
        return _("the one the plans implement");
    if (strcmp(why, "newer") == 0)
        return _("the newer of the frameworks the plans implement; the others mapped through "
                 "its crosswalk");
    return _("the default: no plan names its framework");
}

/* ------------------------------------------------------------ text */

/* Lines of `s` longer than `width` columns folded at spaces, the
 * continuation indented four more than the line; a word longer than a line is cut. */
static char *wrap_lines(char *s, size_t width)
{
    if (!s)
        return NULL;
    sbuf b = {0};
    const char *line = s;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *p = line, *stop = line + len;
        size_t indent = 0, lead = 0;
        while (lead < len && line[lead] == ' ')
            lead++;
        lead = lead + 4 < width / 2 ? lead + 4 : 4;
        for (;;) {
            /* The longest piece of at most width - indent columns. */
            size_t cols = 0, room = width - indent;
            const char *q = p, *space = NULL;
            while (q < stop && cols < room) {
                if (*q == ' ' && q > p)
                    space = q;
                q++;
                while (q < stop && ((unsigned char)*q & 0xC0) == 0x80)
                    q++;
                cols++;
            }
            if (q < stop && *q == ' ')
                space = q;
            const char *cut = q >= stop ? stop : space ? space : q;
            for (size_t k = 0; k < indent; k++)
                sb_puts(&b, " ");
            sb_add(&b, p, (size_t)(cut - p));
            sb_puts(&b, "\n");
            if (cut >= stop)
                break;
            p = cut;
            while (p < stop && *p == ' ')
                p++;
            if (p >= stop)
                break;
            indent = lead;
        }
        line = end ? end + 1 : line + len;
    }
    free(s);
    return sb_take(&b);
}

static char *render_text(const cover *cv)
{
    sbuf b = {0};
    int width = cv->width > 20 ? cv->width : 80;
    sb_printf(&b, _("Coverage of %s: %s\n"), cv->framework, cv->framework_title);
    sb_printf(&b, _("Framework: %s.\n"), why_text(cv->framework_why));
    sb_printf(&b, _("%zu plans of %zu files"), cv->nplans, cv->nfiles);
    if (cv->nskipped)
        sb_printf(&b, _(", %zu skipped"), cv->nskipped);
    if (cv->as_of)
        sb_printf(&b, _("; provinces as of %s"), cv->as_of);
    sb_puts(&b, ".\n\n");

    /* Column widths: the codes and the largest count. */
    size_t colw = 3;
    for (size_t c = 0; c < cv->ncols; c++) {
        size_t w = strlen(cv->cols[c].code) + 1;
        for (size_t i = 0; i < cv->nplans; i++) {
            char num[32];
            w = (size_t)snprintf(num, sizeof num, "%zu", cv->plans[i]->counts[c]) + 1 > w
                    ? (size_t)snprintf(num, sizeof num, "%zu", cv->plans[i]->counts[c]) + 1
                    : w;
        }
        colw = w > colw ? w : colw;
    }
    /* Columns that do not fit beside the plans' names go to another table;
     * the tables share the columns evenly. */
    size_t minname = 28, per = cv->ncols ? cv->ncols : 1;
    if (minname + per * colw > (size_t)width) {
        size_t most = (size_t)width > minname + colw ? ((size_t)width - minname) / colw : 1;
        size_t tables = (cv->ncols + most - 1) / most;
        per = (cv->ncols + tables - 1) / tables;
    }
    for (size_t from = 0; from < cv->ncols || from == 0; from += per) {
        size_t to = from + per < cv->ncols ? from + per : cv->ncols;
        size_t namew = (size_t)width - (to - from) * colw;
        if (namew > 48)
            namew = 48;
        sb_cell(&b, _("Plan"), namew, 0);
        for (size_t c = from; c < to; c++)
            sb_cell(&b, cv->cols[c].code, colw, 1);
        sb_puts(&b, "\n");
        for (size_t g = 0; g < cv->ngroups; g++) {
            const cv_group *gr = &cv->groups[g];
            sb_cell(&b, group_name(gr), dwidth(group_name(gr)) < namew ? dwidth(group_name(gr)) : namew, 0);
            sb_puts(&b, "\n");
            for (size_t i = gr->first; i < gr->first + gr->nplans; i++) {
                const cv_plan *p = cv->plans[i];
                sbuf name = {0};
                sb_puts(&name, "  ");
                plan_name(&name, p);
                sb_cell(&b, name.p ? name.p : "", namew - 1, 0);
                sb_puts(&b, " ");
                free(name.p);
                for (size_t c = from; c < to; c++) {
                    char num[32];
                    if (p->counts[c])
                        snprintf(num, sizeof num, "%zu", p->counts[c]);
                    else
                        strcpy(num, "·");
                    sb_cell(&b, num, colw, 1);
                }
                sb_puts(&b, "\n");
            }
        }
        sb_puts(&b, "\n");
        if (!cv->ncols)
            break;
    }
    sb_puts(&b, _("Columns (· marks a gap: no task):\n"));
    for (size_t c = 0; c < cv->ncols; c++) {
        sbuf line = {0};
        sb_printf(&line, "  %-3s %s%s", cv->cols[c].code, cv_label(cv, &cv->cols[c]),
                  cv->cols[c].is_pillar ? "" : _(" (not a pillar)"));
        sb_puts(&b, line.p);
        sb_puts(&b, "\n");
        free(line.p);
    }

    sb_puts(&b, _("\nGaps:\n"));
    size_t ngaps = 0;
    for (size_t i = 0; i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        int any = 0;
        for (size_t c = 0; c < cv->ncols; c++)
            if (!p->counts[c]) {
                if (!any++) {
                    sb_puts(&b, "  ");
                    if (p->province)
                        sb_printf(&b, "%s, ", p->province);
                    plan_name(&b, p);
                    sb_puts(&b, ":");
                }
                sb_printf(&b, " %s", cv->cols[c].code);
                ngaps++;
            }
        if (any)
            sb_puts(&b, "\n");
    }
    if (!ngaps && cv->nplans)
        sb_puts(&b, _("  none: every plan has tasks in every category\n"));

    size_t np = pillar_count(cv);
    sb_puts(&b, _("\nBy province:\n"));
    for (size_t g = 0; g < cv->ngroups; g++) {
        const cv_group *gr = &cv->groups[g];
        size_t covered = 0;
        for (size_t c = 0; c < cv->ncols; c++)
            covered += cv->cols[c].is_pillar && gr->counts[c];
        sb_printf(&b, _("  %s: plans %zu, tasks %zu, pillars covered %zu/%zu"), group_name(gr),
                  gr->nplans, gr->tasks, covered, np);
        int any = 0;
        for (size_t c = 0; c < cv->ncols; c++)
            if (cv->cols[c].is_pillar && !gr->counts[c])
                sb_printf(&b, "%s%s", any++ ? " " : _("; missing "), cv->cols[c].code);
        sb_puts(&b, "\n");
    }
    sb_puts(&b, _("\nBy category:\n"));
    for (size_t c = 0; c < cv->ncols; c++) {
        size_t plans, tasks, provinces;
        column_summary(cv, c, &plans, &tasks, &provinces);
        sb_printf(&b, _("  %-3s plans %zu/%zu, provinces %zu/%zu, tasks %zu\n"),
                  cv->cols[c].code, plans, cv->nplans, provinces, cv->ngroups, tasks);
    }
    return wrap_lines(sb_take(&b), (size_t)width);
}

/* ------------------------------------------------------------ CSV */

static void csv_field(sbuf *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        sb_puts(b, s);
        return;
    }
    sb_puts(b, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sb_puts(b, "\"\"");
        else
            sb_add(b, p, 1);
    }
    sb_puts(b, "\"");
}

static char *render_csv(const cover *cv)
{
    static const char *const head[] = {
        "group", "province", "number", "date", "file", "framework", "category", "code",
        "label", "pillar", "tasks", "leads", "evidence",
    };
    sbuf b = {0};
    for (size_t i = 0; i < sizeof head / sizeof *head; i++)
        sb_printf(&b, "%s%s", i ? "," : "", head[i]);
    sb_puts(&b, "\r\n");
    for (size_t i = 0; i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        for (size_t c = 0; c < cv->ncols; c++) {
            char *leads = cv_cell_leads(p, c), *ev = cv_cell_evidence(p, c);
            if (!leads || !ev)
                b.failed = 1;
            const char *v[] = {p->group, p->province, p->number, p->date, p->file, cv->framework,
                               cv->cols[c].id, cv->cols[c].code, cv_label(cv, &cv->cols[c]),
                               cv->cols[c].is_pillar ? "1" : "0", NULL, leads, ev};
            char num[32];
            snprintf(num, sizeof num, "%zu", p->counts[c]);
            v[10] = num;
            for (size_t k = 0; k < sizeof v / sizeof *v; k++) {
                if (k)
                    sb_puts(&b, ",");
                csv_field(&b, v[k]);
            }
            sb_puts(&b, "\r\n");
            free(leads);
            free(ev);
        }
    }
    return sb_take(&b);
}

/* ------------------------------------------------------------ JSON */

static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }

static char *render_json(const cover *cv)
{
    int ok = 1;
    json_t *root = json_object();
    json_t *fw = json_object(), *cats = json_array(), *jplans = json_array();
    json_t *gaps = json_array(), *provs = json_array(), *summary = json_array();
    ok = root && fw && cats && jplans && gaps && provs && summary;
    if (ok) {
        json_object_set_new(fw, "id", jstr(cv->framework));
        json_object_set_new(fw, "title", jstr(cv->framework_title));
        json_object_set_new(fw, "date", jstr(cv->framework_date));
        json_object_set_new(fw, "why", jstr(cv->framework_why));
        json_object_set_new(root, "schema", json_integer(1));
        json_object_set_new(root, "framework", fw);
        json_object_set_new(root, "as_of", jstr(cv->as_of));
        json_object_set_new(root, "files", json_integer((json_int_t)cv->nfiles));
        json_object_set_new(root, "skipped", json_integer((json_int_t)cv->nskipped));
        json_object_set_new(root, "categories", cats);
        json_object_set_new(root, "plans", jplans);
        json_object_set_new(root, "gaps", gaps);
        json_object_set_new(root, "provinces", provs);
        json_object_set_new(root, "summary", summary);
    } else {
        json_decref(fw);
        json_decref(cats);
        json_decref(jplans);
        json_decref(gaps);
        json_decref(provs);
        json_decref(summary);
    }
    for (size_t c = 0; ok && c < cv->ncols; c++) {
        const cv_col *col = &cv->cols[c];
        json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:b}", "id", col->id, "code", col->code,
                              "label", jstr(cv_label(cv, col)), "label_vi", jstr(col->label_vi),
                              "label_en", jstr(col->label_en), "pillar", col->is_pillar);
        ok = o && json_array_append_new(cats, o) == 0;
    }
    for (size_t i = 0; ok && i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        json_t *cells = json_array();
        json_t *o = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:b, s:I, s:I}", "file",
                              p->file, "province", jstr(p->province), "group", jstr(p->group),
                              "number", jstr(p->number), "date", jstr(p->date), "title",
                              jstr(p->title), "framework", jstr(p->framework), "mapped",
                              p->framework && strcmp(p->framework, cv->framework) != 0,
                              "tasks", (json_int_t)p->ntasks, "unclassified",
                              (json_int_t)p->unclassified);
        ok = o && cells && json_object_set_new(o, "cells", cells) == 0 &&
             json_array_append_new(jplans, o) == 0;
        for (size_t c = 0; ok && c < cv->ncols; c++) {
            json_t *leads = json_array(), *ev = json_array();
            json_t *cell = json_pack("{s:s, s:I, s:o, s:o}", "category", cv->cols[c].id, "tasks",
                                     (json_int_t)p->counts[c], "leads", leads, "evidence", ev);
            ok = cell && json_array_append_new(cells, cell) == 0;
            for (size_t k = 0; ok && k < p->ntasks; k++) {
                const cv_task *t = &p->tasks[k];
                if (t->col != (int)c)
                    continue;
                json_t *e = json_pack("{s:o, s:I}", "task", jstr(t->id), "line",
                                      (json_int_t)t->line);
                ok = e && json_array_append_new(ev, e) == 0;
                for (size_t l = 0; ok && l < t->nleads; l++) {
                    size_t m = 0, n = json_array_size(leads);
                    while (m < n &&
                           strcmp(json_string_value(json_array_get(leads, m)), t->leads[l]) != 0)
                        m++;
                    if (m == n)
                        ok = json_array_append_new(leads, json_string(t->leads[l])) == 0;
                }
            }
            if (ok && !p->counts[c]) {
                json_t *gap = json_pack("{s:s, s:o, s:o, s:s}", "file", p->file, "number",
                                        jstr(p->number), "province", jstr(p->province),
                                        "category", cv->cols[c].id);
                ok = gap && json_array_append_new(gaps, gap) == 0;
            }
        }
    }
    for (size_t g = 0; ok && g < cv->ngroups; g++) {
        const cv_group *gr = &cv->groups[g];
        json_t *cells = json_array(), *missing = json_array();
        json_t *o = json_pack("{s:o, s:I, s:I, s:o, s:o}", "name", jstr(gr->name), "plans",
                              (json_int_t)gr->nplans, "tasks", (json_int_t)gr->tasks, "cells",
                              cells, "missing", missing);
        ok = o && json_array_append_new(provs, o) == 0;
        for (size_t c = 0; ok && c < cv->ncols; c++) {
            size_t plans = 0;
            for (size_t i = gr->first; i < gr->first + gr->nplans; i++)
                plans += cv->plans[i]->counts[c] > 0;
            json_t *cell = json_pack("{s:s, s:I, s:I}", "category", cv->cols[c].id, "tasks",
                                     (json_int_t)gr->counts[c], "plans", (json_int_t)plans);
            ok = cell && json_array_append_new(cells, cell) == 0;
            if (ok && !gr->counts[c])
                ok = json_array_append_new(missing, json_string(cv->cols[c].id)) == 0;
        }
    }
    for (size_t c = 0; ok && c < cv->ncols; c++) {
        size_t plans, tasks, provinces;
        column_summary(cv, c, &plans, &tasks, &provinces);
        json_t *o = json_pack("{s:s, s:b, s:I, s:I, s:I}", "category", cv->cols[c].id, "pillar",
                              cv->cols[c].is_pillar, "plans", (json_int_t)plans, "tasks",
                              (json_int_t)tasks, "provinces", (json_int_t)provinces);
        ok = o && json_array_append_new(summary, o) == 0;
    }
    char *s = ok ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(root);
    if (!s)
        return NULL;
    /* A final newline, in memory json_dumps gave (free()able). */
    size_t n = strlen(s);
    char *out = realloc(s, n + 2);
    if (!out) {
        free(s);
        return NULL;
    }
    memcpy(out + n, "\n", 2);
    return out;
}

/* ------------------------------------------------------------ Markdown */

static void md_text(sbuf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '|': sb_puts(b, "\\|"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '*': case '_': case '`': case '[': case ']': case '\\':
            sb_add(b, "\\", 1);
            sb_add(b, s, 1);
            break;
        case '\n': case '\r': sb_puts(b, " "); break;
        default: sb_add(b, s, 1);
        }
    }
}

static char *render_markdown(const cover *cv)
{
    sbuf b = {0};
    sb_printf(&b, _("# Coverage of %s\n\n"), cv->framework);
    md_text(&b, cv->framework_title);
    sb_printf(&b, "\n\n%s ", _("Framework:"));
    md_text(&b, why_text(cv->framework_why));
    sb_printf(&b, _(". %zu plans of %zu files"), cv->nplans, cv->nfiles);
    if (cv->nskipped)
        sb_printf(&b, _(", %zu skipped"), cv->nskipped);
    if (cv->as_of)
        sb_printf(&b, _("; provinces as of %s"), cv->as_of);
    sb_puts(&b, ".\n\n");
    sb_printf(&b, "| %s | %s |", _("Province"), _("Plan"));
    for (size_t c = 0; c < cv->ncols; c++)
        sb_printf(&b, " %s |", cv->cols[c].code);
    sb_puts(&b, "\n| --- | --- |");
    for (size_t c = 0; c < cv->ncols; c++)
        sb_puts(&b, " ---: |");
    sb_puts(&b, "\n");
    for (size_t i = 0; i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        sb_puts(&b, "| ");
        md_text(&b, p->group ? p->group : _("(province unknown)"));
        sb_puts(&b, " | ");
        sbuf name = {0};
        plan_name(&name, p);
        md_text(&b, name.p);
        free(name.p);
        sb_puts(&b, " |");
        for (size_t c = 0; c < cv->ncols; c++)
            if (p->counts[c])
                sb_printf(&b, " %zu |", p->counts[c]);
            else
                sb_puts(&b, " — |");
        sb_puts(&b, "\n");
    }
    sb_printf(&b, "\n| %s | %s | %s | %s | %s | %s |\n| --- | --- | --- | ---: | ---: | ---: |\n",
              _("Code"), _("Category"), _("Pillar"), _("Plans"), _("Provinces"), _("Tasks"));
    for (size_t c = 0; c < cv->ncols; c++) {
        size_t plans, tasks, provinces;
        column_summary(cv, c, &plans, &tasks, &provinces);
        sb_printf(&b, "| %s | ", cv->cols[c].code);
        md_text(&b, cv_label(cv, &cv->cols[c]));
        sb_printf(&b, " (`%s`) | %s | %zu/%zu | %zu/%zu | %zu |\n", cv->cols[c].id,
                  cv->cols[c].is_pillar ? _("yes") : _("no"), plans, cv->nplans, provinces,
                  cv->ngroups, tasks);
    }
    sb_printf(&b, "\n## %s\n\n", _("Gaps"));
    size_t ngaps = 0;
    for (size_t i = 0; i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        int any = 0;
        for (size_t c = 0; c < cv->ncols; c++)
            if (!p->counts[c]) {
                if (!any++) {
                    sb_puts(&b, "- ");
                    if (p->province) {
                        md_text(&b, p->province);
                        sb_puts(&b, ", ");
                    }
                    sbuf name = {0};
                    plan_name(&name, p);
                    md_text(&b, name.p);
                    free(name.p);
                    sb_puts(&b, ":");
                }
                sb_printf(&b, "%s %s", any > 1 ? "," : "", cv->cols[c].code);
                ngaps++;
            }
        if (any)
            sb_puts(&b, "\n");
    }
    if (!ngaps)
        sb_printf(&b, "%s\n", _("None: every plan has tasks in every category."));
    sb_printf(&b, "\n## %s\n\n| %s | %s | %s | %s |\n| --- | ---: | ---: | --- |\n",
              _("By province"), _("Province"), _("Plans"), _("Tasks"), _("Pillars missing"));
    for (size_t g = 0; g < cv->ngroups; g++) {
        const cv_group *gr = &cv->groups[g];
        sb_puts(&b, "| ");
        md_text(&b, group_name(gr));
        sb_printf(&b, " | %zu | %zu |", gr->nplans, gr->tasks);
        int any = 0;
        for (size_t c = 0; c < cv->ncols; c++)
            if (cv->cols[c].is_pillar && !gr->counts[c])
                sb_printf(&b, "%s%s", any++ ? ", " : " ", cv->cols[c].code);
        sb_puts(&b, any ? " |\n" : " — |\n");
    }
    sb_printf(&b, "\n## %s\n", _("Details"));
    for (size_t i = 0; i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        sb_puts(&b, "\n### ");
        sbuf name = {0};
        plan_name(&name, p);
        md_text(&b, name.p);
        free(name.p);
        if (p->province) {
            sb_puts(&b, " — ");
            md_text(&b, p->province);
        }
        sb_puts(&b, "\n\n`");
        sb_puts(&b, p->file);   /* in a code span: no escaping */
        sb_puts(&b, "`\n\n");
        for (size_t c = 0; c < cv->ncols; c++) {
            if (!p->counts[c])
                continue;
            char *leads = cv_cell_leads(p, c), *ev = cv_cell_evidence(p, c);
            sb_printf(&b, "- **%s** ", cv->cols[c].code);
            md_text(&b, cv_label(cv, &cv->cols[c]));
            sb_printf(&b, _(": %zu tasks"), p->counts[c]);
            if (leads && *leads) {
                sb_printf(&b, " — %s ", _("lead:"));
                md_text(&b, leads);
            }
            sb_printf(&b, " — %s ", _("tasks:"));
            md_text(&b, ev);
            sb_puts(&b, "\n");
            if (!leads || !ev)
                b.failed = 1;
            free(leads);
            free(ev);
        }
    }
    return sb_take(&b);
}

/* ------------------------------------------------------------ HTML */

static void html_text(sbuf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        default: sb_add(b, s, 1);
        }
    }
}

/* The class and colour of a heatmap cell of `n` tasks of at most `max`:
 * light to dark green; a gap is pale red. */
static void heat(sbuf *b, size_t n, size_t max)
{
    if (!n) {
        sb_puts(b, " class=\"n gap\"");
        return;
    }
    double f = max ? (double)n / (double)max : 1;
    int r = (int)(232 - f * (232 - 27)), g = (int)(245 - f * (245 - 120)),
        bl = (int)(233 - f * (233 - 55));
    sb_printf(b, " class=\"n\" style=\"background:#%02x%02x%02x;color:%s\"", r, g, bl,
              f > 0.55 ? "#fff" : "#111");
}

static const char css[] =
    "*{box-sizing:border-box}"
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;"
    "margin:0;padding:12px;color:#111;background:#fff;line-height:1.45;font-size:15px}"
    "main{max-width:1200px;margin:0 auto}"
    "h1{font-size:1.35em;margin:.2em 0 .4em}h2{font-size:1.15em;margin:1.4em 0 .5em}"
    "h3{font-size:1em;margin:1em 0 .3em}p,li{overflow-wrap:anywhere}"
    ".scroll{overflow-x:auto;max-width:100%;margin:.5em 0;border:1px solid #ddd}"
    "table{border-collapse:collapse;font-size:14px}"
    "th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top}"
    "th{background:#f4f4f4;text-align:left}"
    "td.n,th.n{text-align:right;min-width:3em}"
    "td.gap{background:#fde2e2;color:#9b1c1c}"
    "td.plan{white-space:nowrap}"
    ".legend{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:13px}"
    ".legend span{display:inline-block;padding:2px 8px;border:1px solid #ddd}"
    "details{margin:.4em 0}summary{cursor:pointer}"
    "code{overflow-wrap:anywhere;font-size:13px}";

static char *render_html(const cover *cv)
{
    sbuf b = {0};
    size_t max = 0;
    for (size_t i = 0; i < cv->nplans; i++)
        for (size_t c = 0; c < cv->ncols; c++)
            max = cv->plans[i]->counts[c] > max ? cv->plans[i]->counts[c] : max;
    sb_printf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>",
              cv->english ? "en" : "vi");
    sb_printf(&b, _("Coverage of %s"), cv->framework);
    sb_printf(&b, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>", css);
    sb_printf(&b, _("Coverage of %s"), cv->framework);
    sb_puts(&b, "</h1>\n<p>");
    html_text(&b, cv->framework_title);
    sb_puts(&b, "</p>\n<p>");
    html_text(&b, _("Framework:"));
    sb_puts(&b, " ");
    html_text(&b, why_text(cv->framework_why));
    sb_printf(&b, _(". %zu plans of %zu files"), cv->nplans, cv->nfiles);
    if (cv->nskipped)
        sb_printf(&b, _(", %zu skipped"), cv->nskipped);
    if (cv->as_of)
        sb_printf(&b, _("; provinces as of %s"), cv->as_of);
    sb_puts(&b, ".</p>\n");

    /* The heatmap. */
    sb_puts(&b, "<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th>");
    html_text(&b, _("Province"));
    sb_puts(&b, "</th><th>");
    html_text(&b, _("Plan"));
    sb_puts(&b, "</th>");
    for (size_t c = 0; c < cv->ncols; c++) {
        sb_puts(&b, "<th class=\"n\" title=\"");
        html_text(&b, cv_label(cv, &cv->cols[c]));
        sb_printf(&b, "\">%s</th>", cv->cols[c].code);
    }
    sb_puts(&b, "</tr></thead>\n<tbody>\n");
    for (size_t g = 0; g < cv->ngroups; g++) {
        const cv_group *gr = &cv->groups[g];
        for (size_t i = gr->first; i < gr->first + gr->nplans; i++) {
            const cv_plan *p = cv->plans[i];
            sb_puts(&b, "<tr>");
            if (i == gr->first) {
                sb_printf(&b, "<th rowspan=\"%zu\">", gr->nplans);
                html_text(&b, group_name(gr));
                sb_puts(&b, "</th>");
            }
            sb_puts(&b, "<td class=\"plan\" title=\"");
            html_text(&b, p->file);
            sb_puts(&b, "\">");
            sbuf name = {0};
            plan_name(&name, p);
            html_text(&b, name.p);
            free(name.p);
            sb_puts(&b, "</td>");
            for (size_t c = 0; c < cv->ncols; c++) {
                char *leads = cv_cell_leads(p, c), *ev = cv_cell_evidence(p, c);
                if (!leads || !ev)
                    b.failed = 1;
                sb_puts(&b, "<td");
                heat(&b, p->counts[c], max);
                sb_puts(&b, " title=\"");
                html_text(&b, cv->cols[c].code);
                sb_puts(&b, " ");
                html_text(&b, cv_label(cv, &cv->cols[c]));
                if (leads && *leads) {
                    sb_puts(&b, " — ");
                    html_text(&b, leads);
                }
                if (ev && *ev) {
                    sb_puts(&b, " — ");
                    html_text(&b, ev);
                }
                sb_printf(&b, "\">%zu</td>", p->counts[c]);
                free(leads);
                free(ev);
            }
            sb_puts(&b, "</tr>\n");
        }
    }
    sb_puts(&b, "</tbody></table></div>\n<p class=\"legend\">");
    html_text(&b, _("Tasks per cell:"));
    sb_puts(&b, " <span class=\"gapkey\" style=\"background:#fde2e2;color:#9b1c1c\">0 ");
    html_text(&b, _("gap"));
    sb_puts(&b, "</span>");
    for (int k = 1; k <= 4; k++) {
        size_t n = max ? (max * (size_t)k + 3) / 4 : (size_t)k;
        sb_puts(&b, "<span");
        heat(&b, n, max ? max : 4);
        sb_printf(&b, ">%zu</span>", n);
    }
    sb_puts(&b, "</p>\n");

    /* Categories and their summary. */
    sb_printf(&b, "<h2>%s</h2>\n<div class=\"scroll\"><table>\n<thead><tr>", _("Categories"));
    const char *heads[] = {_("Code"), _("Category"), _("Pillar"), _("Plans"), _("Provinces"),
                           _("Tasks")};
    for (size_t k = 0; k < 6; k++) {
        sb_printf(&b, "<th%s>", k >= 3 ? " class=\"n\"" : "");
        html_text(&b, heads[k]);
        sb_puts(&b, "</th>");
    }
    sb_puts(&b, "</tr></thead>\n<tbody>\n");
    for (size_t c = 0; c < cv->ncols; c++) {
        size_t plans, tasks, provinces;
        column_summary(cv, c, &plans, &tasks, &provinces);
        sb_printf(&b, "<tr><td>%s</td><td>", cv->cols[c].code);
        html_text(&b, cv_label(cv, &cv->cols[c]));
        sb_printf(&b, " <code>%s</code></td><td>", cv->cols[c].id);
        html_text(&b, cv->cols[c].is_pillar ? _("yes") : _("no"));
        sb_printf(&b, "</td><td class=\"n\">%zu/%zu</td><td class=\"n\">%zu/%zu</td>"
                      "<td class=\"n\">%zu</td></tr>\n",
                  plans, cv->nplans, provinces, cv->ngroups, tasks);
    }
    sb_puts(&b, "</tbody></table></div>\n");

    /* Gaps. */
    sb_printf(&b, "<h2>%s</h2>\n<ul>\n", _("Gaps"));
    size_t ngaps = 0;
    for (size_t i = 0; i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        int any = 0;
        for (size_t c = 0; c < cv->ncols; c++)
            if (!p->counts[c]) {
                if (!any++) {
                    sb_puts(&b, "<li>");
                    if (p->province) {
                        html_text(&b, p->province);
                        sb_puts(&b, ", ");
                    }
                    sbuf name = {0};
                    plan_name(&name, p);
                    html_text(&b, name.p);
                    free(name.p);
                    sb_puts(&b, ":");
                }
                sb_printf(&b, "%s <abbr title=\"", any > 1 ? "," : "");
                html_text(&b, cv_label(cv, &cv->cols[c]));
                sb_printf(&b, "\">%s</abbr>", cv->cols[c].code);
                ngaps++;
            }
        if (any)
            sb_puts(&b, "</li>\n");
    }
    if (!ngaps) {
        sb_puts(&b, "<li>");
        html_text(&b, _("None: every plan has tasks in every category."));
        sb_puts(&b, "</li>\n");
    }
    sb_puts(&b, "</ul>\n");

    /* Provinces. */
    sb_printf(&b, "<h2>%s</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>",
              _("By province"));
    html_text(&b, _("Province"));
    sb_printf(&b, "</th><th class=\"n\">%s</th><th class=\"n\">%s</th><th>%s</th></tr></thead>"
                  "\n<tbody>\n",
              _("Plans"), _("Tasks"), _("Pillars missing"));
    for (size_t g = 0; g < cv->ngroups; g++) {
        const cv_group *gr = &cv->groups[g];
        sb_puts(&b, "<tr><td>");
        html_text(&b, group_name(gr));
        sb_printf(&b, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td>", gr->nplans,
                  gr->tasks);
        int any = 0;
        for (size_t c = 0; c < cv->ncols; c++)
            if (cv->cols[c].is_pillar && !gr->counts[c])
                sb_printf(&b, "%s%s", any++ ? ", " : "", cv->cols[c].code);
        sb_puts(&b, any ? "</td></tr>\n" : "—</td></tr>\n");
    }
    sb_puts(&b, "</tbody></table></div>\n");

    /* Details: per plan, the leads and tasks of each cell. */
    sb_printf(&b, "<h2>%s</h2>\n", _("Details"));
    for (size_t i = 0; i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        sb_puts(&b, "<details><summary>");
        if (p->province) {
            html_text(&b, p->province);
            sb_puts(&b, ", ");
        }
        sbuf name = {0};
        plan_name(&name, p);
        html_text(&b, name.p);
        free(name.p);
        sb_puts(&b, "</summary>\n<p><code>");
        html_text(&b, p->file);
        sb_puts(&b, "</code></p>\n<ul>\n");
        for (size_t c = 0; c < cv->ncols; c++) {
            if (!p->counts[c])
                continue;
            char *leads = cv_cell_leads(p, c), *ev = cv_cell_evidence(p, c);
            if (!leads || !ev)
                b.failed = 1;
            sb_printf(&b, "<li><b>%s</b> ", cv->cols[c].code);
            html_text(&b, cv_label(cv, &cv->cols[c]));
            sb_printf(&b, _(": %zu tasks"), p->counts[c]);
            if (leads && *leads) {
                sb_printf(&b, " — %s ", _("lead:"));
                html_text(&b, leads);
            }
            sb_printf(&b, " — %s ", _("tasks:"));
            html_text(&b, ev);
            sb_puts(&b, "</li>\n");
            free(leads);
            free(ev);
        }
        sb_puts(&b, "</ul></details>\n");
    }
    sb_puts(&b, "</main>\n</body>\n</html>\n");
    return sb_take(&b);
}

char *cv_render(const cover *cv, enum cv_format fmt)
{
    switch (fmt) {
    case CV_TEXT: return render_text(cv);
    case CV_CSV: return render_csv(cv);
    case CV_JSON: return render_json(cv);
    case CV_MARKDOWN: return render_markdown(cv);
    case CV_HTML: return render_html(cv);
    case CV_XLSX: break;
    }
    return NULL;
}

/* ------------------------------------------------------------ xlsx */

int cv_write_xlsx(const cover *cv, const char *path, const char **why)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb) {
        *why = _("cannot create the workbook");
        return 0;
    }
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_worksheet *m = workbook_add_worksheet(wb, "Ma trận");
    lxw_worksheet *t = workbook_add_worksheet(wb, "Nhiệm vụ");
    lxw_worksheet *g = workbook_add_worksheet(wb, "Thiếu");
    if (!m || !t || !g) {
        workbook_close(wb);
        *why = _("cannot create the workbook");
        return 0;
    }

    /* Ma trận: province, number, date, file, then a column per category. */
    const char *mhead[] = {_("Province"), _("Number"), _("Date"), _("File")};
    for (lxw_col_t k = 0; k < 4; k++)
        worksheet_write_string(m, 0, k, mhead[k], bold);
    for (size_t c = 0; c < cv->ncols; c++) {
        char head[512];
        snprintf(head, sizeof head, "%s %s", cv->cols[c].code, cv_label(cv, &cv->cols[c]));
        worksheet_write_string(m, 0, (lxw_col_t)(4 + c), head, bold);
    }
    for (size_t i = 0; i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        if (p->group)
            worksheet_write_string(m, r, 0, p->group, NULL);
        if (p->number)
            worksheet_write_string(m, r, 1, p->number, NULL);
        if (p->date)
            worksheet_write_string(m, r, 2, p->date, NULL);
        worksheet_write_string(m, r, 3, p->file, NULL);
        for (size_t c = 0; c < cv->ncols; c++)
            worksheet_write_number(m, r, (lxw_col_t)(4 + c), (double)p->counts[c], NULL);
    }
    worksheet_set_column(m, 0, 1, 18, NULL);
    worksheet_set_column(m, 3, 3, 24, NULL);
    worksheet_set_column(m, 4, (lxw_col_t)(4 + (cv->ncols ? cv->ncols - 1 : 0)), 12, NULL);
    worksheet_freeze_panes(m, 1, 4);
    if (cv->nplans && cv->ncols) {
        lxw_conditional_format cf;
        memset(&cf, 0, sizeof cf);
        cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
        cf.min_color = 0xFDE2E2;
        cf.mid_color = 0xE8F5E9;
        cf.max_color = 0x1B7837;
        worksheet_conditional_format_range(m, 1, 4, (lxw_row_t)cv->nplans,
                                           (lxw_col_t)(4 + cv->ncols - 1), &cf);
    }

    /* Nhiệm vụ: one row per task. */
    const char *thead[] = {_("Province"), _("Plan"), _("File"), _("Category"), _("Code"),
                           _("Task"), _("Text"), _("Lead"), _("Line")};
    for (lxw_col_t k = 0; k < 9; k++)
        worksheet_write_string(t, 0, k, thead[k], bold);
    lxw_row_t tr = 1, gr = 1;
    for (size_t i = 0; i < cv->nplans; i++) {
        const cv_plan *p = cv->plans[i];
        for (size_t k = 0; k < p->ntasks; k++) {
            const cv_task *x = &p->tasks[k];
            const cv_col *col = x->col >= 0 ? &cv->cols[x->col] : NULL;
            if (p->group)
                worksheet_write_string(t, tr, 0, p->group, NULL);
            if (p->number)
                worksheet_write_string(t, tr, 1, p->number, NULL);
            worksheet_write_string(t, tr, 2, p->file, NULL);
            if (col) {
                worksheet_write_string(t, tr, 3, col->id, NULL);
                worksheet_write_string(t, tr, 4, col->code, NULL);
            }
            if (x->id)
                worksheet_write_string(t, tr, 5, x->id, NULL);
            if (x->text) {
                /* A cell holds at most 32,767 characters. */
                size_t n = strlen(x->text);
                if (n > 32000) {
                    char *cut = strndup(x->text, 32000);
                    size_t e = cut ? strlen(cut) : 0;
                    while (cut && e && ((unsigned char)cut[e - 1] & 0xC0) == 0x80)
                        cut[--e] = '\0';
                    if (cut && e && (unsigned char)cut[e - 1] >= 0xC0)
                        cut[--e] = '\0';
                    if (cut)
                        worksheet_write_string(t, tr, 6, cut, NULL);
                    free(cut);
                } else {
                    worksheet_write_string(t, tr, 6, x->text, NULL);
                }
            }
            sbuf leads = {0};
            for (size_t l = 0; l < x->nleads; l++) {
                if (l)
                    sb_puts(&leads, "; ");
                sb_puts(&leads, x->leads[l]);
            }
            if (leads.p)
                worksheet_write_string(t, tr, 7, leads.p, NULL);
            free(leads.p);
            worksheet_write_number(t, tr, 8, (double)x->line, NULL);
            tr++;
        }
        /* Thiếu: the gaps. */
        for (size_t c = 0; c < cv->ncols; c++) {
            if (p->counts[c])
                continue;
            if (p->group)
                worksheet_write_string(g, gr, 0, p->group, NULL);
            if (p->number)
                worksheet_write_string(g, gr, 1, p->number, NULL);
            worksheet_write_string(g, gr, 2, p->file, NULL);
            worksheet_write_string(g, gr, 3, cv->cols[c].id, NULL);
            worksheet_write_string(g, gr, 4, cv->cols[c].code, NULL);
            worksheet_write_string(g, gr, 5, cv_label(cv, &cv->cols[c]), NULL);
            worksheet_write_string(g, gr, 6, cv->cols[c].is_pillar ? _("yes") : _("no"), NULL);
            gr++;
        }
    }
    worksheet_set_column(t, 6, 6, 60, NULL);
    worksheet_freeze_panes(t, 1, 0);
    const char *ghead[] = {_("Province"), _("Plan"), _("File"), _("Category"), _("Code"),
                           _("Label"), _("Pillar")};
    for (lxw_col_t k = 0; k < 7; k++)
        worksheet_write_string(g, 0, k, ghead[k], bold);
    worksheet_freeze_panes(g, 1, 0);
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        *why = lxw_strerror(e);
        return 0;
    }
    return 1;
}
