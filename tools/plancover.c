/* plancover — which plans cover which categories of a framework: the
 * coverage matrix of many plan files at once.
 *
 * Consumes: files and directories (walked recursively, in byte order of
 * names), parsed in parallel by -j threads sharing one loaded options
 * object; of each parse only a summary is kept (cover.h) and the plan is
 * freed at once, so memory grows with the number of tasks, not with the
 * size of the plans.  Results are placed by input index, so the output
 * does not depend on -j.  Produces: the matrix (plans × categories, pillars
 * first), its gaps and summaries per province and per category, rendered
 * by cover_render.c. */
#include "config.h"
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "cover.h"
#include "vnplan.h"

static const char *prog = "plancover";

static void usage(FILE *out)
{
    fprintf(out,
            _("Usage: %s [OPTION]... FILE|DIR...\n"
            "Show which plans cover which categories of the framework they implement\n"
            "(the five pillars of Decision 161/QĐ-TTg, or the objectives of Decision\n"
            "155/QĐ-TTg, then the parts plans add): per plan and category the number\n"
            "of tasks, their lead agencies and the tasks' ids and lines; the empty\n"
            "cells (gaps); and summaries per province and per category.  Directories\n"
            "are walked recursively; every file is told by its content (text, Word,\n"
            "OpenDocument).\n"
            "\n"
            "  -f, --format=FORMAT   text (default; a table as wide as the terminal),\n"
            "                        csv (one row per plan and category), json,\n"
            "                        markdown, html (one self-contained page with a\n"
            "                        heatmap) or xlsx (an Excel workbook; needs -o)\n"
            "  -o, --output=FILE     write to FILE; without -f the format follows its\n"
            "                        extension (.txt .csv .json .md .html .xlsx)\n"
            "      --framework=NAME  classify by qd161, qd155 or a framework FILE\n"
            "                        (default: the one the plans cite; the newer when\n"
            "                        they cite different ones)\n"
            "      --as-of=DATE      group plans by province as provinces are on DATE\n"
            "                        (YYYY-MM-DD; from 2025-07-01 the 34 provinces of\n"
            "                        the 2025 reorganisation) and show agencies as then\n"
            "  -j, --jobs=N          parse N files at once (default: the online CPUs)\n"
            "      --agencies=FILE   extra agency names (format of agencies.tsv)\n"
            "  -e, --encoding=NAME   read the input as NAME instead of detecting it\n"
            "      --datadir=DIR     read data files from DIR (default: the installed\n"
            "                        data, or $VNPLAN_DATADIR)\n"),
            prog);
    fputs(_(CLI_LIMIT_HELP), out);
    fputs(_(CLI_LANG_HELP), out);
    fputs(_("  -h, --help            show this help and exit\n"
            "  -V, --version         show versions and exit\n"
            "\n"
            "Exit status: 0 every file covered; 1 some file could not be read or holds\n"
            "no plan (one line each on stderr; the others are still covered), or the\n"
            "output could not be written; 2 bad usage; 3 missing data files or out of\n"
            "memory.\n"),
          out);
}

/* ------------------------------------------------------------ helpers */

static void *xcalloc(size_t n, size_t size, int *nomem)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        *nomem = 1;
    return p;
}

static char *xstrdup(const char *s, int *nomem)
{
    if (!s)
        return NULL;
    char *p = strdup(s);
    if (!p)
        *nomem = 1;
    return p;
}

/* A copy of `s` in valid UTF-8 (file names may hold any bytes): invalid
 * bytes become U+FFFD. */
static char *utf8_clean(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(3 * n + 1), *o = out;
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                   : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        size_t k = 1;
        while (len > 1 && k < len && (p[k] & 0xC0) == 0x80)
            k++;
        if (len > 1 && k < len)
            len = 0;
        if (len == 3 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0)))
            len = 0;
        if (len == 4 && ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90)))
            len = 0;
        if (len) {
            memcpy(o, p, len);
            o += len;
            p += len;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            p++;
        }
    }
    *o = '\0';
    return out;
}

