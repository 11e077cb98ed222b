/* agencies.c — the agency gazetteer and the matcher that finds agency names
 * in text (see agencies.h; the data format is in docs/agencies.md).
 *
 * Consumes: data/agencies.tsv and an optional user file (UTF-8, one agency
 * a line), then NFC UTF-8 text slices, one paragraph at a time.
 * Produces: vp_agency records, and for each slice the byte spans of the
 * names found with the agency each one names (NULL for a name that only
 * has the shape of an agency).
 *
 * Design.  Text and names are cut into the same tokens: words (words.h:
 * runs of letters, marks and digits, keyed by their folded form, so "Hòa",
 * "hoà" and "HOÀ" are one token) and punctuation (",", ";", "(", ...; a run
 * of dashes of any kind is one "-" token; "&" is the word "và").  Keys are
 * interned to small integers at load time; every name becomes a path of
 * token ids in a trie (trie.h).  Matching walks the trie from each token,
 * keeps the longest name that ends on a token boundary, and moves on past
 * it: left to right, not overlapping, O(text × longest name).  Tokens are
 * produced on demand into a fixed ring on the stack, so a call allocates
 * nothing (except vp_fold's scratch for the rare word in NFD or outside
 * the Latin ranges of the fold cache).
 *
 * Beyond the gazetteer, two rules: a provincial body's name absorbs a
 * following "tỉnh" and the province name after "tỉnh" ("UBND tỉnh Khánh
 * Hòa"); and text shaped like an agency ("Sở"/"Ban"/"Trung tâm"... followed
 * by capitalised words; the heads are the vocabulary's, data/agency-heads.txt)
 * is kept as an unknown agency. */
#include "config.h"
#include "extract/agencies.h"
#include "core/datafile.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/arena.h"
#include "core/trie.h"
#include "core/vocab.h"
#include "core/unicode.h"
#include "core/words.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Named limits.  The ring must hold the longest lookahead: a name, its
 * "tỉnh" tail and a place name, or an unknown agency. */
enum {
    MAX_FIELD_BYTES = 4096,     /* one column of one row                     */
    MAX_NAME_TOKENS = 40,       /* tokens in one name                        */
    MAX_PLACE_WORDS = 4,        /* "Bà Rịa - Vũng Tàu"                       */
    MAX_UNKNOWN_TOKENS = 20,    /* an agency not in the gazetteer            */
    MAX_LOWER_GAP = 2,          /* lower-case syllables between capitals     */
    MAX_SUCCESSOR_STEPS = 16,   /* longest chain of successors               */
    RING = 128                  /* tokens of lookahead                       */
};

/* ================================================================ tables */

typedef struct trie_node {
    int32_t agency;             /* a name ends here: index, or -1            */
    int32_t place;              /* a name "... {place}" ends after a place   */
    unsigned lower_ok;          /* N_*: a spelling ending here begins in
                                   lower case ("các sở, ban, ngành"); other
                                   names must begin with a capital, so that
                                   "cán bộ y tế" is not "Bộ Y tế"          */
} trie_node;

enum { N_AGENCY_LOWER = 1, N_PLACE_LOWER = 2 };

/* Per-agency facts used by the matcher and the loader. */
enum { A_NO_TAIL = 1, A_HIDDEN = 2 };

typedef struct agency_info {
    size_t successor;           /* index, or SIZE_MAX                        */
    const char *file;           /* where the row was read (arena)            */
    long line;
    unsigned flags;
} agency_info;

struct vp_gazetteer {
    vp_agency *agencies;
    agency_info *info;
    size_t n, cap;

    uint32_t *ids;              /* hash of agency ids: index + 1, 0 empty   */
    size_t ids_cap;

    vp_trie trie;               /* names as paths of token ids               */
    trie_node *nodes;           /* what each node of the trie ends           */
    size_t nodes_n, nodes_cap;

    /* Token ids the rules look for. */
    uint32_t id_tinh, id_va, id_cua, id_dash;
    struct head {
        uint32_t id[VP_HEAD_MAX_WORDS];
        size_t n;
    } *heads;                   /* "Sở", "Trung tâm": longest first          */
    size_t nheads;

    vp_fold_cache fold;
    vp_arena *arena;            /* the strings of the gazetteer              */
};

/* ---------------------------------------------------------------- trie */

