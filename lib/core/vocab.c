/* vocab.c — the vocabulary files (see vocab.h; formats in
 * docs/vocabulary.md).
 *
 * Consumes: <datadir>/kinds.tsv, agency-heads.txt, stoplists.txt and
 * syllables.txt, UTF-8, read whole and checked by datafile.c.
 * Produces: one immutable object with the kinds, the councils and levels,
 * the word lists (NFC, longest first, NULL-terminated) and the frequent
 * syllables, and the alternations the pattern table is built from.
 *
 * Every string lives in one arena.  Entries are kept in NFC, so that a
 * file saved in NFD matches text as the reader produced it; keys that
 * are compared as folded keys (cited kinds, syllables) are interned in a
 * trie's word table, whose ids index what they stand for. */
#include "config.h"
#include "core/vocab.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/datafile.h"
#include "core/error.h"
#include "core/trie.h"
#include "core/unicode.h"
#include "core/words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_ENTRY_BYTES = 256,      /* one name, phrase or column               */
    MAX_SPELLINGS = 8,          /* "|"-separated spellings of one entry     */
    MAX_COLUMNS = 4,            /* columns of kinds.tsv                     */
    MOTTO_LINE_MAX = 160        /* bytes of a line of the national motto    */
};

/* A word list being read: its entries in file order, with their lower-case
 * form (duplicates) and line (messages). */
typedef struct entry {
    const char *s;
    char *lower;
    size_t len, order;
    long line;
} entry;

typedef struct list {
    entry *e;
    size_t n, cap;
} list;

/* A title key: a spelling of a document kind, folded without diacritics. */
typedef struct title_key {
    const char *key;
    size_t len;
    size_t kind;
} title_key;

/* A repair of a damaged symbol part. */
typedef struct repair {
    const char *bad, *good;
} repair;

/* A kind with the line it was read from, for messages. */
typedef struct kind_rec {
    vp_kind pub;
    long line;
} kind_rec;

struct vp_vocab {
    vp_arena *arena;
    kind_rec *kinds;
    size_t nkinds, capkinds;
    size_t default_kind, generic_kind;
    title_key *titles;          /* longest first                             */
    size_t ntitles, captitles;
    vp_trie cited;              /* folded spellings of cited kinds           */
    size_t *cited_kind;         /* by word id                                */
    size_t capcited;
    repair *repairs;
    size_t nrepairs, caprepairs;
    vp_council *councils;
    size_t ncouncils, capcouncils;
    vp_level *levels;
    size_t nlevels, caplevels;
    const char **lists[VP_LIST__COUNT];
    list recipients;            /* [recipients], for VP_ALT_RECIPIENTS       */
    list pending[VP_ALT__COUNT];    /* entries of the alternations, while
                                       loading                              */
    vp_trie syllables;
    long *syllable_lines;       /* by word id                                */
    size_t capsyllables;
    char *alt[VP_ALT__COUNT];
};

/* ================================================================ reading */

/* One file being read, line by line. */
typedef struct reader {
    vp_datafile_at at;
    char path[VP_DATAFILE_PATH_MAX];
    char *data;
    size_t len, pos;
} reader;

static int reader_open(reader *r, const char *datadir, const char *name, const char *what,
                       vnplan_error *err)
{
    memset(r, 0, sizeof *r);
    r->at.err = err;
    r->at.path = r->path;
    if ((size_t)snprintf(r->path, sizeof r->path, "%s/%s", datadir, name) >= sizeof r->path) {
        vp_error_set(err, VNPLAN_E_DATA, name, 0, -1, "data directory path too long");
        return 0;
    }
    if (vp_datafile_read(r->path, what, VP_DATAFILE_MAX_BYTES, &r->data, &r->len, err) !=
            VNPLAN_OK ||
        vp_datafile_utf8(r->path, r->data, r->len, err) != VNPLAN_OK)
        return 0;
    r->pos = vp_datafile_start(r->data, r->len);
    return 1;
}

static void reader_close(reader *r)
{
    free(r->data);
    r->data = NULL;
}

/* White space of one byte: the files' separators are ASCII. */
static int is_blank(char c)
{
    return (unsigned char)c < 0x80 && vp_is_white((unsigned char)c);
}

/* The next line that holds more than a comment, without the comment and
 * the blanks around it; NULL at the end (or on a NUL byte, with the error
 * set: *bad). */
static char *reader_next(reader *r, int *bad)
{
    *bad = 0;
    while (r->pos < r->len) {
        size_t n;
        char *line = vp_datafile_line(r->data, r->len, &r->pos, &n);
        r->at.line++;
        if (memchr(line, '\0', n)) {
            *bad = 1;
            vp_datafile_bad(&r->at, "NUL byte in line");
            return NULL;
        }
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        while (*line && is_blank(*line))
            line++;
        n = strlen(line);
        while (n && is_blank(line[n - 1]))
            line[--n] = '\0';
        if (n)
            return line;
    }
    return NULL;
}

/* Cuts a line into columns at runs of tabs; the number of columns, or
 * MAX_COLUMNS + 1 when there are more. */