/* ------------------------------------------------------------ inputs */

typedef struct inputs {
    char **paths;
    size_t n, cap;
} inputs;

static int add_input(inputs *in, const char *path)
{
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 64;
        char **p = realloc(in->paths, cap * sizeof *p);
        if (!p)
            return 0;
        in->paths = p;
        in->cap = cap;
    }
    if (!(in->paths[in->n] = strdup(path)))
        return 0;
    in->n++;
    return 1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under `dir`, in byte order of names at each level;
 * entries that cannot be examined (a dangling symbolic link) are kept, for
 * the parse to report; symbolic links to directories are not followed.
 * 0 when out of memory; a directory that cannot be read is reported and
 * raises *status. */
static int walk(inputs *in, const char *dir, int depth, int *status)
{
    DIR *dh = opendir(dir);
    if (!dh) {
        fprintf(stderr, "%s: %s: %s\n", prog, dir, strerror(errno));
        if (*status < CLI_INPUT)
            *status = CLI_INPUT;
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int ok = 1;
    struct dirent *e;
    while (ok && (e = readdir(dh))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) {
                ok = 0;
                break;
            }
            names = p;
        }
        if (!(names[n] = strdup(e->d_name)))
            ok = 0;
        else
            n++;
    }
    closedir(dh);
    if (ok && n)
        qsort(names, n, sizeof *names, by_name);
    size_t dl = strlen(dir);
    for (size_t i = 0; ok && i < n; i++) {
        char *path = malloc(dl + strlen(names[i]) + 2);
        if (!path) {
            ok = 0;
            break;
        }
        sprintf(path, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < 64)
                ok = walk(in, path, depth + 1, status);
        } else if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
            struct stat target;
            if (stat(path, &target) != 0 || S_ISREG(target.st_mode))
                ok = add_input(in, path);   /* a dangling link: reported */
        } else if (lstat(path, &st) != 0 || S_ISREG(st.st_mode)) {
            ok = add_input(in, path);
        }
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return ok;
}

/* ------------------------------------------------------------ one file */

typedef struct result {
    cv_plan *plan;           /* NULL: skipped */
    vnplan_error err;        /* why, when skipped */
    int no_plan;             /* parsed, but no document with tasks */
    int nomem;
} result;

typedef struct job {
    const vnplan_options *opts;
    const vnplan_framework **slots;   /* frameworks a task is placed in */
    size_t nslots;
    int keep_text;
    int as_of;               /* show agencies as on the --as-of date */
    inputs *in;
    result *results;
    atomic_size_t next;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    size_t done, failed;
} job;

static void free_plan(cv_plan *p, size_t nslots)
{
    (void)nslots;
    if (!p)
        return;
    for (size_t i = 0; i < p->ntasks; i++) {
        cv_task *t = &p->tasks[i];
        free(t->id);
        free(t->text);
        for (size_t k = 0; k < t->nleads; k++)
            free(t->leads[k]);
        free(t->leads);
        free(t->slot_cat);
    }
    free(p->tasks);
    free(p->counts);
    free(p->file);
    free(p->province);
    free(p->number);
    free(p->date);
    free(p->title);
    free(p->framework);
    free(p);
}

/* The labels of who leads `t`, each once: the lead agencies (their
 * canonical names, or as of --as-of their successors'), else the bodies
 * requested to do it. */
static int task_leads(cv_task *ct, const vnplan_task *t, int as_of, int *nomem)
{
    vnplan_role role = vnplan_task_agency_count(t, VNPLAN_ROLE_LEAD) ? VNPLAN_ROLE_LEAD
                                                                     : VNPLAN_ROLE_REQUESTED;
    size_t n = vnplan_task_agency_count(t, role);
    ct->leads = xcalloc(n, sizeof *ct->leads, nomem);
    if (!ct->leads)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const char *label = NULL, *today = NULL;
        const char *printed = vnplan_task_agency(t, role, i, NULL, &label);
        if (!printed)
            continue;
        if (as_of && vnplan_task_agency_today(t, role, i, &today) && today)
            label = today;
        if (!label)
            label = printed;
        size_t k = 0;
        while (k < ct->nleads && strcmp(ct->leads[k], label) != 0)
            k++;
        if (k < ct->nleads)
            continue;
        if (!(ct->leads[ct->nleads] = xstrdup(label, nomem)))
            return 0;
        ct->nleads++;
    }
    return 1;
}

