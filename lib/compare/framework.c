/* framework.c — national frameworks as data: the loader of framework files
 * (format: docs/frameworks.md) and the two matchers classify.c builds on,
 * heading phrases and the weighted lexicon.
 *
 * Consumes: a framework file (UTF-8, INI-like: a [framework] section, then
 * one [category ID] section per pillar, objective or non-pillar part) and,
 * later, NFC UTF-8 text slices (a heading, a task, a section).
 * Produces: vp_category records; for a heading the category one of its
 * heading phrases names; for a text the lexicon score of every category and
 * the terms found, with their byte spans.
 *
 * Design.  Phrases and text are cut into the same tokens: words (words.h:
 * runs of letters, marks and digits).  Punctuation between words is
 * ignored, so "tự lực, tự cường" matches "tự lực tự cường" and "HIV/AIDS"
 * matches "HIV AIDS"; a strong stop (". ", ";", ":", "!", "?") between two
 * words ends any phrase, so no match runs across a sentence.  A word's key
 * is its folded form (vp_fold: case and tone placement, so "hòa", "hoà"
 * and "HOÀ" are one word).  Keys are interned to small integers when the
 * file is loaded, and every phrase becomes a path of word ids in a trie
 * (trie.h).  Matching walks the trie from each word and keeps the longest
 * phrase: O(words × longest phrase), with the tokens produced on demand
 * into a ring on the stack.
 *
 * Scores: a term found k times adds weight × (1 + 1/2 + ... + 1/2^(k-1)),
 * so repeating a term raises the score but never beyond twice its weight;
 * at each word the longest phrase wins and matches do not overlap.  An
 * "ignore" phrase (the Community's own name, agencies named after a
 * field) is matched like a term and scores nothing, so the terms inside it
 * do not count.  Heading phrases live in the same trie, in their own
 * fields: pillar phrases are preferred, then the leftmost. */
#include "config.h"
#include "compare/framework.h"
#include "core/datafile.h"
#include "core/error.h"
#include "core/arena.h"
#include "core/trie.h"
#include "core/unicode.h"
#include "core/words.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Named limits. */
enum {
    MAX_CATEGORIES = 64,        /* categories in one framework               */
    MAX_TERMS = 4096,           /* lexicon entries (a score keeps a count of
                                   each on the stack)                        */
    MAX_PHRASE_WORDS = 16,      /* words in one term or heading phrase       */
    MAX_REPEATS = 16,           /* occurrences of a term that still count    */
    RING = MAX_PHRASE_WORDS     /* tokens of lookahead                       */
};

#define MAX_WEIGHT 3.0
#define DEFAULT_BAR 2.0
#define DEFAULT_CONTEXT 0.5

typedef struct trie_node {
    int32_t term;               /* first lexicon entry ending here, or -1    */
    int32_t head;               /* heading phrase ending here, or -1         */
    int32_t head_start;         /* one that must begin the heading ("^")     */
    long ignore;                /* an "ignore" phrase ends here: its line     */
} trie_node;

typedef struct lex_entry {
    const char *text;           /* as written in the file                    */
    size_t category;
    double weight;
    int32_t next;               /* the same phrase in another category, -1   */
    int32_t group;              /* the first spelling of its "[...]" term:
                                   spellings of one term count as one       */
    long line;
} lex_entry;

typedef struct head_entry {
    const char *text;           /* as written, without "^"                   */
    size_t category;
    long line;
} head_entry;

typedef struct decision {
    const char *text;           /* "161/QĐ-TTg"                              */
    char *key;                  /* its comparison key (malloc'd)             */
} decision;

struct vp_framework {
    const char *id, *title, *date, *path;
    double bar, context;

    vp_category *cats;
    size_t ncats;

    decision *decisions;
    size_t ndecisions, capdecisions;

    lex_entry *terms;
    size_t nterms, capterms;
    head_entry *heads;
    size_t nheads, capheads;

    vp_trie trie;               /* phrases as paths of word ids              */
    trie_node *nodes;           /* what each node of the trie ends           */
    size_t nodes_n, nodes_cap;

    /* per category, the heading phrases (vp_category.headings) */
    const char **headlist[MAX_CATEGORIES];
    size_t nheadlist[MAX_CATEGORIES], capheadlist[MAX_CATEGORIES];

    vp_fold_cache fold;
    vp_arena *arena;            /* the strings of the framework              */
};

