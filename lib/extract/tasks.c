/* tasks.c — tasks, duties and their agencies (see tasks.h).
 *
 * Segmentation.  In the task and duty parts, a task starts at a "+"/"-"
 * bullet, a lettered item, a numbered section whose heading is itself an
 * action, or an unlabelled paragraph that follows no task; unlabelled
 * paragraphs after a labelled task are its continuation.  An introducing
 * line ("- Sở X chủ trì, phối hợp với Y thực hiện các nhiệm vụ sau:") is no
 * task: it hands its agencies to the items under it.  Headings that only
 * name an agency ("2. Sở Tài chính:") do the same for their section.
 *
 * Roles.  The agencies named at the start of a task (after "Giao") lead
 * it, or are requested when it starts with "Đề nghị"; those after
 * "phối hợp (chặt chẽ) (với)" coordinate.  A task without a lead of its own
 * inherits the agencies of its introducing line, else of its headings.
 *
 * Tables.  A task-assignment table (a header row naming the content,
 * "chủ trì", and perhaps "phối hợp" and "thời gian" columns) gives one
 * task a row: its text from the content column, its lead, coordinating
 * agencies and deadline from theirs.  A row of column numbers "(1) (2)"
 * and group rows ("I | Tuyên truyền" with no lead) give none. */
#include "config.h"
#include "core/buf.h"
#include "extract/tasks.h"
#include "core/unicode.h"
#include "core/words.h"
#include "extract/deadlines.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_MATCHES = 64, MAX_ROLE = 24 };

/* ------------------------------------------------------------ the parts */

static int folded_contains(const char *s, const char *needle)
{
    size_t n = 0;
    char *k = vp_fold(s, strlen(s), VNPLAN_FOLD_DIACRITICS, &n);
    int r = k && strstr(k, needle) != NULL;
    free(k);
    return r;
}

vp_part vp_part_of_heading(const char *heading)
{
    if (folded_contains(heading, "to chuc thuc hien") || folded_contains(heading, "phan cong") ||
        folded_contains(heading, "trach nhiem thuc hien"))
        return VP_PART_DUTIES;
    if (folded_contains(heading, "nhiem vu") || folded_contains(heading, "giai phap") ||
        folded_contains(heading, "noi dung thuc hien") ||
        folded_contains(heading, "noi dung trien khai") ||
        folded_contains(heading, "cac hoat dong"))
        return VP_PART_TASKS;
    return VP_PART_OTHER;
}

/* ----------------------------------------------------------------- roles */

typedef struct role_set {
    vp_agency_match m[3][MAX_ROLE];   /* spans into `text` */
    size_t n[3];
    const char *text;                 /* the text the spans point into */
    const char *const *fillers;       /* what may separate two names    */
    int own;                          /* roles found in the task itself */
} role_set;

/* Does `kw` (lower case) stand at s[at], case-insensitively on its first
 * letter, and end at a word boundary? */
static int kw_at(const char *s, size_t len, size_t at, const char *kw)
{
    size_t kl = strlen(kw);
    if (at + kl > len)
        return 0;
    int32_t a, b;
    int la = vp_utf8_decode(s + at, len - at, &a);
    int lb = vp_utf8_decode(kw, kl, &b);
    if (la != lb || vp_to_lower(a) != b || memcmp(s + at + la, kw + lb, kl - (size_t)lb) != 0)
        return 0;
    if (at + kl == len)
        return 1;
    unsigned char c = (unsigned char)s[at + kl];
    return c == ' ' || c == ',' || c == ':' || c == ';' || c == '.';
}

static size_t skip_space(const char *s, size_t len, size_t at)
{
    while (at < len && (s[at] == ' ' || s[at] == ','))
        at++;
    return at;
}

/* Is the text between two names only a list separator ("," "và" ";"),
 * perhaps with a qualifier such as "có liên quan" ([list-fillers], matched
 * as printed; one that ends in a letter ends at a word boundary)? */