/* The summary of one parsed file, or NULL with r->no_plan or r->nomem. */
static cv_plan *summarise(const job *j, const vnplan_plan *plan, const char *path, result *r)
{
    const vnplan_document *doc = NULL;
    size_t most = 0;
    for (size_t i = 0, n = vnplan_plan_document_count(plan); i < n; i++) {
        const vnplan_document *d = vnplan_plan_document(plan, i);
        size_t k = vnplan_document_task_count(d, VNPLAN_TASKS);
        if (k > most) {
            most = k;
            doc = d;
        }
    }
    if (!doc) {
        r->no_plan = 1;
        return NULL;
    }
    int nomem = 0;
    cv_plan *p = xcalloc(1, sizeof *p, &nomem);
    if (!p) {
        r->nomem = 1;
        return NULL;
    }
    p->file = utf8_clean(path);
    nomem |= !p->file;
    p->province = xstrdup(vnplan_document_field(doc, VNPLAN_FIELD_PROVINCE), &nomem);
    p->number = xstrdup(vnplan_document_field(doc, VNPLAN_FIELD_NUMBER), &nomem);
    p->date = xstrdup(vnplan_document_field(doc, VNPLAN_FIELD_DATE), &nomem);
    p->title = xstrdup(vnplan_document_field(doc, VNPLAN_FIELD_TITLE), &nomem);
    p->framework = xstrdup(vnplan_document_framework(doc), &nomem);
    p->tasks = xcalloc(most, sizeof *p->tasks, &nomem);
    for (size_t i = 0; !nomem && i < most; i++) {
        const vnplan_task *t = vnplan_document_task(doc, VNPLAN_TASKS, i);
        cv_task *ct = &p->tasks[i];
        p->ntasks++;
        ct->col = -1;
        ct->id = xstrdup(vnplan_task_id(t), &nomem);
        ct->line = vnplan_task_line(t);
        if (j->keep_text)
            ct->text = xstrdup(vnplan_task_text(t), &nomem);
        ct->slot_cat = xcalloc(j->nslots, sizeof *ct->slot_cat, &nomem);
        for (size_t s = 0; ct->slot_cat && s < j->nslots; s++) {
            size_t index;
            vnplan_task_category(doc, t, j->slots[s], &index);
            ct->slot_cat[s] = index == (size_t)-1 ? -1 : (int)index;
        }
        if (!nomem)
            task_leads(ct, t, j->as_of, &nomem);
    }
    if (nomem) {
        free_plan(p, j->nslots);
        r->nomem = 1;
        return NULL;
    }
    return p;
}

static void *worker(void *arg)
{
    job *j = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&j->next, 1);
        if (i >= j->in->n)
            break;
        result *r = &j->results[i];
        vnplan_plan *plan = vnplan_parse_file(j->in->paths[i], j->opts, &r->err);
        if (plan) {
            r->plan = summarise(j, plan, j->in->paths[i], r);
            if (r->plan)
                r->plan->input = i;
            vnplan_plan_free(plan);
        }
        pthread_mutex_lock(&j->lock);
        j->done++;
        if (!r->plan)
            j->failed++;
        pthread_cond_signal(&j->cond);
        pthread_mutex_unlock(&j->lock);
    }
    return NULL;
}

/* ------------------------------------------------------------ progress */

static int progress_width;