/* Grows a malloc'd array to hold one more element. */
static int grow(void **v, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return 1;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *nv = realloc(*v, ncap * elem);
    if (!nv)
        return 0;
    *v = nv;
    *cap = ncap;
    return 1;
}

/* ================================================================ trie */

/* Gives every node of the trie its entry in fw->nodes, ending nothing. */
static int nodes_fit(vp_framework *fw)
{
    while (fw->nodes_n < fw->trie.nodes) {
        if (!grow((void **)&fw->nodes, &fw->nodes_cap, fw->nodes_n, sizeof *fw->nodes))
            return 0;
        fw->nodes[fw->nodes_n++] = (trie_node){ -1, -1, -1, 0 };
    }
    return 1;
}

/* The child of `node` by `word`, created when missing; 0 when out of memory. */
static uint32_t edge_add(vp_framework *fw, uint32_t node, uint32_t word)
{
    uint32_t child = vp_trie_add_child(&fw->trie, node, word);
    return child && nodes_fit(fw) ? child : 0;
}

/* ================================================================ tokens */

typedef struct tok {
    size_t start, end;          /* bytes of the original text                */
    uint32_t id;                /* vocabulary id; 0: in no phrase            */
    int stop;                   /* a strong stop comes before it             */
    int badkey;                 /* the key could not be computed             */
} tok;

/* A full stop, semicolon, colon, "!" or "?" ends phrases; a "." between two
 * digits ("4.0") or inside an abbreviation ("v.v.") does not. */
static int is_stop(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ';' || c == ':' || c == '!' || c == '?')
        return 1;
    if (c != '.')
        return 0;
    return i + 1 >= len || !vp_word_ascii((unsigned char)s[i + 1]);
}

/* The next word of s[*pos..len) into *t and its key into key[] (room for
 * VP_WORD_KEY_MAX bytes); 0 at the end of the text. */
static int scan_word(const vp_framework *fw, const char *s, size_t len, size_t *pos, tok *t,
                     char *key, size_t *klen)
{
    size_t i = *pos;
    int stop = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (vp_word_ascii(c))
                break;
            stop |= is_stop(s, len, i);
            i++;
            continue;
        }
        int32_t cp;
        int n = vp_utf8_decode(s + i, len - i, &cp);
        if (vp_word_begins(&fw->fold, cp))
            break;
        i += (size_t)n;
    }
    if (i >= len) {
        *pos = len;
        return 0;
    }
    vp_word w;
    vp_word_read(&fw->fold, s, len, i, &w, key);
    t->start = w.start;
    t->end = *pos = w.end;
    t->stop = stop;
    t->id = 0;
    t->badkey = w.bad || w.klen == 0;   /* a word of marks vp_fold drops */
    *klen = t->badkey ? 0 : w.klen;
    return 1;
}

/* Tokens of one text, produced on demand into a ring.  Token k is available
 * while k + RING > the number produced; matching never looks back further
 * than the longest phrase. */
typedef struct stream {
    const vp_framework *fw;
    const char *s;
    size_t len, pos, made;
    int done;
    tok ring[RING];
} stream;

static void stream_init(stream *st, const vp_framework *fw, const char *s, size_t len)
{
    st->fw = fw;
    st->s = s;
    st->len = len;
    st->pos = 0;
    st->made = 0;
    st->done = 0;
}

static const tok *tok_at(stream *st, size_t k)
{
    while (st->made <= k) {
        if (st->done)
            return NULL;
        char key[VP_WORD_KEY_MAX + 8];
        size_t klen;
        tok *t = &st->ring[st->made % RING];
        if (!scan_word(st->fw, st->s, st->len, &st->pos, t, key, &klen)) {
            st->done = 1;
            return NULL;
        }
        if (!t->badkey)
            t->id = vp_trie_word_id(&st->fw->trie, key, klen);
        st->made++;
    }
    return k + RING >= st->made ? &st->ring[k % RING] : NULL;
}

/* The longest phrase starting at token p: the token after it, and in *node
 * its trie node; 0 when none.  `want` picks the field that marks an end
 * (for terms, "ignore" phrases end one too: they hide the terms inside). */
enum { WANT_TERM, WANT_HEAD, WANT_HEAD_START };