static size_t columns(char *line, char *col[MAX_COLUMNS])
{
    size_t n = 0;
    for (char *s = line; s && *s;) {
        if (n == MAX_COLUMNS)
            return MAX_COLUMNS + 1;
        char *tab = strchr(s, '\t');
        if (tab) {
            *tab = '\0';
            while (tab[1] == '\t')
                tab++;
        }
        size_t l = strlen(s);
        while (l && is_blank(s[l - 1]))
            s[--l] = '\0';
        while (is_blank(*s))
            s++;
        col[n++] = s;
        s = tab ? tab + 1 : NULL;
    }
    return n;
}

/* The next `sep`-separated part of a list, cut and trimmed in place;
 * *rest moves past it (NULL after the last part). */
static char *list_part(char **rest, char sep)
{
    char *p = *rest, *end = strchr(p, sep);
    if (end)
        *end = '\0';
    *rest = end ? end + 1 : NULL;
    while (is_blank(*p))
        p++;
    size_t l = strlen(p);
    while (l && is_blank(p[l - 1]))
        p[--l] = '\0';
    return p;
}

/* Cuts s at "|" into at most MAX_SPELLINGS trimmed, non-empty parts. */
static size_t spellings(reader *r, char *s, char *part[MAX_SPELLINGS])
{
    size_t n = 0;
    for (char *rest = s; rest;) {
        char *p = list_part(&rest, '|');
        size_t l = strlen(p);
        if (!l)
            return vp_datafile_bad(&r->at, "an empty spelling in \"%s\"", s);
        if (l > MAX_ENTRY_BYTES)
            return vp_datafile_bad(&r->at, "\"%.40s...\" is longer than %d bytes", p,
                                   MAX_ENTRY_BYTES);
        if (n == MAX_SPELLINGS)
            return vp_datafile_bad(&r->at, "more than %d spellings in one entry",
                                   MAX_SPELLINGS);
        part[n++] = p;
    }
    return n;
}

/* s in NFC with runs of spaces made one, copied into the arena; NULL with
 * the error set. */
static const char *keep(vp_vocab *v, reader *r, const char *s)
{
    size_t n;
    char *nfc = vp_nfc(s, strlen(s), &n);
    if (!nfc) {
        vp_datafile_nomem(&r->at);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (!(nfc[i] == ' ' && (o == 0 || nfc[o - 1] == ' ')))
            nfc[o++] = nfc[i];
    char *c = vp_strndup(v->arena, nfc, o);
    free(nfc);
    if (!c)
        vp_datafile_nomem(&r->at);
    return c;
}

/* A folded key in the arena (`flags` as for vp_fold); NULL when out of
 * memory. */
static const char *fold_kept(vp_vocab *v, const char *s, int flags, size_t *len)
{
    char *k = vp_fold(s, strlen(s), flags, len);
    char *c = k ? vp_strndup(v->arena, k, *len) : NULL;
    free(k);
    return c;
}

/* ================================================================ lists */

static void list_free(list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->e[i].lower);
    free(l->e);
    memset(l, 0, sizeof *l);
}

/* Adds every spelling of one entry; an entry twice in one list is an
 * error (case does not matter: matching ignores it). */
static int list_add(vp_vocab *v, reader *r, list *l, char *s)
{
    char *part[MAX_SPELLINGS];
    size_t np = spellings(r, s, part);
    for (size_t k = 0; k < np; k++) {
        const char *e = keep(v, r, part[k]);
        if (!e)
            return 0;
        char *lower = vp_lower(e, strlen(e));
        if (!lower)
            return vp_datafile_nomem(&r->at);
        for (size_t i = 0; i < l->n; i++)
            if (strcmp(l->e[i].lower, lower) == 0) {
                free(lower);
                return vp_datafile_bad(&r->at, "\"%s\" is already listed on line %ld", e,
                                       l->e[i].line);
            }
        if (l->n == l->cap) {
            size_t cap = l->cap ? 2 * l->cap : 32;
            entry *ne = realloc(l->e, cap * sizeof *ne);
            if (!ne) {
                free(lower);
                return vp_datafile_nomem(&r->at);
            }
            l->e = ne;
            l->cap = cap;
        }
        l->e[l->n] = (entry){ e, lower, strlen(e), l->n, r->at.line };
        l->n++;
    }
    return np > 0;
}

/* Longest first; file order among equals, so nothing depends on qsort. */
static int longest_first(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    if (a->len != b->len)
        return a->len > b->len ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The list as vp_vocab_list hands it out. */
static int list_finish(vp_vocab *v, list *l, vp_list which)
{
    if (l->n > 1)   /* qsort may not be given a NULL array */
        qsort(l->e, l->n, sizeof *l->e, longest_first);
    const char **out = vp_alloc(v->arena, (l->n + 1) * sizeof *out);
    if (!out)
        return 0;
    for (size_t i = 0; i < l->n; i++)
        out[i] = l->e[i].s;
    out[l->n] = NULL;
    v->lists[which] = out;
    return 1;
}

/* Adds s to a list for an alternation, once. */
static int alt_add(list *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->e[i].s, s) == 0)
            return 1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 32;
        entry *ne = realloc(l->e, cap * sizeof *ne);
        if (!ne)
            return 0;
        l->e = ne;
        l->cap = cap;
    }
    l->e[l->n] = (entry){ s, NULL, strlen(s), l->n, 0 };
    l->n++;
    return 1;
}

/* ========================================================== sectioned files */

