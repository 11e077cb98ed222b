/* subjects.c — the subject thesaurus (see subjects.h).
 *
 * Texts and terms are reduced to one form: folded (vp_fold: case, tone
 * placement), every run of characters that are neither letters nor digits
 * made one space, a space at both ends.  A term is found where " term "
 * occurs in the text's form, so it matches whole words only ("trẻ em" is
 * not found in "trẻ emx").  A text is searched once per term whose
 * subject it has not yet been found to name. */
#include "config.h"
#include "compare/subjects.h"
#include "core/datafile.h"
#include "core/error.h"
#include "core/unicode.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct term {
    char *form;          /* " folded words " */
    size_t len;
    size_t subject;
} term;

struct vp_subjects {
    char **id, **label;
    size_t n, cap;
    term *t;
    size_t nt, capt;
};

/* The matching form of s[0..len): malloc'd, *out_len set; NULL on lack
 * of memory. */
static char *form_of(const char *s, size_t len, size_t *out_len)
{
    size_t flen;
    char *f = vnplan_fold(s, len, VNPLAN_FOLD_DEFAULT);
    if (!f)
        return NULL;
    flen = strlen(f);
    char *o = malloc(flen + 3), *w = o;
    if (!o) {
        free(f);
        return NULL;
    }
    *w++ = ' ';
    for (size_t i = 0; i < flen;) {
        int32_t cp;
        int n = vp_utf8_decode(f + i, flen - i, &cp);
        if (n <= 0)
            n = 1;
        int word = vp_is_letter(cp) || (cp >= '0' && cp <= '9') || (cp >= 0x300 && cp <= 0x36F);
        if (word) {
            memcpy(w, f + i, (size_t)n);
            w += n;
        } else if (w[-1] != ' ') {
            *w++ = ' ';
        }
        i += (size_t)n;
    }
    if (w[-1] != ' ')
        *w++ = ' ';
    *w = '\0';
    *out_len = (size_t)(w - o);
    free(f);
    return o;
}

void vp_subjects_free(vp_subjects *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->id[i]);
        free(s->label[i]);
    }
    for (size_t i = 0; i < s->nt; i++)
        free(s->t[i].form);
    free(s->id);
    free(s->label);
    free(s->t);
    free(s);
}

static int cmp_term(const void *x, const void *y)
{
    const term *a = x, *b = y;
    int c = strcmp(a->form, b->form);
    return c ? c : (a->subject > b->subject) - (a->subject < b->subject);
}

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 1;
    size_t c = *cap ? *cap * 2 : 32;
    void *q = realloc(*p, c * size);
    if (!q)
        return 0;
    *p = q;
    *cap = c;
    return 1;
}

/* One line: ID <TAB> label <TAB> term; term; ... */
static int subject_line(vp_subjects *s, char *line, const vp_datafile_at *at)
{
    char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    if (!tab2 || strchr(tab2 + 1, '\t'))
        return vp_datafile_bad(at, "want three fields separated by tabs: id, label, terms");
    *tab1 = *tab2 = '\0';
    const char *id = line, *label = tab1 + 1;
    char *terms = tab2 + 1;
    if (!*id || !*label || !*terms)
        return vp_datafile_bad(at, "an empty field");
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->id[i], id) == 0)
            return vp_datafile_bad(at, "subject \"%s\" is already defined", id);
    size_t cap = s->cap;
    if (!grow((void **)&s->id, &cap, s->n, sizeof *s->id))
        return vp_datafile_nomem(at);
    char **labels = realloc(s->label, cap * sizeof *labels);
    if (!labels)
        return vp_datafile_nomem(at);
    s->label = labels;
    s->cap = cap;
    s->id[s->n] = strdup(id);
    s->label[s->n] = strdup(label);
    if (!s->id[s->n] || !s->label[s->n]) {
        free(s->id[s->n]);
        free(s->label[s->n]);
        return vp_datafile_nomem(at);
    }
    size_t subject = s->n++;
    for (char *t = terms, *end; t; t = end) {
        if ((end = strchr(t, ';')))
            *end++ = '\0';
        size_t len;
        char *form = form_of(t, strlen(t), &len);
        if (!form)
            return vp_datafile_nomem(at);
        if (len <= 2) {     /* only spaces: an empty term */
            free(form);
            continue;
        }
        if (!grow((void **)&s->t, &s->capt, s->nt, sizeof *s->t)) {
            free(form);
            return vp_datafile_nomem(at);
        }
        s->t[s->nt++] = (term){form, len, subject};
    }
    return 1;
}

vp_subjects *vp_subjects_load(const char *datadir, vnplan_error *err)
{
    char path[VP_DATAFILE_PATH_MAX], *data = NULL;
    size_t len, pos, n;
    snprintf(path, sizeof path, "%s/subjects.tsv", datadir && *datadir ? datadir : ".");
    vp_subjects *s = calloc(1, sizeof *s);
    if (!s) {
        vp_error_set(err, VNPLAN_E_NOMEM, path, 0, -1, "out of memory");
        return NULL;
    }
    if (vp_datafile_read(path, "subject thesaurus", VP_DATAFILE_MAX_BYTES, &data, &len, err) !=
            VNPLAN_OK ||
        vp_datafile_utf8(path, data, len, err) != VNPLAN_OK)
        goto fail;
    vp_datafile_at at = {path, 0, err};
    pos = vp_datafile_start(data, len);
    while (pos < len) {
        at.line++;
        char *line = vp_datafile_line(data, len, &pos, &n);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        if (!n || line[0] == '#')
            continue;
        if (!subject_line(s, line, &at))
            goto fail;
    }
    qsort(s->t, s->nt, sizeof *s->t, cmp_term);
    free(data);
    return s;
fail:
    free(data);
    vp_subjects_free(s);
    return NULL;
}

size_t vp_subjects_count(const vp_subjects *s) { return s ? s->n : 0; }
const char *vp_subject_id(const vp_subjects *s, size_t i) { return i < s->n ? s->id[i] : NULL; }
const char *vp_subject_label(const vp_subjects *s, size_t i)
{
    return i < s->n ? s->label[i] : NULL;
}

int vp_subjects_find(const vp_subjects *s, const char *text, unsigned char *out)
{
    if (!s || !s->nt || !text)
        return 1;
    size_t len;
    char *form = form_of(text, strlen(text), &len);
    if (!form)
        return 0;
    for (size_t i = 0; i < s->nt; i++) {
        if (out[s->t[i].subject])
            continue;
        if (memmem(form, len, s->t[i].form, s->t[i].len))
            out[s->t[i].subject] = 1;
    }
    free(form);
    return 1;
}
