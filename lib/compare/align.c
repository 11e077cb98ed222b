/* align.c — pairing the tasks of two plans, and word differences of two
 * texts (see align.h).
 *
 * Consumes: data/stopwords.txt (loaded once per aligner), then two arrays
 * of NFC UTF-8 task texts with an optional group (pillar) for each.
 * Produces: 1:1 pairs of similar texts with their cosine score; for two
 * paired texts, runs of words that are the same, only in one, only in the
 * other, as byte ranges of the original texts.
 *
 * Design.  Each text is folded (vp_fold: case, tone placement, dashes) and
 * cut into syllables: runs of letters, marks and digits; a run without a
 * letter (a number, a date) is dropped and breaks adjacency.  Stop phrases
 * of one to MAX_STOP_SYLLABLES syllables are removed, longest first, left
 * to right; only syllables separated by plain spaces form a phrase.  The
 * features of a text are its kept syllables and the bigrams of kept
 * syllables that were adjacent in the text (separated by spaces only: a
 * comma, a dash or a dropped word ends a bigram).  Features are interned
 * to dense ids for the call; each text becomes a sparse vector of
 * tf × idf, idf = ln((N + 1) / (df + 1)) + 1 over the N texts of both
 * plans, L2-normalised, so the dot product is the cosine.
 *
 * Candidates come from an inverted index of B: for each text of A, the dot
 * products are accumulated over the posting lists of its features, which
 * touches only the texts of B that share a feature.  Features found in more
 * than COMMON_PERCENT % of B (and more than COMMON_MIN texts) do not open
 * candidates — theirs are the longest posting lists and the least telling
 * — but their weight is still added: each text of B keeps the list of its common
 * features, read against the text of A's weights scattered into a dense
 * array, so every reported score is the exact cosine.  A candidate whose
 * score cannot reach the bar even with the norm of the common parts of
 * both vectors (Cauchy-Schwarz) is dismissed before that.  A pair sharing
 * only common features is never considered; its score is low.  The work
 * is linear in the size of the texts (folding dominates) plus one step per
 * (text of A, text of B, rare feature shared): on the sample plans
 * repeated 20 times, 1,280 × 780 texts, 2.9 million steps, about 30 ms.
 *
 * Pairing is greedy and 1:1, best first.  Texts of the same group, or
 * where either group is -1 ("no group": nothing to have moved from), need
 * the threshold; texts of two different groups are marked moved, need
 * threshold + MOVED_BAR, and rank MOVED_MARGIN lower, because a task
 * that changed pillar should be recognisably the same task, not just on a
 * related topic — yet a strong match across pillars still beats a weak
 * one within.  Ties are broken by the index in A, then in B, so
 * the result does not depend on the platform's qsort.  For each text of A
 * at most MAX_CANDIDATES candidates per phase are kept, which bounds the
 * memory at O(na) whatever the overlap.
 *
 * The word diff is a longest common subsequence of folded words after the
 * common prefix and suffix are set aside, by dynamic programming in a
 * table of at most MAX_DIFF_CELLS cells; a larger middle is reported as
 * one changed run. */
#include "config.h"
#include "compare/align.h"
#include "core/datafile.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/unicode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Named limits. */
enum {
    MAX_STOP_SYLLABLES = 4,       /* "ủy ban nhân dân"                        */
    MAX_CANDIDATES = 32,          /* kept per text of A and per phase          */
    COMMON_PERCENT = 20,          /* features in more of B open no candidates  */
    COMMON_MIN = 32,              /* ... unless in at most this many texts     */
    MAX_DIFF_CELLS = 4000000      /* LCS table, words of a × words of b        */
};

/* A pair of texts of two different groups ranks this much below its score
 * ... */
#define MOVED_MARGIN 0.10
/* ... and is made only from threshold + this. */
#define MOVED_BAR 0.15
/* Rounding allowance of the bound that dismisses candidates unscored. */
#define BOUND_SLACK 1e-9

/* ================================================================ helpers */

typedef struct span {
    const char *p;
    size_t n;
} span;

/* FNV-1a over the spans joined by single spaces. */
static uint64_t spans_hash(const span *s, size_t k)
{
    uint64_t h = VP_FNV_OFFSET;
    for (size_t i = 0; i < k; i++) {
        if (i) {
            h ^= (unsigned char)' ';
            h *= VP_FNV_PRIME;
        }
        for (size_t j = 0; j < s[i].n; j++) {
            h ^= (unsigned char)s[i].p[j];
            h *= VP_FNV_PRIME;
        }
    }
    return h;
}

/* The library links no libm (nothing else in it needs one), so the two
 * functions the weights use are here.  Both are accurate to an ulp or two
 * for the arguments they get. */

/* ln x for x >= 1: x = 2^k m with m in [1, 2), ln m = 2 atanh((m-1)/(m+1))
 * by its series, whose ratio (m-1)^2/(m+1)^2 is below 1/9. */
static double ln_ge1(double x)
{
    const double LN2 = 0.693147180559945309417232121458;
    int k = 0;
    while (x >= 2) {
        x /= 2;
        k++;
    }
    double t = (x - 1) / (x + 1), t2 = t * t, term = t, sum = 0;
    for (int n = 1; n < 50; n += 2) {
        sum += term / n;
        term *= t2;
    }
    return k * LN2 + 2 * sum;
}

/* sqrt y for y > 0 by Newton's method from above, which decreases
 * monotonically until it stops at the root. */
static double sqrt_pos(double y)
{
    double g = y > 1 ? y : 1;
    for (int i = 0; i < 2100; i++) {
        double next = 0.5 * (g + y / g);
        if (next >= g)
            break;
        g = next;
    }
    return g;
}

