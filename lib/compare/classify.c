/* classify.c — puts every section and task of a document under a category
 * of a framework (see framework.h; the data is docs/frameworks.md).
 *
 * Consumes: a document with its sections, paragraphs, tasks and duties, and
 * the references it cites; a loaded framework.
 * Produces: vp_pillar on each section (from its own heading) and on each
 * task and duty; d->framework, the framework's id; d->implements, the
 * framework decisions the document cites.
 *
 * Design.
 * 1. Sections.  A section whose heading holds a heading phrase of the
 *    framework gets that category, basis "heading" (pillar phrases are
 *    looked for before the others: see vp_framework_heading).  Only true
 *    headings count: a numbered paragraph that the structure stage made a
 *    section ("1.1. Sở Y tế chủ trì ..."), whose "heading" is really a task
 *    or longer than MAX_HEADING_WORDS words, names no category — otherwise
 *    "đẩy mạnh công tác tuyên truyền" inside a task would file it under
 *    communication.
 * 2. Tasks and duties.  The nearest section, the task's own or an ancestor,
 *    whose heading names a category gives it, basis "heading"; the evidence
 *    is the heading phrase and the line of that heading.  Otherwise the
 *    lexicon decides, basis "lexicon": the task's text scores with weight 1
 *    and the true headings above it with the framework's `context` weight
 *    (0.5 by default); names of the task's agencies are blanked first, so
 *    "Sở Văn hóa, Thể thao và Du lịch" does not vote for culture.  The best
 *    category wins; `tie` when the runner-up scores the same (the earlier
 *    category in the file is kept), `low` when the score is under the
 *    framework's `bar`.  A task without a single term falls back to its
 *    section's heading and paragraphs (then the enclosing sections', up to
 *    the first level), always flagged low; only when those hold no term
 *    either is the task left without a category.
 * 3. Evidence lines.  A term in a heading stands on the heading's line.  A
 *    term in a task's text stands on the line of the paragraph it is in:
 *    the task's text joins its paragraphs with "\n", so the n-th paragraph
 *    of the text is taken to be the n-th paragraph of the section at or
 *    after the task's first line and not after its last.  That is exact for
 *    the samples; for a paragraph that the reader rejoined from several
 *    lines it is the paragraph's first line.
 *
 * Classifying a document again replaces what an earlier call set. */
#include "config.h"
#include "compare/framework.h"
#include "compare/classify.h"
#include "model/model.h"
#include "core/unicode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_HEADING_WORDS = 60,     /* a longer "heading" is a numbered paragraph */
    MAX_EVIDENCE = 12,          /* terms kept on one task                     */
    MAX_MATCHES = 512,          /* lexicon matches examined in one text       */
    MAX_CONTEXT = 8             /* headings above a task used as context      */
};

#define SCORE_EPSILON 1e-9

/* ================================================================ lookups */

typedef struct task_line {
    long line;
    const char *path;
} task_line;

static int cmp_task_line(const void *a, const void *b)
{
    const task_line *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return strcmp(x->path, y->path);
}

static int cmp_section_path(const void *a, const void *b)
{
    const vnplan_section *x = *(const vnplan_section *const *)a;
    const vnplan_section *y = *(const vnplan_section *const *)b;
    return strcmp(x->path, y->path);
}

/* What one call works with. */
typedef struct ctx {
    vnplan_plan *p;
    vnplan_document *d;
    const vp_framework *fw;
    size_t ncat;
    task_line *lines;           /* where tasks begin, sorted */
    size_t nlines;
    vnplan_section **by_path;   /* sections with a path, sorted */
    size_t nsec;
    double *score, *score_ctx;  /* ncat each */
    vp_evidence *ev, *ev_ctx;   /* MAX_MATCHES each */
} ctx;

/* A section's "heading" is a task when a task begins on its line. */
static int heading_is_task(const ctx *c, const vnplan_section *s)
{
    task_line key = { s->line, s->path };
    return s->path && bsearch(&key, c->lines, c->nlines, sizeof *c->lines, cmp_task_line);
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s; s++) {
        int space = *s == ' ' || *s == '\t' || *s == '\n';
        if (!space && !in)
            n++;
        in = !space;
    }
    return n;
}

/* A heading that may name a category (see the design note). */
static int true_heading(const ctx *c, const vnplan_section *s)
{
    return s->heading && *s->heading && !heading_is_task(c, s) &&
           count_words(s->heading) <= MAX_HEADING_WORDS;
}