static int is_separator(const char *const *fillers, const char *s, size_t from, size_t to)
{
    size_t i = from;
    int words = 0;
    while (i < to) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        size_t k;
        for (k = 0; fillers[k]; k++) {
            size_t fl = strlen(fillers[k]);
            unsigned char last = (unsigned char)fillers[k][fl - 1];
            if (i + fl <= to && memcmp(s + i, fillers[k], fl) == 0 &&
                (i + fl == to || s[i + fl] == ' ' || s[i + fl] == ',' ||
                 !(last >= 0x80 || vp_word_ascii(last)))) {
                i += fl;
                break;
            }
        }
        if (!fillers[k])
            return 0;
        if (++words > 6)
            return 0;
    }
    return 1;
}

/* From match k on, the chain of names separated only by separators;
 * appended to out[role]; returns the index after the chain. */
static size_t take_chain(role_set *r, int role, const char *s, const vp_agency_match *m,
                         size_t nm, size_t k)
{
    size_t i = k;
    for (; i < nm; i++) {
        if (i > k && !is_separator(r->fillers, s, m[i - 1].end, m[i].start))
            break;
        if (r->n[role] < MAX_ROLE)
            r->m[role][r->n[role]++] = m[i];
    }
    return i;
}

/* The first match starting at `at` (after spaces), or nm. */
static size_t match_at(const vp_agency_match *m, size_t nm, const char *s, size_t len, size_t at)
{
    at = skip_space(s, len, at);
    if (at + 4 <= len && memcmp(s + at, "các ", 4) == 0) {
        /* "phối hợp với các Sở ..." */
        for (size_t i = 0; i < nm; i++)
            if (m[i].start == at || m[i].start == at + 4)
                return i;
    }
    for (size_t i = 0; i < nm; i++)
        if (m[i].start == at)
            return i;
    return nm;
}

/* Find "phối hợp" in s[from..to) and the names that follow it. */
static void find_coordinate(role_set *r, const char *s, size_t to, const vp_agency_match *m,
                            size_t nm, size_t from)
{
    /* Search for the bytes after the first letter ("hối hợp"), then check
     * the letter: far cheaper than trying the keyword at every byte. */
    static const char tail[] = "hối hợp";
    const size_t tl = sizeof tail - 1;
    for (size_t at = from; at + 1 + tl <= to;) {
        const char *hit = memmem(s + at + 1, to - at - 1, tail, tl);
        if (!hit)
            return;
        at = (size_t)(hit - s) - 1;
        if (!kw_at(s, to, at, "phối hợp")) {
            at += 2;
            continue;
        }
        size_t p = at + strlen("phối hợp");
        p = skip_space(s, to, p);
        if (kw_at(s, to, p, "chặt chẽ"))
            p = skip_space(s, to, p + strlen("chặt chẽ"));
        if (kw_at(s, to, p, "với"))
            p = skip_space(s, to, p + strlen("với"));
        size_t k = match_at(m, nm, s, to, p);
        if (k < nm) {
            take_chain(r, VNPLAN_ROLE_COORDINATE, s, m, nm, k);
            return;
        }
        at += 2;   /* "phối hợp" with no agency after it: look further */
    }
}

/* Roles stated in text[0..len): subject (lead or requested) and
 * coordinators.  Returns the byte where the subject chain ended (0 when
 * the text has no subject). */