/* Grows *p (of *cap elements of `size` bytes) to hold `need`; 0 on failure. */
static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / size)
            return 0;
        c *= 2;
    }
    void *q = realloc(*p, c * size);
    if (!q)
        return 0;
    *p = q;
    *cap = c;
    return 1;
}

/* The byte length of the character at s[pos] if it belongs to a word (a
 * letter, a combining mark or a digit), else 0; *letter tells which.
 * *adv receives the character's length in either case.  s is valid UTF-8. */
static size_t word_char(const char *s, size_t len, size_t pos, int *letter, size_t *adv)
{
    unsigned char c = (unsigned char)s[pos];
    if (c < 0x80) {
        *adv = 1;
        *letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return *letter || (c >= '0' && c <= '9');
    }
    int32_t cp;
    int n = vp_utf8_decode(s + pos, len - pos, &cp);
    *adv = n > 0 ? (size_t)n : 1;
    *letter = vp_is_letter(cp);
    if (*letter || (cp >= 0x300 && cp <= 0x36F))
        return *adv;
    return 0;
}

/* The next word of s from *pos: [*start, *end); 0 when there is none.
 * *has_letter: the word has a letter (else it is a number). */
static int next_word(const char *s, size_t len, size_t *pos, size_t *start, size_t *end,
                     int *has_letter)
{
    size_t i = *pos, adv;
    int letter;
    while (i < len && !word_char(s, len, i, &letter, &adv))
        i += adv;
    if (i >= len) {
        *pos = len;
        return 0;
    }
    *start = i;
    *has_letter = 0;
    while (i < len && word_char(s, len, i, &letter, &adv)) {
        *has_letter |= letter;
        i += adv;
    }
    *end = *pos = i;
    return 1;
}

/* ================================================================ string table */

/* Interned strings: entries in insertion order, bytes in one buffer, an
 * open-addressing index of entry numbers + 1. */
typedef struct str_entry {
    uint64_t hash;
    size_t off, len;
    long line;                  /* the stop-word file's line; 0 elsewhere */
} str_entry;

typedef struct strtab {
    str_entry *e;
    size_t n, ecap;
    uint32_t *slot;
    size_t scap;
    char *bytes;
    size_t blen, bcap;
} strtab;

static void strtab_free(strtab *t)
{
    free(t->e);
    free(t->slot);
    free(t->bytes);
}

static int spans_equal(const strtab *t, const str_entry *e, const span *s, size_t k)
{
    const char *p = t->bytes + e->off, *end = p + e->len;
    for (size_t i = 0; i < k; i++) {
        if (i) {
            if (p == end || *p != ' ')
                return 0;
            p++;
        }
        if ((size_t)(end - p) < s[i].n || memcmp(p, s[i].p, s[i].n) != 0)
            return 0;
        p += s[i].n;
    }
    return p == end;
}

/* The entry of the spans joined by spaces, or SIZE_MAX. */
static size_t strtab_find(const strtab *t, uint64_t h, const span *s, size_t k)
{
    if (!t->scap)
        return SIZE_MAX;
    size_t mask = t->scap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t v = t->slot[i];
        if (!v)
            return SIZE_MAX;
        const str_entry *e = &t->e[v - 1];
        if (e->hash == h && spans_equal(t, e, s, k))
            return v - 1;
    }
}

static int strtab_rehash(strtab *t)
{
    size_t cap = t->scap ? t->scap * 2 : 1024;
    uint32_t *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return 0;
    for (size_t k = 0; k < t->n; k++) {
        size_t i = (size_t)t->e[k].hash & (cap - 1);
        while (slot[i])
            i = (i + 1) & (cap - 1);
        slot[i] = (uint32_t)(k + 1);
    }
    free(t->slot);
    t->slot = slot;
    t->scap = cap;
    return 1;
}

/* Adds the spans joined by spaces (not present yet); the new entry's
 * number, or SIZE_MAX when out of memory. */
static size_t strtab_add(strtab *t, uint64_t h, const span *s, size_t k, long line)
{
    size_t len = 0;
    for (size_t i = 0; i < k; i++)
        len += s[i].n + (i > 0);
    if (t->n >= UINT32_MAX - 1 || !grow((void **)&t->e, &t->ecap, t->n + 1, sizeof *t->e) ||
        !grow((void **)&t->bytes, &t->bcap, t->blen + len, 1) ||
        ((t->n + 1) * 2 > t->scap && !strtab_rehash(t)))
        return SIZE_MAX;
    size_t off = t->blen;
    for (size_t i = 0; i < k; i++) {
        if (i)
            t->bytes[t->blen++] = ' ';
        memcpy(t->bytes + t->blen, s[i].p, s[i].n);
        t->blen += s[i].n;
    }
    t->e[t->n] = (str_entry){ h, off, len, line };
    size_t mask = t->scap - 1, i = (size_t)h & mask;
    while (t->slot[i])
        i = (i + 1) & mask;
    t->slot[i] = (uint32_t)(t->n + 1);
    return t->n++;
}

/* ================================================================ the aligner */

struct vp_aligner {
    strtab stop;                /* folded stop phrases, syllables joined by ' ' */
    size_t max_syllables;       /* longest stop phrase                          */
    char *path;                 /* the file read, for messages                  */
};

/* A word of folded text. */
typedef struct syl {
    size_t start, end;
    int letter;                 /* has a letter; otherwise dropped          */
    int linked;                 /* only spaces since the previous word      */
    int kept;                   /* not a stop word                          */
} syl;