typedef struct section {
    const char *name;
    int list;                   /* a vp_list, or -1: read by `row`           */
    int (*row)(vp_vocab *v, reader *r, char *line);
    int (*check)(reader *r, const char *line);  /* a list's entries, or NULL */
} section;

/* Reads a file of "[name]" sections, each required once.  List sections
 * go to their list; the others are read row by row. */
static int read_sections(vp_vocab *v, const char *datadir, const char *name,
                         const char *what, const section *sec, size_t nsec,
                         vnplan_error *err)
{
    reader r;
    list lists[VP_LIST__COUNT];
    long seen[VP_LIST__COUNT] = {0};   /* where each section opened */
    memset(lists, 0, sizeof lists);
    if (nsec > VP_LIST__COUNT)
        nsec = VP_LIST__COUNT;      /* never: the tables are ours */
    int ok = 0, bad = 0;
    const section *cur = NULL;
    if (!reader_open(&r, datadir, name, what, err))
        goto done;
    for (char *line; (line = reader_next(&r, &bad));) {
        size_t n = strlen(line);
        if (line[0] == '[') {
            if (line[n - 1] != ']') {
                vp_datafile_bad(&r.at, "a section line is \"[name]\"");
                goto done;
            }
            line[n - 1] = '\0';
            cur = NULL;
            for (size_t i = 0; i < nsec && !cur; i++)
                if (strcmp(sec[i].name, line + 1) == 0)
                    cur = &sec[i];
            if (!cur) {
                vp_buf names;
                vp_buf_init(&names);
                for (size_t i = 0; i < nsec; i++)
                    vp_buf_printf(&names, "%s[%s]", i ? ", " : "", sec[i].name);
                vp_datafile_bad(&r.at, "unknown section \"[%s]\" (want %s)", line + 1,
                                names.data ? names.data : "");
                vp_buf_free(&names);
                goto done;
            }
            if (seen[cur - sec]) {
                vp_datafile_bad(&r.at, "section [%s] already opened on line %ld", cur->name,
                                seen[cur - sec]);
                goto done;
            }
            seen[cur - sec] = r.at.line;
            continue;
        }
        if (!cur) {
            vp_datafile_bad(&r.at, "an entry before the first \"[section]\" line");
            goto done;
        }
        if (cur->list < 0) {
            if (!cur->row(v, &r, line))
                goto done;
        } else if (strchr(line, '\t')) {
            vp_datafile_bad(&r.at, "a tab inside an entry of [%s]", cur->name);
            goto done;
        } else if ((cur->check && !cur->check(&r, line)) ||
                   !list_add(v, &r, &lists[cur->list], line)) {
            goto done;
        }
    }
    if (bad)
        goto done;
    r.at.line = 0;
    for (size_t i = 0; i < nsec; i++) {
        if (!seen[i]) {
            vp_datafile_bad(&r.at, "no [%s] section", sec[i].name);
            goto done;
        }
        if (sec[i].list >= 0 && !lists[sec[i].list].n) {
            r.at.line = seen[i];
            vp_datafile_bad(&r.at, "section [%s] is empty", sec[i].name);
            goto done;
        }
        if (sec[i].list >= 0 && !list_finish(v, &lists[sec[i].list], (vp_list)sec[i].list)) {
            vp_datafile_nomem(&r.at);
            goto done;
        }
    }
    ok = 1;
done:
    for (size_t i = 0; i < VP_LIST__COUNT; i++)
        list_free(&lists[i]);
    reader_close(&r);
    return ok;
}

/* ================================================================ kinds */

/* Letters and digits only: a part of a symbol. */
static int is_symbol_part(const char *s)
{
    size_t n = strlen(s);
    if (!n)
        return 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += (size_t)vp_utf8_decode(s + i, n - i, &cp);
        if (!vp_is_letter(cp) && !(cp >= '0' && cp <= '9'))
            return 0;
    }
    return 1;
}

static int add_repair(vp_vocab *v, reader *r, const char *bad, const char *good)
{
    for (size_t i = 0; i < v->nrepairs; i++)
        if (strcmp(v->repairs[i].bad, bad) == 0)
            return vp_datafile_bad(&r->at, "\"%s\" is already repaired to \"%s\"", bad,
                                   v->repairs[i].good);
    if (!vp_grow(v->arena, (void **)&v->repairs, &v->caprepairs, v->nrepairs,
                 sizeof *v->repairs))
        return vp_datafile_nomem(&r->at);
    v->repairs[v->nrepairs++] = (repair){ bad, good };
    return 1;
}

/* The abbreviation column: "-", "(CV)", or "QĐ|QD|QDD". */
static int kind_abbr(vp_vocab *v, reader *r, vp_kind *k, char *col)
{
    size_t n = strlen(col);
    if (strcmp(col, "-") == 0)
        return 1;
    if (col[0] == '(') {
        if (col[n - 1] != ')')
            return vp_datafile_bad(&r->at, "\"%s\": a code in parentheses needs its \")\"", col);
        col[n - 1] = '\0';
        if (!is_symbol_part(col + 1))
            return vp_datafile_bad(&r->at, "code \"%s\" is not letters and digits", col + 1);
        return (k->code = keep(v, r, col + 1)) != NULL;
    }
    char *part[MAX_SPELLINGS];
    size_t np = spellings(r, col, part);
    for (size_t i = 0; i < np; i++) {
        if (!is_symbol_part(part[i]))
            return vp_datafile_bad(&r->at, "abbreviation \"%s\" is not letters and digits",
                                   part[i]);
        const char *a = keep(v, r, part[i]);
        if (!a)
            return 0;
        if (i == 0)
            k->code = k->abbr = a;
        else if (!add_repair(v, r, a, k->abbr))
            return 0;
    }
    return np > 0;
}