/* Gives every node of the trie its entry in g->nodes, ending nothing. */
static int nodes_fit(vp_gazetteer *g)
{
    while (g->nodes_cap < g->trie.nodes) {
        size_t cap = g->nodes_cap ? g->nodes_cap * 2 : 1024;
        trie_node *t = realloc(g->nodes, cap * sizeof *t);
        if (!t)
            return 0;
        g->nodes = t;
        g->nodes_cap = cap;
    }
    while (g->nodes_n < g->trie.nodes)
        g->nodes[g->nodes_n++] = (trie_node){ -1, -1, 0 };
    return 1;
}

/* The child of `node` by `tok`, created when missing; 0 when out of memory. */
static uint32_t edge_add(vp_gazetteer *g, uint32_t node, uint32_t tok)
{
    uint32_t child = vp_trie_add_child(&g->trie, node, tok);
    return child && nodes_fit(g) ? child : 0;
}

/* ---------------------------------------------------------------- ids */

static size_t id_find(const vp_gazetteer *g, const char *id)
{
    if (!g->ids_cap)
        return SIZE_MAX;
    size_t mask = g->ids_cap - 1;
    for (size_t i = vp_hash_bytes(id, strlen(id)) & mask;; i = (i + 1) & mask) {
        uint32_t v = g->ids[i];
        if (!v)
            return SIZE_MAX;
        if (strcmp(g->agencies[v - 1].id, id) == 0)
            return v - 1;
    }
}

static void id_put(uint32_t *t, size_t cap, const char *id, uint32_t v)
{
    size_t i = vp_hash_bytes(id, strlen(id)) & (cap - 1);
    while (t[i])
        i = (i + 1) & (cap - 1);
    t[i] = v;
}

static int id_add(vp_gazetteer *g, size_t index)
{
    if ((g->n + 1) * 2 > g->ids_cap) {
        size_t cap = g->ids_cap ? g->ids_cap * 2 : 256;
        uint32_t *t = calloc(cap, sizeof *t);
        if (!t)
            return 0;
        for (size_t j = 0; j < g->ids_cap; j++)
            if (g->ids[j])
                id_put(t, cap, g->agencies[g->ids[j] - 1].id, g->ids[j]);
        free(g->ids);
        g->ids = t;
        g->ids_cap = cap;
    }
    id_put(g->ids, g->ids_cap, g->agencies[index].id, (uint32_t)(index + 1));
    return 1;
}

/* ================================================================ tokens */

enum {
    T_WORD = 1 << 0,
    T_CAP = 1 << 1,             /* first letter upper case                  */
    T_LOWER = 1 << 2,           /* first letter lower case                  */
    T_ALLCAPS = 1 << 3,         /* letters, none lower case                 */
    T_NL = 1 << 4,              /* a line break before it                   */
    T_PARA = 1 << 5,            /* a blank line before it                   */
    T_GLUE_L = 1 << 6,          /* "/X", "QĐ-X": inside a document symbol   */
    T_GLUE_R = 1 << 7,          /* "X/", "X-VP"                              */
    T_AMP = 1 << 8,             /* "&", which stands for "và"               */
    T_BADKEY = 1 << 9           /* the key could not be computed            */
};

typedef struct tok {
    size_t start, end;          /* bytes of the original text */
    uint32_t id;                /* vocabulary id; 0: in no name */
    unsigned flags;
} tok;

/* A byte that may belong to a word: ASCII letter or digit, or any byte of
 * a multi-byte character (good enough to tell "QĐ-UBND" from "- UBND"). */
static int wordish_byte(unsigned char c)
{
    return vp_word_ascii(c) || c >= 0x80;
}

/* Markup residue that neither separates nor joins names: bold and italic
 * stars, heading hashes, underscores, backquotes. */
static int is_markup(unsigned char c)
{
    return c == '*' || c == '_' || c == '#' || c == '`';
}

/* The next token of s[*pos..len) into *t and its key into key[] (at least
 * VP_WORD_KEY_MAX bytes); 0 at the end of the text. */
