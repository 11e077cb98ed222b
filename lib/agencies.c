/* agencies.c — the agency gazetteer and the matcher that finds agency names
 * in text (see agencies.h; the data format is in docs/agencies.md).
 *
 * Consumes: data/agencies.tsv and an optional user file (UTF-8, one agency
 * a line), then NFC UTF-8 text slices, one paragraph at a time.
 * Produces: vp_agency records, and for each slice the byte spans of the
 * names found with the agency each one names (NULL for a name that only
 * has the shape of an agency).
 *
 * Design.  Text and names are cut into the same tokens: words (runs of
 * letters, marks and digits) and punctuation (",", ";", "(", ...; a run of
 * dashes of any kind is one "-" token; "&" is the word "và").  A word's
 * key is its folded form (vp_fold: case, tone placement), so "Hòa", "hoà"
 * and "HOÀ" are one token.  Keys are interned to small integers at load
 * time; every name becomes a path of token ids in a trie whose edges live
 * in one hash table keyed by (node, token).  Matching walks the trie from
 * each token, keeps the longest name that ends on a token boundary, and
 * moves on past it: left to right, not overlapping, O(text × longest
 * name).  Tokens are produced on demand into a fixed ring on the stack, so
 * a call allocates nothing (except vp_fold's scratch for the rare word in
 * NFD or outside the Latin ranges: the fast path folds precomposed Latin
 * letters with a table built from vp_fold itself at load time).
 *
 * Beyond the gazetteer, two rules: a provincial body's name absorbs a
 * following "tỉnh" and the province name after "tỉnh" ("UBND tỉnh Khánh
 * Hòa"); and text shaped like an agency ("Sở"/"Ban"/"Trung tâm"... followed
 * by capitalised words) is kept as an unknown agency. */
#include "config.h"
#include "agencies.h"
#include "error.h"
#include "unicode.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Named limits.  The ring must hold the longest lookahead: a name, its
 * "tỉnh" tail and a place name, or an unknown agency. */
enum {
    MAX_FILE_BYTES = 4 << 20,   /* a gazetteer file                          */
    MAX_FIELD_BYTES = 4096,     /* one column of one row                     */
    MAX_NAME_TOKENS = 40,       /* tokens in one name                        */
    MAX_OPTIONAL = 4,           /* "[...]" groups in one name (2^4 variants) */
    MAX_WORD_KEY = 96,          /* bytes of one folded word                  */
    MAX_TONES = 4,              /* tone digits kept per word (as vp_fold)   */
    MAX_PLACE_WORDS = 4,        /* "Bà Rịa - Vũng Tàu"                       */
    MAX_UNKNOWN_TOKENS = 20,    /* an agency not in the gazetteer            */
    MAX_LOWER_GAP = 2,          /* lower-case syllables between capitals     */
    MAX_SUCCESSOR_STEPS = 16,   /* longest chain of successors               */
    RING = 128                  /* tokens of lookahead                       */
};

/* ================================================================ arena */

/* All strings of the gazetteer live in a few large blocks freed together. */
typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    char data[];
} arena_block;

/* ================================================================ tables */

/* Fast fold of one precomposed letter: its folded base letters, its tone
 * digit, and its case.  Built from vp_fold at load time, so the fast path
 * and vp_fold agree by construction. */
typedef struct fold_entry {
    unsigned char len;          /* bytes in base; 0: not a letter / use vp_fold */
    char tone;                  /* '1'..'5' or 0                               */
    unsigned char upper, lower;
    char base[8];
} fold_entry;

#define FOLD_LO1 0x80
#define FOLD_HI1 0x250          /* Latin-1 .. Latin Extended-B */
#define FOLD_LO2 0x1E00
#define FOLD_HI2 0x1F00         /* Latin Extended Additional (Vietnamese) */
#define FOLD_N ((FOLD_HI1 - FOLD_LO1) + (FOLD_HI2 - FOLD_LO2))

typedef struct vocab_slot {
    const char *key;            /* folded key, in the arena; NULL: empty */
    uint32_t len;
    uint32_t id;
} vocab_slot;