/* The words of folded text f into *v (resized); their count, or SIZE_MAX
 * when out of memory. */
static size_t syllables(const char *f, size_t flen, syl **v, size_t *cap)
{
    size_t pos = 0, start, end, n = 0, prev_end = 0;
    int letter;
    while (next_word(f, flen, &pos, &start, &end, &letter)) {
        if (!grow((void **)v, cap, n + 1, sizeof **v))
            return SIZE_MAX;
        int linked = n > 0;
        for (size_t i = prev_end; linked && i < start; i++)
            linked = f[i] == ' ';
        (*v)[n++] = (syl){ start, end, letter, linked, 1 };
        prev_end = end;
    }
    return n;
}

/* Marks the stop phrases of s[0..n): at each word the longest phrase
 * that starts there is dropped. */
static void mark_stop(const vp_aligner *al, const char *f, syl *s, size_t n)
{
    span sp[MAX_STOP_SYLLABLES];
    for (size_t k = 0; k < n;) {
        if (!s[k].letter) {
            s[k++].kept = 0;
            continue;
        }
        size_t best = 0;
        for (size_t m = 0; al && m < al->max_syllables && k + m < n; m++) {
            if (!s[k + m].letter || (m && !s[k + m].linked))
                break;
            sp[m] = (span){ f + s[k + m].start, s[k + m].end - s[k + m].start };
            if (strtab_find(&al->stop, spans_hash(sp, m + 1), sp, m + 1) != SIZE_MAX)
                best = m + 1;
        }
        if (!best) {
            s[k++].kept = 1;
            continue;
        }
        for (size_t m = 0; m < best; m++)
            s[k++].kept = 0;
    }
}

/* ---------------------------------------------------------------- loading */

static vnplan_status stop_line(vp_aligner *al, char *line, long lineno, syl **v,
                               size_t *vcap, vnplan_error *err)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
        line[--n] = '\0';
    size_t skip = strspn(line, " \t");
    line += skip;
    n -= skip;
    if (!n)
        return VNPLAN_OK;
    size_t flen;
    char *f = vp_fold(line, n, VNPLAN_FOLD_DEFAULT, &flen);
    if (!f)
        return vp_error_set(err, VNPLAN_E_NOMEM, al->path, lineno, -1, "out of memory");
    vnplan_status st = VNPLAN_OK;
    size_t ns = syllables(f, flen, v, vcap);
    span sp[MAX_STOP_SYLLABLES];
    if (ns == SIZE_MAX) {
        st = vp_error_set(err, VNPLAN_E_NOMEM, al->path, lineno, -1, "out of memory");
        goto done;
    }
    if (ns == 0 || ns > MAX_STOP_SYLLABLES) {
        st = vp_error_set(err, VNPLAN_E_DATA, al->path, lineno, -1,
                          "\"%s\": a stop entry has 1 to %d syllables", line,
                          MAX_STOP_SYLLABLES);
        goto done;
    }
    for (size_t i = 0; i < ns; i++) {
        if (!(*v)[i].letter) {
            st = vp_error_set(err, VNPLAN_E_DATA, al->path, lineno, -1,
                              "\"%s\": a stop entry has no numbers", line);
            goto done;
        }
        if ((i && !(*v)[i].linked) || (i == 0 && (*v)[i].start != 0) ||
            (i == ns - 1 && (*v)[i].end != flen)) {
            st = vp_error_set(err, VNPLAN_E_DATA, al->path, lineno, -1,
                              "\"%s\": a stop entry is words separated by spaces", line);
            goto done;
        }
        sp[i] = (span){ f + (*v)[i].start, (*v)[i].end - (*v)[i].start };
    }
    uint64_t h = spans_hash(sp, ns);
    size_t at = strtab_find(&al->stop, h, sp, ns);
    if (at != SIZE_MAX) {
        st = vp_error_set(err, VNPLAN_E_DATA, al->path, lineno, -1,
                          "\"%s\" is already listed on line %ld", line, al->stop.e[at].line);
        goto done;
    }
    if (strtab_add(&al->stop, h, sp, ns, lineno) == SIZE_MAX) {
        st = vp_error_set(err, VNPLAN_E_NOMEM, al->path, lineno, -1, "out of memory");
        goto done;
    }
    if (ns > al->max_syllables)
        al->max_syllables = ns;
done:
    free(f);
    return st;
}

vp_aligner *vp_aligner_new(const char *datadir, vnplan_error *err)
{
    char *data = NULL;
    size_t len;
    syl *v = NULL;
    size_t vcap = 0;
    vp_aligner *al = calloc(1, sizeof *al);
    if (!al)
        goto nomem;
    const char *dir = datadir && *datadir ? datadir : ".";
    size_t plen = strlen(dir) + sizeof "/stopwords.txt";
    al->path = malloc(plen);
    if (!al->path)
        goto nomem;
    snprintf(al->path, plen, "%s/stopwords.txt", dir);
    if (vp_datafile_read(al->path, "stop-word list", VP_DATAFILE_MAX_BYTES, &data, &len, err) !=
            VNPLAN_OK ||
        vp_datafile_utf8(al->path, data, len, err) != VNPLAN_OK)
        goto fail;
    if (memchr(data, '\0', len)) {
        vp_error_set(err, VNPLAN_E_DATA, al->path, 0, -1, "NUL byte in stop-word list");
        goto fail;
    }
    size_t pos = vp_datafile_start(data, len), n;
    for (long lineno = 1; pos < len; lineno++) {
        char *line = vp_datafile_line(data, len, &pos, &n);
        if (stop_line(al, line, lineno, &v, &vcap, err) != VNPLAN_OK)
            goto fail;
    }
    free(v);
    free(data);
    return al;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, al && al->path ? al->path : NULL, 0, -1,
                 "out of memory");