static int scan_next(const vp_gazetteer *g, const char *s, size_t len, size_t *pos,
                     tok *t, char *key, size_t *klen)
{
    size_t i = *pos;
    int nl = 0;
    int32_t cp = 0;
    int n = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == '\n')
                nl++;
            if (vp_is_white(c) || is_markup(c)) {
                i++;
                continue;
            }
            cp = c;
            n = 1;
            break;
        }
        n = vp_utf8_decode(s + i, len - i, &cp);
        if (vp_is_white(cp) || vp_is_ignorable_cp(cp)) {
            if (vp_is_line_break(cp))
                nl++;
            i += (size_t)n;
            continue;
        }
        break;
    }
    if (i >= len) {
        *pos = len;
        return 0;
    }
    t->start = i;
    t->id = 0;
    t->flags = nl >= 2 ? (T_NL | T_PARA) : nl ? T_NL : 0;
    *klen = 0;

    if (!vp_word_begins(&g->fold, cp)) {
        if (vp_is_dash(cp)) {           /* "-", "–", "--", "—" are one dash */
            while (i < len) {
                int32_t c2;
                int m = vp_utf8_decode(s + i, len - i, &c2);
                if (!vp_is_dash(c2))
                    break;
                i += (size_t)m;
            }
            key[0] = '-';
            *klen = 1;
        } else {
            if (cp == '&')
                t->flags |= T_AMP;
            memcpy(key, s + i, (size_t)n);
            *klen = (size_t)n;
            i += (size_t)n;
        }
        t->end = i;
        *pos = i;
        return 1;
    }

    vp_word w;
    vp_word_read(&g->fold, s, len, i, &w, key);
    t->end = *pos = w.end;
    t->flags |= T_WORD;
    if (w.bad)
        t->flags |= T_BADKEY;
    else
        *klen = w.klen;
    if (w.first_case > 0)
        t->flags |= T_CAP;
    else if (w.first_case < 0)
        t->flags |= T_LOWER;
    if (w.has_letter && !w.has_lower)
        t->flags |= T_ALLCAPS;
    /* Glued to a document symbol: "1884/SYT-VP", "06/CT-UBND". */
    size_t a = t->start, b = t->end;
    if (a > 0 && (s[a - 1] == '/' ||
                  (s[a - 1] == '-' && a > 1 && wordish_byte((unsigned char)s[a - 2]))))
        t->flags |= T_GLUE_L;
    if (b < len && (s[b] == '/' ||
                    (s[b] == '-' && b + 1 < len && wordish_byte((unsigned char)s[b + 1]))))
        t->flags |= T_GLUE_R;
    return 1;
}

/* ================================================================ stream */

/* Tokens of one text, produced on demand into a ring.  Token k (absolute)
 * is available while k - from < RING, where `from` is the scan position. */
typedef struct stream {
    const vp_gazetteer *g;
    const char *s;
    size_t len, pos;
    size_t made;                /* tokens produced so far */
    int done;
    tok ring[RING];
} stream;

static const tok *tok_at(stream *st, size_t from, size_t k)
{
    if (k >= from + RING)
        return NULL;
    while (st->made <= k) {
        if (st->done)
            return NULL;
        char key[VP_WORD_KEY_MAX + 4];
        size_t klen;
        tok *t = &st->ring[st->made % RING];
        if (!scan_next(st->g, st->s, st->len, &st->pos, t, key, &klen)) {
            st->done = 1;
            return NULL;
        }
        if (t->flags & T_AMP)
            t->id = st->g->id_va;
        else if (!(t->flags & T_BADKEY))
            t->id = vp_trie_word_id(&st->g->trie, key, klen);
        st->made++;
    }
    return &st->ring[k % RING];
}

static int is_cap_word(const tok *t)
{
    return t && (t->flags & (T_WORD | T_CAP)) == (T_WORD | T_CAP);
}

/* Words of the head of an agency-shaped name at token k (0: none): a
 * capitalised word, then the head's other words on its line. */
static int head_at(const vp_gazetteer *g, stream *st, size_t from, size_t k)
{
    const tok *t = tok_at(st, from, k);
    if (!is_cap_word(t) || !t->id)
        return 0;
    for (size_t h = 0; h < g->nheads; h++) {
        const struct head *hd = &g->heads[h];
        size_t j = 0;
        if (hd->id[0] != t->id)
            continue;
        while (++j < hd->n) {
            const tok *u = tok_at(st, from, k + j);
            if (!u || !(u->flags & T_WORD) || (u->flags & T_NL) || u->id != hd->id[j])
                break;
        }
        if (j == hd->n)
            return (int)j;
    }
    return 0;
}

/* A place name at token q ("Khánh Hòa", "THANH HÓA", "Bà Rịa - Vũng
 * Tàu"): two to MAX_PLACE_WORDS capitalised words on the line of `prev`,
 * in capitals only when `prev` is.  Returns the token after it, or 0. */
static size_t place_at(const vp_gazetteer *g, stream *st, size_t from, size_t q,
                       const tok *prev)
{
    unsigned caps = prev->flags & T_ALLCAPS;
    size_t k = q, end = 0;
    int words = 0;
    for (;;) {
        const tok *t = tok_at(st, from, k);
        if (!is_cap_word(t) || (t->flags & T_NL) || (t->flags & T_ALLCAPS) != caps ||
            head_at(g, st, from, k))
            break;
        words++;
        end = ++k;
        if (words == MAX_PLACE_WORDS)
            break;
        const tok *d = tok_at(st, from, k);
        if (d && d->id == g->id_dash && !(d->flags & T_NL)) {
            const tok *u = tok_at(st, from, k + 1);
            if (is_cap_word(u) && !(u->flags & T_NL))
                k++;
        }
    }
    return words >= 2 ? end : 0;
}