static vnplan_section *section_by_path(const ctx *c, const char *path)
{
    if (!path)
        return NULL;
    vnplan_section key;
    memset(&key, 0, sizeof key);
    key.path = path;
    const vnplan_section *pk = &key;
    vnplan_section **hit = bsearch(&pk, c->by_path, c->nsec, sizeof *c->by_path,
                                   cmp_section_path);
    return hit ? *hit : NULL;
}

/* ================================================================ evidence */

/* The folded words of s, one space between, one space around:
 * " tư5 luc5 tư5 cương2 ".  Punctuation goes, as in the matcher.
 * malloc'd; NULL on failure. */
static char *word_key(const char *s, size_t len)
{
    size_t flen;
    char *f = vp_fold(s, len, VNPLAN_FOLD_DEFAULT, &flen);
    if (!f)
        return NULL;
    char *k = malloc(flen + 3);
    if (!k)
        goto done;
    size_t o = 0;
    k[o++] = ' ';
    for (size_t i = 0; i < flen; i++) {
        unsigned char ch = (unsigned char)f[i];
        int word = ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z');
        if (!word)
            ch = ' ';
        if (ch == ' ' && k[o - 1] == ' ')
            continue;
        k[o++] = (char)ch;
    }
    if (k[o - 1] != ' ')
        k[o++] = ' ';
    k[o] = '\0';
done:
    free(f);
    return k;
}

/* Does the heading (as a word key) hold `phrase` (a heading phrase as
 * written: "^" anchors it, "[...]" is optional)?  -1 on lack of memory. */
static int holds_phrase(const char *hkey, const char *phrase)
{
    int start = phrase[0] == '^';
    const char *ph = phrase + start;
    size_t n = strlen(ph);
    char *a = malloc(n + 1), *b = malloc(n + 1);
    int found = -1;
    if (!a || !b)
        goto done;
    size_t na = 0, nb = 0;
    for (int depth = 0; *ph; ph++) {
        if (*ph == '[' || *ph == ']') {
            depth += *ph == '[' ? 1 : -1;
            continue;
        }
        a[na++] = *ph;          /* with the optional words */
        if (!depth)
            b[nb++] = *ph;      /* without them */
    }
    found = 0;
    for (int pass = 0; pass < 2 && !found; pass++) {
        char *k = pass ? word_key(b, nb) : word_key(a, na);
        if (!k) {
            found = -1;
            break;
        }
        if (strlen(k) > 2)
            found = start ? strncmp(hkey, k, strlen(k)) == 0 : strstr(hkey, k) != NULL;
        free(k);
    }
done:
    free(a);
    free(b);
    return found;
}

/* The heading phrase of `cat` that `heading` holds (the first, in the
 * file's order), or the category's first phrase; NULL on lack of memory. */
static const char *phrase_in(const vp_category *cat, const char *heading)
{
    char *hkey = word_key(heading, strlen(heading));
    const char *found = NULL;
    if (!hkey)
        return NULL;
    for (size_t i = 0; i < cat->nheadings; i++) {
        int r = holds_phrase(hkey, cat->headings[i]);
        if (r < 0)
            goto done;
        if (r) {
            found = cat->headings[i];
            break;
        }
    }
    if (!found)
        found = cat->nheadings ? cat->headings[0] : "";
done:
    free(hkey);
    return found;
}

/* Sets a pillar with the evidence in terms/lines (copied to the arena). */
static int set_pillar(vnplan_plan *p, vp_pillar *pl, const vp_category *cat,
                      const char *basis, double score, const char *const *terms,
                      const long *lines, size_t n)
{
    memset(pl, 0, sizeof *pl);
    pl->category = cat;
    pl->basis = basis;
    pl->score = score;
    if (!n)
        return 1;
    pl->terms = vp_alloc(p->arena, n * sizeof *pl->terms);
    pl->lines = vp_alloc(p->arena, n * sizeof *pl->lines);
    if (!pl->terms || !pl->lines)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!(pl->terms[i] = vp_strdup(p->arena, terms[i])))
            return 0;
        pl->lines[i] = lines[i];
    }
    pl->nevidence = n;
    return 1;
}

/* ================================================================ sections */