static void progress(size_t done, size_t failed, size_t total, const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double secs = (double)(now.tv_sec - t0->tv_sec) + (now.tv_nsec - t0->tv_nsec) / 1e9;
    fputc('\r', stderr);
    int n = fprintf(stderr, _("%s: %zu/%zu files, %zu failed, %.1f s"), prog, done, total,
                    failed, secs);
    if (n < progress_width)
        fprintf(stderr, "%*s", progress_width - n, "");
    progress_width = n > progress_width ? n : progress_width;
    fflush(stderr);
}

static void progress_clear(void)
{
    if (progress_width)
        fprintf(stderr, "\r%*s\r", progress_width, "");
    progress_width = 0;
}

/* ------------------------------------------------------------ provinces */

/* "tỉnh Khánh Hòa", "Thành phố Hồ Chí Minh", "TP. Cần Thơ" → the name. */
static const char *bare_province(const char *s)
{
    static const char *const prefixes[] = {"tỉnh ", "Tỉnh ", "TỈNH ", "thành phố ", "Thành phố ",
                                           "THÀNH PHỐ ", "TP. ", "TP ", "Tp. "};
    for (size_t i = 0; s && i < sizeof prefixes / sizeof *prefixes; i++)
        if (strncmp(s, prefixes[i], strlen(prefixes[i])) == 0)
            return s + strlen(prefixes[i]);
    return s;
}

static char *fold(const char *s)
{
    s = bare_province(s);
    return vnplan_fold(s, strlen(s), VNPLAN_FOLD_DEFAULT);
}

typedef struct province_row {
    char *key, *old_name, *new_name, date[11];
} province_row;

typedef struct provinces {
    province_row *rows;
    size_t n;
} provinces;

static void provinces_free(provinces *pv)
{
    for (size_t i = 0; i < pv->n; i++) {
        free(pv->rows[i].key);
        free(pv->rows[i].old_name);
        free(pv->rows[i].new_name);
    }
    free(pv->rows);
}

/* <datadir>/provinces.tsv (docs/provinces.md); CLI_OK or an exit status,
 * reported. */
static int provinces_load(provinces *pv, const char *datadir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/provinces.tsv", datadir ? datadir : ".");
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, _("%s: %s: cannot read: %s\n"), prog, path, strerror(errno));
        return CLI_INTERNAL;
    }
    char line[1024];
    long ln = 0;
    size_t cap = 0;
    int status = CLI_OK;
    while (status == CLI_OK && fgets(line, sizeof line, f)) {
        ln++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t1 || !t2 || strchr(t2 + 1, '\t') || t1 == line || t2 == t1 + 1 ||
            !cli_valid_date(t2 + 1)) {
            fprintf(stderr, _("%s: %s: line %ld: want OLD<tab>NEW<tab>YYYY-MM-DD\n"), prog,
                    path, ln);
            status = CLI_INTERNAL;
            break;
        }
        *t1 = *t2 = '\0';
        if (pv->n == cap) {
            cap = cap ? cap * 2 : 80;
            province_row *r = realloc(pv->rows, cap * sizeof *r);
            if (!r) {
                status = CLI_INTERNAL;
                break;
            }
            pv->rows = r;
        }
        province_row *r = &pv->rows[pv->n];
        memset(r, 0, sizeof *r);
        r->key = fold(line);
        r->old_name = strdup(line);
        r->new_name = strdup(t1 + 1);
        memcpy(r->date, t2 + 1, 11);
        pv->n++;
        if (!r->key || !r->old_name || !r->new_name)
            status = CLI_INTERNAL;
    }
    fclose(f);
    return status;
}

/* The name of the province `name` is part of on `date`: rows apply in
 * turn, so a province renamed and then merged ends where the last row
 * dated on or before `date` puts it. */
static const char *province_on(const provinces *pv, const char *name, const char *date)
{
    const char *cur = name;
    for (int step = 0; step < 4; step++) {
        char *key = fold(cur);
        if (!key)
            return cur;
        const char *next = NULL;
        for (size_t i = 0; i < pv->n && !next; i++)
            if (strcmp(pv->rows[i].key, key) == 0 && strcmp(pv->rows[i].date, date) <= 0 &&
                strcmp(pv->rows[i].new_name, cur) != 0)
                next = pv->rows[i].new_name;
        free(key);
        if (!next)
            break;
        cur = next;
    }
    return cur;
}

