/* test_align.c — the task aligner and the word diff: loading and checking
 * data/stopwords.txt, scores of identical, unrelated and respelled texts,
 * stop words, the group (pillar) constraint and the "moved" bar, the 1:1
 * property, determinism, the tasks of the sample plans aligned with
 * themselves and with each other (the best pairs are printed for a
 * reviewer), word runs that rebuild both texts, and a run at 20 times the
 * size of the corpus (its time is printed, not checked). */
#include "config.h"
#include "compare/align.h"
#include "core/error.h"
#include "vnplan.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EPS 1e-9

static const char *datadir(void)
{
    const char *d = getenv("VNPLAN_DATADIR");
    return d && *d ? d : "./data";
}

/* ---------------------------------------------------------------- helpers */

/* Aligns two small arrays; returns the pair count, pairs in *out. */
static size_t align2(const vp_aligner *al, const char *const *a, const int *ga, size_t na,
                     const char *const *b, const int *gb, size_t nb, double threshold,
                     vp_pair **out)
{
    *out = NULL;
    return vp_align(al, a, ga, na, b, gb, nb, threshold, out);
}

/* The score of one text against another, groups -1; -1 when not paired
 * at threshold 0. */
static double score_of(const vp_aligner *al, const char *x, const char *y)
{
    vp_pair *p;
    size_t n = align2(al, &x, NULL, 1, &y, NULL, 1, 0.0, &p);
    double s = n == 1 ? p[0].score : -1;
    free(p);
    return s;
}

/* Each item of A and of B in at most one pair, pairs sorted by a. */
static int one_to_one(const vp_pair *p, size_t n, size_t na, size_t nb)
{
    unsigned char *ua = calloc(na + 1, 1), *ub = calloc(nb + 1, 1);
    int good = ua && ub;
    for (size_t k = 0; good && k < n; k++) {
        if (p[k].a >= na || p[k].b >= nb || ua[p[k].a] || ub[p[k].b] ||
            (k && p[k - 1].a >= p[k].a))
            good = 0;
        else
            ua[p[k].a] = ub[p[k].b] = 1;
    }
    free(ua);
    free(ub);
    return good;
}

/* The texts of the tasks of every document of a corpus file. */
typedef struct tasks {
    char **text;
    long *line;
    size_t n;
} tasks;

static void tasks_free(tasks *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->text[i]);
    free(t->text);
    free(t->line);
    memset(t, 0, sizeof *t);
}

static int load_tasks(const char *name, tasks *t)
{
    char path[1024];
    const char *top = getenv("top_srcdir");
    snprintf(path, sizeof path, "%s/corpus/%s", top && *top ? top : ".", name);
    memset(t, 0, sizeof *t);
    vnplan_options *opts = vnplan_options_new();
    if (!opts)
        return 0;
    vnplan_options_set_datadir(opts, datadir());
    vnplan_error err;
    vp_error_clear(&err);
    vnplan_plan *plan = vnplan_parse_file(path, opts, &err);
    int good = plan != NULL;
    size_t cap = 0;
    for (size_t d = 0; good && d < vnplan_plan_document_count(plan); d++) {
        const vnplan_document *doc = vnplan_plan_document(plan, d);
        size_t nt = vnplan_document_task_count(doc, VNPLAN_TASKS);
        for (size_t i = 0; good && i < nt; i++) {
            const vnplan_task *task = vnplan_document_task(doc, VNPLAN_TASKS, i);
            if (t->n == cap) {
                cap = cap ? cap * 2 : 64;
                char **nt_ = realloc(t->text, cap * sizeof *nt_);
                long *nl = nt_ ? realloc(t->line, cap * sizeof *nl) : NULL;
                if (nt_)
                    t->text = nt_;
                if (nl)
                    t->line = nl;
                if (!nt_ || !nl) {
                    good = 0;
                    break;
                }
            }
            t->text[t->n] = strdup(vnplan_task_text(task));
            t->line[t->n] = vnplan_task_line(task);
            if (!t->text[t->n])
                good = 0;
            else
                t->n++;
        }
    }
    vnplan_plan_free(plan);
    vnplan_options_free(opts);
    if (!good)
        tasks_free(t);
    return good;
}