static int kind_uses(reader *r, vp_kind *k, char *col)
{
    static const struct {
        const char *name;
        unsigned bit;
    } uses[] = {
        {"doc", VP_KIND_DOC}, {"cite", VP_KIND_CITE}, {"title", VP_KIND_TITLE},
        {"default", VP_KIND_DEFAULT}, {"generic", VP_KIND_GENERIC},
    };
    for (char *rest = col; rest;) {
        char *s = list_part(&rest, ',');
        size_t i = 0;
        while (i < sizeof uses / sizeof *uses && strcmp(uses[i].name, s) != 0)
            i++;
        if (i == sizeof uses / sizeof *uses)
            return vp_datafile_bad(&r->at, "unknown use \"%s\" (want doc, cite, title, default "
                                   "or generic)", s);
        k->uses |= uses[i].bit;
    }
    return 1;
}

/* Adds one spelling of kind `ki` to the title keys and the cited kinds.
 * Two spellings of one kind may fold to one key ("thỏa", "thoả"): only the
 * patterns tell them apart. */
static int kind_spelling(vp_vocab *v, reader *r, size_t ki, const char *s)
{
    const vp_kind *k = &v->kinds[ki].pub;
    size_t len;
    if (((k->uses & VP_KIND_CITE) && !alt_add(&v->pending[VP_ALT_CITE_NAMES], s)) ||
        ((k->uses & VP_KIND_TITLE) && !alt_add(&v->pending[VP_ALT_TITLES], s)))
        return vp_datafile_nomem(&r->at);
    if (k->uses & VP_KIND_DOC) {
        const char *key = fold_kept(v, s, VNPLAN_FOLD_DIACRITICS, &len);
        if (!key)
            return vp_datafile_nomem(&r->at);
        size_t i = 0;
        while (i < v->ntitles && strcmp(v->titles[i].key, key) != 0)
            i++;
        if (i < v->ntitles && v->titles[i].kind != ki)
            return vp_datafile_bad(&r->at, "\"%s\" already names %s (line %ld)", s,
                                   v->kinds[v->titles[i].kind].pub.name,
                                   v->kinds[v->titles[i].kind].line);
        if (i == v->ntitles) {
            if (!vp_grow(v->arena, (void **)&v->titles, &v->captitles, v->ntitles,
                         sizeof *v->titles))
                return vp_datafile_nomem(&r->at);
            v->titles[v->ntitles++] = (title_key){ key, len, ki };
        }
    }
    if (k->uses & (VP_KIND_CITE | VP_KIND_TITLE)) {
        char *key = vp_fold(s, strlen(s), 0, &len);
        if (!key)
            return vp_datafile_nomem(&r->at);
        size_t before = v->cited.nwords;
        uint32_t id = vp_trie_intern(&v->cited, key, len);
        free(key);
        if (!id)
            return vp_datafile_nomem(&r->at);
        if (v->cited.nwords == before && v->cited_kind[id] != ki)
            return vp_datafile_bad(&r->at, "\"%s\" already names %s (line %ld)", s,
                                   v->kinds[v->cited_kind[id]].pub.name,
                                   v->kinds[v->cited_kind[id]].line);
        if (v->cited.nwords == before)
            return 1;
        while (v->capcited <= id)
            if (!vp_grow(v->arena, (void **)&v->cited_kind, &v->capcited, v->capcited,
                         sizeof *v->cited_kind))
                return vp_datafile_nomem(&r->at);
        v->cited_kind[id] = ki;
    }
    return 1;
}