/* ------------------------------------------------------------ the matrix */

typedef struct sortkey {
    cv_plan *plan;
    char *group_key;    /* the province, folded: plans of one province */
    char *order_key;    /* its place: "Đà Nẵng" among the D's */
} sortkey;

static int by_group(const void *x, const void *y)
{
    const sortkey *a = x, *b = y;
    /* Plans whose province is unknown come last. */
    if (!a->group_key != !b->group_key)
        return a->group_key ? -1 : 1;
    int c = a->group_key ? strcmp(a->order_key, b->order_key) : 0;
    if (!c && a->group_key)
        c = strcmp(a->group_key, b->group_key);
    if (c)
        return c;
    c = strcmp(a->plan->date ? a->plan->date : "", b->plan->date ? b->plan->date : "");
    if (c)
        return c;
    c = strcmp(a->plan->number ? a->plan->number : "", b->plan->number ? b->plan->number : "");
    if (c)
        return c;
    return a->plan->input < b->plan->input ? -1 : a->plan->input > b->plan->input;
}

/* Columns: the framework's pillars in its order, then its other parts. */
static int build_columns(cover *cv, const vnplan_framework *fw)
{
    size_t n = vnplan_framework_category_count(fw);
    cv->cols = calloc(n ? n : 1, sizeof *cv->cols);
    if (!cv->cols)
        return 0;
    int np = 0, nn = 0;
    for (int pass = 1; pass >= 0; pass--)
        for (size_t i = 0; i < n; i++) {
            cv_col c = {0};
            c.id = vnplan_framework_category(fw, i, &c.label_vi, &c.label_en, &c.is_pillar);
            if (!c.id || c.is_pillar != pass)
                continue;
            c.index = i;
            snprintf(c.code, sizeof c.code, "%s%d", pass ? "P" : "N", pass ? ++np : ++nn);
            cv->cols[cv->ncols++] = c;
        }
    return 1;
}

/* Sort the plans, place each task in its column, group by province. */
static int build_matrix(cover *cv, size_t slot, const provinces *pv)
{
    int *col_of = calloc(cv->ncols + 64, sizeof *col_of);
    sortkey *keys = calloc(cv->nplans ? cv->nplans : 1, sizeof *keys);
    size_t maxindex = 0;
    for (size_t c = 0; c < cv->ncols; c++)
        maxindex = cv->cols[c].index > maxindex ? cv->cols[c].index : maxindex;
    int *map = calloc(maxindex + 1, sizeof *map);
    int ok = col_of && keys && map;
    for (size_t c = 0; ok && c < cv->ncols; c++)
        map[cv->cols[c].index] = (int)c;
    for (size_t i = 0; ok && i < cv->nplans; i++) {
        cv_plan *p = cv->plans[i];
        p->counts = calloc(cv->ncols ? cv->ncols : 1, sizeof *p->counts);
        if (!p->counts) {
            ok = 0;
            break;
        }
        for (size_t k = 0; k < p->ntasks; k++) {
            int idx = p->tasks[k].slot_cat ? p->tasks[k].slot_cat[slot] : -1;
            p->tasks[k].col = idx >= 0 && (size_t)idx <= maxindex ? map[idx] : -1;
            if (p->tasks[k].col >= 0)
                p->counts[p->tasks[k].col]++;
            else
                p->unclassified++;
        }
        p->group = p->province ? bare_province(p->province) : NULL;
        if (p->group && cv->as_of && pv)
            p->group = province_on(pv, p->group, cv->as_of);
        keys[i].plan = p;
        if (p->group) {
            const char *g = bare_province(p->group);
            keys[i].group_key = fold(g);
            keys[i].order_key = vnplan_fold(g, strlen(g), VNPLAN_FOLD_DIACRITICS);
            ok = keys[i].group_key && keys[i].order_key;
        }
    }
    if (ok && cv->nplans)
        qsort(keys, cv->nplans, sizeof *keys, by_group);
    cv->groups = ok ? calloc(cv->nplans ? cv->nplans : 1, sizeof *cv->groups) : NULL;
    ok = ok && cv->groups;
    for (size_t i = 0; ok && i < cv->nplans; i++) {
        cv->plans[i] = keys[i].plan;
        int same = cv->ngroups &&
                   ((!keys[i].group_key && !keys[i - 1].group_key) ||
                    (keys[i].group_key && keys[i - 1].group_key &&
                     strcmp(keys[i].group_key, keys[i - 1].group_key) == 0));
        if (!same) {
            cv_group *g = &cv->groups[cv->ngroups++];
            g->name = keys[i].plan->group;
            g->first = i;
            if (!(g->counts = calloc(cv->ncols ? cv->ncols : 1, sizeof *g->counts)))
                ok = 0;
        }
        cv_group *g = &cv->groups[cv->ngroups - 1];
        g->nplans++;
        g->tasks += keys[i].plan->ntasks;
        for (size_t c = 0; ok && c < cv->ncols; c++)
            g->counts[c] += keys[i].plan->counts[c];
    }
    for (size_t i = 0; keys && i < cv->nplans; i++) {
        free(keys[i].group_key);
        free(keys[i].order_key);
    }
    free(keys);
    free(col_of);
    free(map);
    return ok;
}