static size_t parse_roles(const vp_gazetteer *g, const char *const *fillers, const char *text,
                          size_t len, role_set *r)
{
    vp_agency_match m[MAX_MATCHES];
    size_t nm = vp_agencies_find(g, text, len, m, MAX_MATCHES);
    if (nm > MAX_MATCHES)
        nm = MAX_MATCHES;
    memset(r->n, 0, sizeof r->n);
    r->text = text;
    r->fillers = fillers;
    r->own = 0;
    size_t at = skip_space(text, len, 0);
    int role = VNPLAN_ROLE_LEAD;
    if (kw_at(text, len, at, "đề nghị")) {
        role = VNPLAN_ROLE_REQUESTED;
        at += strlen("đề nghị");
    } else if (kw_at(text, len, at, "giao")) {
        at += strlen("giao");
        at = skip_space(text, len, at);
        if (kw_at(text, len, at, "cho"))
            at += strlen("cho");
    }
    size_t subject_end = 0;
    size_t k = match_at(m, nm, text, len, at);
    if (k < nm) {
        size_t after = take_chain(r, role, text, m, nm, k);
        subject_end = m[after - 1].end;
    }
    find_coordinate(r, text, len, m, nm, subject_end);
    r->own = r->n[0] || r->n[1] || r->n[2];
    return subject_end;
}

/* --------------------------------------------------------- segmentation */

typedef struct context {
    role_set roles;     /* agencies handed down */
    int have;
} context;

/* Text before the colon of an introducing line, or 0 if `s` does not
 * introduce items: it ends with ":" and either names an agency or
 * announces a list ("... sau:", "... nội dung:"). */
static int is_intro(const char *s, size_t len, size_t subject_end)
{
    while (len && (s[len - 1] == ' ' || s[len - 1] == '*'))
        len--;
    if (len == 0 || s[len - 1] != ':')
        return 0;
    if (subject_end > 0)
        return 1;
    static const char *const tails[] = {"sau:", "dung:", "vụ:", "hiện:", "gồm:", "thể:"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        size_t tl = strlen(tails[i]);
        if (len >= tl && memcmp(s + len - tl, tails[i], tl) == 0)
            return 1;
    }
    return 0;
}

/* A heading that only names agencies ("Sở Tài chính:", "Đề nghị Ủy ban
 * Mặt trận Tổ quốc Việt Nam tỉnh"). */
static int only_agencies(const char *s, size_t len, const role_set *r)
{
    size_t end = 0;
    for (int role = 0; role < 3; role++)
        for (size_t i = 0; i < r->n[role]; i++)
            if (r->m[role][i].end > end)
                end = r->m[role][i].end;
    if (end == 0)
        return 0;
    while (end < len && strchr(" :.;*", s[end]))
        end++;
    return end == len;
}

static int add_role(vnplan_plan *p, vnplan_task *t, int role, const char *name, size_t nlen,
                    const vp_agency *a, const vp_gazetteer *g, const char *as_of)
{
    for (size_t i = 0; i < t->nroles[role]; i++) {
        const vp_agency_ref *x = &t->roles[role][i];
        if ((a && x->agency == a) || (!a && !x->agency && strlen(x->name) == nlen &&
                                      memcmp(x->name, name, nlen) == 0))
            return 1;   /* each agency once per role */
    }
    if (!vp_grow(p->arena, (void **)&t->roles[role], &t->caproles[role], t->nroles[role],
                 sizeof **t->roles))
        return 0;
    vp_agency_ref *ref = &t->roles[role][t->nroles[role]];
    ref->name = vp_strndup(p->arena, name, nlen);
    ref->agency = a;
    ref->today = a && as_of ? vp_agency_as_of(g, a, as_of) : NULL;
    if (!ref->name)
        return 0;
    t->nroles[role]++;
    return 1;
}

static int apply_roles(vnplan_plan *p, vnplan_task *t, const role_set *r, const vp_gazetteer *g,
                       const char *as_of)
{
    for (int role = 0; role < 3; role++)
        for (size_t i = 0; i < r->n[role]; i++) {
            const vp_agency_match *m = &r->m[role][i];
            if (!add_role(p, t, role, r->text + m->start, m->end - m->start, m->agency, g, as_of))
                return 0;
        }
    return 1;
}