static size_t longest_at(stream *st, size_t p, int want, uint32_t *out)
{
    const vp_framework *fw = st->fw;
    uint32_t node = 0;
    size_t best = 0;
    for (size_t k = p; k < p + MAX_PHRASE_WORDS; k++) {
        const tok *t = tok_at(st, k);
        if (!t || !t->id || (k > p && t->stop))
            break;
        node = vp_trie_child(&fw->trie, node, t->id);
        if (!node)
            break;
        const trie_node *nd = &fw->nodes[node];
        int32_t v = want == WANT_TERM ? (nd->ignore ? 0 : nd->term)
                    : want == WANT_HEAD ? nd->head : nd->head_start;
        if (v >= 0) {
            best = k + 1;
            *out = node;
        }
    }
    return best;
}

/* ================================================================ matching */

const vp_category *vp_framework_heading(const vp_framework *fw, const char *heading)
{
    if (!fw || !heading)
        return NULL;
    stream st;
    stream_init(&st, fw, heading, strlen(heading));
    const vp_category *other = NULL;
    for (size_t p = 0; tok_at(&st, p); p++) {
        uint32_t node;
        int32_t h = -1;
        if (p == 0 && longest_at(&st, p, WANT_HEAD_START, &node))
            h = fw->nodes[node].head_start;
        size_t end_any = longest_at(&st, p, WANT_HEAD, &node);
        if (end_any && h < 0)
            h = fw->nodes[node].head;
        if (h < 0)
            continue;
        const vp_category *c = &fw->cats[fw->heads[h].category];
        if (c->is_pillar)
            return c;           /* pillar phrases before the others */
        if (!other)
            other = c;
    }
    return other;
}

size_t vp_framework_score(const vp_framework *fw, const char *text, size_t len,
                          double *scores, vp_evidence *ev, size_t max_ev)
{
    if (!fw)
        return 0;
    if (scores)
        for (size_t i = 0; i < fw->ncats; i++)
            scores[i] = 0;
    if (!text)
        return 0;
    unsigned char seen[MAX_TERMS];
    memset(seen, 0, fw->nterms);
    stream st;
    stream_init(&st, fw, text, len);
    size_t nev = 0;
    for (size_t p = 0; tok_at(&st, p);) {
        uint32_t node;
        size_t end = longest_at(&st, p, WANT_TERM, &node);
        if (!end) {
            p++;
            continue;
        }
        size_t start = tok_at(&st, p)->start, stop = tok_at(&st, end - 1)->end;
        /* an "ignore" phrase has no terms: it only moves p past its words */
        for (int32_t e = fw->nodes[node].term; e >= 0; e = fw->terms[e].next) {
            const lex_entry *x = &fw->terms[e];
            if (seen[x->group] >= MAX_REPEATS)
                continue;
            double w = x->weight / (double)(1u << seen[x->group]);
            seen[x->group]++;
            if (scores)
                scores[x->category] += w;
            if (ev && nev < max_ev)
                ev[nev++] = (vp_evidence){ &fw->cats[x->category], x->text, start, stop, w };
        }
        p = end;
    }
    return nev;
}

/* ================================================================ queries */

const char *vp_framework_id(const vp_framework *fw) { return fw ? fw->id : NULL; }
const char *vp_framework_title(const vp_framework *fw) { return fw ? fw->title : NULL; }
const char *vp_framework_date(const vp_framework *fw) { return fw ? fw->date : NULL; }
size_t vp_framework_count(const vp_framework *fw) { return fw ? fw->ncats : 0; }

const vp_category *vp_framework_at(const vp_framework *fw, size_t i)
{
    return fw && i < fw->ncats ? &fw->cats[i] : NULL;
}

const vp_category *vp_framework_by_id(const vp_framework *fw, const char *id)
{
    for (size_t i = 0; fw && id && i < fw->ncats; i++)
        if (strcmp(fw->cats[i].id, id) == 0)
            return &fw->cats[i];
    return NULL;
}

/* The comparison key of a document number: folded (case, "Đ"/"đ"), white
 * space dropped, and a year between slashes dropped ("161/2016/QĐ-TTg" is
 * "161/QĐ-TTg").  malloc'd; NULL on failure. */
static void number_key_in(char *f, size_t flen);

static char *number_key(const char *number)
{
    size_t flen;
    char *f = vp_fold(number, strlen(number), VNPLAN_FOLD_DEFAULT, &flen);
    if (f)
        number_key_in(f, flen);
    return f;
}

/* The key made in place from the folded number f[0..flen). */
static void number_key_in(char *f, size_t flen)
{
    size_t o = 0;
    for (size_t i = 0; i < flen; i++)
        if (f[i] != ' ')
            f[o++] = f[i];
    f[o] = '\0';
    for (char *s = strchr(f, '/'); s; s = strchr(s + 1, '/')) {
        if (strlen(s) > 6 && s[5] == '/' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
            s[2] <= '9' && s[3] >= '0' && s[3] <= '9' && s[4] >= '0' && s[4] <= '9') {
            memmove(s, s + 5, strlen(s + 5) + 1);
            break;
        }
    }
}