static int kind_row(vp_vocab *v, reader *r, char *line)
{
    char *col[MAX_COLUMNS];
    size_t nc = columns(line, col);
    if (nc < 3 || nc > MAX_COLUMNS)
        return vp_datafile_bad(&r->at, "expected 3 or 4 columns separated by tabs (name, abbr, "
                               "uses, spellings), found %zu", nc);
    if (!vp_grow(v->arena, (void **)&v->kinds, &v->capkinds, v->nkinds, sizeof *v->kinds))
        return vp_datafile_nomem(&r->at);
    size_t ki = v->nkinds;
    vp_kind *k = &v->kinds[ki].pub;
    memset(&v->kinds[ki], 0, sizeof v->kinds[ki]);
    char *names[MAX_SPELLINGS + 1];
    size_t nn = spellings(r, col[0], names);
    if (!nn || !kind_abbr(v, r, k, col[1]) || !kind_uses(r, k, col[2]))
        return 0;
    if (nn > 1)
        return vp_datafile_bad(&r->at, "one name per kind; other spellings go in the fourth "
                               "column");
    if (!(k->name = keep(v, r, names[0])))
        return 0;
    for (size_t i = 0; i < ki; i++)
        if (v->kinds[i].pub.code && k->code && strcmp(v->kinds[i].pub.code, k->code) == 0)
            return vp_datafile_bad(&r->at, "\"%s\" already stands for %s (line %ld)", k->code,
                                   v->kinds[i].pub.name, v->kinds[i].line);
    static const struct {
        unsigned bit;
        const char *name;
    } once[] = {{VP_KIND_DEFAULT, "default"}, {VP_KIND_GENERIC, "generic"}};
    for (size_t u = 0; u < 2; u++)
        for (size_t i = 0; i < ki; i++)
            if ((k->uses & once[u].bit) && (v->kinds[i].pub.uses & once[u].bit))
                return vp_datafile_bad(&r->at, "%s is already the %s kind (line %ld)",
                                       v->kinds[i].pub.name, once[u].name, v->kinds[i].line);
    if ((k->uses & VP_KIND_DEFAULT) && !k->code)
        return vp_datafile_bad(&r->at, "the default kind needs a code to report: an "
                               "abbreviation or one in parentheses");
    v->kinds[ki].line = r->at.line;
    v->nkinds++;
    if (k->uses & VP_KIND_DEFAULT)
        v->default_kind = ki;
    if (k->uses & VP_KIND_GENERIC)
        v->generic_kind = ki;
    if (!kind_spelling(v, r, ki, k->name))
        return 0;
    if (nc == 4) {
        nn = spellings(r, col[3], names);
        if (!nn)
            return 0;
        for (size_t i = 0; i < nn; i++) {
            const char *s = keep(v, r, names[i]);
            if (!s || !kind_spelling(v, r, ki, s))
                return 0;
        }
    }
    return 1;
}

static int title_longest_first(const void *x, const void *y)
{
    const title_key *a = x, *b = y;
    if (a->len != b->len)
        return a->len > b->len ? -1 : 1;
    return a->kind < b->kind ? -1 : a->kind > b->kind;
}

static int load_kinds(vp_vocab *v, const char *datadir, vnplan_error *err)
{
    reader r;
    int ok = 0, bad = 0;
    if (!reader_open(&r, datadir, "kinds.tsv", "list of document kinds", err))
        goto done;
    v->default_kind = v->generic_kind = SIZE_MAX;
    for (char *line; (line = reader_next(&r, &bad));)
        if (!kind_row(v, &r, line))
            goto done;
    if (bad)
        goto done;
    r.at.line = 0;
    if (v->default_kind == SIZE_MAX || v->generic_kind == SIZE_MAX) {
        vp_datafile_bad(&r.at, "no %s kind (mark one in the uses column)",
                        v->default_kind == SIZE_MAX ? "default" : "generic");
        goto done;
    }
    if (v->ntitles > 1)
        qsort(v->titles, v->ntitles, sizeof *v->titles, title_longest_first);
    ok = 1;
done:
    reader_close(&r);
    return ok;
}

/* ========================================================== agency heads */

static int council_row(vp_vocab *v, reader *r, char *line)
{
    char *col[MAX_COLUMNS], *part[MAX_SPELLINGS];
    if (columns(line, col) != 2)
        return vp_datafile_bad(&r->at, "a council is its name TAB its abbreviation");
    if (!vp_grow(v->arena, (void **)&v->councils, &v->capcouncils, v->ncouncils,
                 sizeof *v->councils))
        return vp_datafile_nomem(&r->at);
    size_t n = spellings(r, col[0], part);
    const char **names = vp_alloc(v->arena, (n + 1) * sizeof *names);
    if (!n || !names)
        return n ? vp_datafile_nomem(&r->at) : 0;
    for (size_t i = 0; i < n; i++)
        if (!(names[i] = keep(v, r, part[i])))
            return 0;
    vp_council *c = &v->councils[v->ncouncils];
    c->names = names;
    n = spellings(r, col[1], part);
    for (size_t i = 0; i < n; i++) {
        if (!is_symbol_part(part[i]))
            return vp_datafile_bad(&r->at, "abbreviation \"%s\" is not letters and digits",
                                   part[i]);
        const char *a = keep(v, r, part[i]);
        if (!a)
            return 0;
        if (i == 0)
            c->abbr = a;
        else if (!add_repair(v, r, a, c->abbr))
            return 0;
    }
    if (!n)
        return 0;
    v->ncouncils++;
    return 1;
}

static int level_row(vp_vocab *v, reader *r, char *line)
{
    char *col[MAX_COLUMNS];
    size_t nc = columns(line, col);
    if (nc < 1 || nc > 2 || (nc == 2 && strcmp(col[1], "province") != 0))
        return vp_datafile_bad(&r->at, "a level is its name, then \"province\" or nothing");
    const char *name = keep(v, r, col[0]);
    if (!name)
        return 0;
    char *lower = vp_lower(name, strlen(name));
    if (!lower)
        return vp_datafile_nomem(&r->at);
    for (size_t i = 0; i < v->nlevels; i++)
        if (strcmp(v->levels[i].name, lower) == 0) {
            free(lower);
            return vp_datafile_bad(&r->at, "level \"%s\" is already listed", name);
        }
    const char *kept = vp_strdup(v->arena, lower);
    free(lower);
    if (!kept || !vp_grow(v->arena, (void **)&v->levels, &v->caplevels, v->nlevels,
                          sizeof *v->levels))
        return vp_datafile_nomem(&r->at);
    v->levels[v->nlevels++] = (vp_level){ kept, nc == 2 };
    return 1;
}