/* The first `chars` characters of s, new lines as spaces, in buf. */
static const char *head(const char *s, size_t chars, char *buf, size_t cap)
{
    size_t o = 0, c = 0;
    for (size_t i = 0; s[i] && o + 5 < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch & 0xC0) != 0x80 && c++ == chars)
            break;
        buf[o++] = ch == '\n' ? ' ' : (char)ch;
    }
    buf[o] = '\0';
    return buf;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---------------------------------------------------------------- loading */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static vnplan_status try_load(const char *dir, const char *body, vnplan_error *err)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/stopwords.txt", dir);
    write_file(path, body);
    vp_error_clear(err);
    vp_aligner *al = vp_aligner_new(dir, err);
    vnplan_status st = al ? VNPLAN_OK : err->code;
    vp_aligner_free(al);
    return st;
}

static void test_loading(void)
{
    vnplan_error err;
    vp_error_clear(&err);
    vp_aligner *al = vp_aligner_new(datadir(), &err);
    ok(al != NULL, "data/stopwords.txt loads (%s)", err.message);
    vp_aligner_free(al);

    vp_error_clear(&err);
    ok(vp_aligner_new("/nonexistent-dir", &err) == NULL && err.code == VNPLAN_E_DATA &&
       strstr(err.file, "stopwords.txt") != NULL,
       "a missing data directory → VNPLAN_E_DATA naming stopwords.txt");

    char dir[1024];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/vnplan-align-XXXXXX", tmp && *tmp ? tmp : ".");
    if (!mkdtemp(dir)) {
        ok(0, "cannot make a temporary directory");
        return;
    }
    is_int(try_load(dir, "# only comments\n\n  của  # and a comment\nthực hiện\n"
                         "ủy ban nhân dân\n", &err),
           VNPLAN_OK, "comments, blanks, phrases of one to four syllables (%s)",
           err.message);
    struct { const char *body, *what; long line; } cases[] = {
        { "của\nmột hai ba bốn năm\n", "five syllables", 2 },
        { "của\n\nthị - xã\n", "punctuation inside an entry", 3 },
        { "hòa\nvà\nhoà\n", "the same entry in two spellings", 3 },
        { "của\n2020\n", "a number", 2 },
        { "của\nv\xffà\n", "not UTF-8", 2 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        vnplan_status st = try_load(dir, cases[i].body, &err);
        ok(st == VNPLAN_E_DATA && strstr(err.file, "stopwords.txt") != NULL &&
           err.line == cases[i].line, "%s → VNPLAN_E_DATA at line %ld (got %s, line %ld: %s)",
           cases[i].what, cases[i].line, vnplan_status_name(st), err.line, err.message);
    }
    char path[1100];
    snprintf(path, sizeof path, "%s/stopwords.txt", dir);
    remove(path);
    rmdir(dir);
}

/* ---------------------------------------------------------------- scores */

static void test_scores(const vp_aligner *al)
{
    const char *x = "Thực hiện chính sách trợ giúp xã hội hàng tháng đối với đối tượng "
                    "bảo trợ xã hội theo Nghị định số 20/2021/NĐ-CP.";
    const char *y = "Phát triển du lịch biển đảo, ẩm thực và di sản văn hóa.";
    vp_pair *p;
    size_t n = align2(al, &x, NULL, 1, &x, NULL, 1, VP_ALIGN_THRESHOLD, &p);
    ok(n == 1 && p[0].a == 0 && p[0].b == 0 && p[0].score > 1 - EPS && p[0].score <= 1 &&
       p[0].verbatim && !p[0].moved, "identical texts: one pair, score 1, verbatim (%.12f)",
       n == 1 ? p[0].score : -1.0);
    free(p);

    n = align2(al, &x, NULL, 1, &y, NULL, 1, VP_ALIGN_THRESHOLD, &p);
    is_int(n, 0, "unrelated texts: no pair");
    ok(p == NULL, "no pair: *out is NULL");
    free(p);
    ok(score_of(al, x, y) < 0, "unrelated texts share no feature even at threshold 0");

    double s = score_of(al, "Hỗ trợ hòa nhập cộng đồng cho người khuyết tật",
                        "hỗ trợ hoà nhập cộng đồng cho NGƯỜI KHUYẾT TẬT");
    ok(s > 1 - EPS, "tone placement and case do not matter (%.12f)", s);
    s = score_of(al, "Tăng cường thực hiện công tác giảm nghèo trên địa bàn tỉnh.",
                 "Triển khai có hiệu quả công tác giảm nghèo.");
    ok(s > 1 - EPS, "only stop words differ: score 1 (%.12f)", s);
    s = score_of(al, "Triển khai thực hiện kế hoạch trên địa bàn tỉnh.",
                 "Tổ chức thực hiện kế hoạch trên địa bàn tỉnh.");
    ok(s < 0, "texts of stop words only have no features (%.3f)", s);
    double s1 = score_of(al, "Hỗ trợ việc làm cho người khuyết tật",
                         "Hỗ trợ học nghề cho người khuyết tật");
    double s2 = score_of(al, "Hỗ trợ việc làm cho người khuyết tật",
                         "Hỗ trợ học nghề cho thanh niên");
    ok(s1 > s2 && s2 > 0 && s1 < 1, "more shared topic words, higher score (%.3f > %.3f)", s1,
       s2);

    const char *empty[] = { "", NULL, "\xff\xfe", "123 456" };
    n = align2(al, empty, NULL, 4, empty, NULL, 4, 0.0, &p);
    is_int(n, 0, "empty, NULL, invalid and number-only texts pair with nothing");
    free(p);
    n = align2(al, &x, NULL, 0, &x, NULL, 1, 0.0, &p);
    is_int(n, 0, "no texts in A: no pairs");
    free(p);
    n = vp_align(al, &x, NULL, 1, &x, NULL, 1, 0.3, NULL);
    ok(n == (size_t)-1, "out == NULL is refused");
    n = align2(NULL, &x, NULL, 1, &x, NULL, 1, 0.3, &p);
    ok(n == 1 && p[0].score > 1 - EPS, "a NULL aligner aligns without stop words");
    free(p);
}

/* ---------------------------------------------------------------- pairing */

static void test_groups(const vp_aligner *al)
{
    const char *x = "Hỗ trợ sinh kế, tạo việc làm bền vững cho hộ nghèo, hộ cận nghèo.";
    const char *x2 = "Hỗ trợ sinh kế cho hộ nghèo vùng đồng bào dân tộc thiểu số.";
    double sx2 = score_of(al, x, x2);
    ok(sx2 > 0.35 && sx2 < 0.9, "a related text scores between (%.3f)", sx2);

    /* A clearly better match in another group wins over a weaker one in
     * the same group: A0 (group 0) pairs with the identical B0 of group 1
     * (score 1, ranked 1 - margin) rather than the related B1 of its own. */
    const char *a[] = { x };
    const char *b[] = { x, x2 };
    int ga[] = { 0 }, gb[] = { 1, 0 };
    vp_pair *p;
    size_t n = align2(al, a, ga, 1, b, gb, 2, 0.3, &p);
    ok(n == 1 && p[0].b == 0 && p[0].moved && p[0].verbatim,
       "a much better match in another group wins, marked moved");
    free(p);
    /* ... but a same-group match within the margin of it is kept. */
    const char *b2[] = { x2, x2 };
    n = align2(al, a, ga, 1, b2, gb, 2, 0.3, &p);
    ok(n == 1 && p[0].b == 1 && !p[0].moved, "an equal score in the same group wins");
    free(p);

    /* No candidate in its group: the identical text elsewhere, moved. */
    int gb2[] = { 1, 2 };
    n = align2(al, a, ga, 1, b, gb2, 2, 0.3, &p);
    ok(n == 1 && p[0].b == 0 && p[0].moved && p[0].verbatim,
       "no match in its group: paired across groups, moved and verbatim");
    free(p);

    /* The moved bar: a pair of score s is reported at threshold s - 0.05
     * within a group or without groups, but not across groups. */
    const char *b1[] = { x2 };
    double t = sx2 - 0.05;
    int g0[] = { 0 }, g1[] = { 1 }, gnone[] = { -1 };
    n = align2(al, a, g0, 1, b1, g0, 1, t, &p);
    ok(n == 1 && !p[0].moved, "same group: paired at threshold s - 0.05");
    free(p);
    n = align2(al, a, g0, 1, b1, g1, 1, t, &p);
    is_int(n, 0, "different groups: not paired below threshold + 0.15");
    free(p);
    n = align2(al, a, g0, 1, b1, g1, 1, sx2 - 0.16, &p);
    ok(n == 1 && p[0].moved, "different groups: paired from threshold + 0.15, moved");
    free(p);
    n = align2(al, a, g0, 1, b1, gnone, 1, t, &p);
    ok(n == 1 && !p[0].moved, "group -1 on one side: the plain threshold, not moved");
    free(p);
    n = align2(al, a, NULL, 1, b1, NULL, 1, t, &p);
    ok(n == 1 && !p[0].moved, "no groups at all: the plain threshold, not moved");
    free(p);

    /* 1:1 and ties by index. */
    const char *three[] = { x, x, x }, *two[] = { x, x };
    n = align2(al, three, NULL, 3, two, NULL, 2, 0.3, &p);
    ok(n == 2 && p[0].a == 0 && p[0].b == 0 && p[1].a == 1 && p[1].b == 1,
       "three equal texts against two: two pairs, ties broken by index");
    ok(one_to_one(p, n, 3, 2), "each text in at most one pair");
    free(p);
    n = align2(al, two, NULL, 2, three, NULL, 3, 0.3, &p);
    ok(n == 2 && p[0].b == 0 && p[1].b == 1, "and the other way round");
    free(p);

    /* Best first: A0 is closer to B1, A1 to B0. */
    const char *aa[] = { "Phát triển du lịch biển đảo Vân Phong",
                         "Bảo tồn di sản văn hóa phi vật thể" };
    const char *bb[] = { "Bảo tồn và phát huy di sản văn hóa phi vật thể của dân tộc",
                         "Phát triển du lịch biển đảo" };
    n = align2(al, aa, NULL, 2, bb, NULL, 2, 0.3, &p);
    ok(n == 2 && p[0].a == 0 && p[0].b == 1 && p[1].a == 1 && p[1].b == 0,
       "each text with its closest counterpart, sorted by a");
    free(p);
}

/* ---------------------------------------------------------------- corpus */

static int shares_topic(const char *x, const char *y)
{
    static const char *const topics[] = {
        "giảm nghèo", "khuyết tật", "du lịch", "trẻ em", "việc làm", "bình đẳng",
        "y tế", "giáo dục", "an sinh", "văn hóa", "người cao tuổi", "dân tộc",
        "hội nhập", "nhân quyền", "quyền con người", "tuyên truyền", "pháp luật",
        "cải cách hành chính", "nông thôn", "môi trường", "phụ nữ", "lao động",
    };
    char *fx = vnplan_fold(x, strlen(x), VNPLAN_FOLD_DEFAULT);
    char *fy = vnplan_fold(y, strlen(y), VNPLAN_FOLD_DEFAULT);
    int found = 0;
    for (size_t i = 0; fx && fy && !found && i < sizeof topics / sizeof *topics; i++) {
        char *ft = vnplan_fold(topics[i], strlen(topics[i]), VNPLAN_FOLD_DEFAULT);
        found = ft && strstr(fx, ft) && strstr(fy, ft);
        free(ft);
    }
    free(fx);
    free(fy);
    return found;
}

static int cmp_score_desc(const void *x, const void *y)
{
    const vp_pair *p = x, *q = y;
    if (p->score != q->score)
        return p->score > q->score ? -1 : 1;
    return (p->a > q->a) - (p->a < q->a);
}

/* Runs cover both texts in order and rebuild them. */
static int rebuilds(const char *a, const char *b, const vp_diff_run *r, size_t n)
{
    size_t alen = strlen(a), blen = strlen(b), ap = 0, bp = 0;
    for (size_t k = 0; k < n; k++) {
        if (r[k].a_start != ap || r[k].b_start != bp || r[k].a_end < r[k].a_start ||
            r[k].b_end < r[k].b_start || r[k].kind < 0 || r[k].kind > 2)
            return 0;
        if ((r[k].kind == 1 && r[k].b_end != r[k].b_start) ||
            (r[k].kind == 2 && r[k].a_end != r[k].a_start))
            return 0;
        if (r[k].a_start == r[k].a_end && r[k].b_start == r[k].b_end)
            return 0;       /* no empty runs */
        ap = r[k].a_end;
        bp = r[k].b_end;
    }
    return ap == alen && bp == blen;
}

static void test_corpus(const vp_aligner *al, const tasks *kh, const tasks *th)
{
    is_int(kh->n, 64, "Khánh Hòa 12127/KH-UBND: 64 tasks");
    is_int(th->n, 39, "Thanh Hóa 115/KH-UBND: 39 tasks");
    if (!kh->n || !th->n)
        return;
    const char *const *k = (const char *const *)kh->text;
    const char *const *t = (const char *const *)th->text;

    vp_pair *p;
    size_t n = align2(al, k, NULL, kh->n, k, NULL, kh->n, VP_ALIGN_THRESHOLD, &p);
    size_t self = 0;
    for (size_t i = 0; i < n && n != (size_t)-1; i++)
        self += p[i].a == i && p[i].b == i && p[i].score > 1 - EPS && p[i].verbatim;
    ok(n == kh->n && self == kh->n, "Khánh Hòa with itself: every task with itself, "
       "score 1 (%zu of %zu)", self, kh->n);
    free(p);

    n = align2(al, k, NULL, kh->n, t, NULL, th->n, VP_ALIGN_THRESHOLD, &p);
    ok(n != (size_t)-1 && n > 0, "Khánh Hòa with Thanh Hóa: some pairs (%zu)", n);
    if (n == (size_t)-1 || n == 0)
        return;
    ok(one_to_one(p, n, kh->n, th->n), "Khánh Hòa with Thanh Hóa: 1:1, sorted by a");
    size_t topical = 0, above = 0;
    for (size_t i = 0; i < n; i++) {
        topical += shares_topic(k[p[i].a], t[p[i].b]);
        above += p[i].score >= VP_ALIGN_THRESHOLD && p[i].score <= 1 && !p[i].moved;
    }
    ok(above == n, "every score in [threshold, 1], none moved without groups");
    ok(topical * 2 >= n, "most pairs share a topic phrase (%zu of %zu)", topical, n);

    vp_pair *q;
    size_t n2 = align2(al, k, NULL, kh->n, t, NULL, th->n, VP_ALIGN_THRESHOLD, &q);
    ok(n2 == n && memcmp(p, q, n * sizeof *p) == 0, "the same input gives the same pairs");
    free(q);

    qsort(p, n, sizeof *p, cmp_score_desc);
    printf("# Khánh Hòa ↔ Thanh Hóa, best pairs (score, line a, line b):\n");
    for (size_t i = 0; i < n && i < 15; i++) {
        char ba[512], bb[512];
        printf("# %.3f  KH l.%ld %s\n#        TH l.%ld %s\n", p[i].score, kh->line[p[i].a],
               head(k[p[i].a], 60, ba, sizeof ba), th->line[p[i].b],
               head(t[p[i].b], 60, bb, sizeof bb));
    }

    /* The word diff of every pair rebuilds both texts. */
    size_t good = 0;
    for (size_t i = 0; i < n; i++) {
        vp_diff_run *r;
        const char *x = k[p[i].a], *y = t[p[i].b];
        size_t nr = vp_word_diff(x, strlen(x), y, strlen(y), &r);
        good += nr != (size_t)-1 && rebuilds(x, y, r, nr);
        free(r);
    }
    is_int(good, n, "the word runs of every pair rebuild both texts");
    free(p);
}

/* ---------------------------------------------------------------- word diff */

/* The runs as "kind:a-text|b-text" joined by " / ". */
static const char *describe(const char *a, const char *b, char *out, size_t cap)
{
    vp_diff_run *r;
    size_t n = vp_word_diff(a, strlen(a), b, strlen(b), &r), o = 0;
    out[0] = '\0';
    if (n == (size_t)-1)
        return "(error)";
    for (size_t k = 0; k < n && o < cap; k++)
        o += (size_t)snprintf(out + o, cap - o, "%s%d:%.*s|%.*s", k ? " / " : "", r[k].kind,
                              (int)(r[k].a_end - r[k].a_start), a + r[k].a_start,
                              (int)(r[k].b_end - r[k].b_start), b + r[k].b_start);
    free(r);
    return out;
}

static void test_word_diff(void)
{
    char buf[1024];
    is_str(describe("Phát triển du lịch, văn hóa", "Phát triển Du lịch bền vững", buf,
                    sizeof buf),
           "0:Phát triển du lịch, |Phát triển Du lịch  / 1:văn hóa| / 2:|bền vững",
           "a changed tail: same, only in a, only in b");
    is_str(describe("hòa nhập cộng đồng", "Hoà nhập cộng đồng.", buf, sizeof buf),
           "0:hòa nhập cộng đồng|Hoà nhập cộng đồng.",
           "tone placement, case and punctuation are the same words");
    is_str(describe("Hỗ trợ người nghèo và trẻ em", "Hỗ trợ trẻ em và người cao tuổi", buf,
                    sizeof buf),
           "0:Hỗ trợ |Hỗ trợ  / 1:người nghèo và | / 0:trẻ em|trẻ em  / "
           "2:|và người cao tuổi",
           "words moved: the longest common subsequence");
    is_str(describe("", "", buf, sizeof buf), "", "two empty texts: no runs");
    is_str(describe("", "Mới", buf, sizeof buf), "2:|Mới", "empty a: one run only in b");
    is_str(describe("- ", "...", buf, sizeof buf), "1:- | / 2:|...",
           "texts without words: changed as a whole");
    is_str(describe("  (Giảm nghèo)", "  (Giảm nghèo)", buf, sizeof buf),
           "0:  (Giảm nghèo)|  (Giảm nghèo)", "equal bytes: one run");

    const char *pairs[][2] = {
        { " Đầu và cuối ", "đầu, giữa và cuối." },
        { "a b c d e f", "f e d c b a" },
        { "Một", "Hai" },
        { "x\ny\n", "x y" },
        { "\xff bad", "bad" },
    };
    int all = 1;
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        vp_diff_run *r;
        const char *a = pairs[i][0], *b = pairs[i][1];
        size_t n = vp_word_diff(a, strlen(a), b, strlen(b), &r);
        all &= n != (size_t)-1 && rebuilds(a, b, r, n);
        free(r);
    }
    ok(all, "small and odd texts rebuild from their runs");

    /* Above the bound: 3000 words each, every other one changed. */
    size_t cap = 3000 * 12;
    char *a = malloc(cap), *b = malloc(cap);
    if (a && b) {
        size_t oa = 0, ob = 0;
        for (int i = 0; i < 3000; i++) {
            oa += (size_t)snprintf(a + oa, cap - oa, "từ%d ", i);
            ob += (size_t)snprintf(b + ob, cap - ob, "từ%d ", i % 2 ? i : i + 7);
        }
        vp_diff_run *r;
        double t0 = now();
        size_t n = vp_word_diff(a, oa, b, ob, &r);
        double dt = now() - t0;
        a[oa] = b[ob] = '\0';
        ok(n != (size_t)-1 && n <= 4 && rebuilds(a, b, r, n),
           "3000 × 3000 words: one changed run between the common ends (%zu runs)", n);
        printf("# word diff of 3000 × 3000 words: %.1f ms\n", dt * 1e3);
        free(r);
        /* Just under: 1900 × 1900 cells after the common ends. */
        oa = ob = 0;
        for (int i = 0; i < 1900; i++) {
            oa += (size_t)snprintf(a + oa, cap - oa, "từ%d ", i);
            ob += (size_t)snprintf(b + ob, cap - ob, "từ%d ", i % 2 ? i : i + 7);
        }
        t0 = now();
        n = vp_word_diff(a, oa, b, ob, &r);
        dt = now() - t0;
        a[oa] = b[ob] = '\0';
        ok(n != (size_t)-1 && n > 100 && rebuilds(a, b, r, n),
           "1900 × 1900 words: compared word by word (%zu runs)", n);
        printf("# word diff of 1900 × 1900 words: %.1f ms\n", dt * 1e3);
        free(r);
    }
    free(a);
    free(b);
}