int vp_framework_cited(const vp_framework *fw, const char *number)
{
    if (!fw || !number || !fw->ndecisions)
        return 0;
    /* On the stack: a failed allocation would read as "not cited".  A
     * number too long for it is no decision's number. */
    char k[VP_FOLD_LINE_BYTES];
    size_t n = vp_fold_short(number, strlen(number), VNPLAN_FOLD_DEFAULT, k, sizeof k);
    if (n == 0 || n + 1 >= sizeof k)
        return 0;
    number_key_in(k, n);
    int hit = 0;
    for (size_t i = 0; !hit && i < fw->ndecisions; i++)
        hit = strcmp(k, fw->decisions[i].key) == 0;
    return hit;
}

/* ================================================================ loading */

typedef struct loader {
    vp_datafile_at at;
    vp_framework *fw;
    int section;                /* 0 none yet, 1 [framework], 2 [category] */
    size_t cat;                 /* the category being read */
    unsigned char seen_pillar, seen_prov;
} loader;

static int valid_id(const char *s)
{
    if (!*s || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* What a phrase is. */
enum { PH_TERM, PH_HEAD, PH_HEAD_START, PH_IGNORE };

/* Adds one spelling (no "[...]" left) of a phrase to the trie: a term of
 * the current category with its weight, a heading phrase (PH_HEAD_START:
 * one that must begin the heading), or a phrase whose words score
 * nothing. */
static int add_spelling(loader *L, const char *as_written, const char *phrase, size_t len,
                        int kind, double weight, int32_t group)
{
    vp_framework *fw = L->fw;
    uint32_t node = 0;
    size_t pos = 0, nwords = 0;
    tok t;
    char key[VP_WORD_KEY_MAX + 8];
    size_t klen;
    while (scan_word(fw, phrase, len, &pos, &t, key, &klen)) {
        if (t.badkey)
            return vp_datafile_bad(&L->at, "a word too long or not foldable in \"%s\"", as_written);
        if (nwords && t.stop)
            return vp_datafile_bad(&L->at, "\"%s\": a phrase cannot hold \".\", \";\", \":\", \"!\" or \"?\"",
                       as_written);
        if (++nwords > MAX_PHRASE_WORDS)
            return vp_datafile_bad(&L->at, "\"%s\" has more than %d words", as_written, MAX_PHRASE_WORDS);
        uint32_t id = vp_trie_intern(&fw->trie, key, klen);
        if (!id || !(node = edge_add(fw, node, id)))
            return vp_datafile_nomem(&L->at);
    }
    if (!nwords)
        return vp_datafile_bad(&L->at, "\"%s\" has no words", as_written);
    trie_node *nd = &fw->nodes[node];
    if (kind == PH_IGNORE || (kind == PH_TERM && nd->ignore)) {
        if (nd->ignore && kind == PH_IGNORE)
            return vp_datafile_bad(&L->at, "\"%s\" is already ignored (line %ld)", as_written, nd->ignore);
        if (nd->ignore || nd->term >= 0)
            return vp_datafile_bad(&L->at, "\"%s\" is both a term (line %ld) and ignored (line %ld)", as_written,
                       nd->term >= 0 ? fw->terms[nd->term].line : L->at.line,
                       nd->ignore ? nd->ignore : L->at.line);
        nd->ignore = L->at.line;
        return 1;
    }
    if (kind == PH_TERM) {
        for (int32_t e = nd->term; e >= 0; e = fw->terms[e].next)
            if (fw->terms[e].category == L->cat)
                return vp_datafile_bad(&L->at, "term \"%s\" already in this category (line %ld)", as_written,
                           fw->terms[e].line);
        if (fw->nterms == MAX_TERMS)
            return vp_datafile_bad(&L->at, "more than %d terms", MAX_TERMS);
        if (!grow((void **)&fw->terms, &fw->capterms, fw->nterms, sizeof *fw->terms))
            return vp_datafile_nomem(&L->at);
        fw->terms[fw->nterms] =
            (lex_entry){ as_written, L->cat, weight, nd->term,
                         group >= 0 ? group : (int32_t)fw->nterms, L->at.line };
        nd->term = (int32_t)fw->nterms++;
        return 1;
    }
    int32_t *slot = kind == PH_HEAD_START ? &nd->head_start : &nd->head;
    if (*slot >= 0) {
        const head_entry *h = &fw->heads[*slot];
        return vp_datafile_bad(&L->at, "heading phrase \"%s\" already names %s (line %ld)", as_written,
                   fw->cats[h->category].id, h->line);
    }
    if (!grow((void **)&fw->heads, &fw->capheads, fw->nheads, sizeof *fw->heads))
        return vp_datafile_nomem(&L->at);
    fw->heads[fw->nheads] = (head_entry){ as_written, L->cat, L->at.line };
    *slot = (int32_t)fw->nheads++;
    return 1;
}

/* Adds a phrase with optional "[...]" parts: every combination of them. */
static int add_phrase(loader *L, const char *phrase, int kind, double weight)
{
    size_t len = strlen(phrase);
    vp_spellings sp;
    switch (vp_spellings_parse(&sp, phrase, len)) {
    case VP_SPELLINGS_TOO_MANY:
        return vp_datafile_bad(&L->at, "more than %d optional parts in \"%s\"",
                               VP_MAX_OPTIONAL, phrase);
    case VP_SPELLINGS_OPEN:
        return vp_datafile_bad(&L->at, "unbalanced \"[\" in \"%s\"", phrase);
    case VP_SPELLINGS_CLOSE:
        return vp_datafile_bad(&L->at, "unbalanced \"]\" in \"%s\"", phrase);
    }
    const char *as_written = vp_strndup(L->fw->arena, phrase, len);
    char *buf = vp_alloc(L->fw->arena, len + 1);
    if (!as_written || !buf)
        return vp_datafile_nomem(&L->at);
    int32_t group = -1;         /* the entry of the first spelling */
    for (unsigned k = 0; k < (1u << sp.n); k++) {
        size_t b = vp_spelling(&sp, k, buf);
        if (!add_spelling(L, as_written, buf, b, kind, weight, group))
            return 0;
        if (kind == PH_TERM && group < 0)
            group = (int32_t)L->fw->nterms - 1;
    }
    if (kind != PH_HEAD && kind != PH_HEAD_START)
        return 1;
    /* Keep the heading phrase on its category, "^" included. */
    size_t c = L->cat;
    const char *shown = as_written;
    if (kind == PH_HEAD_START) {
        char *with = vp_alloc(L->fw->arena, len + 2);
        if (!with)
            return vp_datafile_nomem(&L->at);
        with[0] = '^';
        memcpy(with + 1, phrase, len + 1);
        shown = with;
    }
    if (!grow((void **)&L->fw->headlist[c], &L->fw->capheadlist[c], L->fw->nheadlist[c],
              sizeof *L->fw->headlist[c]))
        return vp_datafile_nomem(&L->at);
    L->fw->headlist[c][L->fw->nheadlist[c]++] = shown;
    return 1;
}

static int parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno)
        return 0;
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end)
        return 0;
    *out = v;
    return 1;
}