typedef struct edge_slot {
    uint64_t key;               /* parent << 32 | token id; 0: empty */
    uint32_t child;
} edge_slot;

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

    vocab_slot *vocab;
    size_t vocab_n, vocab_cap;

    edge_slot *edges;
    size_t edges_n, edges_cap;

    trie_node *nodes;
    size_t nodes_n, nodes_cap;

    /* Token ids the rules look for. */
    uint32_t id_tinh, id_va, id_cua, id_dash;
    uint32_t head1[16];         /* one-word heads: "Sở", "Ban", ...          */
    size_t nhead1;
    uint32_t head2[16][2];      /* two-word heads: "Trung tâm", ...          */
    size_t nhead2;

    fold_entry fold[FOLD_N];
    arena_block *arena;
};

static void *arena_alloc(vp_gazetteer *g, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    arena_block *b = g->arena;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = g->arena;
        g->arena = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

static char *arena_strndup(vp_gazetteer *g, const char *s, size_t n)
{
    char *p = arena_alloc(g, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;          /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

static uint64_t hash_u64(uint64_t x)
{
    x ^= x >> 33;                               /* murmur3 finaliser */
    x *= 0xff51afd7ed558ccdu;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53u;
    x ^= x >> 33;
    return x;
}

/* ---------------------------------------------------------------- vocab */

static uint32_t vocab_find(const vp_gazetteer *g, const char *key, size_t len)
{
    if (!g->vocab_cap)
        return 0;
    size_t mask = g->vocab_cap - 1;
    for (size_t i = hash_bytes(key, len) & mask;; i = (i + 1) & mask) {
        const vocab_slot *s = &g->vocab[i];
        if (!s->key)
            return 0;
        if (s->len == len && memcmp(s->key, key, len) == 0)
            return s->id;
    }
}

static int vocab_grow(vp_gazetteer *g)
{
    size_t cap = g->vocab_cap ? g->vocab_cap * 2 : 1024;
    vocab_slot *t = calloc(cap, sizeof *t);
    if (!t)
        return 0;
    for (size_t j = 0; j < g->vocab_cap; j++) {
        vocab_slot s = g->vocab[j];
        if (!s.key)
            continue;
        size_t i = hash_bytes(s.key, s.len) & (cap - 1);
        while (t[i].key)
            i = (i + 1) & (cap - 1);
        t[i] = s;
    }
    free(g->vocab);
    g->vocab = t;
    g->vocab_cap = cap;
    return 1;
}

/* The id of `key`, added when new; 0 when out of memory. */
static uint32_t vocab_intern(vp_gazetteer *g, const char *key, size_t len)
{
    uint32_t id = vocab_find(g, key, len);
    if (id)
        return id;
    if ((g->vocab_n + 1) * 2 > g->vocab_cap && !vocab_grow(g))
        return 0;
    char *copy = arena_strndup(g, key, len);
    if (!copy)
        return 0;
    size_t mask = g->vocab_cap - 1;
    size_t i = hash_bytes(key, len) & mask;
    while (g->vocab[i].key)
        i = (i + 1) & mask;
    g->vocab[i] = (vocab_slot){ copy, (uint32_t)len, (uint32_t)(g->vocab_n + 1) };
    g->vocab_n++;
    return (uint32_t)g->vocab_n;
}

/* ---------------------------------------------------------------- trie */

static uint32_t edge_find(const vp_gazetteer *g, uint32_t node, uint32_t tok)
{
    uint64_t key = (uint64_t)node << 32 | tok;
    size_t mask = g->edges_cap - 1;
    for (size_t i = hash_u64(key) & mask;; i = (i + 1) & mask) {
        if (g->edges[i].key == key)
            return g->edges[i].child;
        if (!g->edges[i].key)
            return 0;           /* the root is never a child */
    }
}

static int edges_grow(vp_gazetteer *g)
{
    size_t cap = g->edges_cap ? g->edges_cap * 2 : 1024;
    edge_slot *t = calloc(cap, sizeof *t);
    if (!t)
        return 0;
    for (size_t j = 0; j < g->edges_cap; j++) {
        if (!g->edges[j].key)
            continue;
        size_t i = hash_u64(g->edges[j].key) & (cap - 1);
        while (t[i].key)
            i = (i + 1) & (cap - 1);
        t[i] = g->edges[j];
    }
    free(g->edges);
    g->edges = t;
    g->edges_cap = cap;
    return 1;
}

/* A new trie node in *out; 0 when out of memory.  Node 0 is the root. */
static int node_new(vp_gazetteer *g, uint32_t *out)
{
    if (g->nodes_n == g->nodes_cap) {
        size_t cap = g->nodes_cap ? g->nodes_cap * 2 : 1024;
        trie_node *t = realloc(g->nodes, cap * sizeof *t);
        if (!t)
            return 0;
        g->nodes = t;
        g->nodes_cap = cap;
    }
    g->nodes[g->nodes_n] = (trie_node){ -1, -1, 0 };
    *out = (uint32_t)g->nodes_n++;
    return 1;
}

/* The child of `node` by `tok`, created when missing; 0 when out of memory. */
static uint32_t edge_add(vp_gazetteer *g, uint32_t node, uint32_t tok)
{
    uint32_t child = edge_find(g, node, tok);
    if (child)
        return child;
    if ((g->edges_n + 1) * 2 > g->edges_cap && !edges_grow(g))
        return 0;
    if (!node_new(g, &child))
        return 0;
    uint64_t key = (uint64_t)node << 32 | tok;
    size_t mask = g->edges_cap - 1;
    size_t i = hash_u64(key) & mask;
    while (g->edges[i].key)
        i = (i + 1) & mask;
    g->edges[i] = (edge_slot){ key, child };
    g->edges_n++;
    return child;
}

/* ---------------------------------------------------------------- ids */

static size_t id_find(const vp_gazetteer *g, const char *id)
{
    if (!g->ids_cap)
        return SIZE_MAX;
    size_t mask = g->ids_cap - 1;
    for (size_t i = hash_bytes(id, strlen(id)) & mask;; i = (i + 1) & mask) {
        uint32_t v = g->ids[i];
        if (!v)
            return SIZE_MAX;
        if (strcmp(g->agencies[v - 1].id, id) == 0)
            return v - 1;
    }
}

static void id_put(uint32_t *t, size_t cap, const char *id, uint32_t v)
{
    size_t i = hash_bytes(id, strlen(id)) & (cap - 1);
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

static const fold_entry *fold_of(const vp_gazetteer *g, int32_t cp)
{
    if (cp >= FOLD_LO1 && cp < FOLD_HI1)
        return &g->fold[cp - FOLD_LO1];
    if (cp >= FOLD_LO2 && cp < FOLD_HI2)
        return &g->fold[(FOLD_HI1 - FOLD_LO1) + (cp - FOLD_LO2)];
    return NULL;
}

static int is_space_cp(int32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Invisible format characters: vp_fold drops them, so do we. */
static int is_ignorable_cp(int32_t cp)
{
    return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

static int is_dash_cp(int32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
           cp == 0x2E3A || cp == 0x2E3B || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D;
}

static int is_mark_cp(int32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

static int ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A byte that may belong to a word: ASCII letter or digit, or any byte of
 * a multi-byte character (good enough to tell "QĐ-UBND" from "- UBND"). */
static int wordish_byte(unsigned char c)
{
    return ascii_alnum(c) || c >= 0x80;
}

/* Markup residue that neither separates nor joins names: bold and italic
 * stars, heading hashes, underscores, backquotes. */
static int is_markup(unsigned char c)
{
    return c == '*' || c == '_' || c == '#' || c == '`';
}

/* The next token of s[*pos..len) into *t and its key into key[] (at least
 * MAX_WORD_KEY bytes); 0 at the end of the text. */
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
            if (c == ' ' || (c >= 0x09 && c <= 0x0D) || is_markup(c)) {
                i++;
                continue;
            }
            cp = c;
            n = 1;
            break;
        }
        n = vp_utf8_decode(s + i, len - i, &cp);
        if (is_space_cp(cp) || is_ignorable_cp(cp)) {
            if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
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

    const fold_entry *fe = cp < 0x80 ? NULL : fold_of(g, cp);
    int word = cp < 0x80 ? ascii_alnum((unsigned char)cp)
                         : (fe && fe->len) || is_mark_cp(cp) || vp_is_letter(cp);
    if (!word) {
        if (is_dash_cp(cp)) {           /* "-", "–", "--", "—" are one dash */
            while (i < len) {
                int32_t c2;
                int m = vp_utf8_decode(s + i, len - i, &c2);
                if (!is_dash_cp(c2))
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

    /* A word: fold it on the fly; words outside the table go to vp_fold. */
    char tones[MAX_TONES];
    int ntones = 0, first_case = 0, has_lower = 0, has_letter = 0, slow = 0;
    size_t k = 0;
    t->flags |= T_WORD;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (!ascii_alnum(c))
                break;
            int up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
            if ((up || low) && !first_case)
                first_case = up ? 1 : -1;
            has_letter |= up || low;
            has_lower |= low;
            if (k < MAX_WORD_KEY)
                key[k] = up ? (char)(c + 32) : (char)c;
            k++;
            i++;
            continue;
        }
        n = vp_utf8_decode(s + i, len - i, &cp);
        fe = fold_of(g, cp);
        if (fe && fe->len) {
            if (!first_case)
                first_case = fe->upper ? 1 : fe->lower ? -1 : 0;
            has_letter = 1;
            has_lower |= fe->lower;
            if (k + fe->len <= MAX_WORD_KEY)
                memcpy(key + k, fe->base, fe->len);
            k += fe->len;
            if (fe->tone && ntones < MAX_TONES)
                tones[ntones++] = fe->tone;
        } else if (is_ignorable_cp(cp)) {
            /* skipped, as vp_fold does */
        } else if (is_mark_cp(cp) || vp_is_letter(cp)) {
            slow = 1;
            if (vp_is_letter(cp)) {
                int up = vp_is_upper(cp), low = vp_is_lower(cp);
                if (!first_case)
                    first_case = up ? 1 : low ? -1 : 0;
                has_letter = 1;
                has_lower |= low;
            }
        } else {
            break;
        }
        i += (size_t)n;
    }
    t->end = i;
    *pos = i;
    for (int j = 0; j < ntones; j++, k++)
        if (k < MAX_WORD_KEY)
            key[k] = tones[j];
    if (slow) {
        size_t flen = 0;
        char *f = vp_fold(s + t->start, t->end - t->start, VNPLAN_FOLD_DEFAULT, &flen);
        k = f ? flen : MAX_WORD_KEY + 1;
        if (f && flen <= MAX_WORD_KEY)
            memcpy(key, f, flen);
        free(f);
    }
    if (k > MAX_WORD_KEY)
        t->flags |= T_BADKEY;
    else
        *klen = k;
    if (first_case > 0)
        t->flags |= T_CAP;
    else if (first_case < 0)
        t->flags |= T_LOWER;
    if (has_letter && !has_lower)
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
        char key[MAX_WORD_KEY + 4];
        size_t klen;
        tok *t = &st->ring[st->made % RING];
        if (!scan_next(st->g, st->s, st->len, &st->pos, t, key, &klen)) {
            st->done = 1;
            return NULL;
        }
        if (t->flags & T_AMP)
            t->id = st->g->id_va;
        else if (!(t->flags & T_BADKEY))
            t->id = vocab_find(st->g, key, klen);
        st->made++;
    }
    return &st->ring[k % RING];
}

static int is_cap_word(const tok *t)
{
    return t && (t->flags & (T_WORD | T_CAP)) == (T_WORD | T_CAP);
}

static int is_head1(const vp_gazetteer *g, uint32_t id)
{
    for (size_t i = 0; id && i < g->nhead1; i++)
        if (g->head1[i] == id)
            return 1;
    return 0;
}

/* Words of the head of an agency-shaped name at token k: 0, 1 or 2. */
static int head_at(const vp_gazetteer *g, stream *st, size_t from, size_t k)
{
    const tok *t = tok_at(st, from, k);
    if (!is_cap_word(t) || !t->id)
        return 0;
    if (is_head1(g, t->id))
        return 1;
    const tok *u = tok_at(st, from, k + 1);
    if (!u || !(u->flags & T_WORD) || (u->flags & T_NL))
        return 0;
    for (size_t i = 0; i < g->nhead2; i++)
        if (g->head2[i][0] == t->id && g->head2[i][1] == u->id)
            return 2;
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
        node = edge_find(g, node, t->id);
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
    vp_gazetteer *g;
    const char *path;           /* for messages (arena copy)   */
    long line;
    int user;                   /* the user file: rows may amend */
    vnplan_error *err;
} loader;

__attribute__((format(printf, 2, 3)))
static int bad(loader *L, const char *fmt, ...)
{
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    vp_error_set(L->err, VNPLAN_E_DATA, L->path, L->line, -1, "%s", msg);
    return 0;
}

static int nomem(loader *L)
{
    vp_error_set(L->err, VNPLAN_E_NOMEM, L->path, L->line, -1, "out of memory");
    return 0;
}

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
        return bad(L, "\"{place}\" may only end a name: %s", name);
    uint32_t node = 0;
    size_t pos = 0, ntok = 0;
    unsigned first = 0;
    tok t;
    char key[MAX_WORD_KEY + 4];
    size_t klen;
    while (scan_next(g, name, len, &pos, &t, key, &klen)) {
        if (t.flags & T_BADKEY)
            return bad(L, "a word too long or not foldable in name \"%s\"", name);
        if (++ntok > MAX_NAME_TOKENS)
            return bad(L, "name too long: \"%s\"", name);
        if (ntok == 1)
            first = t.flags;
        uint32_t id = (t.flags & T_AMP) ? g->id_va : vocab_intern(g, key, klen);
        if (!id || !(node = edge_add(g, node, id)))
            return nomem(L);
    }
    if (!ntok)
        return bad(L, "empty name in \"%s\"", name);
    int32_t *slot = has_place ? &g->nodes[node].place : &g->nodes[node].agency;
    if (*slot >= 0 && *slot != a && !L->user)
        return bad(L, "name \"%s\" already names %s", name, g->agencies[*slot].id);
    *slot = a;                  /* a user file may move a name */
    if (!(first & T_CAP))
        g->nodes[node].lower_ok |= has_place ? N_PLACE_LOWER : N_AGENCY_LOWER;
    return 1;
}

/* Adds a name with optional "[...]" parts: every combination of them. */
static int add_name(loader *L, const char *name, int32_t a)
{
    size_t len = strlen(name);
    size_t open[MAX_OPTIONAL], close[MAX_OPTIONAL];
    size_t nopt = 0;
    for (size_t i = 0; i < len; i++) {
        if (name[i] == '[') {
            if (nopt == MAX_OPTIONAL)
                return bad(L, "too many optional parts in \"%s\"", name);
            const char *c = memchr(name + i + 1, ']', len - i - 1);
            const char *o = memchr(name + i + 1, '[', len - i - 1);
            if (!c || (o && o < c))
                return bad(L, "unbalanced \"[\" in \"%s\"", name);
            open[nopt] = i;
            close[nopt] = (size_t)(c - name);
            i = close[nopt++];
        } else if (name[i] == ']') {
            return bad(L, "unbalanced \"]\" in \"%s\"", name);
        }
    }
    char buf[MAX_FIELD_BYTES];
    for (unsigned mask = 0; mask < (1u << nopt); mask++) {
        size_t b = 0, i = 0;
        for (size_t o = 0; o <= nopt; o++) {
            size_t stop = o < nopt ? open[o] : len;
            memcpy(buf + b, name + i, stop - i);
            b += stop - i;
            if (o == nopt)
                break;
            if (mask & (1u << o)) {
                size_t n = close[o] - open[o] - 1;
                memcpy(buf + b, name + open[o] + 1, n);
                b += n;
            }
            i = close[o] + 1;
        }
        buf[b] = '\0';
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
            return bad(L, "empty name between \"|\"");
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
    const char *c = arena_strndup(L->g, f, strlen(f));
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
        return bad(L, "expected 8 tab-separated columns (id, label, sector, kind, names, "
                      "successor, until, collective), found %zu", nf);
    }
    for (size_t i = 0; i < NCOLS; i++) {
        while (*f[i] == ' ')
            f[i]++;
        size_t n = strlen(f[i]);
        while (n && f[i][n - 1] == ' ')
            f[i][--n] = '\0';
        if (n >= MAX_FIELD_BYTES)
            return bad(L, "column too long");
    }
    if (!valid_id(f[C_ID]))
        return bad(L, "bad id \"%s\" (want lower-case letters, digits and \"-\")", f[C_ID]);
    size_t at = id_find(g, f[C_ID]);
    if (at != SIZE_MAX && !L->user)
        return bad(L, "id \"%s\" already defined on line %ld", f[C_ID], g->info[at].line);
    int amend = at != SIZE_MAX;
    int clear_succ = amend && strcmp(f[C_SUCC], "-") == 0;
    int clear_until = amend && strcmp(f[C_UNTIL], "-") == 0;
    if (!amend) {
        if (!*f[C_LABEL] || !*f[C_SECTOR] || !*f[C_KIND] || !*f[C_NAMES] || !*f[C_COLL])
            return bad(L, "new id \"%s\" needs a label, sector, kind, names and collective",
                       f[C_ID]);
    }
    if (*f[C_SECTOR] && !valid_id(f[C_SECTOR]))
        return bad(L, "bad sector \"%s\" (want kebab-case)", f[C_SECTOR]);
    if (*f[C_KIND] && !valid_id(f[C_KIND]))
        return bad(L, "bad kind \"%s\" (want kebab-case)", f[C_KIND]);
    if (*f[C_COLL] && strcmp(f[C_COLL], "0") != 0 && strcmp(f[C_COLL], "1") != 0)
        return bad(L, "collective must be 0 or 1, not \"%s\"", f[C_COLL]);
    if (*f[C_UNTIL] && !clear_until && !valid_date(f[C_UNTIL]))
        return bad(L, "bad date \"%s\" (want YYYY-MM-DD)", f[C_UNTIL]);
    if (*f[C_SUCC] && !clear_succ && !valid_id(f[C_SUCC]))
        return bad(L, "bad successor id \"%s\"", f[C_SUCC]);
    if (strcmp(f[C_SUCC], f[C_ID]) == 0)
        return bad(L, "\"%s\" cannot succeed itself", f[C_ID]);

    if (!amend) {
        if (g->n == g->cap) {
            size_t cap = g->cap ? g->cap * 2 : 128;
            vp_agency *na = realloc(g->agencies, cap * sizeof *na);
            if (!na)
                return nomem(L);
            g->agencies = na;
            agency_info *ni = realloc(g->info, cap * sizeof *ni);
            if (!ni)
                return nomem(L);
            g->info = ni;
            g->cap = cap;
        }
        at = g->n;
        memset(&g->agencies[at], 0, sizeof g->agencies[at]);
        g->agencies[at].id = arena_strndup(g, f[C_ID], strlen(f[C_ID]));
        if (!g->agencies[at].id)
            return nomem(L);
        g->n++;
        if (!id_add(g, at))
            return nomem(L);
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
        return nomem(L);
    if (!a->successor != !a->until)
        return bad(L, "\"%s\": successor and until go together", f[C_ID]);
    g->info[at] = (agency_info){ SIZE_MAX, L->path, L->line, 0 };
    return add_names(L, f[C_NAMES], (int32_t)at);
}

static vnplan_status load_file(vp_gazetteer *g, const char *path, int user,
                               vnplan_error *err)
{
    FILE *f = NULL;
    char *data = NULL;
    vnplan_status st = VNPLAN_E_DATA;
    loader L = { g, arena_strndup(g, path, strlen(path)), 0, user, err };
    if (!L.path) {
        st = vp_error_set(err, VNPLAN_E_NOMEM, path, 0, -1, "out of memory");
        goto done;
    }
    f = fopen(path, "rb");
    if (!f) {
        vp_error_set(err, VNPLAN_E_DATA, path, 0, -1, "cannot open agency list: %s",
                     strerror(errno));
        goto done;
    }
    data = malloc(MAX_FILE_BYTES + 1);
    if (!data) {
        st = vp_error_set(err, VNPLAN_E_NOMEM, path, 0, -1, "out of memory");
        goto done;
    }
    size_t len = fread(data, 1, MAX_FILE_BYTES + 1, f);
    if (ferror(f) || len > MAX_FILE_BYTES) {
        vp_error_set(err, VNPLAN_E_DATA, path, 0, -1, "%s",
                     ferror(f) ? "cannot read agency list" : "agency list too large");
        goto done;
    }
    data[len] = '\0';
    long bad_at = vp_utf8_invalid_offset(data, len);
    if (bad_at >= 0) {
        long line = 1;
        for (long i = 0; i < bad_at; i++)
            line += data[i] == '\n';
        vp_error_set(err, VNPLAN_E_DATA, path, line, bad_at, "not UTF-8 at byte %ld", bad_at);
        goto done;
    }
    size_t pos = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (pos < len) {
        char *line = data + pos;
        char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + 1;
        L.line++;
        line[n] = '\0';
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (memchr(line, '\0', n)) {
            bad(&L, "NUL byte in line");
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
    if (f)
        fclose(f);
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

/* The fast-fold table, from vp_fold on each letter alone. */
static int build_fold_table(vp_gazetteer *g)
{
    for (int32_t cp = FOLD_LO1; cp < FOLD_HI2; cp++) {
        if (cp == FOLD_HI1)
            cp = FOLD_LO2;
        fold_entry *fe = (fold_entry *)fold_of(g, cp);
        memset(fe, 0, sizeof *fe);
        if (!vp_is_letter(cp))
            continue;
        char u[4];
        int n = vp_utf8_encode(cp, u);
        size_t flen = 0;
        char *f = vp_fold(u, (size_t)n, VNPLAN_FOLD_DEFAULT, &flen);
        if (!f)
            return 0;
        char tone = 0;
        if (flen > 1 && f[flen - 1] >= '1' && f[flen - 1] <= '5') {
            tone = f[flen - 1];
            flen--;
        }
        if (flen >= 1 && flen <= sizeof fe->base) {
            memcpy(fe->base, f, flen);
            fe->len = (unsigned char)flen;
            fe->tone = tone;
            fe->upper = (unsigned char)(vp_is_upper(cp) != 0);
            fe->lower = (unsigned char)(vp_is_lower(cp) != 0);
        }
        free(f);
    }
    return 1;
}

/* The key of a word as the matcher computes it, interned. */
static uint32_t intern_word(vp_gazetteer *g, const char *w)
{
    size_t pos = 0, klen;
    tok t;
    char key[MAX_WORD_KEY + 4];
    if (!scan_next(g, w, strlen(w), &pos, &t, key, &klen) || (t.flags & T_BADKEY))
        return 0;
    return vocab_intern(g, key, klen);
}

static int init_rules(vp_gazetteer *g)
{
    static const char *const heads1[] = {
        "Sở", "Ban", "Hội", "Báo", "Đài", "Trường", "Bộ", "Cục", "Viện", "Quỹ",
    };
    static const char *const heads2[][2] = {
        { "Trung", "tâm" }, { "Chi", "cục" }, { "Bệnh", "viện" }, { "Liên", "đoàn" },
        { "Liên", "hiệp" }, { "Tổng", "cục" }, { "Văn", "phòng" },
    };
    g->id_tinh = intern_word(g, "tỉnh");
    g->id_va = intern_word(g, "và");
    g->id_cua = intern_word(g, "của");
    g->id_dash = vocab_intern(g, "-", 1);
    if (!g->id_tinh || !g->id_va || !g->id_cua || !g->id_dash)
        return 0;
    for (size_t i = 0; i < sizeof heads1 / sizeof *heads1; i++)
        if (!(g->head1[g->nhead1++] = intern_word(g, heads1[i])))
            return 0;
    for (size_t i = 0; i < sizeof heads2 / sizeof *heads2; i++) {
        g->head2[g->nhead2][0] = intern_word(g, heads2[i][0]);
        g->head2[g->nhead2][1] = intern_word(g, heads2[i][1]);
        if (!g->head2[g->nhead2][0] || !g->head2[g->nhead2][1])
            return 0;
        g->nhead2++;
    }
    return 1;
}

vp_gazetteer *vp_gazetteer_load(const char *datadir, const char *user_file,
                                 vnplan_error *err)
{
    char path[4096];
    vp_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        goto nomem;
    uint32_t root;
    if (!build_fold_table(g) || !edges_grow(g) || !node_new(g, &root) || !init_rules(g))
        goto nomem;
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
    for (arena_block *b = g->arena, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(g->agencies);
    free(g->info);
    free(g->ids);
    free(g->vocab);
    free(g->edges);
    free(g->nodes);
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