fail:
    free(v);
    free(data);
    vp_aligner_free(al);
    return NULL;
}

void vp_aligner_free(vp_aligner *al)
{
    if (!al)
        return;
    strtab_free(&al->stop);
    free(al->path);
    free(al);
}

/* ================================================================ features */

/* Feature keys: a unigram is its syllable id (ids start at 1), a bigram
 * (first << 32 | second); key 0 is an empty slot. */
typedef struct feattab {
    uint64_t *key;
    uint32_t *id;
    size_t cap, n;
} feattab;

static int feattab_rehash(feattab *t)
{
    size_t cap = t->cap ? t->cap * 2 : 4096;
    uint64_t *key = calloc(cap, sizeof *key);
    uint32_t *id = malloc(cap * sizeof *id);
    if (!key || !id) {
        free(key);
        free(id);
        return 0;
    }
    for (size_t j = 0; j < t->cap; j++) {
        if (!t->key[j])
            continue;
        size_t i = (size_t)vp_hash_u64(t->key[j]) & (cap - 1);
        while (key[i])
            i = (i + 1) & (cap - 1);
        key[i] = t->key[j];
        id[i] = t->id[j];
    }
    free(t->key);
    free(t->id);
    t->key = key;
    t->id = id;
    t->cap = cap;
    return 1;
}

/* The dense id of feature `k`, added when new; UINT32_MAX when out of
 * memory. */
static uint32_t feattab_intern(feattab *t, uint64_t k)
{
    if ((t->n + 1) * 2 > t->cap && !feattab_rehash(t))
        return UINT32_MAX;
    size_t mask = t->cap - 1;
    for (size_t i = (size_t)vp_hash_u64(k) & mask;; i = (i + 1) & mask) {
        if (t->key[i] == k)
            return t->id[i];
        if (!t->key[i]) {
            if (t->n >= UINT32_MAX - 1)
                return UINT32_MAX;
            t->key[i] = k;
            t->id[i] = (uint32_t)t->n++;
            return t->id[i];
        }
    }
}

/* One call's working state, freed in one place. */
typedef struct work {
    strtab syl;                 /* syllables of both plans                   */
    feattab ft;
    syl *s;                     /* words of the current text                 */
    size_t scap;
    uint32_t *tmp;              /* feature ids of the current text           */
    size_t tcap;
    uint32_t *feat;             /* all texts: sorted feature ids ...         */
    double *w;                  /* ... and their weights                     */
    size_t nfeat, fcap, wcap;
    size_t *off;                /* text t's features: [off[t], off[t + 1])   */
} work;

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Appends the features of `text` (term counts in w) to w->feat; 0 when
 * out of memory.  Text that is not valid UTF-8 has no features. */
static int text_features(const vp_aligner *al, work *w, const char *text)
{
    size_t len = text ? strlen(text) : 0;
    if (!len || vp_utf8_invalid_offset(text, len) >= 0)
        return 1;
    int ok = 0;
    size_t flen;
    char *f = vp_fold(text, len, VNPLAN_FOLD_DEFAULT, &flen);
    if (!f)
        return 0;
    size_t n = syllables(f, flen, &w->s, &w->scap), nt = 0;
    if (n == SIZE_MAX)
        goto done;
    mark_stop(al, f, w->s, n);
    uint32_t prev = 0;          /* syllable id of the previous word, if kept */
    for (size_t k = 0; k < n; k++) {
        const syl *s = &w->s[k];
        if (!s->kept) {
            prev = 0;
            continue;
        }
        span sp = { f + s->start, s->end - s->start };
        uint64_t h = spans_hash(&sp, 1);
        size_t at = strtab_find(&w->syl, h, &sp, 1);
        if (at == SIZE_MAX && (at = strtab_add(&w->syl, h, &sp, 1, 0)) == SIZE_MAX)
            goto done;
        uint32_t id = (uint32_t)at + 1;
        if (!grow((void **)&w->tmp, &w->tcap, nt + 2, sizeof *w->tmp))
            goto done;
        if ((w->tmp[nt++] = feattab_intern(&w->ft, id)) == UINT32_MAX)
            goto done;
        if (prev && s->linked &&
            (w->tmp[nt++] = feattab_intern(&w->ft, (uint64_t)prev << 32 | id)) == UINT32_MAX)
            goto done;
        prev = id;
    }
    if (nt)
        qsort(w->tmp, nt, sizeof *w->tmp, cmp_u32);
    if (!grow((void **)&w->feat, &w->fcap, w->nfeat + nt, sizeof *w->feat) ||
        !grow((void **)&w->w, &w->wcap, w->nfeat + nt, sizeof *w->w))
        goto done;
    for (size_t i = 0; i < nt;) {
        size_t j = i;
        while (j < nt && w->tmp[j] == w->tmp[i])
            j++;
        w->feat[w->nfeat] = w->tmp[i];
        w->w[w->nfeat++] = (double)(j - i);
        i = j;
    }
    ok = 1;
done:
    free(f);
    return ok;
}

/* ================================================================ pairing */

typedef struct cand {
    uint32_t a, b;
    double score;
    unsigned char phase;        /* 1 same group, 2 the rest */
    unsigned char moved;
} cand;

/* Pairs are taken best first by a score in which a pair across groups
 * counts MOVED_MARGIN less: a same-group pair wins unless the move is
 * clearly the better match. */
