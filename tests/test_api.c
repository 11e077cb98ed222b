/* test_api.c — the library's lifetimes and threads, as a C user meets
 * them: options freed before the plans made with them, a comparison made
 * without options, plans freed before their diff, and two threads parsing
 * with one shared options object.  Every case is checked against the
 * output of the plain order (options outlive everything), byte for byte. */
#include "config.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "vnplan.h"

static char path_k[1024], path_t[1024], path_155[1024];

static vnplan_options *new_options(int load)
{
    vnplan_options *o = vnplan_options_new();
    const char *dir = getenv("VNPLAN_DATADIR");
    if (o && dir && *dir)
        vnplan_options_set_datadir(o, dir);
    vnplan_error err;
    if (o && load && vnplan_options_load(o, &err) != VNPLAN_OK) {
        printf("# load: %s\n", err.message);
        vnplan_options_free(o);
        return NULL;
    }
    return o;
}

static vnplan_plan *parse(const char *path, const vnplan_options *o)
{
    vnplan_error err;
    vnplan_plan *p = vnplan_parse_file(path, o, &err);
    if (!p)
        printf("# %s: %s\n", path, err.message);
    return p;
}

static int same(const char *got, const char *want)
{
    return got && want && strcmp(got, want) == 0;
}

/* ------------------------------------------------------------ threads */
typedef struct job {
    const vnplan_options *opts;
    const char *path;
    int rounds;
    char *json;           /* the last round's rendering */
    int stable;           /* every round gave the same bytes */
} job;

static void *parse_job(void *arg)
{
    job *j = arg;
    j->stable = 1;
    for (int r = 0; r < j->rounds; r++) {
        vnplan_plan *p = parse(j->path, j->opts);
        char *s = p ? vnplan_render(p, VNPLAN_FORMAT_JSON) : NULL;
        vnplan_plan_free(p);
        if (!s || (j->json && strcmp(s, j->json) != 0))
            j->stable = 0;
        free(j->json);
        j->json = s;
    }
    return NULL;
}