/* The longest gazetteer name starting at token p: the token after it, and
 * the agency index in *agency; 0 when none. */
static size_t known_at(const vp_gazetteer *g, stream *st, size_t from, size_t p,
                       int32_t *agency)
{
    const tok *t = tok_at(st, from, p);
    if (!t || !t->id || (t->flags & T_GLUE_L))
        return 0;
    uint32_t node = 0;
    size_t best = 0;
    int capital = (t->flags & T_CAP) != 0;
    for (size_t k = p; k < p + MAX_NAME_TOKENS; k++) {
        t = tok_at(st, from, k);
        if (!t || !t->id || (k > p && (t->flags & T_PARA)))
            break;
        node = vp_trie_child(&g->trie, node, t->id);
        if (!node)
            break;
        const trie_node *nd = &g->nodes[node];
        if (nd->agency >= 0 && !(t->flags & T_GLUE_R) &&
            (capital || (nd->lower_ok & N_AGENCY_LOWER))) {
            best = k + 1;
            *agency = nd->agency;
        }
        if (nd->place >= 0 && (capital || (nd->lower_ok & N_PLACE_LOWER))) {
            size_t e = place_at(g, st, from, k + 1, t);
            if (e > best) {
                best = e;
                *agency = nd->place;
            }
        }
    }
    return best;
}

static int is_gap_word(const vp_gazetteer *g, const tok *t)
{
    return t && (t->flags & T_WORD) && !(t->flags & (T_CAP | T_NL)) &&
           t->id != g->id_va && t->id != g->id_cua;
}

/* Text shaped like an agency at token p: a capitalised head ("Sở", "Trung
 * tâm", ...) then capitalised words, with at most MAX_LOWER_GAP lower-case
 * syllables between two of them ("Sở Ngoại giao Vũ trụ") and "và", "của"
 * or a dash joining them; one lower-case syllable may end it (the second
 * syllable of a word: "Vũ trụ"), unless the last capital follows another
 * (a proper name: "Vân Phong").  Not in capitals (headings), and it stops
 * where a gazetteer name begins.  Returns the token after it, or 0. */
static size_t unknown_at(const vp_gazetteer *g, stream *st, size_t p)
{
    const tok *t = tok_at(st, p, p);
    if (!t || (t->flags & (T_GLUE_L | T_ALLCAPS)))
        return 0;               /* headings in capitals are no names */
    int h = head_at(g, st, p, p);
    if (!h)
        return 0;
    size_t k = p + (size_t)h, end = 0;
    int after_capital = 0;      /* the capital follows a capital: "Vân Phong" */
    while (k < p + MAX_UNKNOWN_TOKENS) {
        t = tok_at(st, p, k);
        int32_t other;
        if (!is_cap_word(t) || (t->flags & T_NL) || known_at(g, st, p, k, &other))
            break;
        after_capital = k > p + (size_t)h && is_cap_word(tok_at(st, p, k - 1));
        end = ++k;
        size_t j = k, gap = 0;
        while (gap < MAX_LOWER_GAP && is_gap_word(g, tok_at(st, p, j))) {
            j++;
            gap++;
        }
        const tok *u = tok_at(st, p, j);
        if (is_cap_word(u) && !(u->flags & T_NL)) {
            k = j;
            continue;
        }
        if (u && !(u->flags & T_NL) &&
            (u->id == g->id_va || u->id == g->id_cua || u->id == g->id_dash)) {
            const tok *v = tok_at(st, p, j + 1);
            if (is_cap_word(v) && !(v->flags & T_NL)) {
                k = j + 1;
                continue;
            }
        }
        if (gap > 0 && !after_capital)
            end = k + 1;        /* the second syllable of "Vũ trụ" */
        break;
    }
    return end;
}

/* "Sở Y tế tỉnh", "UBND tỉnh Khánh Hòa": the token after the tail. */
static size_t tail_at(const vp_gazetteer *g, stream *st, size_t p, size_t end)
{
    const tok *last = tok_at(st, p, end - 1);
    if (!last)
        return end;
    if (last->id != g->id_tinh) {
        const tok *t = tok_at(st, p, end);
        if (!t || t->id != g->id_tinh || (t->flags & (T_PARA | T_GLUE_L)))
            return end;
        end++;
        last = t;
    }
    size_t e = place_at(g, st, p, end, last);
    return e ? e : end;
}