static int yes_no(loader *L, const char *key, const char *v, int *out)
{
    if (strcmp(v, "yes") == 0)
        *out = 1;
    else if (strcmp(v, "no") == 0)
        *out = 0;
    else
        return vp_datafile_bad(&L->at, "%s must be \"yes\" or \"no\", not \"%s\"", key, v);
    return 1;
}

static int begin_section(loader *L, char *line)
{
    vp_framework *fw = L->fw;
    size_t n = strlen(line);
    if (line[n - 1] != ']')
        return vp_datafile_bad(&L->at, "a section line must end with \"]\"");
    line[n - 1] = '\0';
    char *name = trim(line + 1);
    if (strcmp(name, "framework") == 0) {
        if (L->section)
            return vp_datafile_bad(&L->at, "[framework] must come first, and once");
        L->section = 1;
        return 1;
    }
    if (strncmp(name, "category", 8) != 0 || (name[8] != ' ' && name[8] != '\t'))
        return vp_datafile_bad(&L->at, "unknown section [%s] (want [framework] or [category ID])", name);
    if (L->section == 0)
        return vp_datafile_bad(&L->at, "[framework] must come first");
    char *id = trim(name + 9);
    if (!valid_id(id))
        return vp_datafile_bad(&L->at, "bad category id \"%s\" (want lower-case letters, digits, \"_\", \"-\")",
                   id);
    if (vp_framework_by_id(fw, id))
        return vp_datafile_bad(&L->at, "category \"%s\" defined twice", id);
    if (fw->ncats == MAX_CATEGORIES)
        return vp_datafile_bad(&L->at, "more than %d categories", MAX_CATEGORIES);
    if (!fw->cats && !(fw->cats = calloc(MAX_CATEGORIES, sizeof *fw->cats)))
        return vp_datafile_nomem(&L->at);
    vp_category *c = &fw->cats[fw->ncats];
    memset(c, 0, sizeof *c);
    c->index = fw->ncats;
    if (!(c->id = vp_strdup(fw->arena, id)))
        return vp_datafile_nomem(&L->at);
    L->cat = fw->ncats++;
    L->section = 2;
    return 1;
}