typedef struct builder {
    vnplan_plan *p;
    vnplan_document *d;
    const vp_gazetteer *g;
    const vp_patterns *re;
    const char *const *fillers;     /* [list-fillers] of the vocabulary */
    const char *as_of;
    vp_buf text;            /* the open task's text */
    vnplan_task *open;      /* the open task, or NULL */
    int part;               /* VNPLAN_TASKS or VNPLAN_DUTIES */
} builder;

static int close_task(builder *b)
{
    if (!b->open)
        return 1;
    vnplan_task *t = b->open;
    b->open = NULL;
    t->text = vp_strndup(b->p->arena, b->text.data ? b->text.data : "", b->text.len);
    vp_buf_clear(&b->text);
    if (!t->text)
        return 0;
    /* Its deadline is set by findings.c, which scans every paragraph. */
    return 1;
}

/* Open a new task with its first paragraph, own roles, and inherited ones. */
static int open_task(builder *b, const vnplan_section *s, const char *text, long line,
                     long last_line, const role_set *own, const context *ctx)
{
    if (!close_task(b))
        return 0;
    vnplan_document *d = b->d;
    if (!vp_grow(b->p->arena, (void **)&d->tasks[b->part], &d->captasks[b->part],
                 d->ntasks[b->part], sizeof **d->tasks))
        return 0;
    vnplan_task *t = &d->tasks[b->part][d->ntasks[b->part]++];
    memset(t, 0, sizeof *t);
    char id[24];
    snprintf(id, sizeof id, "%c%zu", b->part == VNPLAN_TASKS ? 'T' : 'D', d->ntasks[b->part]);
    t->id = vp_strdup(b->p->arena, id);
    t->section = s->path;
    t->heading = s->heading;
    t->line = line;
    t->last_line = last_line;
    if (!t->id || !apply_roles(b->p, t, own, b->g, b->as_of))
        return 0;
    int has_lead = own->n[VNPLAN_ROLE_LEAD] || own->n[VNPLAN_ROLE_REQUESTED];
    if (!has_lead && ctx->have) {
        role_set inherited = ctx->roles;
        if (own->n[VNPLAN_ROLE_COORDINATE])
            inherited.n[VNPLAN_ROLE_COORDINATE] = 0;
        if (!apply_roles(b->p, t, &inherited, b->g, b->as_of))
            return 0;
    }
    vp_buf_puts(&b->text, text);
    b->open = t;
    return !b->text.failed;
}

static int continue_task(builder *b, const char *text, long last_line)
{
    vp_buf_putc(&b->text, '\n');
    vp_buf_puts(&b->text, text);
    b->open->last_line = last_line;
    return !b->text.failed;
}

/* ---------------------------------------------- task-assignment tables */

static const context none_ctx;

enum { COL_WHAT, COL_LEAD, COL_COORD, COL_WHEN, NCOLS, MAX_CELLS = 24 };

/* Split a row's text (cells joined by " | ") in place; the cells trimmed. */
static size_t split_cells(char *s, char **cell, size_t max)
{
    size_t n = 0;
    for (char *c = s; n < max;) {
        char *bar = strchr(c, '|');
        if (bar)
            *bar = '\0';
        while (*c == ' ')
            c++;
        size_t l = strlen(c);
        while (l && c[l - 1] == ' ')
            c[--l] = '\0';
        cell[n++] = c;
        if (!bar)
            break;
        c = bar + 1;
    }
    return n;
}

/* The columns of a header (short cells naming them), in one row or in
 * two (`second` not NULL: "Cơ quan thực hiện" over "Chủ trì | Phối hợp",
 * each column named by its two cells together): 1, or 0 if the rows are
 * none, -1 on lack of memory. */