size_t vp_agencies_find(const vp_gazetteer *g, const char *text, size_t len,
                        vp_agency_match *out, size_t max)
{
    if (!g || !text)
        return 0;
    stream st;
    st.g = g;
    st.s = text;
    st.len = len;
    st.pos = 0;
    st.made = 0;
    st.done = 0;
    size_t found = 0;
    for (size_t p = 0; tok_at(&st, p, p);) {
        int32_t a = -1;
        size_t end = known_at(g, &st, p, p, &a);
        if (end && (g->info[a].flags & A_HIDDEN)) {
            p = end;                    /* "phi chính phủ": not an agency */
            continue;
        }
        if (!end)
            end = unknown_at(g, &st, p);
        if (!end) {
            p++;
            continue;
        }
        if (a < 0 || !(g->info[a].flags & A_NO_TAIL))
            end = tail_at(g, &st, p, end);
        if (found < max) {
            out[found].start = tok_at(&st, p, p)->start;
            out[found].end = tok_at(&st, p, end - 1)->end;
            out[found].agency = a >= 0 ? &g->agencies[a] : NULL;
        }
        found++;
        p = end;
    }
    return found;
}

/* ================================================================ loading */

typedef struct loader {
    vp_datafile_at at;          /* its path is an arena copy  */
    vp_gazetteer *g;
    int user;                   /* the user file: rows may amend */
} loader;