static int framework_key(loader *L, const char *key, char *v)
{
    vp_framework *fw = L->fw;
    const char **slot = NULL;
    if (strcmp(key, "id") == 0) {
        if (!valid_id(v))
            return vp_datafile_bad(&L->at, "bad framework id \"%s\"", v);
        slot = &fw->id;
    } else if (strcmp(key, "title") == 0) {
        slot = &fw->title;
    } else if (strcmp(key, "date") == 0) {
        slot = &fw->date;
    } else if (strcmp(key, "source") == 0 || strcmp(key, "note") == 0) {
        return 1;               /* for the reader of the file */
    } else if (strcmp(key, "ignore") == 0) {
        return add_phrase(L, v, PH_IGNORE, 0);
    } else if (strcmp(key, "decision") == 0) {
        if (!*v)
            return vp_datafile_bad(&L->at, "empty decision number");
        if (!grow((void **)&fw->decisions, &fw->capdecisions, fw->ndecisions,
                  sizeof *fw->decisions))
            return vp_datafile_nomem(&L->at);
        decision *d = &fw->decisions[fw->ndecisions];
        d->text = vp_strdup(fw->arena, v);
        d->key = number_key(v);
        if (!d->text || !d->key) {
            free(d->key);
            return vp_datafile_nomem(&L->at);
        }
        fw->ndecisions++;
        return 1;
    } else if (strcmp(key, "bar") == 0 || strcmp(key, "context") == 0) {
        double x;
        if (!parse_number(v, &x) || x < 0 || x > 100)
            return vp_datafile_bad(&L->at, "%s must be a number from 0 to 100, not \"%s\"", key, v);
        *(strcmp(key, "bar") == 0 ? &fw->bar : &fw->context) = x;
        return 1;
    } else {
        return vp_datafile_bad(&L->at, "unknown key \"%s\" in [framework]", key);
    }
    if (*slot)
        return vp_datafile_bad(&L->at, "\"%s\" given twice", key);
    if (!*v)
        return vp_datafile_bad(&L->at, "empty %s", key);
    if (!(*slot = vp_strdup(fw->arena, v)))
        return vp_datafile_nomem(&L->at);
    return 1;
}

static int category_key(loader *L, const char *key, char *v)
{
    vp_framework *fw = L->fw;
    vp_category *c = &fw->cats[L->cat];
    const char **slot = NULL;
    if (strcmp(key, "term") == 0) {
        char *colon = strrchr(v, ':');
        double w;
        if (!colon)
            return vp_datafile_bad(&L->at, "want \"term = phrase : weight\"");
        *colon = '\0';
        char *phrase = trim(v);
        if (!parse_number(trim(colon + 1), &w) || w <= 0 || w > MAX_WEIGHT)
            return vp_datafile_bad(&L->at, "weight of \"%s\" must be a number above 0, at most 3", phrase);
        return add_phrase(L, phrase, PH_TERM, w);
    }
    if (strcmp(key, "heading") == 0) {
        int start = v[0] == '^';
        return add_phrase(L, trim(v + start), start ? PH_HEAD_START : PH_HEAD, 0);
    }
    if (strcmp(key, "pillar") == 0) {
        if (L->seen_pillar)
            return vp_datafile_bad(&L->at, "\"pillar\" given twice");
        L->seen_pillar = 1;
        return yes_no(L, key, v, &c->is_pillar);
    }
    if (strcmp(key, "provisional") == 0) {
        if (L->seen_prov)
            return vp_datafile_bad(&L->at, "\"provisional\" given twice");
        L->seen_prov = 1;
        return yes_no(L, key, v, &c->provisional);
    }
    if (strcmp(key, "source") == 0 || strcmp(key, "note") == 0)
        return 1;
    if (strcmp(key, "label_vi") == 0)
        slot = &c->label_vi;
    else if (strcmp(key, "label_en") == 0)
        slot = &c->label_en;
    else if (strcmp(key, "blueprint") == 0)
        slot = &c->blueprint;
    else if (strcmp(key, "elements") == 0)
        slot = &c->elements;
    else if (strcmp(key, "crosswalk") == 0) {
        /* ids separated by spaces or commas, kept space-separated */
        char *o = v;
        for (char *s = v; *s; s++) {
            char ch = *s == ',' || *s == '\t' ? ' ' : *s;
            if (ch == ' ' && (o == v || o[-1] == ' '))
                continue;
            if (ch != ' ' && ch != '_' && ch != '-' && !(ch >= 'a' && ch <= 'z') &&
                !(ch >= '0' && ch <= '9'))
                return vp_datafile_bad(&L->at, "bad crosswalk \"%s\" (want category ids)", v);
            *o++ = ch;
        }
        while (o > v && o[-1] == ' ')
            o--;
        *o = '\0';
        slot = &c->crosswalk;
    } else {
        return vp_datafile_bad(&L->at, "unknown key \"%s\" in [category %s]", key, c->id);
    }
    if (*slot)
        return vp_datafile_bad(&L->at, "\"%s\" given twice", key);
    if (!*v)
        return 1;               /* an empty value leaves the field unset */
    if (!(*slot = vp_strdup(fw->arena, v)))
        return vp_datafile_nomem(&L->at);
    return 1;
}