static int table_header(const char *text, const char *second, int col[NCOLS])
{
    char *s = strdup(text), *s2 = second ? strdup(second) : NULL;
    char *cell[MAX_CELLS], *cell2[MAX_CELLS], *both[MAX_CELLS];
    size_t n = 0, n2 = 0;
    int ok = -1;
    memset(both, 0, sizeof both);
    if (!s || (second && !s2))
        goto done;
    n = split_cells(s, cell, MAX_CELLS);
    if (s2) {
        n2 = split_cells(s2, cell2, MAX_CELLS);
        for (size_t i = 0; i < n2; i++) {
            const char *top = i < n ? cell[i] : "";
            if (!(both[i] = malloc(strlen(top) + strlen(cell2[i]) + 2))) {
                n2 = i;
                goto done;
            }
            sprintf(both[i], "%s %s", top, cell2[i]);
        }
        for (size_t i = 0; i < n2; i++)
            cell[i] = both[i];
        if (n2 > n)
            n = n2;
    }
    for (int k = 0; k < NCOLS; k++)
        col[k] = -1;
    for (size_t i = 0; i < n; i++) {
        int k = -1;
        if (strlen(cell[i]) > 80)
            continue;   /* a sentence, not a column's name */
        if (folded_contains(cell[i], "chu tri"))
            k = COL_LEAD;
        else if (folded_contains(cell[i], "phoi hop"))
            k = COL_COORD;
        else if (folded_contains(cell[i], "thoi gian") || folded_contains(cell[i], "thoi han") ||
                 folded_contains(cell[i], "tien do"))
            k = COL_WHEN;
        else if (folded_contains(cell[i], "noi dung") || folded_contains(cell[i], "nhiem vu") ||
                 folded_contains(cell[i], "hoat dong"))
            k = COL_WHAT;
        if (k >= 0 && col[k] < 0)
            col[k] = (int)i;
    }
    ok = col[COL_WHAT] >= 0 && col[COL_LEAD] >= 0;
done:
    for (size_t i = 0; i < n2; i++)
        free(both[i]);
    free(s);
    free(s2);
    return ok;
}

/* A row of column numbers: "(1) | (2) | (3)" or "1 | 2 | 3". */
static int numbers_row(char **cell, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *c = cell[i];
        if (*c == '(')
            c++;
        if (*c < '0' || *c > '9')
            return 0;
        while (*c >= '0' && *c <= '9')
            c++;
        if (*c == ')')
            c++;
        if (*c)
            return 0;
    }
    return 1;
}

/* The agencies of one cell, in `role` of `t`: in each part between ";",
 * those the gazetteer knows, else the part as it is written. */
static int cell_roles(builder *b, vnplan_task *t, int role, char *c)
{
    for (char *e; c && *c; c = e) {
        if ((e = strchr(c, ';')))
            *e++ = '\0';
        while (*c == ' ')
            c++;
        size_t l = strlen(c);
        while (l && (c[l - 1] == ' ' || c[l - 1] == '.'))
            l--;
        vp_agency_match m[MAX_MATCHES];
        size_t nm = l ? vp_agencies_find(b->g, c, l, m, MAX_MATCHES) : 0;
        if (nm > MAX_MATCHES)
            nm = MAX_MATCHES;
        for (size_t i = 0; i < nm; i++)
            if (!add_role(b->p, t, role, c + m[i].start, m[i].end - m[i].start, m[i].agency,
                          b->g, b->as_of))
                return 0;
        if (!nm && l && !add_role(b->p, t, role, c, l, NULL, b->g, b->as_of))
            return 0;
    }
    return 1;
}