int main(void)
{
    const char *top = getenv("top_srcdir");
    if (!top)
        top = ".";
    snprintf(path_k, sizeof path_k, "%s/corpus/khanhhoa.txt", top);
    snprintf(path_t, sizeof path_t, "%s/corpus/thanhhoa.txt", top);
    snprintf(path_155, sizeof path_155, "%s/tests/fixtures/plan155.txt", top);

    /* The reference: options outlive every plan and diff. */
    vnplan_options *o = new_options(1);
    ok(o != NULL, "options load");
    vnplan_plan *k = parse(path_k, o), *t = parse(path_t, o);
    ok(k && t, "both corpus plans parse");
    char *want_k = vnplan_render(k, VNPLAN_FORMAT_JSON);
    char *want_t = vnplan_render(t, VNPLAN_FORMAT_JSON);
    vnplan_diff *d = vnplan_compare(k, t, o, NULL);
    char *want_diff = d ? vnplan_diff_render(d, VNPLAN_DIFF_JSON, 0, 0) : NULL;
    ok(want_k && want_t && want_diff, "reference renderings");
    vnplan_diff_free(d);
    vnplan_plan_free(k);
    vnplan_plan_free(t);
    vnplan_options_free(o);

    /* Parse with options, free the options, then render and compare. */
    o = new_options(1);
    k = parse(path_k, o);
    t = parse(path_t, o);
    vnplan_options_free(o);
    char *s = k ? vnplan_render(k, VNPLAN_FORMAT_JSON) : NULL;
    ok(same(s, want_k), "options freed before the plan: the plan renders as before");
    free(s);
    d = k && t ? vnplan_compare(k, t, NULL, NULL) : NULL;
    ok(d != NULL, "compare with NULL options after the options are gone");
    s = d ? vnplan_diff_render(d, VNPLAN_DIFF_JSON, 0, 0) : NULL;
    ok(same(s, want_diff), "... and the diff renders as with options");
    free(s);

    /* Plans freed before their diff. */
    vnplan_plan_free(k);
    vnplan_plan_free(t);
    s = d ? vnplan_diff_render(d, VNPLAN_DIFF_TEXT, 80, 0) : NULL;
    ok(s && strstr(s, "12127/KH-UBND") != NULL, "plans freed first: the diff still renders");
    free(s);
    s = d ? vnplan_diff_render(d, VNPLAN_DIFF_JSON, 0, 0) : NULL;
    ok(same(s, want_diff), "... the same JSON");
    free(s);
    vnplan_diff_free(d);

    /* Options never loaded: each parse loads its own data; same result. */
    o = new_options(0);
    k = parse(path_k, o);
    s = k ? vnplan_render(k, VNPLAN_FORMAT_JSON) : NULL;
    ok(same(s, want_k), "options never loaded: same plan");
    free(s);
    vnplan_options_free(o);
    vnplan_plan_free(k);

    /* A setter after loading drops the loaded data; plans keep theirs. */
    o = new_options(1);
    k = parse(path_k, o);
    vnplan_options_set_datadir(o, "/nonexistent/vnplan-data");
    vnplan_error err;
    t = vnplan_parse_file(path_t, o, &err);
    ok(!t && err.code == VNPLAN_E_DATA, "a new data directory is loaded anew (here: missing, %s)",
       vnplan_status_name(err.code));
    vnplan_plan_free(t);
    s = k ? vnplan_render(k, VNPLAN_FORMAT_JSON) : NULL;
    ok(same(s, want_k), "the plan parsed before keeps its data");
    free(s);
    vnplan_plan_free(k);
    vnplan_options_free(o);

    /* Two threads, one shared loaded options object, different files. */
    o = new_options(1);
    job jobs[2] = {{o, path_k, 4, NULL, 0}, {o, path_t, 4, NULL, 0}};
    pthread_t th[2];
    int started = 0;
    for (int i = 0; i < 2; i++)
        started += pthread_create(&th[i], NULL, parse_job, &jobs[i]) == 0;
    ok(started == 2, "two threads started");
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    ok(jobs[0].stable && same(jobs[0].json, want_k), "thread 1: Khánh Hòa as parsed alone");
    ok(jobs[1].stable && same(jobs[1].json, want_t), "thread 2: Thanh Hóa as parsed alone");
    for (int i = 0; i < 2; i++)
        free(jobs[i].json);

    /* A plan under Decision 161 against one under 155: compared under
     * the newer, the older mapped through the crosswalk; never a crash. */
    k = parse(path_k, o);
    vnplan_plan *n = parse(path_155, o);
    ok(n != NULL, "the 155 fixture parses");
    d = k && n ? vnplan_compare(k, n, o, NULL) : NULL;
    ok(d != NULL, "161 plan against a 155 plan: compared");
    s = d ? vnplan_diff_render(d, VNPLAN_DIFF_JSON, 0, 0) : NULL;
    ok(s && strstr(s, "\"framework\": \"qd155\"") != NULL, "under qd155");
    free(s);
    vnplan_diff_free(d);
    d = k && n ? vnplan_compare(n, k, NULL, NULL) : NULL;
    s = d ? vnplan_diff_render(d, VNPLAN_DIFF_JSON, 0, 0) : NULL;
    ok(s && strstr(s, "\"framework\": \"qd155\"") != NULL, "the other way round too");
    free(s);
    vnplan_diff_free(d);
    vnplan_plan_free(k);
    vnplan_plan_free(n);
    vnplan_options_free(o);

    /* The plain getters a C user reads a plan with. */
    o = new_options(1);
    t = parse(path_t, o);
    ok(same(vnplan_plan_path(t), path_t), "plan path as given");
    ok(same(vnplan_plan_format(t), "text") && same(vnplan_plan_encoding(t), "UTF-8"),
       "plan format and encoding");
    FILE *f = fopen(path_t, "rb");
    long size = -1;
    if (f && fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (f)
        fclose(f);
    ok(size > 0 && vnplan_plan_bytes(t) == (size_t)size, "plan bytes: the file's size");
    /* The dispatch (lines 3-41) wraps the plan (45-272). */
    const vnplan_document *d0 = vnplan_plan_document(t, 0), *d1 = vnplan_plan_document(t, 1);
    ok(vnplan_document_line(d0) == 3 && vnplan_document_last_line(d0) == 41 &&
       vnplan_document_line(d1) == 45 && vnplan_document_last_line(d1) == 272,
       "document line ranges");
    int repaired = 0;
    for (size_t i = 0; i < vnplan_plan_warning_count(t); i++) {
        const char *code;
        long line;
        const char *msg = vnplan_plan_warning(t, i, &code, &line);
        repaired |= msg && same(code, "number-repaired") && line == 47 &&
                    strstr(msg, "115/KH-UBND") != NULL;
    }
    ok(repaired, "warnings: the number printed \"115 /KH-UBND\" is reported repaired, line 47");
    ok(vnplan_plan_warning(t, vnplan_plan_warning_count(t), NULL, NULL) == NULL,
       "warning past the end: NULL");
    const char *basis = NULL;
    double score = -1;
    const vnplan_task *task = vnplan_document_task(d1, VNPLAN_TASKS, 0);
    const char *pillar = vnplan_task_pillar(task, &basis, &score);
    ok(pillar && basis && (same(basis, "heading") || same(basis, "lexicon")) && score >= 0,
       "task pillar with basis and score (%s, %s)", pillar ? pillar : "-", basis ? basis : "-");
    vnplan_plan_free(t);

    /* Limits: a documented default, a setting, and the error it causes. */
    ok(vnplan_options_limit(NULL, VNPLAN_LIMIT_INPUT_BYTES) == (size_t)64 << 20,
       "input limit defaults to 64 MiB");
    ok(same(vnplan_options_datadir(o), getenv("VNPLAN_DATADIR")), "datadir as set");
    vnplan_options_set_limit(o, VNPLAN_LIMIT_INPUT_BYTES, 1000);
    ok(vnplan_options_limit(o, VNPLAN_LIMIT_INPUT_BYTES) == 1000, "input limit set");
    t = vnplan_parse_file(path_t, o, &err);
    ok(!t && err.code == VNPLAN_E_LIMIT, "a file over the input limit: VNPLAN_E_LIMIT");
    vnplan_options_set_limit(o, VNPLAN_LIMIT_INPUT_BYTES, 0);
    ok(vnplan_options_limit(o, VNPLAN_LIMIT_INPUT_BYTES) == (size_t)64 << 20,
       "0 restores the default");
    vnplan_options_free(o);

    free(want_k);
    free(want_t);
    free(want_diff);
    return tap_done();
}