/* ------------------------------------------------------------ main */

static int format_by_name(const char *s, enum cv_format *f)
{
    static const struct { const char *name; enum cv_format f; } names[] = {
        {"text", CV_TEXT}, {"txt", CV_TEXT}, {"csv", CV_CSV}, {"json", CV_JSON},
        {"markdown", CV_MARKDOWN}, {"md", CV_MARKDOWN}, {"html", CV_HTML}, {"htm", CV_HTML},
        {"xlsx", CV_XLSX},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(s, names[i].name) == 0) {
            *f = names[i].f;
            return 1;
        }
    return 0;
}

static int terminal_width(void)
{
    const char *env = getenv("COLUMNS");
    if (env && atoi(env) > 0)
        return atoi(env);
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

enum { OPT_FRAMEWORK = 256, OPT_AS_OF, OPT_AGENCIES, OPT_DATADIR, OPT_LIMIT, OPT_LANG };

int main(int argc, char **argv)
{
    int lang = cli_i18n(prog, argc, argv);
    if (lang < 0)
        return CLI_USAGE;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"framework", required_argument, NULL, OPT_FRAMEWORK},
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"jobs", required_argument, NULL, 'j'},
        {"agencies", required_argument, NULL, OPT_AGENCIES},
        {"encoding", required_argument, NULL, 'e'},
        {"datadir", required_argument, NULL, OPT_DATADIR},
        {"limit", required_argument, NULL, OPT_LIMIT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    enum cv_format format = CV_TEXT;
    int have_format = 0, c;
    long jobs = 0;
    const char *output = NULL, *framework = NULL, *as_of = NULL, *agencies = NULL;
    const char *encoding = NULL, *datadir = NULL;
    size_t limits[VNPLAN_LIMIT__COUNT] = {0};
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:j:e:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!format_by_name(optarg, &format))
                return cli_usage_error(prog, _("unknown format '%s' (text, csv, json, "
                                               "markdown, html, xlsx)"), optarg);
            have_format = 1;
            break;
        case 'o': output = optarg; break;
        case OPT_FRAMEWORK: framework = optarg; break;
        case OPT_AS_OF:
            if (!cli_valid_date(optarg))
                return cli_usage_error(prog, _("invalid date '%s' for --as-of (use YYYY-MM-DD)"),
                                       optarg);
            as_of = optarg;
            break;
        case 'j': {
            char *end;
            errno = 0;
            jobs = strtol(optarg, &end, 10);
            if (errno || *end || end == optarg || jobs < 1 || jobs > 1024)
                return cli_usage_error(prog, _("invalid number of jobs '%s' (1 to 1024)"),
                                       optarg);
            break;
        }
        case OPT_AGENCIES: agencies = optarg; break;
        case 'e': encoding = optarg; break;
        case OPT_DATADIR: datadir = optarg; break;
        case OPT_LIMIT:
            if (cli_parse_limit(prog, optarg, limits) != CLI_OK)
                return CLI_USAGE;
            break;
        case OPT_LANG: break;   /* cli_i18n */
        case 'h': usage(stdout); return CLI_OK;
        case 'V': cli_version(prog, stdout); return CLI_OK;
        case ':': return cli_usage_error(prog, _("option '%s' needs a value"), argv[optind - 1]);
        default: return cli_usage_error(prog, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error(prog, _("no input file or directory"));
    if (!have_format && output && strcmp(output, "-") != 0) {
        const char *dot = strrchr(output, '.');
        if (dot && !strchr(dot, '/'))
            format_by_name(dot + 1, &format);
    }
    if (format == CV_XLSX && (!output || strcmp(output, "-") == 0))
        return cli_usage_error(prog, _("xlsx needs an output file (-o FILE.xlsx)"));
    if (jobs == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = n > 0 ? (n > 64 ? 64 : n) : 1;
    }

    int status = CLI_OK;
    vnplan_options *opts =
        cli_setup(prog, datadir, agencies, as_of, limits, encoding, framework, &status);
    if (!opts)
        return status;
    provinces pv = {0};
    if (as_of && (status = provinces_load(&pv, vnplan_options_datadir(opts))) != CLI_OK) {
        provinces_free(&pv);
        vnplan_options_free(opts);
        return status;
    }

    /* The frameworks a task is placed in: the one asked for, or every
     * installed one (the choice waits until every plan is read). */
    const vnplan_framework *asked = vnplan_options_framework(opts, NULL);
    size_t nslots = asked ? 1 : vnplan_options_framework_count(opts);
    const vnplan_framework **slots = calloc(nslots ? nslots : 1, sizeof *slots);
    inputs in = {0};
    int nomem = !slots;
    for (size_t s = 0; slots && s < nslots; s++)
        slots[s] = asked ? asked : vnplan_options_framework_at(opts, s);
    for (int i = optind; !nomem && i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            nomem = !walk(&in, argv[i], 0, &status);
        else
            nomem = !add_input(&in, argv[i]);
    }
    result *results = nomem ? NULL : calloc(in.n ? in.n : 1, sizeof *results);
    if (nomem || !results) {
        fprintf(stderr, _("%s: out of memory\n"), prog);
        status = CLI_INTERNAL;
        goto out;
    }

    job j = {.opts = opts, .slots = slots, .nslots = nslots, .keep_text = format == CV_XLSX,
             .as_of = as_of != NULL, .in = &in, .results = results};
    atomic_init(&j.next, 0);
    pthread_mutex_init(&j.lock, NULL);
    pthread_cond_init(&j.cond, NULL);
    size_t nthreads = (size_t)jobs < in.n ? (size_t)jobs : in.n;
    pthread_t *threads = calloc(nthreads ? nthreads : 1, sizeof *threads);
    size_t started = 0;
    int show = isatty(STDERR_FILENO);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (size_t t = 0; threads && t < nthreads; t++) {
        if (pthread_create(&threads[t], NULL, worker, &j) != 0)
            break;
        started++;
    }
    if (!started)
        worker(&j);   /* no thread could be made: this one does it all */
    pthread_mutex_lock(&j.lock);
    while (j.done < in.n) {
        if (show) {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += 200000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&j.cond, &j.lock, &until);
            progress(j.done, j.failed, in.n, &t0);
        } else {
            pthread_cond_wait(&j.cond, &j.lock);
        }
    }
    pthread_mutex_unlock(&j.lock);
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    if (show)
        progress_clear();
    pthread_mutex_destroy(&j.lock);
    pthread_cond_destroy(&j.cond);

    /* The files skipped, one line each, in the order given. */
    cover cv = {.as_of = as_of, .english = lang == VNPLAN_RENDER_LANG_EN, .nfiles = in.n,
                .width = terminal_width()};
    cv.plans = calloc(in.n ? in.n : 1, sizeof *cv.plans);
    if (!cv.plans) {
        fprintf(stderr, _("%s: out of memory\n"), prog);
        status = CLI_INTERNAL;
    }
    for (size_t i = 0; i < in.n; i++) {
        result *r = &results[i];
        if (r->plan) {
            if (cv.plans)
                cv.plans[cv.nplans++] = r->plan;
            continue;
        }
        cv.nskipped++;
        char *name = utf8_clean(in.paths[i]);
        if (r->nomem) {
            fprintf(stderr, _("%s: %s: out of memory\n"), prog, name ? name : in.paths[i]);
            status = CLI_INTERNAL;
        } else if (r->no_plan) {
            fprintf(stderr, _("%s: %s: no plan (no document with tasks)\n"), prog,
                    name ? name : in.paths[i]);
            if (status < CLI_INPUT)
                status = CLI_INPUT;
        } else {
            cli_parse_failed(prog, &r->err, &status);
        }
        free(name);
    }

    /* The framework of the matrix: the one asked for; else the one the
     * plans were classified by; else, when they differ, the newer. */
    size_t slot = 0;
    const vnplan_framework *fw = asked;
    cv.framework_why = "option";
    if (!fw) {
        cv.framework_why = "default";
        for (size_t i = 0; i < cv.nplans; i++) {
            const char *id = cv.plans[i]->framework;
            const vnplan_framework *f = id ? vnplan_options_framework(opts, id) : NULL;
            if (!f || f == fw)
                continue;
            if (!fw) {
                fw = f;
                cv.framework_why = "all";
                continue;
            }
            const char *da = vnplan_framework_date(fw), *db = vnplan_framework_date(f);
            if (strcmp(db ? db : "", da ? da : "") > 0)
                fw = f;
            cv.framework_why = "newer";
        }
        if (!fw)
            fw = vnplan_options_framework(opts, "qd161");
        if (!fw)
            fw = vnplan_options_framework_at(opts, 0);
        for (size_t s = 0; s < nslots; s++)
            if (slots[s] == fw)
                slot = s;
    }
    if (!fw) {
        fprintf(stderr, _("%s: no framework data found (data/frameworks/)\n"), prog);
        status = CLI_INTERNAL;
    } else if (status != CLI_INTERNAL) {
        cv.framework = vnplan_framework_id(fw);
        cv.framework_title = vnplan_framework_title(fw);
        cv.framework_date = vnplan_framework_date(fw);
        if (!build_columns(&cv, fw) || !build_matrix(&cv, slot, as_of ? &pv : NULL)) {
            fprintf(stderr, _("%s: out of memory\n"), prog);
            status = CLI_INTERNAL;
        } else if (format == CV_XLSX) {
            const char *why = NULL;
            if (!cv_write_xlsx(&cv, output, &why)) {
                fprintf(stderr, _("%s: %s: cannot write: %s\n"), prog, output, why ? why : "");
                if (status < CLI_INPUT)
                    status = CLI_INPUT;
            }
        } else {
            char *s = cv_render(&cv, format);
            if (!s) {
                fprintf(stderr, _("%s: out of memory\n"), prog);
                status = CLI_INTERNAL;
            } else if (!cli_write(prog, output, s) && status < CLI_INPUT) {
                status = CLI_INPUT;
            }
            free(s);
        }
    }
    for (size_t g = 0; g < cv.ngroups; g++)
        free(cv.groups[g].counts);
    free(cv.groups);
    free(cv.cols);
    free(cv.plans);
out:
    for (size_t i = 0; results && i < in.n; i++)
        free_plan(results[i].plan, nslots);
    free(results);
    for (size_t i = 0; i < in.n; i++)
        free(in.paths[i]);
    free(in.paths);
    free(slots);
    provinces_free(&pv);
    vnplan_options_free(opts);
    return status;
}