/* One body row of a task-assignment table with columns `col`. */
static int table_row(builder *b, const vnplan_section *s, const vp_para *pa, const int col[NCOLS],
                     const context *ctx)
{
    char *row = strdup(pa->text);
    if (!row)
        return 0;
    char *cell[MAX_CELLS];
    size_t n = split_cells(row, cell, MAX_CELLS);
    char *c[NCOLS];
    for (int k = 0; k < NCOLS; k++)
        c[k] = col[k] >= 0 && (size_t)col[k] < n ? cell[col[k]] : (char *)"";
    int ok = 1;
    if (numbers_row(cell, n) || !*c[COL_WHAT] || (!*c[COL_LEAD] && !*c[COL_COORD] && !*c[COL_WHEN]))
        goto done;      /* column numbers, a group row, an empty row */
    role_set none;
    memset(&none, 0, sizeof none);
    none.text = "";
    if (!(ok = open_task(b, s, c[COL_WHAT], pa->line, pa->last_line, &none,
                         *c[COL_LEAD] ? &none_ctx : ctx)))
        goto done;
    vnplan_task *t = b->open;
    if (!(ok = cell_roles(b, t, VNPLAN_ROLE_LEAD, c[COL_LEAD]) &&
               cell_roles(b, t, VNPLAN_ROLE_COORDINATE, c[COL_COORD])))
        goto done;
    /* a dated deadline is found in the row by findings.c; otherwise the
     * column says when ("Quý II năm 2026", "Hằng năm") */
    if (*c[COL_WHEN]) {
        vp_deadline dl[8];
        size_t nd = vp_find_deadlines(b->re, c[COL_WHEN], strlen(c[COL_WHEN]),
                                      b->d->fields[VNPLAN_FIELD_DATE], dl, 8);
        int dated = 0;
        for (size_t i = 0; i < nd && i < 8; i++)
            dated |= dl[i].date[0] != '\0';
        if (!dated && !(t->deadline = vp_strdup(b->p->arena, c[COL_WHEN])))
            ok = 0;
    }
done:
    free(row);
    return ok;
}

/* Bullet levels: an introducing line hands its agencies to the items of
 * lower levels after it, until an item of its own level or higher. */
static int level_of(vnplan_para_kind k)
{
    switch (k) {
    case VNPLAN_PARA_ITEM: return 1;
    case VNPLAN_PARA_DASH: return 2;
    case VNPLAN_PARA_PLUS: return 3;
    default: return 4;   /* plain text, table rows */
    }
}

/* Does the section list labelled items (a), -, +) under its heading? */
static int has_items(const vnplan_section *s)
{
    for (size_t i = 0; i < s->npara; i++)
        if (s->paras[i].kind == VNPLAN_PARA_ITEM || s->paras[i].kind == VNPLAN_PARA_DASH ||
            s->paras[i].kind == VNPLAN_PARA_PLUS)
            return 1;
    return 0;
}