/* A head is words of letters and digits (and the marks of a file in
 * NFD): the agency matcher reads it as the words of a name. */
static int check_head(reader *r, const char *line)
{
    int words = 0, in_word = 0;
    for (size_t i = 0, n = strlen(line); i < n;) {
        int32_t cp;
        i += (size_t)vp_utf8_decode(line + i, n - i, &cp);
        if (cp == '|' || cp == ' ') {
            words = cp == '|' ? 0 : words;      /* "|": another spelling */
            in_word = 0;
            continue;
        }
        if (!vp_is_letter(cp) && !vp_is_mark_cp(cp) && !(cp >= '0' && cp <= '9'))
            return vp_datafile_bad(&r->at, "a head is words of letters, not \"%s\"", line);
        if (!in_word && ++words > VP_HEAD_MAX_WORDS)
            return vp_datafile_bad(&r->at, "a head has at most %d words: \"%s\"",
                                   VP_HEAD_MAX_WORDS, line);
        in_word = 1;
    }
    return 1;
}

static int recipient_row(vp_vocab *v, reader *r, char *line)
{
    if (strchr(line, '\t'))
        return vp_datafile_bad(&r->at, "a tab inside an entry of [recipients]");
    return list_add(v, r, &v->recipients, line);
}

static int load_heads(vp_vocab *v, const char *datadir, vnplan_error *err)
{
    static const section sec[] = {
        {"heads", VP_LIST_HEADS, NULL, check_head},
        {"councils", -1, council_row, NULL},
        {"levels", -1, level_row, NULL},
        {"recipients", -1, recipient_row, NULL},
    };
    return read_sections(v, datadir, "agency-heads.txt", "list of agency heads", sec,
                         sizeof sec / sizeof *sec, err);
}

/* ============================================================ stop lists */

static int load_stoplists(vp_vocab *v, const char *datadir, vnplan_error *err)
{
    static const section sec[] = {
        {"issuer-stops", VP_LIST_ISSUER_STOPS, NULL, NULL},
        {"title-stops", VP_LIST_TITLE_STOPS, NULL, NULL},
        {"generic-before", VP_LIST_GENERIC_BEFORE, NULL, NULL},
        {"not-titles", VP_LIST_NOT_TITLES, NULL, NULL},
        {"report-noun-before", VP_LIST_REPORT_NOUN_BEFORE, NULL, NULL},
        {"recipient-stops", VP_LIST_RECIPIENT_STOPS, NULL, NULL},
        {"recipient-leads", VP_LIST_RECIPIENT_LEADS, NULL, NULL},
        {"indicator-heads", VP_LIST_INDICATOR_HEADS, NULL, NULL},
        {"indicator-trailing", VP_LIST_INDICATOR_TRAILING, NULL, NULL},
        {"value-not-before", VP_LIST_VALUE_NOT_BEFORE, NULL, NULL},
        {"indicator-stops", VP_LIST_INDICATOR_STOPS, NULL, NULL},
        {"year-leads", VP_LIST_YEAR_LEADS, NULL, NULL},
        {"list-fillers", VP_LIST_LIST_FILLERS, NULL, NULL},
    };
    _Static_assert(sizeof sec / sizeof *sec + 1 == VP_LIST__COUNT,
                   "every list but [heads] has its section");
    return read_sections(v, datadir, "stoplists.txt", "stop lists", sec,
                         sizeof sec / sizeof *sec, err);
}

/* ============================================================= syllables */

static int syllable(vp_vocab *v, reader *r, const char *s, size_t n)
{
    int high = 0;
    for (size_t i = 0; i < n; i++)
        high |= (unsigned char)s[i] >= 0x80;
    if (!high)
        return vp_datafile_bad(&r->at, "\"%.*s\" is ASCII, the same in every encoding: it "
                               "decides nothing", (int)n, s);
    size_t klen;
    char *key = vp_fold(s, n, 0, &klen);
    if (!key)
        return vp_datafile_nomem(&r->at);
    size_t before = v->syllables.nwords;
    uint32_t id = vp_trie_intern(&v->syllables, key, klen);
    free(key);
    if (!id)
        return vp_datafile_nomem(&r->at);
    if (v->syllables.nwords == before)
        return vp_datafile_bad(&r->at, "\"%.*s\" is already listed on line %ld", (int)n, s,
                               v->syllable_lines[id]);
    while (v->capsyllables <= id)
        if (!vp_grow(v->arena, (void **)&v->syllable_lines, &v->capsyllables, v->capsyllables,
                     sizeof *v->syllable_lines))
            return vp_datafile_nomem(&r->at);
    v->syllable_lines[id] = r->at.line;
    return 1;
}

static int load_syllables(vp_vocab *v, const char *datadir, vnplan_error *err)
{
    reader r;
    int ok = 0, bad = 0;
    if (!reader_open(&r, datadir, "syllables.txt", "list of syllables", err))
        goto done;
    for (char *line; (line = reader_next(&r, &bad));) {
        for (size_t i = 0, n = strlen(line); i < n;) {
            while (i < n && is_blank(line[i]))
                i++;
            size_t j = i;
            while (j < n && !is_blank(line[j]))
                j++;
            if (j > i && !syllable(v, &r, line + i, j - i))
                goto done;
            i = j;
        }
    }
    if (bad)
        goto done;
    if (!v->syllables.nwords) {
        r.at.line = 0;
        vp_datafile_bad(&r.at, "no syllables");
        goto done;
    }
    ok = 1;
done:
    reader_close(&r);
    return ok;
}