/* ---------------------------------------------------------------- scale */

/* `copies` copies of each text; copy c > 0 lacks one word and ends with a
 * word of its own ("đợt3x17"). */
static char **multiply(const tasks *t, size_t copies)
{
    char **out = calloc(t->n * copies + 1, sizeof *out);
    for (size_t c = 0; out && c < copies; c++)
        for (size_t i = 0; i < t->n; i++) {
            const char *s = t->text[i];
            size_t len = strlen(s);
            char *d = malloc(len + 48);
            if (!d)
                continue;
            size_t o = 0, word = 0, skip = c ? c % 17 + 1 : 0;
            for (size_t j = 0; j < len; j++) {
                if (s[j] == ' ')
                    word++;
                if (word != skip || !skip)
                    d[o++] = s[j];
            }
            if (c)
                o += (size_t)snprintf(d + o, 48, " đợt%zux%zu", c, i);
            d[o] = '\0';
            out[c * t->n + i] = d;
        }
    return out;
}

static void free_texts(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

static void test_scale(const vp_aligner *al, const tasks *kh, const tasks *th)
{
    static const size_t factors[] = { 1, 5, 10, 20 };
    for (size_t f = 0; f < sizeof factors / sizeof *factors; f++) {
        size_t x = factors[f], na = kh->n * x, nb = th->n * x;
        char **a = multiply(kh, x), **b = multiply(th, x);
        int made = a && b;
        for (size_t i = 0; made && i < na; i++)
            made = a[i] != NULL;
        for (size_t i = 0; made && i < nb; i++)
            made = b[i] != NULL;
        if (!made) {
            ok(0, "%zu×: cannot build the texts", x);
            free_texts(a, na);
            free_texts(b, nb);
            continue;
        }
        vp_pair *p = NULL;
        double t0 = now();
        size_t n = vp_align(al, (const char *const *)a, NULL, na, (const char *const *)b,
                            NULL, nb, VP_ALIGN_THRESHOLD, &p);
        double dt = now() - t0;
        printf("# %2zu×: %zu × %zu texts, %zu pairs, %.1f ms\n", x, na, nb, n, dt * 1e3);
        vp_pair *p0 = p;
        p = NULL;
        t0 = now();
        size_t ns = vp_align(al, (const char *const *)a, NULL, na, (const char *const *)a,
                             NULL, na, VP_ALIGN_THRESHOLD, &p);
        double ds = now() - t0;
        printf("# %2zu×: Khánh Hòa × itself, %zu × %zu texts, %zu pairs, %.1f ms\n", x, na,
               na, ns, ds * 1e3);
        if (x == 20) {
            ok(n != (size_t)-1 && n > 0 && one_to_one(p0, n, na, nb),
               "20×: %zu × %zu texts align, 1:1", na, nb);
            size_t diag = 0;
            for (size_t k = 0; ns != (size_t)-1 && k < ns; k++)
                diag += p[k].a == p[k].b;
            ok(ns == na && diag == na && one_to_one(p, ns, na, na),
               "20×: Khánh Hòa with itself pairs each of the %zu texts with itself", na);
        }
        free(p0);
        free(p);
        free_texts(a, na);
        free_texts(b, nb);
    }
}

int main(void)
{
    test_loading();
    vnplan_error err;
    vp_error_clear(&err);
    vp_aligner *al = vp_aligner_new(datadir(), &err);
    if (!al) {
        ok(0, "cannot load the stop words: %s:%ld: %s", err.file, err.line, err.message);
        return tap_done();
    }
    test_scores(al);
    test_groups(al);
    test_word_diff();
    tasks kh, th;
    int loaded = load_tasks("khanhhoa.txt", &kh) & load_tasks("thanhhoa.txt", &th);
    ok(loaded, "the sample plans parse");
    if (loaded) {
        test_corpus(al, &kh, &th);
        test_scale(al, &kh, &th);
    }
    tasks_free(&kh);
    tasks_free(&th);
    vp_aligner_free(al);
    return tap_done();
}