/* One section of the task or duty part. */
static int do_section(builder *b, const vnplan_section *s, const context *inherited)
{
    context sctx = *inherited;
    role_set r;
    size_t hl = strlen(s->heading);
    size_t subj = parse_roles(b->g, b->fillers, s->heading, hl, &r);
    int heading_task = 0;
    if (r.own && (only_agencies(s->heading, hl, &r) || is_intro(s->heading, hl, subj))) {
        sctx.roles = r;
        sctx.have = 1;
    } else if (!r.own && b->part == VNPLAN_DUTIES && !s->first_child && hl < 160 &&
               (s->heading[hl - 1] == ':' || strstr(s->heading, " bao gồm"))) {
        /* "Các đơn vị thuộc trụ cột ... bao gồm: ..." names who, not what */
        const char *e = strstr(s->heading, " bao gồm");
        size_t n = e ? (size_t)(e - s->heading) : hl - 1;
        memset(&sctx.roles, 0, sizeof sctx.roles);
        sctx.roles.text = s->heading;
        sctx.roles.m[VNPLAN_ROLE_LEAD][0] = (vp_agency_match){0, n, NULL};
        sctx.roles.n[VNPLAN_ROLE_LEAD] = 1;
        sctx.have = 1;
    } else if (r.own && has_items(s)) {
        /* "1. Các đơn vị … bao gồm: …" over lettered items: who, not what */
        sctx.roles = r;
        sctx.have = 1;
    } else if (!s->first_child && !has_items(s) && !is_intro(s->heading, hl, subj) &&
               (r.n[VNPLAN_ROLE_LEAD] || r.n[VNPLAN_ROLE_REQUESTED] ||
                vp_columns(s->heading, hl) > 100)) {
        heading_task = 1;
    }
    if (!close_task(b))
        return 0;
    if (heading_task && !open_task(b, s, s->heading, s->line, s->line, &r, &sctx))
        return 0;

    context pctx = sctx;        /* an introducing paragraph's context */
    int intro_level = 0;        /* 0: none in force */
    int open_level = heading_task ? 0 : -1;  /* level of the open task */
    int col[NCOLS], in_table = 0, hdr = 0;  /* a task-assignment table's columns */
    for (size_t i = 0; i < s->npara; i++) {
        const vp_para *pa = &s->paras[i];
        int lvl = level_of(pa->kind);
        const vp_para *next = i + 1 < s->npara ? &s->paras[i + 1] : NULL;
        int two = 0;    /* a header in two rows */
        if (pa->kind != VNPLAN_PARA_TABLE_ROW) {
            in_table = 0;
        } else if (in_table || (hdr = table_header(pa->text, NULL, col)) != 0 ||
                   (next && next->kind == VNPLAN_PARA_TABLE_ROW &&
                    (hdr = two = table_header(pa->text, next->text, col)) != 0)) {
            if (hdr < 0 || !(in_table ? table_row(b, s, pa, col, &pctx) : close_task(b)))
                return 0;
            in_table = 1;
            open_level = -1;
            i += two > 0;
            continue;
        }
        /* A plain-text introducing line holds until the next one. */
        if (intro_level && intro_level != 4 && lvl <= intro_level) {
            pctx = sctx;        /* a sibling of the introducing line */
            intro_level = 0;
        }
        size_t tl = strlen(pa->text);
        size_t sj = parse_roles(b->g, b->fillers, pa->text, tl, &r);
        if (is_intro(pa->text, tl, sj)) {
            if (!close_task(b))
                return 0;
            open_level = -1;
            if (r.own) {
                /* its own agencies, completed by those in force */
                if (!r.n[VNPLAN_ROLE_LEAD] && !r.n[VNPLAN_ROLE_REQUESTED] && pctx.have) {
                    role_set merged = pctx.roles;
                    if (r.n[VNPLAN_ROLE_COORDINATE]) {
                        memcpy(merged.m[VNPLAN_ROLE_COORDINATE], r.m[VNPLAN_ROLE_COORDINATE],
                               sizeof r.m[0]);
                        merged.n[VNPLAN_ROLE_COORDINATE] = r.n[VNPLAN_ROLE_COORDINATE];
                    }
                    r = merged;
                }
                pctx.roles = r;
                pctx.have = 1;
            }
            intro_level = lvl;
            continue;
        }
        /* Unlabelled text after a labelled task continues it. */
        if (pa->kind == VNPLAN_PARA_TEXT && b->open && open_level >= 0 && open_level < 4) {
            if (!continue_task(b, pa->text, pa->last_line))
                return 0;
            continue;
        }
        if (!open_task(b, s, pa->text, pa->line, pa->last_line, &r, &pctx))
            return 0;
        open_level = lvl;
    }
    return close_task(b);
}

/* ------------------------------------------------- the document's agencies */

char *vp_agency_key(const vp_agency_ref *a)
{
    return a->agency ? strdup(a->agency->id) : vp_fold(a->name, strlen(a->name), 0, NULL);
}