static double rank_of(const cand *c)
{
    return c->moved ? c->score - MOVED_MARGIN : c->score;
}

static int cmp_cand(const void *x, const void *y)
{
    const cand *p = x, *q = y;
    double rp = rank_of(p), rq = rank_of(q);
    if (rp != rq)
        return rp > rq ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

static int cmp_pair(const void *x, const void *y)
{
    const vp_pair *p = x, *q = y;
    return (p->a > q->a) - (p->a < q->a);
}

/* By text of A, then best first, then by text of B. */
static int cmp_link(const void *x, const void *y)
{
    const vp_pair *p = x, *q = y;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    if (p->score != q->score)
        return p->score > q->score ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* Candidates of every text of A, then pairs: 1:1, best first, or every
 * candidate (`links`). */
static size_t align_core(const vp_aligner *al, const char *const *a, const int *ga, size_t na,
                         const char *const *b, const int *gb, size_t nb, double threshold,
                         int links, vp_pair **out)
{
    work w;
    memset(&w, 0, sizeof w);
    uint32_t *df = NULL, *post_item = NULL, *stamp = NULL, *touched = NULL;
    size_t *post_off = NULL, *bc_off = NULL, *bc_at = NULL;
    double *post_w = NULL, *acc = NULL, *a_dense = NULL, *b_common = NULL, *idf = NULL;
    cand *cands = NULL, *edges = NULL;
    unsigned char *used_a = NULL, *used_b = NULL;
    vp_pair *pairs = NULL;
    size_t result = (size_t)-1, nedges = 0, ecap = 0, npairs = 0;

    if (!out)
        return (size_t)-1;
    *out = NULL;
    if (na == 0 || nb == 0 || !a || !b)
        return 0;
    size_t N = na + nb;
    if (na >= UINT32_MAX || nb >= UINT32_MAX || N >= UINT32_MAX)
        return (size_t)-1;

    /* 1. Term counts of every text. */
    w.off = malloc((N + 1) * sizeof *w.off);
    if (!w.off)
        goto done;
    w.off[0] = 0;
    for (size_t t = 0; t < N; t++) {
        if (!text_features(al, &w, t < na ? a[t] : b[t - na]))
            goto done;
        w.off[t + 1] = w.nfeat;
    }

    /* 2. tf × idf, normalised. */
    size_t F = w.ft.n;
    df = calloc(F + 1, sizeof *df);
    if (!df)
        goto done;
    idf = malloc((F + 1) * sizeof *idf);
    if (!idf)
        goto done;
    for (size_t k = 0; k < w.nfeat; k++)
        df[w.feat[k]]++;
    for (size_t f = 0; f < F; f++)
        idf[f] = ln_ge1((double)(N + 1) / (double)(df[f] + 1)) + 1.0;
    for (size_t t = 0; t < N; t++) {
        double norm = 0;
        for (size_t k = w.off[t]; k < w.off[t + 1]; k++) {
            w.w[k] *= idf[w.feat[k]];
            norm += w.w[k] * w.w[k];
        }
        norm = sqrt_pos(norm);
        for (size_t k = w.off[t]; k < w.off[t + 1]; k++)
            w.w[k] /= norm;
    }

    /* 3. Inverted index of B: feature → (text of B, weight), by text. */
    post_off = calloc(F + 1, sizeof *post_off);
    size_t nbfeat = w.off[N] - w.off[na];
    post_item = malloc((nbfeat + 1) * sizeof *post_item);
    post_w = malloc((nbfeat + 1) * sizeof *post_w);
    if (!post_off || !post_item || !post_w)
        goto done;
    for (size_t k = w.off[na]; k < w.off[N]; k++)
        post_off[w.feat[k] + 1]++;
    for (size_t f = 0; f < F; f++)
        post_off[f + 1] += post_off[f];
    for (size_t t = na; t < N; t++)
        for (size_t k = w.off[t]; k < w.off[t + 1]; k++) {
            size_t at = post_off[w.feat[k]]++;
            post_item[at] = (uint32_t)(t - na);
            post_w[at] = w.w[k];
        }
    for (size_t f = F; f > 0; f--)      /* undo the shift of the fill */
        post_off[f] = post_off[f - 1];
    post_off[0] = 0;

    /* 4. Candidates of each text of A. */
    size_t common_limit = nb * COMMON_PERCENT / 100;
    if (common_limit < COMMON_MIN)
        common_limit = COMMON_MIN;
    acc = malloc(nb * sizeof *acc);
    stamp = calloc(nb, sizeof *stamp);
    touched = malloc(nb * sizeof *touched);
    cands = malloc(nb * sizeof *cands);
    a_dense = calloc(F + 1, sizeof *a_dense);
    b_common = calloc(nb, sizeof *b_common);
    bc_off = calloc(nb + 1, sizeof *bc_off);
    if (!acc || !stamp || !touched || !cands || !a_dense || !b_common || !bc_off)
        goto done;
    /* The common features of each text of B (where they are in its
     * vector), and the norm of that part: with the norm of the same part
     * of the text of A it bounds what they can add (Cauchy-Schwarz). */
    size_t nbc = 0;
    for (size_t j = 0; j < nb; j++) {
        for (size_t k = w.off[na + j]; k < w.off[na + j + 1]; k++)
            nbc += post_off[w.feat[k] + 1] - post_off[w.feat[k]] > common_limit;
        bc_off[j + 1] = nbc;
    }
    bc_at = malloc((nbc + 1) * sizeof *bc_at);
    if (!bc_at)
        goto done;
    for (size_t j = 0, at = 0; j < nb; j++) {
        double sq = 0;
        for (size_t k = w.off[na + j]; k < w.off[na + j + 1]; k++)
            if (post_off[w.feat[k] + 1] - post_off[w.feat[k]] > common_limit) {
                bc_at[at++] = k;
                sq += w.w[k] * w.w[k];
            }
        b_common[j] = sq > 0 ? sqrt_pos(sq) : 0;
    }
    double moved_bar = threshold + MOVED_BAR;
    for (size_t i = 0; i < na; i++) {
        size_t nt = 0, ncand = 0;
        double a_common = 0;
        for (size_t k = w.off[i]; k < w.off[i + 1]; k++) {
            uint32_t f = w.feat[k];
            size_t lo = post_off[f], hi = post_off[f + 1];
            if (hi - lo > common_limit) {
                a_dense[f] = w.w[k];
                a_common += w.w[k] * w.w[k];
                continue;
            }
            for (size_t p = lo; p < hi; p++) {
                uint32_t j = post_item[p];
                if (stamp[j] != i + 1) {
                    stamp[j] = (uint32_t)(i + 1);
                    acc[j] = 0;
                    touched[nt++] = j;
                }
                acc[j] += w.w[k] * post_w[p];
            }
        }
        a_common = a_common > 0 ? sqrt_pos(a_common) : 0;
        int gi = ga ? ga[i] : -1;
        for (size_t q = 0; q < nt; q++) {
            uint32_t j = touched[q];
            int gj = gb ? gb[j] : -1;
            unsigned char phase = gi != -1 && gi == gj ? 1 : 2;
            unsigned char moved = gi != -1 && gj != -1 && gi != gj;
            double bar = moved ? moved_bar : threshold, s = acc[j];
            if (s + a_common * b_common[j] < bar - BOUND_SLACK)
                continue;
            for (size_t c = bc_off[j]; a_common > 0 && c < bc_off[j + 1]; c++)
                s += a_dense[w.feat[bc_at[c]]] * w.w[bc_at[c]];
            if (s > 1.0)
                s = 1.0;
            if (s < bar)
                continue;
            cands[ncand++] = (cand){ (uint32_t)i, j, s, phase, moved };
        }
        for (size_t k = w.off[i]; k < w.off[i + 1]; k++)
            a_dense[w.feat[k]] = 0;
        qsort(cands, ncand, sizeof *cands, cmp_cand);
        size_t kept[3] = { 0, 0, 0 };
        for (size_t q = 0; q < ncand; q++) {
            if (kept[cands[q].phase]++ >= MAX_CANDIDATES)
                continue;
            if (!grow((void **)&edges, &ecap, nedges + 1, sizeof *edges))
                goto done;
            edges[nedges++] = cands[q];
        }
    }

    /* 5. Greedy 1:1, best (ranked) first; or every candidate. */
    if (nedges)
        qsort(edges, nedges, sizeof *edges, cmp_cand);
    used_a = calloc(na, 1);
    used_b = calloc(nb, 1);
    pairs = malloc((links ? nedges + 1 : na < nb ? na : nb) * sizeof *pairs);
    if (!used_a || !used_b || !pairs)
        goto done;
    for (size_t e = 0; e < nedges; e++) {
        const cand *c = &edges[e];
        if (!links && (used_a[c->a] || used_b[c->b]))
            continue;
        used_a[c->a] = used_b[c->b] = 1;
        pairs[npairs++] = (vp_pair){ c->a, c->b, c->score, c->moved,
                                     c->score >= VP_VERBATIM };
    }
    qsort(pairs, npairs, sizeof *pairs, links ? cmp_link : cmp_pair);
    if (npairs) {
        *out = pairs;
        pairs = NULL;
    }
    result = npairs;
done:
    strtab_free(&w.syl);
    free(w.ft.key);
    free(w.ft.id);
    free(w.s);
    free(w.tmp);
    free(w.feat);
    free(w.w);
    free(w.off);
    free(df);
    free(idf);
    free(post_off);
    free(post_item);
    free(post_w);
    free(acc);
    free(stamp);
    free(touched);
    free(cands);
    free(a_dense);
    free(bc_off);
    free(bc_at);
    free(b_common);
    free(edges);
    free(used_a);
    free(used_b);
    free(pairs);
    return result;
}

size_t vp_align(const vp_aligner *al, const char *const *a, const int *ga, size_t na,
                const char *const *b, const int *gb, size_t nb, double threshold,
                vp_pair **out)
{
    return align_core(al, a, ga, na, b, gb, nb, threshold, 0, out);
}

size_t vp_align_links(const vp_aligner *al, const char *const *a, size_t na,
                      const char *const *b, size_t nb, double threshold, vp_pair **out)
{
    return align_core(al, a, NULL, na, b, NULL, nb, threshold, 1, out);
}

/* ================================================================ shared terms */

/* The kept bigrams of folded text f as (start, end) byte ranges. */
static size_t bigrams(const vp_aligner *al, const char *f, size_t flen, syl **v, size_t *vcap,
                      size_t (*out)[2], size_t max)
{
    size_t n = syllables(f, flen, v, vcap), m = 0;
    if (n == SIZE_MAX)
        return SIZE_MAX;
    mark_stop(al, f, *v, n);
    for (size_t k = 1; k < n && m < max; k++)
        if ((*v)[k].kept && (*v)[k - 1].kept && (*v)[k].linked) {
            out[m][0] = (*v)[k - 1].start;
            out[m][1] = (*v)[k].end;
            m++;
        }
    return m;
}

/* A text's kept bigrams, for vp_shared_terms: their hashes sorted (to be
 * looked up), and the same in text order with where each is in the text
 * as written (to be shown). */
typedef struct term_at {
    uint64_t hash;
    size_t start, end;
} term_at;

struct vp_termset {
    uint64_t *sorted;
    term_at *order;
    size_t n;
};

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    span sp = {s, n};
    return spans_hash(&sp, 1);
}

void vp_termset_free(vp_termset *t)
{
    if (!t)
        return;
    free(t->sorted);
    free(t->order);
    free(t);
}

vp_termset *vp_termset_new(const vp_aligner *al, const char *text)
{
    enum { MAX_BIGRAMS = 512 };
    size_t flen, vcap = 0, ocap = 0;
    syl *v = NULL, *o = NULL;
    size_t(*r)[2] = malloc(MAX_BIGRAMS * sizeof *r);
    vp_termset *t = calloc(1, sizeof *t);
    char *f = vp_fold(text, strlen(text), VNPLAN_FOLD_DEFAULT, &flen);
    int ok = 0;
    if (!r || !t || !f)
        goto done;
    size_t nb = bigrams(al, f, flen, &v, &vcap, r, MAX_BIGRAMS);
    size_t no = nb == SIZE_MAX ? SIZE_MAX : syllables(text, strlen(text), &o, &ocap);
    /* sorted is rebuilt below from order, which may repeat a bigram: room
     * for the larger of the two */
    if (no == SIZE_MAX || !(t->sorted = malloc(((nb > no ? nb : no) + 1) * sizeof *t->sorted)) ||
        !(t->order = malloc((no + 1) * sizeof *t->order)))
        goto done;
    for (size_t k = 0; k < nb; k++)
        t->sorted[k] = hash_bytes(f + r[k][0], r[k][1] - r[k][0]);
    qsort(t->sorted, nb, sizeof *t->sorted, cmp_u64);
    /* the bigrams of the text as written whose folded key is kept */
    for (size_t k = 1; k < no; k++) {
        if (!o[k].linked || !o[k - 1].letter || !o[k].letter)
            continue;
        size_t kl;
        char *key = vp_fold(text + o[k - 1].start, o[k].end - o[k - 1].start,
                            VNPLAN_FOLD_DEFAULT, &kl);
        if (!key)
            goto done;
        uint64_t h = hash_bytes(key, kl);
        free(key);
        if (bsearch(&h, t->sorted, nb, sizeof *t->sorted, cmp_u64))
            t->order[t->n++] = (term_at){h, o[k - 1].start, o[k].end};
    }
    ok = 1;
done:
    free(v);
    free(o);
    free(r);
    free(f);
    if (!ok) {
        vp_termset_free(t);
        return NULL;
    }
    /* sorted holds the folded text's bigrams; only those of the written
     * words matter from here on, so it is rebuilt from them */
    for (size_t k = 0; k < t->n; k++)
        t->sorted[k] = t->order[k].hash;
    qsort(t->sorted, t->n, sizeof *t->sorted, cmp_u64);
    return t;
}

/* Append atext[start, end) to buf as one more term, unless it is there
 * already or there is no room; 1 when appended. */
static int add_term(char *buf, size_t cap, size_t *written, const char *t, size_t tl)
{
    const char *hit = *written ? memmem(buf, *written, t, tl) : NULL;
    if (hit && (hit == buf || hit[-1] == ' ') && (hit + tl == buf + *written || hit[tl] == ','))
        return 0;
    if (*written + tl + 3 > cap)
        return 0;
    if (*written) {
        memcpy(buf + *written, ", ", 2);
        *written += 2;
    }
    memcpy(buf + *written, t, tl);
    *written += tl;
    buf[*written] = '\0';
    return 1;
}

size_t vp_shared_terms(const vp_termset *a, const char *atext, const vp_termset *b, char *buf,
                       size_t cap)
{
    enum { MAX_TERMS = 6 };
    size_t written = 0, terms = 0, ps = 0, pe = 0;
    if (!cap)
        return 0;
    buf[0] = '\0';
    /* shared bigrams that overlap ("quá trình", "trình xây", "xây dựng")
     * make one phrase ("quá trình xây dựng") */
    for (size_t k = 0; a && b && k < a->n && terms < MAX_TERMS; k++) {
        const term_at *x = &a->order[k];
        if (!bsearch(&x->hash, b->sorted, b->n, sizeof *b->sorted, cmp_u64))
            continue;
        if (pe > ps && x->start < pe) {
            pe = x->end;
            continue;
        }
        if (pe > ps)
            terms += (size_t)add_term(buf, cap, &written, atext + ps, pe - ps);
        ps = x->start;
        pe = x->end;
    }
    if (pe > ps && terms < MAX_TERMS)
        add_term(buf, cap, &written, atext + ps, pe - ps);
    return written;
}

/* ================================================================ word diff */

typedef struct dword {
    size_t start, end;          /* bytes of the original text */
    uint64_t hash;
    size_t koff, klen;          /* folded key in the side's buffer */
} dword;

typedef struct dside {
    const char *s;
    size_t len;
    dword *w;
    size_t n, cap;
    char *keys;
    size_t klen, kcap;
} dside;

/* The words of d->s with their folded keys; 0 when out of memory. */
static int diff_words(dside *d)
{
    size_t pos = 0, start, end;
    int letter;
    while (next_word(d->s, d->len, &pos, &start, &end, &letter)) {
        size_t flen;
        char *f = vp_fold(d->s + start, end - start, VNPLAN_FOLD_DEFAULT, &flen);
        if (!f)
            return 0;
        int ok = grow((void **)&d->w, &d->cap, d->n + 1, sizeof *d->w) &&
                 grow((void **)&d->keys, &d->kcap, d->klen + flen + 1, 1);
        if (ok) {
            memcpy(d->keys + d->klen, f, flen);
            span sp = { f, flen };
            d->w[d->n++] = (dword){ start, end, spans_hash(&sp, 1), d->klen, flen };
            d->klen += flen;
        }
        free(f);
        if (!ok)
            return 0;
    }
    return 1;
}

static int same_word(const dside *x, size_t i, const dside *y, size_t j)
{
    const dword *p = &x->w[i], *q = &y->w[j];
    return p->hash == q->hash && p->klen == q->klen &&
           memcmp(x->keys + p->koff, y->keys + q->koff, p->klen) == 0;
}

/* Where the bytes of word i begin: the first word takes what precedes it,
 * every word the separator that follows it; i == n is the end. */
static size_t seg(const dside *d, size_t i)
{
    return i == d->n ? d->len : i == 0 ? 0 : d->w[i].start;
}

typedef struct runs {
    vp_diff_run *r;
    size_t n, cap;
} runs;

static int emit(runs *o, int kind, size_t as, size_t ae, size_t bs, size_t be)
{
    if (as == ae && bs == be)
        return 1;
    if (!grow((void **)&o->r, &o->cap, o->n + 1, sizeof *o->r))
        return 0;
    o->r[o->n++] = (vp_diff_run){ kind, as, ae, bs, be };
    return 1;
}

size_t vp_word_diff(const char *a, size_t alen, const char *b, size_t blen,
                    vp_diff_run **out)
{
    dside A = { a, alen, NULL, 0, 0, NULL, 0, 0 }, B = { b, blen, NULL, 0, 0, NULL, 0, 0 };
    runs o = { NULL, 0, 0 };
    uint16_t *L = NULL;
    size_t result = (size_t)-1;
    if (!out)
        return (size_t)-1;
    *out = NULL;
    if (!a)
        alen = 0;
    if (!b)
        blen = 0;
    A.len = alen;
    B.len = blen;

    if (alen == blen && (alen == 0 || memcmp(a, b, alen) == 0)) {
        if (!emit(&o, 0, 0, alen, 0, blen))
            goto done;
        goto finish;
    }
    int valid = (!alen || vp_utf8_invalid_offset(a, alen) < 0) &&
                (!blen || vp_utf8_invalid_offset(b, blen) < 0);
    if (valid && (!diff_words(&A) || !diff_words(&B)))
        goto done;
    if (!valid || A.n == 0 || B.n == 0) {
        if (!emit(&o, 1, 0, alen, 0, 0) || !emit(&o, 2, alen, alen, 0, blen))
            goto done;
        goto finish;
    }

    /* The common prefix and suffix, then the middle by LCS when small. */
    size_t pre = 0, suf = 0;
    while (pre < A.n && pre < B.n && same_word(&A, pre, &B, pre))
        pre++;
    while (suf < A.n - pre && suf < B.n - pre &&
           same_word(&A, A.n - 1 - suf, &B, B.n - 1 - suf))
        suf++;
    size_t M = A.n - pre - suf, Nn = B.n - pre - suf;
    int dp = M && Nn && M <= MAX_DIFF_CELLS / Nn;
    size_t cols = Nn + 1;
    if (dp) {
        L = calloc((M + 1) * cols, sizeof *L);
        if (!L)
            goto done;
        for (size_t i = M; i-- > 0;)
            for (size_t j = Nn; j-- > 0;) {
                uint16_t v;
                if (same_word(&A, pre + i, &B, pre + j))
                    v = (uint16_t)(L[(i + 1) * cols + j + 1] + 1);
                else {
                    uint16_t down = L[(i + 1) * cols + j], right = L[i * cols + j + 1];
                    v = down >= right ? down : right;
                }
                L[i * cols + j] = v;
            }
    }

    size_t i = 0, j = 0;
    while (i < A.n || j < B.n) {
        /* A run of matching words. */
        size_t i0 = i, j0 = j;
        for (;;) {
            int match;
            if (i < pre)
                match = 1;
            else if (i >= A.n - suf && j >= B.n - suf)
                match = i < A.n;
            else
                match = dp && i < pre + M && j < pre + Nn && same_word(&A, i, &B, j);
            if (!match)
                break;
            i++;
            j++;
        }
        if (i > i0 && !emit(&o, 0, seg(&A, i0), seg(&A, i), seg(&B, j0), seg(&B, j)))
            goto done;
        if (i == A.n && j == B.n)
            break;
        /* A block of changes, up to the next match. */
        i0 = i;
        j0 = j;
        while (i < pre + M || j < pre + Nn) {
            size_t mi = i - pre, mj = j - pre;
            if (mi < M && mj < Nn && dp && same_word(&A, i, &B, j))
                break;
            if (mi < M && (mj >= Nn || !dp ||
                           L[(mi + 1) * cols + mj] >= L[mi * cols + mj + 1]))
                i++;
            else
                j++;
        }
        if (!emit(&o, 1, seg(&A, i0), seg(&A, i), seg(&B, j0), seg(&B, j0)) ||
            !emit(&o, 2, seg(&A, i), seg(&A, i), seg(&B, j0), seg(&B, j)))
            goto done;
    }
finish:
    *out = o.r;
    o.r = NULL;
    result = o.n;
done:
    free(o.r);
    free(L);
    free(A.w);
    free(A.keys);
    free(B.w);
    free(B.keys);
    return result;
}