/* ========================================================== alternations */

/* One entry as a pattern: metacharacters escaped, spaces as "\s+", and
 * with `eth` each "Đ" also as "Ð". */
static void put_entry(vp_buf *b, const char *s, int eth)
{
    for (; *s; s++) {
        if (*s == ' ') {
            vp_buf_puts(b, "\\s+");
        } else if (eth && strncmp(s, "Đ", strlen("Đ")) == 0) {
            vp_buf_puts(b, "[ĐÐ]");
            s += strlen("Đ") - 1;
        } else {
            if (strchr("\\^$.|?*+()[]{}", *s))
                vp_buf_putc(b, '\\');
            vp_buf_putc(b, *s);
        }
    }
}

/* Joins the entries with "|", longest first; no entry is a pattern that
 * never matches (an empty one would match everywhere). */
static int alternation(vp_vocab *v, vp_alt which, list *l, int eth)
{
    if (l->n > 1)   /* qsort may not be given a NULL array */
        qsort(l->e, l->n, sizeof *l->e, longest_first);
    vp_buf b;
    vp_buf_init(&b);
    if (!l->n)
        vp_buf_puts(&b, "(*FAIL)");
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            vp_buf_putc(&b, '|');
        put_entry(&b, l->e[i].s, eth);
    }
    char *s = vp_buf_detach(&b);
    v->alt[which] = s ? vp_strdup(v->arena, s) : NULL;
    free(s);
    return v->alt[which] != NULL;
}

static int build_alternations(vp_vocab *v)
{
    int ok = 1;
    list *spelled = v->pending, *heads = &spelled[VP_ALT_RECIPIENTS];
    for (const char *const *h = v->lists[VP_LIST_HEADS]; ok && *h; h++)
        ok = alt_add(heads, *h);
    for (size_t i = 0; ok && i < v->recipients.n; i++)
        ok = alt_add(heads, v->recipients.e[i].s);
    for (size_t i = 0; ok && i < v->ncouncils; i++) {
        ok = alt_add(heads, v->councils[i].abbr);
        for (const char *const *n = v->councils[i].names; ok && *n; n++)
            ok = alt_add(heads, *n);
    }
    for (size_t i = 0; ok && i < v->nkinds; i++) {
        const vp_kind *k = &v->kinds[i].pub;
        if ((k->uses & VP_KIND_CITE) && k->abbr) {
            ok = alt_add(&spelled[VP_ALT_CITE_ABBRS], k->abbr);
            for (size_t r = 0; ok && r < v->nrepairs; r++)
                if (v->repairs[r].good == k->abbr)
                    ok = alt_add(&spelled[VP_ALT_CITE_ABBRS], v->repairs[r].bad);
        }
    }
    for (int a = 0; ok && a < VP_ALT__COUNT; a++)
        ok = alternation(v, (vp_alt)a, &spelled[a], a == VP_ALT_CITE_ABBRS);
    return ok;
}

/* ================================================================ loading */

void vp_vocab_free(vp_vocab *v)
{
    if (!v)
        return;
    vp_trie_free(&v->cited);
    vp_trie_free(&v->syllables);
    for (int a = 0; a < VP_ALT__COUNT; a++)
        list_free(&v->pending[a]);
    list_free(&v->recipients);
    vp_arena_free(v->arena);
    free(v);
}

vp_vocab *vp_vocab_load(const char *datadir, vnplan_error *err)
{
    vp_vocab *v = calloc(1, sizeof *v);
    if (!v || !(v->arena = vp_arena_new())) {
        vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
        vp_vocab_free(v);
        return NULL;
    }
    vp_trie_init(&v->cited);
    vp_trie_init(&v->syllables);
    if (!datadir)
        datadir = ".";
    int ok = load_kinds(v, datadir, err) && load_heads(v, datadir, err) &&
             load_stoplists(v, datadir, err) && load_syllables(v, datadir, err);
    if (ok && !build_alternations(v)) {
        vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
        ok = 0;
    }
    /* what only loading needs */
    for (int a = 0; a < VP_ALT__COUNT; a++)
        list_free(&v->pending[a]);
    list_free(&v->recipients);
    if (!ok) {
        vp_vocab_free(v);
        return NULL;
    }
    return v;
}

/* ================================================================ queries */

size_t vp_vocab_kind_count(const vp_vocab *v) { return v->nkinds; }

const vp_kind *vp_vocab_kind_at(const vp_vocab *v, size_t i)
{
    return i < v->nkinds ? &v->kinds[i].pub : NULL;
}

const vp_kind *vp_type_from_title(const vp_vocab *v, const char *s, size_t len)
{
    if (len == 0 || len > VP_CAPS_LINE_MAX || !vp_is_all_caps(s, len))
        return NULL;
    char k[VP_FOLD_LINE_BYTES];
    size_t n = vp_fold_line(s, len, k, sizeof k);
    for (size_t i = 0; i < v->ntitles; i++)
        if (v->titles[i].len <= n && memcmp(k, v->titles[i].key, v->titles[i].len) == 0)
            return &v->kinds[v->titles[i].kind].pub;
    return NULL;
}