static int valid_id(const char *s)
{
    if (!*s || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

static int valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Adds one spelling (no "[...]" left in it) of agency `a` to the trie. */
static int add_spelling(loader *L, const char *name, size_t len, int32_t a)
{
    vp_gazetteer *g = L->g;
    static const char place[] = "{place}";
    int has_place = 0;
    while (len && (name[len - 1] == ' '))
        len--;
    if (len >= sizeof place - 1 && memcmp(name + len - (sizeof place - 1), place,
                                         sizeof place - 1) == 0) {
        has_place = 1;
        len -= sizeof place - 1;
    }
    if (memchr(name, '{', len) || memchr(name, '}', len))
        return vp_datafile_bad(&L->at, "\"{place}\" may only end a name: %s", name);
    uint32_t node = 0;
    size_t pos = 0, ntok = 0;
    unsigned first = 0;
    tok t;
    char key[VP_WORD_KEY_MAX + 4];
    size_t klen;
    while (scan_next(g, name, len, &pos, &t, key, &klen)) {
        if (t.flags & T_BADKEY)
            return vp_datafile_bad(&L->at, "a word too long or not foldable in name \"%s\"", name);
        if (++ntok > MAX_NAME_TOKENS)
            return vp_datafile_bad(&L->at, "name too long: \"%s\"", name);
        if (ntok == 1)
            first = t.flags;
        uint32_t id = (t.flags & T_AMP) ? g->id_va : vp_trie_intern(&g->trie, key, klen);
        if (!id || !(node = edge_add(g, node, id)))
            return vp_datafile_nomem(&L->at);
    }
    if (!ntok)
        return vp_datafile_bad(&L->at, "empty name in \"%s\"", name);
    int32_t *slot = has_place ? &g->nodes[node].place : &g->nodes[node].agency;
    if (*slot >= 0 && *slot != a && !L->user)
        return vp_datafile_bad(&L->at, "name \"%s\" already names %s", name, g->agencies[*slot].id);
    *slot = a;                  /* a user file may move a name */
    if (!(first & T_CAP))
        g->nodes[node].lower_ok |= has_place ? N_PLACE_LOWER : N_AGENCY_LOWER;
    return 1;
}

/* Adds a name with optional "[...]" parts: every combination of them. */
static int add_name(loader *L, const char *name, int32_t a)
{
    vp_spellings sp;
    switch (vp_spellings_parse(&sp, name, strlen(name))) {
    case VP_SPELLINGS_TOO_MANY:
        return vp_datafile_bad(&L->at, "too many optional parts in \"%s\"", name);
    case VP_SPELLINGS_OPEN:
        return vp_datafile_bad(&L->at, "unbalanced \"[\" in \"%s\"", name);
    case VP_SPELLINGS_CLOSE:
        return vp_datafile_bad(&L->at, "unbalanced \"]\" in \"%s\"", name);
    }
    char buf[MAX_FIELD_BYTES];
    for (unsigned k = 0; k < (1u << sp.n); k++) {
        size_t b = vp_spelling(&sp, k, buf);
        if (!add_spelling(L, buf, b, a))
            return 0;
    }
    return 1;
}

static int add_names(loader *L, char *names, int32_t a)
{
    for (char *s = names; s;) {
        char *bar = strchr(s, '|');
        if (bar)
            *bar = '\0';
        while (*s == ' ')
            s++;
        size_t n = strlen(s);
        while (n && s[n - 1] == ' ')
            s[--n] = '\0';
        if (!n)
            return vp_datafile_bad(&L->at, "empty name between \"|\"");
        if (!add_name(L, s, a))
            return 0;
        s = bar ? bar + 1 : NULL;
    }
    return 1;
}

static const char *field_or_null(loader *L, const char *f, int *ok)
{
    if (!*f)
        return NULL;
    const char *c = vp_strdup(L->g->arena, f);
    if (!c)
        *ok = 0;
    return c;
}

enum { C_ID, C_LABEL, C_SECTOR, C_KIND, C_NAMES, C_SUCC, C_UNTIL, C_COLL, NCOLS };

static int load_row(loader *L, char *line)
{
    vp_gazetteer *g = L->g;
    char *f[NCOLS];
    size_t nf = 0;
    for (char *s = line; s; nf++) {
        char *tab = strchr(s, '\t');
        if (tab)
            *tab = '\0';
        if (nf < NCOLS)
            f[nf] = s;
        s = tab ? tab + 1 : NULL;
    }
    if (nf != NCOLS) {
        return vp_datafile_bad(&L->at, "expected 8 tab-separated columns (id, label, sector, kind, names, "
                      "successor, until, collective), found %zu", nf);
    }
    for (size_t i = 0; i < NCOLS; i++) {
        while (*f[i] == ' ')
            f[i]++;
        size_t n = strlen(f[i]);
        while (n && f[i][n - 1] == ' ')
            f[i][--n] = '\0';
        if (n >= MAX_FIELD_BYTES)
            return vp_datafile_bad(&L->at, "column too long");
    }
    if (!valid_id(f[C_ID]))
        return vp_datafile_bad(&L->at, "bad id \"%s\" (want lower-case letters, digits and \"-\")", f[C_ID]);
    size_t at = id_find(g, f[C_ID]);
    if (at != SIZE_MAX && !L->user)
        return vp_datafile_bad(&L->at, "id \"%s\" already defined on line %ld", f[C_ID], g->info[at].line);
    int amend = at != SIZE_MAX;
    int clear_succ = amend && strcmp(f[C_SUCC], "-") == 0;
    int clear_until = amend && strcmp(f[C_UNTIL], "-") == 0;
    if (!amend) {
        if (!*f[C_LABEL] || !*f[C_SECTOR] || !*f[C_KIND] || !*f[C_NAMES] || !*f[C_COLL])
            return vp_datafile_bad(&L->at, "new id \"%s\" needs a label, sector, kind, names and collective",
                       f[C_ID]);
    }
    if (*f[C_SECTOR] && !valid_id(f[C_SECTOR]))
        return vp_datafile_bad(&L->at, "bad sector \"%s\" (want kebab-case)", f[C_SECTOR]);
    if (*f[C_KIND] && !valid_id(f[C_KIND]))
        return vp_datafile_bad(&L->at, "bad kind \"%s\" (want kebab-case)", f[C_KIND]);
    if (*f[C_COLL] && strcmp(f[C_COLL], "0") != 0 && strcmp(f[C_COLL], "1") != 0)
        return vp_datafile_bad(&L->at, "collective must be 0 or 1, not \"%s\"", f[C_COLL]);
    if (*f[C_UNTIL] && !clear_until && !valid_date(f[C_UNTIL]))
        return vp_datafile_bad(&L->at, "bad date \"%s\" (want YYYY-MM-DD)", f[C_UNTIL]);
    if (*f[C_SUCC] && !clear_succ && !valid_id(f[C_SUCC]))
        return vp_datafile_bad(&L->at, "bad successor id \"%s\"", f[C_SUCC]);
    if (strcmp(f[C_SUCC], f[C_ID]) == 0)
        return vp_datafile_bad(&L->at, "\"%s\" cannot succeed itself", f[C_ID]);

    if (!amend) {
        if (g->n == g->cap) {
            size_t cap = g->cap ? g->cap * 2 : 128;
            vp_agency *na = realloc(g->agencies, cap * sizeof *na);
            if (!na)
                return vp_datafile_nomem(&L->at);
            g->agencies = na;
            agency_info *ni = realloc(g->info, cap * sizeof *ni);
            if (!ni)
                return vp_datafile_nomem(&L->at);
            g->info = ni;
            g->cap = cap;
        }
        at = g->n;
        memset(&g->agencies[at], 0, sizeof g->agencies[at]);
        g->agencies[at].id = vp_strdup(g->arena, f[C_ID]);
        if (!g->agencies[at].id)
            return vp_datafile_nomem(&L->at);
        g->n++;
        if (!id_add(g, at))
            return vp_datafile_nomem(&L->at);
    }
    vp_agency *a = &g->agencies[at];
    int ok = 1;
    if (*f[C_LABEL])
        a->label = field_or_null(L, f[C_LABEL], &ok);
    if (*f[C_SECTOR])
        a->sector = field_or_null(L, f[C_SECTOR], &ok);
    if (*f[C_KIND])
        a->kind = field_or_null(L, f[C_KIND], &ok);
    if (clear_succ)
        a->successor = NULL;
    else if (*f[C_SUCC])
        a->successor = field_or_null(L, f[C_SUCC], &ok);
    if (clear_until)
        a->until = NULL;
    else if (*f[C_UNTIL])
        a->until = field_or_null(L, f[C_UNTIL], &ok);
    if (*f[C_COLL])
        a->collective = f[C_COLL][0] == '1';
    if (!ok)
        return vp_datafile_nomem(&L->at);
    if (!a->successor != !a->until)
        return vp_datafile_bad(&L->at, "\"%s\": successor and until go together", f[C_ID]);
    g->info[at] = (agency_info){ SIZE_MAX, L->at.path, L->at.line, 0 };
    return add_names(L, f[C_NAMES], (int32_t)at);
}

static vnplan_status load_file(vp_gazetteer *g, const char *path, int user,
                               vnplan_error *err)
{
    char *data = NULL;
    size_t len;
    vnplan_status st = VNPLAN_E_DATA;
    loader L = { { vp_strdup(g->arena, path), 0, err }, g, user };
    if (!L.at.path) {
        st = vp_error_set(err, VNPLAN_E_NOMEM, path, 0, -1, "out of memory");
        goto done;
    }
    if ((st = vp_datafile_read(path, "agency list", VP_GAZETTEER_MAX_BYTES, &data, &len, err)) !=
            VNPLAN_OK ||
        (st = vp_datafile_utf8(path, data, len, err)) != VNPLAN_OK)
        goto done;
    st = VNPLAN_E_DATA;
    for (size_t pos = vp_datafile_start(data, len); pos < len;) {
        size_t n;
        char *line = vp_datafile_line(data, len, &pos, &n);
        L.at.line++;
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (memchr(line, '\0', n)) {
            vp_datafile_bad(&L.at, "NUL byte in line");
            goto done;
        }
        size_t sp = strspn(line, " \t");
        if (line[sp] == '\0' || line[0] == '#')
            continue;
        if (!load_row(&L, line))
            goto done;
    }
    st = VNPLAN_OK;
done:
    if (st != VNPLAN_OK && err && err->code != VNPLAN_OK)
        st = err->code;
    free(data);
    return st;
}

/* Successor ids exist, and chains end. */
static vnplan_status resolve(vp_gazetteer *g, vnplan_error *err)
{
    for (size_t i = 0; i < g->n; i++) {
        vp_agency *a = &g->agencies[i];
        agency_info *in = &g->info[i];
        in->successor = SIZE_MAX;
        in->flags = 0;
        if (strcmp(a->kind, "central") == 0 || strcmp(a->kind, "international") == 0)
            in->flags |= A_NO_TAIL;
        if (strcmp(a->kind, "not-agency") == 0)
            in->flags |= A_NO_TAIL | A_HIDDEN;
        if (!a->successor)
            continue;
        in->successor = id_find(g, a->successor);
        if (in->successor == SIZE_MAX)
            return vp_error_set(err, VNPLAN_E_DATA, in->file, in->line, -1,
                                "\"%s\": unknown successor \"%s\"", a->id, a->successor);
    }
    for (size_t i = 0; i < g->n; i++) {
        size_t k = i;
        for (int steps = 0; g->info[k].successor != SIZE_MAX; steps++) {
            if (steps == MAX_SUCCESSOR_STEPS)
                return vp_error_set(err, VNPLAN_E_DATA, g->info[i].file, g->info[i].line, -1,
                                    "\"%s\": successors form a cycle or a chain longer "
                                    "than %d", g->agencies[i].id, MAX_SUCCESSOR_STEPS);
            k = g->info[k].successor;
        }
    }
    return VNPLAN_OK;
}

/* The key of a word as the matcher computes it, interned. */
static uint32_t intern_word(vp_gazetteer *g, const char *w)
{
    size_t pos = 0, klen;
    tok t;
    char key[VP_WORD_KEY_MAX + 4];
    if (!scan_next(g, w, strlen(w), &pos, &t, key, &klen) || (t.flags & T_BADKEY))
        return 0;
    return vp_trie_intern(&g->trie, key, klen);
}

/* The words the rules look for; the heads come from the vocabulary. */
static int init_rules(vp_gazetteer *g, const vp_vocab *v, vnplan_error *err)
{
    g->id_tinh = intern_word(g, "tỉnh");
    g->id_va = intern_word(g, "và");
    g->id_cua = intern_word(g, "của");
    g->id_dash = vp_trie_intern(&g->trie, "-", 1);
    if (!g->id_tinh || !g->id_va || !g->id_cua || !g->id_dash)
        goto nomem;
    const char *const *heads = vp_vocab_list(v, VP_LIST_HEADS);
    while (heads[g->nheads])
        g->nheads++;
    if (!(g->heads = calloc(g->nheads, sizeof *g->heads)))
        goto nomem;
    for (size_t h = 0; h < g->nheads; h++) {
        const char *s = heads[h];
        size_t pos = 0, klen;
        tok t;
        char key[VP_WORD_KEY_MAX + 4];
        struct head *hd = &g->heads[h];
        while (scan_next(g, s, strlen(s), &pos, &t, key, &klen)) {
            /* the vocabulary checked the words; a key may still not fold */
            if (!(t.flags & T_WORD) || (t.flags & T_BADKEY) || hd->n == VP_HEAD_MAX_WORDS) {
                vp_error_set(err, VNPLAN_E_DATA, "agency-heads.txt", 0, -1,
                             "head \"%s\" cannot be matched", s);
                return 0;
            }
            if (!(hd->id[hd->n++] = vp_trie_intern(&g->trie, key, klen)))
                goto nomem;
        }
    }
    return 1;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
    return 0;
}

vp_gazetteer *vp_gazetteer_load(const char *datadir, const char *user_file,
                                 const vp_vocab *vocab, vnplan_error *err)
{
    char path[VP_DATAFILE_PATH_MAX];
    vp_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        goto nomem;
    vp_trie_init(&g->trie);
    if (!(g->arena = vp_arena_new()) || !vp_fold_cache_init(&g->fold) || !nodes_fit(g))
        goto nomem;
    if (!init_rules(g, vocab, err))
        goto fail;
    if ((size_t)snprintf(path, sizeof path, "%s/agencies.tsv", datadir ? datadir : ".") >=
        sizeof path) {
        vp_error_set(err, VNPLAN_E_DATA, "agencies.tsv", 0, -1, "data directory path too long");
        goto fail;
    }
    if (load_file(g, path, 0, err) != VNPLAN_OK)
        goto fail;
    if (user_file && load_file(g, user_file, 1, err) != VNPLAN_OK)
        goto fail;
    if (g->n == 0) {
        vp_error_set(err, VNPLAN_E_DATA, path, 0, -1, "no agencies");
        goto fail;
    }
    if (resolve(g, err) != VNPLAN_OK)
        goto fail;
    return g;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
fail:
    vp_gazetteer_free(g);
    return NULL;
}

void vp_gazetteer_free(vp_gazetteer *g)
{
    if (!g)
        return;
    vp_arena_free(g->arena);
    free(g->agencies);
    free(g->info);
    free(g->ids);
    vp_trie_free(&g->trie);
    free(g->nodes);
    free(g->heads);
    free(g);
}

/* ================================================================ queries */

size_t vp_gazetteer_count(const vp_gazetteer *g)
{
    return g ? g->n : 0;
}

const vp_agency *vp_gazetteer_at(const vp_gazetteer *g, size_t i)
{
    return g && i < g->n ? &g->agencies[i] : NULL;
}

const vp_agency *vp_gazetteer_by_id(const vp_gazetteer *g, const char *id)
{
    if (!g || !id)
        return NULL;
    size_t i = id_find(g, id);
    return i == SIZE_MAX ? NULL : &g->agencies[i];
}

const vp_agency *vp_agency_as_of(const vp_gazetteer *g, const vp_agency *a,
                                 const char *as_of)
{
    if (!g || !a || !as_of || a < g->agencies || a >= g->agencies + g->n)
        return a;
    size_t i = (size_t)(a - g->agencies);
    for (int steps = 0; steps < MAX_SUCCESSOR_STEPS; steps++) {
        size_t s = g->info[i].successor;
        if (s == SIZE_MAX || strcmp(g->agencies[i].until, as_of) > 0)
            break;
        i = s;
    }
    return &g->agencies[i];
}