static int classify_sections(ctx *c)
{
    for (const vnplan_section *cs = c->d->root; cs; cs = vp_section_following(cs, c->d->root)) {
        vnplan_section *s = (vnplan_section *)cs;
        memset(&s->pillar, 0, sizeof s->pillar);
        if (!true_heading(c, s))
            continue;
        const vp_category *cat = vp_framework_heading(c->fw, s->heading);
        if (!cat)
            continue;
        const char *phrase = phrase_in(cat, s->heading);
        if (phrase && *phrase == '^')
            phrase++;           /* the anchor is syntax, not evidence */
        if (!phrase || !set_pillar(c->p, &s->pillar, cat, "heading", 0, &phrase, &s->line, 1))
            return 0;
    }
    return 1;
}

/* ================================================================ tasks */

/* Blanks (with spaces: offsets keep) every name of the task's agencies. */
static void mask_agencies(const vnplan_task *t, char *buf)
{
    for (int r = 0; r < 3; r++) {
        for (size_t i = 0; i < t->nroles[r]; i++) {
            const char *name = t->roles[r][i].name;
            size_t n = name ? strlen(name) : 0;
            if (n < 3)
                continue;
            for (char *at = strstr(buf, name); at; at = strstr(at + n, name))
                memset(at, ' ', n);
        }
    }
}

/* The line a byte of the task's text stands on (see the design note).
 * Offsets are asked for in increasing order, so one pass over the text and
 * the section's paragraphs serves all the evidence of a task. */
typedef struct task_cursor {
    const vnplan_task *t;
    const vnplan_section *s;
    size_t pos, para;
    long line;
} task_cursor;

static long cursor_line(task_cursor *tc, size_t offset)
{
    const vnplan_section *s = tc->s;
    for (; tc->pos < offset && tc->t->text[tc->pos]; tc->pos++) {
        if (tc->t->text[tc->pos] != '\n')
            continue;
        /* the next paragraph of the section after the current line */
        while (s && tc->para < s->npara) {
            long pl = s->paras[tc->para++].line;
            if (pl > tc->line) {
                if (pl <= tc->t->last_line)
                    tc->line = pl;
                break;
            }
        }
    }
    return tc->line;
}

/* Text pieces scored together (headings, paragraphs), each with the line
 * it stands on. */
typedef struct pieces {
    char *buf;
    size_t len, cap;
    size_t *start;
    long *line;
    size_t n, capn;
} pieces;

static int pieces_add(pieces *pc, const char *s, long line)
{
    size_t n = strlen(s);
    if (pc->len + n + 3 > pc->cap) {
        size_t cap = (pc->len + n + 3) * 2;
        char *b = realloc(pc->buf, cap);
        if (!b)
            return 0;
        pc->buf = b;
        pc->cap = cap;
    }
    if (pc->n == pc->capn) {
        size_t capn = pc->capn ? pc->capn * 2 : 16;
        size_t *st = realloc(pc->start, capn * sizeof *st);
        if (!st)
            return 0;
        pc->start = st;
        long *ln = realloc(pc->line, capn * sizeof *ln);
        if (!ln)
            return 0;
        pc->line = ln;
        pc->capn = capn;
    }
    if (pc->len) {              /* a stop between pieces: no phrase spans two */
        pc->buf[pc->len++] = ';';
        pc->buf[pc->len++] = '\n';
    }
    pc->start[pc->n] = pc->len;
    pc->line[pc->n++] = line;
    memcpy(pc->buf + pc->len, s, n + 1);
    pc->len += n;
    return 1;
}

static void pieces_free(pieces *pc)
{
    free(pc->buf);
    free(pc->start);
    free(pc->line);
}

/* The line of the piece holding `offset`; offsets come in increasing
 * order, *at remembers where the last one was. */
static long piece_line(const pieces *pc, size_t *at, size_t offset)
{
    while (*at + 1 < pc->n && pc->start[*at + 1] <= offset)
        (*at)++;
    return pc->n ? pc->line[*at] : 0;
}

/* The best category of total scores: index, or -1 when all are 0; *tie
 * when another has the same score. */
static long best_of(const double *score, size_t n, int *tie)
{
    long best = -1;
    *tie = 0;
    for (size_t i = 0; i < n; i++) {
        if (score[i] <= SCORE_EPSILON)
            continue;
        if (best < 0 || score[i] > score[best] + SCORE_EPSILON) {
            best = (long)i;
            *tie = 0;
        } else if (score[i] > score[best] - SCORE_EPSILON) {
            *tie = 1;
        }
    }
    return best;
}

/* The distinct terms found for the winning category, each with the line
 * of its first occurrence and the weight it added in all; the heaviest
 * MAX_EVIDENCE are kept, heaviest first. */