/* The end of a [category]: what it must have. */
static int end_category(loader *L)
{
    if (L->section != 2)
        return 1;
    const vp_category *c = &L->fw->cats[L->cat];
    if (!c->label_vi)
        return vp_datafile_bad(&L->at, "[category %s] has no label_vi", c->id);
    L->seen_pillar = L->seen_prov = 0;
    return 1;
}

static int load_line(loader *L, char *line)
{
    if (line[0] == '[') {
        if (!end_category(L))
            return 0;
        return begin_section(L, line);
    }
    char *eq = strchr(line, '=');
    if (!eq)
        return vp_datafile_bad(&L->at, "want \"key = value\", a [section] or a # comment");
    *eq = '\0';
    char *key = trim(line), *v = trim(eq + 1);
    if (!L->section)
        return vp_datafile_bad(&L->at, "\"%s\" before [framework]", key);
    return L->section == 1 ? framework_key(L, key, v) : category_key(L, key, v);
}

static int load_file(vp_framework *fw, const char *path, vnplan_error *err)
{
    char *data = NULL, *text = NULL;
    size_t len;
    int ok = 0;
    loader L = { { fw->path, 0, err }, fw, 0, 0, 0, 0 };
    if (vp_datafile_read(path, "framework file", VP_DATAFILE_MAX_BYTES, &data, &len, err) !=
            VNPLAN_OK ||
        vp_datafile_utf8(path, data, len, err) != VNPLAN_OK)
        goto done;
    if (memchr(data, '\0', len)) {
        long line = 1;
        for (const char *s = data; *s; s++)
            line += *s == '\n';
        vp_error_set(err, VNPLAN_E_DATA, path, line, -1, "NUL byte in line");
        goto done;
    }
    /* NFC once, so labels read as typed whatever the editor saved;
     * normalisation keeps line breaks, so line numbers still hold. */
    text = vp_nfc(data, len, &len);
    if (!text) {
        vp_datafile_nomem(&L.at);
        goto done;
    }
    for (size_t pos = vp_datafile_start(text, len); pos < len;) {
        size_t n;
        char *line = vp_datafile_line(text, len, &pos, &n);
        L.at.line++;
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        char *s = trim(line);
        if (!*s || *s == '#')
            continue;
        if (!load_line(&L, s))
            goto done;
    }
    if (!end_category(&L))
        goto done;
    L.at.line = 0;
    if (!L.section) {
        vp_datafile_bad(&L.at, "no [framework] section");
        goto done;
    }
    if (!fw->id || !fw->title) {
        vp_datafile_bad(&L.at, "[framework] needs an id and a title");
        goto done;
    }
    if (!fw->ncats) {
        vp_datafile_bad(&L.at, "no [category ...] sections");
        goto done;
    }
    ok = 1;
done:
    free(text);
    free(data);
    return ok;
}

static int is_path(const char *s)
{
    size_t n = strlen(s);
    return strchr(s, '/') || (n > 4 && strcmp(s + n - 4, ".txt") == 0);
}

