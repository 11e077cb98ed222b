/* test_stream.c — a file read one document at a time
 * (vnplan_parse_file_each) gives what vnplan_parse_file gives: the same
 * documents in the same order, each in a plan of its own with its
 * warnings, an appendix still taking its parent's issuer; and planparse's
 * streamed JSON (tools/jsonstream.c, built into this test) is byte for
 * byte vnplan_render's JSON of the whole file, for one file and for
 * several forming an array. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"
#include "vnplan.h"
#include "../tools/jsonstream.h"

static vnplan_options *opts;

typedef struct seen {
    char *numbers[64];
    size_t n;
    size_t warnings;
    int stop_after;
} seen;

static int collect(vnplan_plan *p, void *ctx)
{
    seen *s = ctx;
    const vnplan_document *d = vnplan_plan_document(p, 0);
    const char *num = d ? vnplan_document_field(d, VNPLAN_FIELD_NUMBER) : NULL;
    if (s->n < 64)
        s->numbers[s->n++] = strdup(num ? num : "-");
    s->warnings += vnplan_plan_warning_count(p);
    vnplan_plan_free(p);
    return s->stop_after && (int)s->n >= s->stop_after;
}

static char *slurp(FILE *f)
{
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n)
        n = 0;
    s[n] = '\0';
    return s;
}

/* What planparse writes for these files, through a temporary file. */
static char *streamed(const char *const *files, int n)
{
    char path[] = "/tmp/vnplan-stream-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    close(fd);
    json_stream js = {"test_stream", path, n, NULL, 0, 0};
    for (int i = 0; i < n; i++) {
        vnplan_error err;
        if (json_stream_file(&js, files[i], opts, &err) != VNPLAN_OK)
            printf("# %s: %s\n", files[i], err.message);
    }
    json_stream_close(&js);
    FILE *f = fopen(path, "rb");
    char *s = f ? slurp(f) : NULL;
    if (f)
        fclose(f);
    remove(path);
    return s;
}

static char *rendered(const char *file)
{
    vnplan_error err;
    vnplan_plan *p = vnplan_parse_file(file, opts, &err);
    char *s = p ? vnplan_render(p, VNPLAN_FORMAT_JSON) : NULL;
    vnplan_plan_free(p);
    return s;
}

int main(void)
{
    const char *src = getenv("top_srcdir");
    char kh[1024], th[1024], p155[1024];
    snprintf(kh, sizeof kh, "%s/corpus/khanhhoa.txt", src ? src : ".");
    snprintf(th, sizeof th, "%s/corpus/thanhhoa.txt", src ? src : ".");
    snprintf(p155, sizeof p155, "%s/tests/fixtures/plan155.txt", src ? src : ".");
    opts = vnplan_options_new();
    if (opts && getenv("VNPLAN_DATADIR"))
        vnplan_options_set_datadir(opts, getenv("VNPLAN_DATADIR"));
    vnplan_error err;
    ok(opts && vnplan_options_load(opts, &err) == VNPLAN_OK, "options load");

    /* The same documents, in order. */
    vnplan_plan *whole = vnplan_parse_file(th, opts, &err);
    seen s;
    memset(&s, 0, sizeof s);
    ok(vnplan_parse_file_each(th, opts, collect, &s, &err) == VNPLAN_OK, "thanhhoa read a "
       "document at a time");
    size_t nd = whole ? vnplan_plan_document_count(whole) : 0;
    int same = s.n == nd && nd == 2;
    for (size_t i = 0; same && i < nd; i++) {
        const char *num =
            vnplan_document_field(vnplan_plan_document(whole, i), VNPLAN_FIELD_NUMBER);
        same = strcmp(s.numbers[i], num ? num : "-") == 0;
    }
    ok(same, "the same %zu documents in the same order", nd);
    ok(s.warnings == vnplan_plan_warning_count(whole), "the same warnings (%zu)", s.warnings);
    vnplan_plan_free(whole);
    for (size_t i = 0; i < s.n; i++)
        free(s.numbers[i]);

    /* The function may stop the reading. */
    memset(&s, 0, sizeof s);
    s.stop_after = 1;
    ok(vnplan_parse_file_each(th, opts, collect, &s, &err) == VNPLAN_OK && s.n == 1,
       "a nonzero return stops after the first document");
    free(s.numbers[0]);

    /* Errors as vnplan_parse_file gives them. */
    memset(&s, 0, sizeof s);
    ok(vnplan_parse_file_each("/nonexistent/plan.txt", opts, collect, &s, &err) ==
               VNPLAN_E_IO && s.n == 0,
       "a missing file: VNPLAN_E_IO, nothing handed out");

    /* planparse's streamed JSON is the rendered JSON, byte for byte. */
    const char *files[] = {kh, th, p155};
    for (int i = 0; i < 3; i++) {
        char *a = streamed(&files[i], 1), *b = rendered(files[i]);
        ok(a && b && strcmp(a, b) == 0, "streamed JSON of %s is the rendered JSON",
           strrchr(files[i], '/') + 1);
        free(a);
        free(b);
    }
    char *all = streamed(files, 3);
    size_t want = 4;
    char *parts[3];
    for (int i = 0; i < 3; i++) {
        parts[i] = rendered(files[i]);
        want += strlen(parts[i]) + 2;
    }
    char *expect = malloc(want + 1);
    strcpy(expect, "[\n");
    for (int i = 0; i < 3; i++) {
        if (i)
            strcat(expect, ",\n");
        strcat(expect, parts[i]);
        free(parts[i]);
    }
    strcat(expect, "]\n");
    ok(all && strcmp(all, expect) == 0, "three files: one array of their rendered JSON");
    free(all);
    free(expect);
    vnplan_options_free(opts);
    return tap_done();
}