typedef struct evlist {
    const char *term[MAX_MATCHES];
    long line[MAX_MATCHES];
    double weight[MAX_MATCHES];
    size_t n;
} evlist;

static void evlist_add(evlist *e, const char *term, long line, double weight)
{
    for (size_t i = 0; i < e->n; i++)
        if (e->term[i] == term) {
            e->weight[i] += weight;
            return;
        }
    if (e->n < MAX_MATCHES) {
        e->term[e->n] = term;
        e->line[e->n] = line;
        e->weight[e->n++] = weight;
    }
}

/* Heaviest first, in the order found among equals (insertion sort: a
 * task has a few dozen terms at most); then cut to MAX_EVIDENCE. */
static void evlist_rank(evlist *e)
{
    for (size_t i = 1; i < e->n; i++) {
        const char *t = e->term[i];
        long l = e->line[i];
        double w = e->weight[i];
        size_t j = i;
        for (; j > 0 && e->weight[j - 1] < w - SCORE_EPSILON; j--) {
            e->term[j] = e->term[j - 1];
            e->line[j] = e->line[j - 1];
            e->weight[j] = e->weight[j - 1];
        }
        e->term[j] = t;
        e->line[j] = l;
        e->weight[j] = w;
    }
    if (e->n > MAX_EVIDENCE)
        e->n = MAX_EVIDENCE;
}

/* The lexicon's category for task t in section s. */
static int classify_by_lexicon(ctx *c, vnplan_task *t, const vnplan_section *s)
{
    const vp_category *cat0 = vp_framework_at(c->fw, 0);
    double bar = cat0->bar, weight = cat0->context;
    char *text = NULL;
    pieces pc;
    memset(&pc, 0, sizeof pc);
    int ok = 0;
    evlist *e = malloc(sizeof *e);

    text = strdup(t->text ? t->text : "");
    if (!text || !e)
        goto done;
    mask_agencies(t, text);
    size_t nev = vp_framework_score(c->fw, text, strlen(text), c->score, c->ev, MAX_MATCHES);

    /* The true headings above it, nearest first. */
    for (const vnplan_section *a = s; a && pc.n < MAX_CONTEXT; a = a->parent)
        if (true_heading(c, a) && !(t->text && strcmp(a->heading, t->text) == 0) &&
            !pieces_add(&pc, a->heading, a->line))
            goto done;
    size_t nctx = 0;
    if (pc.len) {
        mask_agencies(t, pc.buf);
        nctx = vp_framework_score(c->fw, pc.buf, pc.len, c->score_ctx, c->ev_ctx, MAX_MATCHES);
        for (size_t i = 0; i < c->ncat; i++)
            c->score[i] += weight * c->score_ctx[i];
    }
    int tie;
    long best = best_of(c->score, c->ncat, &tie);
    if (best >= 0) {
        const vp_category *cat = vp_framework_at(c->fw, (size_t)best);
        task_cursor tc = { t, s, 0, 0, t->line };
        size_t at = 0;
        e->n = 0;
        for (size_t i = 0; i < nev; i++) {
            long line = cursor_line(&tc, c->ev[i].start);
            if (c->ev[i].category == cat)
                evlist_add(e, c->ev[i].term, line, c->ev[i].weight);
        }
        for (size_t i = 0; i < nctx; i++) {
            long line = piece_line(&pc, &at, c->ev_ctx[i].start);
            if (c->ev_ctx[i].category == cat)
                evlist_add(e, c->ev_ctx[i].term, line, weight * c->ev_ctx[i].weight);
        }
        evlist_rank(e);
        if (!set_pillar(c->p, &t->pillar, cat, "lexicon", c->score[best], e->term, e->line,
                        e->n))
            goto done;
        t->pillar.tie = tie;
        t->pillar.low = c->score[best] < bar;
        ok = 1;
        goto done;
    }

    /* No term at all: the section's words, then its parents' (not the
     * document's root: its paragraphs are the preamble). */
    for (const vnplan_section *a = s; a && a->parent; a = a->parent) {
        pc.len = pc.n = 0;
        if (a->heading && !pieces_add(&pc, a->heading, a->line))
            goto done;
        for (size_t i = 0; i < a->npara; i++)
            if (a->paras[i].text && !pieces_add(&pc, a->paras[i].text, a->paras[i].line))
                goto done;
        if (!pc.len)
            continue;
        mask_agencies(t, pc.buf);
        nctx = vp_framework_score(c->fw, pc.buf, pc.len, c->score, c->ev_ctx, MAX_MATCHES);
        best = best_of(c->score, c->ncat, &tie);
        if (best < 0)
            continue;
        const vp_category *cat = vp_framework_at(c->fw, (size_t)best);
        size_t at = 0;
        e->n = 0;
        for (size_t i = 0; i < nctx; i++) {
            long line = piece_line(&pc, &at, c->ev_ctx[i].start);
            if (c->ev_ctx[i].category == cat)
                evlist_add(e, c->ev_ctx[i].term, line, c->ev_ctx[i].weight);
        }
        evlist_rank(e);
        if (!set_pillar(c->p, &t->pillar, cat, "lexicon", c->score[best], e->term, e->line,
                        e->n))
            goto done;
        t->pillar.tie = tie;
        t->pillar.low = 1;
        break;
    }
    ok = 1;
done:
    free(e);
    free(text);
    pieces_free(&pc);
    return ok;
}

