/* data.c — the loaded data object (see data.h).
 *
 * Consumes the settings of an options object; produces an immutable,
 * reference-counted bundle of everything loaded from the data directory.
 * Loading is eager: what a parse may need is loaded before any parse, so
 * nothing is filled in lazily behind a const pointer and no thread ever
 * writes to the bundle after vp_data_load returns. */
#include "config.h"
#include "core/data.h"
#include "core/error.h"
#include <dirent.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct vp_data {
    atomic_size_t refs;
    vp_charsets *charsets;
    vnplan_error charsets_err;        /* why charsets is NULL           */
    vp_vocab *vocab;
    vp_patterns *patterns;              /* built with the vocabulary      */
    vp_gazetteer *gazetteer;
    vp_aligner *aligner;
    vp_subjects *subjects;
    vp_framework **frameworks;        /* installed, newest first        */
    size_t nframeworks;
    vp_framework *requested;          /* a path not among the installed */
    const vp_framework *chosen;       /* what the options asked for     */
};

static void data_free(vp_data *d)
{
    vp_charsets_free(d->charsets);
    vp_patterns_free(d->patterns);
    vp_vocab_free(d->vocab);
    vp_gazetteer_free(d->gazetteer);
    vp_aligner_free(d->aligner);
    vp_subjects_free(d->subjects);
    for (size_t i = 0; i < d->nframeworks; i++)
        vp_framework_free(d->frameworks[i]);
    free(d->frameworks);
    vp_framework_free(d->requested);
    free(d);
}

vp_data *vp_data_retain(vp_data *d)
{
    if (d)
        atomic_fetch_add_explicit(&d->refs, 1, memory_order_relaxed);
    return d;
}

void vp_data_release(vp_data *d)
{
    if (d && atomic_fetch_sub_explicit(&d->refs, 1, memory_order_acq_rel) == 1)
        data_free(d);
}

/* Newest decision first; ids break ties so the order never depends on
 * the directory listing. */
static int newest_first(const void *x, const void *y)
{
    const vp_framework *a = *(const vp_framework *const *)x;
    const vp_framework *b = *(const vp_framework *const *)y;
    const char *da = vp_framework_date(a), *db = vp_framework_date(b);
    int c = strcmp(db ? db : "", da ? da : "");
    return c ? c : strcmp(vp_framework_id(a), vp_framework_id(b));
}

/* Every <datadir>/frameworks/ID.txt.  A missing directory is no error (the
 * plans are then left unclassified, with a warning); a broken file is. */
static int load_frameworks(vp_data *d, const char *datadir, vnplan_error *err)
{
    size_t dlen = strlen(datadir);
    char *dir = malloc(dlen + sizeof "/frameworks");
    if (!dir)
        goto nomem;
    memcpy(dir, datadir, dlen);
    memcpy(dir + dlen, "/frameworks", sizeof "/frameworks");
    DIR *dh = opendir(dir);
    free(dir);
    if (!dh) {
        if (errno == ENOMEM)   /* opendir's own buffer: not a missing directory */
            goto nomem;
        return 1;
    }
    size_t cap = 0;
    int ok = 1;
    for (struct dirent *e; ok && (e = readdir(dh));) {
        size_t n = strlen(e->d_name);
        if (n <= 4 || e->d_name[0] == '.' || strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        char id[256];
        if (n - 4 >= sizeof id)
            continue;
        memcpy(id, e->d_name, n - 4);
        id[n - 4] = '\0';
        if (d->nframeworks == cap) {
            size_t ncap = cap ? 2 * cap : 4;
            vp_framework **v = realloc(d->frameworks, ncap * sizeof *v);
            if (!v) {
                vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
                ok = 0;
                break;
            }
            d->frameworks = v;
            cap = ncap;
        }
        vp_framework *fw = vp_framework_load(id, datadir, err);
        if (!fw)
            ok = 0;
        else
            d->frameworks[d->nframeworks++] = fw;
    }
    closedir(dh);
    if (ok && d->nframeworks > 1)
        qsort(d->frameworks, d->nframeworks, sizeof *d->frameworks, newest_first);
    return ok;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
    return 0;
}

vp_data *vp_data_load(const char *datadir, const char *agencies_file, const char *framework,
                      vnplan_error *err)
{
    vp_data *d = calloc(1, sizeof *d);
    if (!d) {
        vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    atomic_init(&d->refs, 1);
    /* Legacy tables are needed only for legacy encodings: a data directory
     * without them must not stop UTF-8 input, so their error is kept. */
    vp_error_clear(&d->charsets_err);
    d->charsets = vp_charsets_load(datadir, &d->charsets_err);
    if (!(d->vocab = vp_vocab_load(datadir, err)) ||
        !(d->patterns = vp_patterns_new(d->vocab, err)) ||
        !(d->gazetteer = vp_gazetteer_load(datadir, agencies_file, d->vocab, err)) ||
        !(d->aligner = vp_aligner_new(datadir, err)) ||
        !(d->subjects = vp_subjects_load(datadir, err)) || !load_frameworks(d, datadir, err))
        goto fail;
    if (framework) {
        d->chosen = vp_data_framework(d, framework);
        if (!d->chosen) {
            if (!(d->requested = vp_framework_load(framework, datadir, err)))
                goto fail;
            d->chosen = d->requested;
        }
    }
    return d;
fail:
    data_free(d);
    return NULL;
}

const vp_charsets *vp_data_charsets(const vp_data *d, const vnplan_error **why)
{
    if (why)
        *why = &d->charsets_err;
    return d->charsets;
}

const vp_patterns *vp_data_patterns(const vp_data *d) { return d->patterns; }
const vp_vocab *vp_data_vocab(const vp_data *d) { return d->vocab; }
const vp_gazetteer *vp_data_gazetteer(const vp_data *d) { return d->gazetteer; }
const vp_aligner *vp_data_aligner(const vp_data *d) { return d->aligner; }
const vp_subjects *vp_data_subjects(const vp_data *d) { return d->subjects; }
const vp_framework *vp_data_requested_framework(const vp_data *d) { return d->chosen; }
size_t vp_data_framework_count(const vp_data *d) { return d->nframeworks; }

const vp_framework *vp_data_framework_at(const vp_data *d, size_t i)
{
    return i < d->nframeworks ? d->frameworks[i] : NULL;
}

const vp_framework *vp_data_framework(const vp_data *d, const char *id)
{
    /* A framework file the user named wins over an installed one of the
     * same id: it is what the plans were classified by. */
    if (id && d->requested && strcmp(vp_framework_id(d->requested), id) == 0)
        return d->requested;
    for (size_t i = 0; id && i < d->nframeworks; i++)
        if (strcmp(vp_framework_id(d->frameworks[i]), id) == 0)
            return d->frameworks[i];
    return NULL;
}