/* d->agencies: every agency the tasks and duties name, once, tasks first. */
static int group_agencies(vnplan_plan *p, vnplan_document *d)
{
    for (int part = 0; part < 2; part++)
        for (size_t i = 0; i < d->ntasks[part]; i++) {
            const vnplan_task *t = &d->tasks[part][i];
            for (int r = 0; r < 3; r++)
                for (size_t k = 0; k < t->nroles[r]; k++) {
                    const vp_agency_ref *a = &t->roles[r][k];
                    char *key = vp_agency_key(a);
                    if (!key)
                        return 0;
                    vp_doc_agency *e = NULL;
                    for (size_t j = 0; j < d->nagencies && !e; j++)
                        if (!d->agencies[j].agency == !a->agency &&
                            strcmp(d->agencies[j].key, key) == 0)
                            e = &d->agencies[j];
                    if (!e) {
                        if (!vp_grow(p->arena, (void **)&d->agencies, &d->capagencies,
                                     d->nagencies, sizeof *d->agencies)) {
                            free(key);
                            return 0;
                        }
                        e = &d->agencies[d->nagencies];
                        memset(e, 0, sizeof *e);
                        e->agency = a->agency;
                        e->key = vp_strdup(p->arena, key);
                        e->label = a->agency ? a->agency->label : a->name;
                        if (!e->key) {
                            free(key);
                            return 0;
                        }
                        d->nagencies++;
                    }
                    free(key);
                    size_t n = 0;
                    while (n < e->nnames && strcmp(e->names[n], a->name) != 0)
                        n++;
                    if (n == e->nnames) {
                        if (!vp_grow(p->arena, (void **)&e->names, &e->capnames, e->nnames,
                                     sizeof *e->names))
                            return 0;
                        e->names[e->nnames++] = a->name;
                    }
                    e->roles[r]++;
                }
        }
    return 1;
}

/* The section after `top` where a part of the plan may begin: a named
 * division (Phần, Chương, Mục, Điều; ranks 1-5 in sections.c) whose
 * heading names no part holds the parts inside it, so the walk goes down
 * into it; otherwise on to the next section at that level or above. */
static const vnplan_section *next_part(const vnplan_document *d, const vnplan_section *top)
{
    if (vp_part_of_heading(top->heading) == VP_PART_OTHER && top->rank >= 1 &&
        top->rank <= 5 && top->first_child)
        return top->first_child;
    while (top && !top->next && top->parent != d->root)
        top = top->parent;
    return top ? top->next : NULL;
}

int vp_extract_tasks(vnplan_plan *p, vnplan_document *d, const vp_gazetteer *g,
                     const vp_patterns *re, const vp_vocab *v, const char *as_of)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.p = p;
    b.d = d;
    b.g = g;
    b.re = re;
    b.fillers = vp_vocab_list(v, VP_LIST_LIST_FILLERS);
    b.as_of = as_of;
    vp_buf_init(&b.text);
    int ok = 1;
    enum { MAX_DEPTH = 40 };
    context stack[MAX_DEPTH];
    for (const vnplan_section *top = d->root->first_child; top && ok; top = next_part(d, top)) {
        vp_part part = vp_part_of_heading(top->heading);
        if (part == VP_PART_OTHER)
            continue;
        b.part = part == VP_PART_TASKS ? VNPLAN_TASKS : VNPLAN_DUTIES;
        /* Pre-order over the part; each section inherits the context its
         * parent's heading set. */
        memset(&stack[0], 0, sizeof stack[0]);
        const vnplan_section *s = top;
        while (s && ok) {
            int lvl = s->level - top->level;
            if (lvl >= MAX_DEPTH - 1)
                lvl = MAX_DEPTH - 2;
            ok = do_section(&b, s, &stack[lvl]);
            /* the context this section hands to its children */
            role_set r;
            size_t hl = strlen(s->heading);
            size_t sj = parse_roles(g, b.fillers, s->heading, hl, &r);
            stack[lvl + 1] = stack[lvl];
            if (r.own && (only_agencies(s->heading, hl, &r) || is_intro(s->heading, hl, sj) ||
                          has_items(s))) {
                stack[lvl + 1].roles = r;
                stack[lvl + 1].have = 1;
            }
            s = vp_section_following(s, top);
        }
    }
    vp_buf_free(&b.text);
    return ok && group_agencies(p, d);
}