vp_framework *vp_framework_load(const char *name_or_path, const char *datadir,
                                 vnplan_error *err)
{
    char path[VP_DATAFILE_PATH_MAX];
    vp_framework *fw = NULL;
    if (!name_or_path || !*name_or_path) {
        vp_error_set(err, VNPLAN_E_USAGE, NULL, 0, -1, "no framework named");
        return NULL;
    }
    if (is_path(name_or_path)) {
        if ((size_t)snprintf(path, sizeof path, "%s", name_or_path) >= sizeof path) {
            vp_error_set(err, VNPLAN_E_DATA, NULL, 0, -1, "framework path too long");
            return NULL;
        }
    } else {
        if (!valid_id(name_or_path)) {
            vp_error_set(err, VNPLAN_E_DATA, NULL, 0, -1,
                         "unknown framework \"%s\" (want an id such as qd161, or a file)",
                         name_or_path);
            return NULL;
        }
        if ((size_t)snprintf(path, sizeof path, "%s/frameworks/%s.txt",
                             datadir ? datadir : ".", name_or_path) >= sizeof path) {
            vp_error_set(err, VNPLAN_E_DATA, NULL, 0, -1, "data directory path too long");
            return NULL;
        }
    }
    fw = calloc(1, sizeof *fw);
    if (fw)
        vp_trie_init(&fw->trie);
    if (!fw || !(fw->arena = vp_arena_new()) || !vp_fold_cache_init(&fw->fold) ||
        !nodes_fit(fw) || !(fw->path = vp_strdup(fw->arena, path))) {
        vp_error_set(err, VNPLAN_E_NOMEM, path, 0, -1, "out of memory");
        goto fail;
    }
    fw->bar = DEFAULT_BAR;
    fw->context = DEFAULT_CONTEXT;
    if (!load_file(fw, path, err))
        goto fail;
    for (size_t i = 0; i < fw->ncats; i++) {
        fw->cats[i].headings = fw->headlist[i];
        fw->cats[i].nheadings = fw->nheadlist[i];
        fw->cats[i].bar = fw->bar;
        fw->cats[i].context = fw->context;
    }
    return fw;
fail:
    vp_framework_free(fw);
    return NULL;
}

void vp_framework_free(vp_framework *fw)
{
    if (!fw)
        return;
    vp_arena_free(fw->arena);
    for (size_t i = 0; i < fw->ndecisions; i++)
        free(fw->decisions[i].key);
    for (size_t i = 0; i < MAX_CATEGORIES; i++)
        free(fw->headlist[i]);
    free(fw->decisions);
    free(fw->cats);
    free(fw->terms);
    free(fw->heads);
    vp_trie_free(&fw->trie);
    free(fw->nodes);
    free(fw);
}

/* ------------------------------------------------------------ crosswalk */

/* Is `id` one of the space-separated ids of `list`? */
static int listed(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *at = list; at && *at;) {
        while (*at == ' ')
            at++;
        size_t k = strcspn(at, " ");
        if (k == n && memcmp(at, id, n) == 0)
            return 1;
        at += k;
    }
    return 0;
}

/* Does c (of the framework mapped into) continue `own`: its crosswalk
 * lists own, or, followed backwards, own's lists c? */
static int continues(const vp_category *c, const vp_category *own, int backwards)
{
    return backwards ? listed(own->crosswalk, c->id) : c->crosswalk && listed(c->crosswalk, own->id);
}

const vp_category *vp_framework_crosswalk(const vp_framework *fw, const vp_category *own,
                                          const char *text, double *scores)
{
    size_t n = vp_framework_count(fw), found = 0;
    const vp_category *first = NULL, *best = NULL;
    int backwards = 0;
    for (size_t i = 0; i < n; i++)
        if (continues(vp_framework_at(fw, i), own, 0) && !found++)
            first = vp_framework_at(fw, i);
    if (!found && own->crosswalk) {
        /* mapped into the older framework: the newer one's crosswalk,
         * followed backwards */
        backwards = 1;
        for (size_t i = 0; i < n; i++)
            if (continues(vp_framework_at(fw, i), own, 1) && !found++)
                first = vp_framework_at(fw, i);
    }
    if (found < 2)
        return first;
    vp_framework_score(fw, text, strlen(text), scores, NULL, 0);
    for (size_t i = 0; i < n; i++) {
        const vp_category *c = vp_framework_at(fw, i);
        if (continues(c, own, backwards) && scores[i] > 0 &&
            (!best || scores[i] > scores[best->index]))
            best = c;
    }
    return best ? best : first;
}