const vp_kind *vp_kind_named(const vp_vocab *v, const char *s, size_t len)
{
    if (len == 0 || len > VP_CAPS_LINE_MAX)
        return NULL;
    char k[VP_FOLD_LINE_BYTES];
    size_t n = vp_fold_line(s, len, k, sizeof k);
    while (n && (k[n - 1] == ' ' || k[n - 1] == ':' || k[n - 1] == '.'))
        n--;
    for (size_t i = 0; i < v->ntitles; i++)
        if (v->titles[i].len == n && memcmp(k, v->titles[i].key, n) == 0)
            return &v->kinds[v->titles[i].kind].pub;
    return NULL;
}

const char *vp_vocab_kind_name(const vp_vocab *v, const char *code)
{
    for (size_t i = 0; code && i < v->nkinds; i++) {
        const vp_kind *k = &v->kinds[i].pub;
        if (k->code && (k->uses & (VP_KIND_DOC | VP_KIND_DEFAULT)) && strcmp(k->code, code) == 0)
            return k->name;
    }
    return NULL;
}

const char *vp_vocab_kind_of_number(const vp_vocab *v, const char *number)
{
    const char *slash = strrchr(number, '/');
    const char *dash = strchr(number, '-');
    const char *a = NULL, *b = NULL;
    if (slash && dash && dash > slash) {        /* N/TYPE-ISSUER */
        a = slash + 1;
        b = dash;
    } else if (slash && dash && dash < slash) { /* N-TYPE/ISSUER */
        a = dash + 1;
        b = slash;
    }
    for (size_t i = 0; a && b > a && i < v->nkinds; i++) {
        const vp_kind *k = &v->kinds[i].pub;
        if ((k->uses & VP_KIND_DOC) && k->abbr && strlen(k->abbr) == (size_t)(b - a) &&
            memcmp(k->abbr, a, (size_t)(b - a)) == 0)
            return k->code;
    }
    return vp_vocab_default_kind(v);
}

const char *vp_vocab_default_kind(const vp_vocab *v)
{
    return v->kinds[v->default_kind].pub.code;
}

const char *vp_vocab_cited_type(const vp_vocab *v, const char *s, size_t len)
{
    size_t klen;
    char *key = vp_fold(s, len, 0, &klen);
    if (!key)
        return NULL;
    uint32_t id = vp_trie_word_id(&v->cited, key, klen);
    free(key);
    return id ? v->kinds[v->cited_kind[id]].pub.name : vp_vocab_generic_type(v);
}

const char *vp_vocab_abbr_type(const vp_vocab *v, const char *abbr)
{
    for (size_t i = 0; i < v->nkinds; i++) {
        const vp_kind *k = &v->kinds[i].pub;
        if ((k->uses & VP_KIND_CITE) && k->abbr && strcmp(k->abbr, abbr) == 0)
            return k->name;
    }
    return NULL;
}

const char *vp_vocab_generic_type(const vp_vocab *v)
{
    return v->kinds[v->generic_kind].pub.name;
}

const char *vp_vocab_repair(const vp_vocab *v, const char *part)
{
    for (size_t i = 0; i < v->nrepairs; i++)
        if (strcmp(v->repairs[i].bad, part) == 0)
            return v->repairs[i].good;
    return NULL;
}

size_t vp_vocab_council_count(const vp_vocab *v) { return v->ncouncils; }

const vp_council *vp_vocab_council_at(const vp_vocab *v, size_t i)
{
    return i < v->ncouncils ? &v->councils[i] : NULL;
}

size_t vp_vocab_level_count(const vp_vocab *v) { return v->nlevels; }

const vp_level *vp_vocab_level_at(const vp_vocab *v, size_t i)
{
    return i < v->nlevels ? &v->levels[i] : NULL;
}

const char *const *vp_vocab_list(const vp_vocab *v, vp_list which)
{
    return v->lists[which];
}

int vp_vocab_common_syllable(const vp_vocab *v, const char *key, size_t len)
{
    return v && vp_trie_word_id(&v->syllables, key, len) != 0;
}

const char *vp_vocab_alternation(const vp_vocab *v, vp_alt which)
{
    return v->alt[which];
}

static const char *const motto[] = {
    "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc",
    "doc lap-tu do-hanh phuc",
};

int vp_is_quoc_hieu(const char *s, size_t len)
{
    if (len > MOTTO_LINE_MAX)
        return 0;
    char k[VP_FOLD_LINE_BYTES];
    vp_fold_line(s, len, k, sizeof k);
    for (size_t i = 0; i < sizeof motto / sizeof *motto; i++)
        if (strstr(k, motto[i]))
            return 1;
    return 0;
}

int vp_is_quoc_hieu_start(const char *s, size_t len)
{
    if (len > MOTTO_LINE_MAX)
        return 0;
    char k[VP_FOLD_LINE_BYTES];
    size_t n = vp_fold_line(s, len, k, sizeof k);
    for (size_t i = 0; n && i < sizeof motto / sizeof *motto; i++)
        if (strncmp(motto[i], k, n) == 0)
            return 1;
    return 0;
}