static int classify_task(ctx *c, vnplan_task *t)
{
    memset(&t->pillar, 0, sizeof t->pillar);
    const vnplan_section *s = section_by_path(c, t->section);
    for (const vnplan_section *a = s; a; a = a->parent) {
        const vp_pillar *h = &a->pillar;
        if (h->category)
            return set_pillar(c->p, &t->pillar, h->category, "heading", 0, h->terms, h->lines,
                              h->nevidence);
    }
    return classify_by_lexicon(c, t, s);
}

/* ================================================================ document */

static int add_implements(vnplan_plan *p, vnplan_document *d, const vp_framework *fw)
{
    d->nimplements = 0;
    for (size_t i = 0; i < d->nrefs; i++) {
        const char *num = d->refs[i].number;
        if (!num || !vp_framework_cited(fw, num))
            continue;
        int dup = 0;
        for (size_t j = 0; j < d->nimplements && !dup; j++)
            dup = strcmp(d->implements[j], num) == 0;
        if (dup)
            continue;
        if (!vp_grow(p->arena, (void **)&d->implements, &d->capimplements, d->nimplements,
                     sizeof *d->implements))
            return 0;
        if (!(d->implements[d->nimplements] = vp_strdup(p->arena, num)))
            return 0;
        d->nimplements++;
    }
    return 1;
}

int vp_classify_document(vnplan_plan *p, vnplan_document *d, const vp_framework *fw)
{
    ctx c;
    memset(&c, 0, sizeof c);
    int ok = 0;
    c.p = p;
    c.d = d;
    c.fw = fw;
    c.ncat = vp_framework_count(fw);
    if (!p || !d || !c.ncat)
        return 1;               /* nothing to classify by */

    size_t ntask = d->ntasks[0] + d->ntasks[1];
    c.lines = malloc((ntask ? ntask : 1) * sizeof *c.lines);
    c.score = malloc(2 * c.ncat * sizeof *c.score);
    c.ev = malloc(2 * MAX_MATCHES * sizeof *c.ev);
    if (!c.lines || !c.score || !c.ev)
        goto done;
    c.score_ctx = c.score + c.ncat;
    c.ev_ctx = c.ev + MAX_MATCHES;
    for (int part = 0; part < 2; part++)
        for (size_t i = 0; i < d->ntasks[part]; i++)
            if (d->tasks[part][i].section)
                c.lines[c.nlines++] = (task_line){ d->tasks[part][i].line,
                                                   d->tasks[part][i].section };
    qsort(c.lines, c.nlines, sizeof *c.lines, cmp_task_line);

    size_t nsec = 0;
    for (const vnplan_section *s = d->root; s; s = vp_section_following(s, d->root))
        nsec += s->path != NULL;
    c.by_path = malloc((nsec ? nsec : 1) * sizeof *c.by_path);
    if (!c.by_path)
        goto done;
    for (const vnplan_section *s = d->root; s; s = vp_section_following(s, d->root))
        if (s->path)
            c.by_path[c.nsec++] = (vnplan_section *)s;
    qsort(c.by_path, c.nsec, sizeof *c.by_path, cmp_section_path);

    d->framework = vp_strdup(p->arena, vp_framework_id(fw));
    if (!d->framework || !add_implements(p, d, fw) || !classify_sections(&c))
        goto done;
    for (int part = 0; part < 2; part++)
        for (size_t i = 0; i < d->ntasks[part]; i++)
            if (!classify_task(&c, &d->tasks[part][i]))
                goto done;
    ok = 1;
done:
    free(c.lines);
    free(c.by_path);
    free(c.score);
    free(c.ev);
    return ok;
}
