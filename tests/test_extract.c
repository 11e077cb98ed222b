/* test_extract.c — references, deadlines, reporting duties and targets.
 *
 * The corpus expectations were written by reading corpus/khanhhoa.txt and
 * corpus/thanhhoa.txt line by line, not by copying the program's output.
 * Each file is split into paragraphs on blank lines (lines of white space
 * only) and every finder runs on every paragraph with its first line. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tap.h"
#include "core/buf.h"
#include "extract/references.h"
#include "extract/deadlines.h"
#include "extract/targets.h"
#include "core/patterns.h"
#include "core/vocab.h"

static vp_patterns *re;
static vp_vocab *vocab;         /* kinds, stop lists; the patterns' words */

/* ------------------------------------------------------------- corpus */

typedef struct para {
    const char *text;
    size_t len;
    long line;
} para;

typedef struct corpus {
    char *buf;
    size_t len;
    para *p;
    size_t n;
} corpus;

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static int load(corpus *c, const char *name)
{
    const char *top = getenv("top_srcdir");
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", top ? top : ".", name);
    memset(c, 0, sizeof *c);
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t cap = 1 << 16;
    c->buf = malloc(cap);
    while (c->buf) {
        size_t got = fread(c->buf + c->len, 1, cap - c->len, f);
        c->len += got;
        if (c->len < cap)
            break;
        char *nb = realloc(c->buf, cap *= 2);
        if (!nb) {
            free(c->buf);
            c->buf = NULL;
        }
        c->buf = nb;
    }
    fclose(f);
    if (!c->buf)
        return 0;
    c->p = calloc(c->len / 2 + 2, sizeof *c->p);
    if (!c->p)
        return 0;
    size_t i = 0;
    long line = 1;
    while (i < c->len) {
        size_t e = i;
        while (e < c->len && c->buf[e] != '\n')
            e++;
        if (blank(c->buf + i, e - i)) {
            i = e + 1;
            line++;
            continue;
        }
        para *p = &c->p[c->n++];
        p->text = c->buf + i;
        p->line = line;
        size_t last = e;
        for (;;) {
            i = e + 1;
            line++;
            if (i >= c->len)
                break;
            e = i;
            while (e < c->len && c->buf[e] != '\n')
                e++;
            if (blank(c->buf + i, e - i))
                break;
            last = e;
        }
        p->len = (size_t)(last - (size_t)(p->text - c->buf));
    }
    return 1;
}

static void unload(corpus *c)
{
    free(c->buf);
    free(c->p);
}

static vp_refs *scan_refs(const corpus *c, const char *doc_date)
{
    vp_refs *r = vp_refs_new(re, vocab, doc_date, 2048);
    for (size_t i = 0; r && i < c->n; i++)
        if (!vp_refs_scan(r, c->p[i].text, c->p[i].len, c->p[i].line)) {
            vp_refs_free(r);
            return NULL;
        }
    return r;
}

/* ------------------------------------------------------- expectations */

typedef struct exp_ref {
    const char *name;       /* number, or title when unnumbered */
    const char *type;
    int mentions;
    long line;
    const char *date;
    const char *issuer;
} exp_ref;

#define N(a) (sizeof (a) / sizeof (a)[0])

static const exp_ref khanhhoa_refs[] = {
    {"161/QĐ-TTg", "Quyết định", 5, 11, "2016-01-25", "Thủ tướng Chính phủ"},
    {"650/QĐ-LĐTĐ", "Quyết định", 2, 11, "2021-06-09", "Bộ Lao động - Thương binh và Xã hội"},
    {"Công ước về bảo vệ quyền con người", "Công ước", 1, 77, NULL, NULL},
    {"Công ước về bảo vệ Trẻ em", "Công ước", 1, 77, NULL, NULL},
    {"Công ước về người khuyết tật", "Công ước", 1, 77, NULL, NULL},
    {"Tuyên bố Madrit về chăm sóc người cao tuổi", "Tuyên bố", 1, 77, NULL, NULL},
    {"20/2021/NĐ-CP", "Nghị định", 1, 79, "2021-03-15", "Chính phủ"},
    {"07/2019/NQ-HĐND", "Nghị quyết", 1, 81, "2019-12-10", "HĐND tỉnh"},   /* printed 2029 */
    {"39-CT/TW", "Chỉ thị", 1, 83, "2019-11-01", "Ban Bí thư"},
    {"Công ước của Liên hợp quốc về quyền của người khuyết tật", "Công ước", 1, 85, NULL, NULL},
    {"Luật Người khuyết tật", "Luật", 1, 85, NULL, NULL},
    {"Pháp lệnh Ưu đãi người có công với cách mạng", "Pháp lệnh", 1, 101, NULL, NULL},
    {"3743/KH-UBND", "Kế hoạch", 1, 127, "2021-05-07", NULL},
    {"Luật ngân sách Nhà nước", "Luật", 1, 277, NULL, NULL},
};

static const exp_ref thanhhoa_refs[] = {
    {"115/KH-UBND", "Kế hoạch", 3, 9, "2017-07-18", "UBND tỉnh"},
    {"161/QĐ-TTg", "Quyết định", 3, 22, "2016-01-25", "Thủ tướng Chính phủ"},
    {"4799/QĐ-UBND", "Quyết định", 1, 100, "2014-12-29", "UBND tỉnh"},
    {"31/NQ-CP", "Nghị quyết", 1, 100, NULL, "Chính phủ"},
    {"22/NQ-TW", "Nghị quyết", 1, 100, "2013-04-10",
     "Bộ Chính trị Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"},
    {"2348/QĐ-TTg", "Quyết định", 1, 106, "2016-12-05", "Thủ tướng Chính phủ"},
    {"93/NĐ-CP", "Nghị quyết", 1, 106, "2014-12-15", "Chính phủ"},
    {"5132/QĐ-UBND", "Quyết định", 1, 108, "2016-12-30", "UBND tỉnh"},
    {"27/CT-TTg", "Chỉ thị", 1, 114, NULL, "Thủ tướng Chính phủ"},
    {"70/NQ-CP", "Nghị quyết", 1, 114, NULL, NULL},
    {"15-NQ/TW", "Nghị quyết", 1, 114, NULL, "Ban Chấp hành Trung ương Đảng"},
    {"136/2013/NĐ-CP", "Nghị định", 1, 114, "2013-10-21", "Chính phủ"},
    {"488/QĐ-TTg", "Quyết định", 1, 114, "2017-04-14", "Thủ tướng Chính phủ"},
    {"21-NQ/TW", "Nghị quyết", 2, 114, "2012-11-26", "Bộ Chính trị"},
    {"159/KH-UBND", "Kế hoạch", 1, 114, "2016-10-25", "UBND tỉnh"},
    {"4833/QĐ-UBND", "Quyết định", 1, 148, "2014-12-31", "UBND tỉnh"},
    {"06/CT-UBND", "Chỉ thị", 1, 152, "2017-04-28", "Chủ tịch UBND tỉnh"},
    /* "Nghị quyết 46/NQ-TW" ends its paragraph: "của Bộ Chính trị" is
     * after the page split, in the next one */
    {"46/NQ-TW", "Nghị quyết", 1, 154, NULL, NULL},
    {"29-NQ/TW", "Nghị quyết", 1, 174, "2013-08-04", "Ban chấp hành Trung ương"},
    {"44/NQ-CP", "Nghị quyết", 1, 174, "2014-06-09", "Chính phủ"},
    {"89/QĐ-TTg", "Quyết định", 1, 174, "2013-01-09", "Thủ tướng Chính phủ"},
    {"1666/2012/QĐ-UBND", "Quyết định", 1, 174, "2012-06-01", "UBND tỉnh"},
    {"04/KH-UBND", "Kế hoạch", 1, 186, "2017-01-10", "UBND tỉnh"},
    {"492/QĐ-UBND", "Quyết định", 1, 188, "2015-02-09", "Chủ tịch UBND tỉnh"},
    {"290-QĐ/TU", "Quyết định", 1, 188, "2016-05-27", "Ban Chấp hành Đảng bộ tỉnh"},
    {"1956/QĐ-TTg", "Quyết định", 2, 190, "2009-11-23", "Thủ tướng Chính phủ"},
    {"Luật Ngân sách Nhà nước", "Luật", 1, 228, NULL, NULL},
};

static void fmt_ref(char *out, size_t n, const char *name, const char *type, int mentions,
                    long line, const char *date, const char *issuer)
{
    snprintf(out, n, "%s | %s | x%d | line %ld | %s | %s", name ? name : "(null)",
             type ? type : "(null)", mentions, line, date ? date : "-", issuer ? issuer : "-");
}

static void check_refs(const char *file, const vp_refs *r, const exp_ref *exp, size_t nexp)
{
    is_int(vp_refs_count(r), nexp, "%s: %zu references", file, nexp);
    for (size_t i = 0; i < nexp; i++) {
        char got[600], want[600];
        const vp_reference *x = vp_refs_at(r, i);
        if (x)
            fmt_ref(got, sizeof got, x->number ? x->number : x->title, x->type, x->mentions,
                    x->line, x->date, x->issuer);
        else
            snprintf(got, sizeof got, "(missing)");
        fmt_ref(want, sizeof want, exp[i].name, exp[i].type, exp[i].mentions, exp[i].line,
                exp[i].date, exp[i].issuer);
        is_str(got, want, "%s: reference %zu", file, i + 1);
    }
}

static const vp_reference *find_ref(const vp_refs *r, const char *number)
{
    for (size_t i = 0; i < vp_refs_count(r); i++) {
        const vp_reference *x = vp_refs_at(r, i);
        if (x->number && strcmp(x->number, number) == 0)
            return x;
    }
    return NULL;
}

typedef struct exp_warn {
    long line;
    const char *code;
    const char *about;      /* appears in the message */
} exp_warn;

static void check_warnings(const char *file, const vp_refs *r, const exp_warn *exp,
                           size_t nexp)
{
    is_int(vp_refs_warning_count(r), nexp, "%s: %zu warnings", file, nexp);
    for (size_t i = 0; i < nexp; i++) {
        const vp_finding_warning *w = vp_refs_warning_at(r, i);
        char got[300], want[300];
        snprintf(got, sizeof got, "%ld %s %s", w ? w->line : 0L, w ? w->code : "-",
                 w && strstr(w->message, exp[i].about) ? exp[i].about : w ? w->message : "-");
        snprintf(want, sizeof want, "%ld %s %s", exp[i].line, exp[i].code, exp[i].about);
        is_str(got, want, "%s: warning %zu", file, i + 1);
    }
}

/* Every finder over the paragraphs whose first line is in [from, to], as
 * one line of text per finding. */
static void collect(const corpus *c, long from, long to, const char *doc_date, vp_buf *dl,
                    vp_buf *rp, vp_buf *tg)
{
    for (size_t i = 0; i < c->n; i++) {
        const para *p = &c->p[i];
        if (p->line < from || p->line > to)
            continue;
        vp_deadline d[32];
        size_t nd = vp_find_deadlines(re, p->text, p->len, doc_date, d, 32);
        for (size_t k = 0; k < nd; k++)
            vp_buf_printf(dl, "%ld %s %s %s\n", p->line, d[k].kind, d[k].date[0] ? d[k].date : "-",
                          d[k].period[0] ? d[k].period : "-");
        vp_reporting r[8];
        size_t nr = vp_find_reporting(re, vocab, p->text, p->len, r, 8);
        for (size_t k = 0; k < nr; k++)
            vp_buf_printf(rp, "%ld %s %s %.*s\n", p->line, r[k].frequency,
                          r[k].due[0] ? r[k].due : "-", (int)(r[k].to_end - r[k].to_start),
                          p->text + r[k].to_start);
        vp_target t[8];
        size_t nt = vp_find_targets(re, vocab, p->text, p->len, t, 8);
        for (size_t k = 0; k < nt; k++)
            vp_buf_printf(tg, "%ld %s %d %.*s\n", p->line, t[k].value, t[k].year,
                          (int)(t[k].ind_end - t[k].ind_start), p->text + t[k].ind_start);
    }
}

/* ------------------------------------------------------------ corpus tests */

static void khanhhoa(void)
{
    corpus c;
    if (!ok(load(&c, "khanhhoa.txt"), "khanhhoa: corpus file read")) {
        unload(&c);
        return;
    }
    vp_refs *r = scan_refs(&c, "2021-11-29");
    ok(r != NULL, "khanhhoa: scanned");
    if (r) {
        check_refs("khanhhoa", r, khanhhoa_refs, N(khanhhoa_refs));
        const vp_reference *x = find_ref(r, "161/QĐ-TTg");
        is_str(x ? x->number_raw : NULL, "161/QĐ -TTg", "khanhhoa: 161 keeps the printed number");
        x = find_ref(r, "07/2019/NQ-HĐND");
        is_str(x ? x->number_raw : NULL, "07/2029/NQ-HĐND",
               "khanhhoa: a repaired year keeps the printed number");
        static const exp_warn w[] = {{81, "repaired-year", "07/2029/NQ-HĐND read as 07/2019"}};
        check_warnings("khanhhoa", r, w, N(w));
    }
    vp_refs_free(r);

    /* Sections V (TỔ CHỨC THỰC HIỆN) and VI (CHẾ ĐỘ BÁO CÁO): lines 281-347 */
    vp_buf dl, rp, tg;
    vp_buf_init(&dl);
    vp_buf_init(&rp);
    vp_buf_init(&tg);
    collect(&c, 281, 347, "2021-11-29", &dl, &rp, &tg);
    is_str(dl.data,
           "287 date 2021-12-20 -\n"            /* trước ngày 20/12/2021 */
           "289 period - 2021-2025\n"           /* giai đoạn 2021-2025 */
           "289 annual - -\n"                   /* chương trình hàng năm */
           "293 annual - -\n"                   /* định kỳ hàng năm */
           "303 annual - -\n"                   /* Kế hoạch hàng năm */
           "323 date 2021-12-20 -\n"
           "325 period - 2021-2025\n"
           "329 annual - -\n"
           "335 year - 2025\n"                  /* đến năm 2025 */
           "337 year - 2025\n"
           "345 annual - -\n"                   /* Định kỳ hàng năm */
           "345 date 2021-11-15 -\n",           /* trước ngày 15/11, year of the plan */
           "khanhhoa V-VI: deadlines");
    is_str(rp.data,
           "287 once 2021-12-20 Ủy ban nhân dân tỉnh\n"
           "293 annual - Ủy ban nhân dân tỉnh\n"
           "303 annual - UBND tỉnh\n"
           "323 once 2021-12-20 Ủy ban nhân dân tỉnh\n"
           "329 annual - Ủy ban nhân dân tỉnh\n"
           "345 annual --11-15 UBND tỉnh\n"
           "347 once - UBND tỉnh\n",
           "khanhhoa V-VI: reporting duties");
    ok(tg.len == 0, "khanhhoa V-VI: no targets");
    vp_buf_clear(&dl);
    vp_buf_clear(&rp);
    vp_buf_clear(&tg);

    collect(&c, 97, 103, "2021-11-29", &dl, &rp, &tg);
    is_str(tg.data,
           "97 1/2 2025 số hộ nghèo\n"
           "97 4-5%/năm 0 tỷ lệ hộ nghèo\n"
           "103 100% 0 xã, phường, thị trấn\n"
           "103 100% 0 hộ gia đình chính sách\n",
           "khanhhoa 97, 103: targets");
    /* the clause of each target */
    for (size_t i = 0; i < c.n; i++) {
        if (c.p[i].line != 97)
            continue;
        vp_target t[4];
        size_t nt = vp_find_targets(re, vocab, c.p[i].text, c.p[i].len, t, 4);
        if (nt == 2) {
            const char *s1 = c.p[i].text + t[0].start, *s2 = c.p[i].text + t[1].start;
            ok(strncmp(s1, "phấn đấu đạt chỉ tiêu", strlen("phấn đấu đạt chỉ tiêu")) == 0 &&
                   c.p[i].text[t[0].end] == ';',
               "khanhhoa 97: 1/2 in the clause between the semicolons");
            ok(strncmp(s2, "trong đó huyện Khánh Sơn", strlen("trong đó huyện Khánh Sơn")) == 0 &&
                   t[1].end == c.p[i].len - 1,
               "khanhhoa 97: 4-5%%/năm in the last clause");
        } else {
            ok(0, "khanhhoa 97: two targets (%zu)", nt);
            ok(0, "khanhhoa 97: two targets");
        }
    }
    vp_buf_clear(&dl);
    vp_buf_clear(&rp);
    vp_buf_clear(&tg);

    collect(&c, 49, 49, "2021-11-29", &dl, &rp, &tg);
    is_str(dl.data, "49 year-end 2021-12-31 -\n49 period - 2021-2025\n49 year - 2025\n",
           "khanhhoa 49: đến cuối năm 2021, giai đoạn, đến năm");
    vp_buf_clear(&dl);
    collect(&c, 149, 149, "2021-11-29", &dl, &rp, &tg);
    is_str(dl.data, "149 period - 2021-2025\n149 year - 2030\n",
           "khanhhoa 149: en dash period, 'định hướng đến 2030'");
    vp_buf_free(&dl);
    vp_buf_free(&rp);
    vp_buf_free(&tg);
    unload(&c);
}

static void thanhhoa(void)
{
    corpus c;
    if (!ok(load(&c, "thanhhoa.txt"), "thanhhoa: corpus file read")) {
        unload(&c);
        return;
    }
    vp_refs *r = scan_refs(&c, "2017-09-06");
    ok(r != NULL, "thanhhoa: scanned");
    if (r) {
        check_refs("thanhhoa", r, thanhhoa_refs, N(thanhhoa_refs));
        const vp_reference *x = find_ref(r, "161/QĐ-TTg");
        is_str(x ? x->number_raw : NULL, "161/QDD-TTg", "thanhhoa: 161 keeps the damaged number");
        x = find_ref(r, "89/QĐ-TTg");
        is_str(x ? x->number_raw : NULL, "89/QĐ - TTg", "thanhhoa: 89 keeps its spaces raw");
        static const exp_warn w[] = {
            {22, "repaired-number", "161/QDD-TTg"},
            {106, "type-mismatch", "93/NĐ-CP"},
            {152, "date-conflict", "21-NQ/TW"},     /* 26/11/2012, then 22/11/2012 */
        };
        check_warnings("thanhhoa", r, w, N(w));
    }
    vp_refs_free(r);

    vp_buf dl, rp, tg;
    vp_buf_init(&dl);
    vp_buf_init(&rp);
    vp_buf_init(&tg);
    collect(&c, 1, 300, "2017-09-06", &dl, &rp, &tg);
    is_str(rp.data,
           "27 periodic - Sở Y tế\n"
           "230 annual - UBND tỉnh\n"
           "238 annual --12-10 UBND tỉnh\n"
           "258 annual - UBND tỉnh\n",
           "thanhhoa: reporting duties");
    ok(tg.len == 0, "thanhhoa: no quantified targets");
    ok(strstr(dl.data, "114 period - 2012-2020\n114 period - 2017-2025\n114 year - 2030\n"
                       "114 period - 2012-2020\n") != NULL,
       "thanhhoa 114: periods, 'tầm nhìn 2030', a bare '2012 – 2020'");
    ok(strstr(dl.data, "238 annual - -\n238 annual - -\n238 date 2017-12-10 -\n") != NULL,
       "thanhhoa 238: 'trước ngày 10/12' takes the plan's year");
    vp_buf_free(&dl);
    vp_buf_free(&rp);
    vp_buf_free(&tg);
    unload(&c);
}

/* ------------------------------------------------------------ edge cases */

static vp_refs *refs_of(const char *doc_date, const char *text)
{
    vp_refs *r = vp_refs_new(re, vocab, doc_date, 2048);
    if (r && !vp_refs_scan(r, text, strlen(text), 1)) {
        vp_refs_free(r);
        r = NULL;
    }
    return r;
}

/* "number | number_raw | codes of the warnings" of the first reference in
 * `text`, cited in a document dated `doc_date`. */
static void year_case(const char *doc_date, const char *text, const char *want,
                      const char *what)
{
    char got[400] = "(no reference)";
    vp_refs *r = refs_of(doc_date, text);
    const vp_reference *x = r ? vp_refs_at(r, 0) : NULL;
    if (x) {
        size_t n = (size_t)snprintf(got, sizeof got, "%s | %s |", x->number ? x->number : "-",
                                    x->number_raw ? x->number_raw : "-");
        for (size_t i = 0; i < vp_refs_warning_count(r) && n < sizeof got; i++)
            n += (size_t)snprintf(got + n, sizeof got - n, " %s",
                                  vp_refs_warning_at(r, i)->code);
    }
    is_str(got, want, "year repair: %s", what);
    vp_refs_free(r);
}

/* A year in a number that cannot be right, repaired from the citation's
 * own date only when that is safe. */
static void edge_years(void)
{
    year_case("2022-03-01", "theo Nghị quyết số 15/2030/NQ-HĐND ngày 08/7/2020 của HĐND tỉnh",
              "15/2020/NQ-HĐND | 15/2030/NQ-HĐND | repaired-year",
              "after the document, one digit off its date");
    year_case("2018-03-01", "Nghị định 45/2021/NĐ-CP ngày 20/5/2012 của Chính phủ",
              "45/2012/NĐ-CP | 45/2021/NĐ-CP | repaired-year", "two digits swapped");
    year_case(NULL, "Thông tư số 03/1911/TT-BYT ngày 12/4/1991 của Bộ Y tế",
              "03/1991/TT-BYT | 03/1911/TT-BYT | repaired-year",
              "before 1945, in an undated document");
    year_case("2022-03-01", "Nghị định 45/2031/NĐ-CP ngày 20/5/2012",
              "45/2031/NĐ-CP | 45/2031/NĐ-CP | impossible-year",
              "two digits apart, not swapped: no repair");
    year_case("2022-03-01", "Nghị quyết số 15/2020/NQ-HĐND ngày 08/7/2020",
              "15/2020/NQ-HĐND | 15/2020/NQ-HĐND |", "a right year is left alone");
    year_case("2022-03-01", "Quyết định số 9/2021/QĐ-UBND ngày 02/02/2020",
              "9/2021/QĐ-UBND | 9/2021/QĐ-UBND | impossible-year",
              "a possible year that differs from its date is only flagged");
    year_case(NULL, "Nghị quyết số 07/2029/NQ-HĐND ngày 10/12/2019",
              "07/2029/NQ-HĐND | 07/2029/NQ-HĐND | impossible-year",
              "undated document: 2029 is not impossible, the date may be wrong");
    year_case("2022-03-01", "Nghị quyết số 07/2029/NQ-HĐND ngày 10/12/2017",
              "07/2029/NQ-HĐND | 07/2029/NQ-HĐND | impossible-year",
              "a date more than one typo away repairs nothing");
    year_case("2022-03-01", "Nghị quyết số 07/2029/NQ-HĐND",
              "07/2029/NQ-HĐND | 07/2029/NQ-HĐND | impossible-year", "no date, no repair");
    year_case("2022-03-01", "Nghị quyết số 07/2029/NQ-HĐND ngày 10/12/2023",
              "07/2029/NQ-HĐND | 07/2029/NQ-HĐND | impossible-year",
              "a date after the document is no better");
    year_case("2022-03-01", "Luật Trẻ em số 102/2061/QH13 ngày 05/4/2016",
              "102/2016/QH13 | 102/2061/QH13 | repaired-year", "a titled law with its number");

    /* The repaired number meets the same document cited rightly. */
    vp_refs *r = refs_of("2022-03-01", "Nghị quyết số 15/2020/NQ-HĐND ngày 08/7/2020; "
                                       "Nghị quyết số 15/2030/NQ-HĐND ngày 08/7/2020");
    const vp_reference *x = r ? vp_refs_at(r, 0) : NULL;
    ok(r && vp_refs_count(r) == 1 && x->mentions == 2 &&
           strcmp(x->number_raw, "15/2020/NQ-HĐND") == 0,
       "year repair: one reference, two mentions, the first printed form");
    ok(r && vp_refs_warning_count(r) == 1 &&
           strcmp(vp_refs_warning_at(r, 0)->code, "repaired-year") == 0,
       "year repair: warned once");
    vp_refs_free(r);
}

static void edge_references(void)
{
    vp_refs *r = refs_of("2021-11-29", "Các sở, ban, ngành thực hiện các nhiệm vụ được giao.");
    ok(r && vp_refs_count(r) == 0 && vp_refs_warning_count(r) == 0, "no references in plain text");
    vp_refs_free(r);

    r = refs_of(NULL, "Giảm 1/2, số 12, ngày 15/11/2021, HIV/AIDS, V/v, 4-5%/năm, "
                      "Chương trình 135, các Luật chuyên ngành, Luật sư tư vấn.");
    ok(r && vp_refs_count(r) == 0, "numbers, dates and generic words are not citations");
    vp_refs_free(r);

    r = refs_of(NULL, "Số: 12/KH-UBND");
    ok(r && vp_refs_count(r) == 0, "a 'Số:' header is the document's own number");
    vp_refs_free(r);

    r = refs_of(NULL, "thực hiện theo 20/2021/NĐ-CP của Chính phủ và 22-NQ/TW.");
    const vp_reference *x = r ? vp_refs_at(r, 0) : NULL;
    ok(r && vp_refs_count(r) == 2, "bare symbols without a type word");
    is_str(x ? x->type : NULL, "Nghị định", "bare symbol: type from NĐ");
    is_str(x ? x->issuer : NULL, "Chính phủ", "bare symbol: issuer");
    x = r ? vp_refs_at(r, 1) : NULL;
    is_str(x ? x->type : NULL, "Nghị quyết", "bare Party symbol: type from NQ");
    vp_refs_free(r);

    /* a short form first, the full number later: one reference */
    r = vp_refs_new(re, vocab, "2021-11-29", 2048);
    const char *p1 = "theo Quyết định số 161 đã nêu", *p2 =
        "Quyết định số 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ";
    vp_refs_scan(r, p1, strlen(p1), 5);
    vp_refs_scan(r, p2, strlen(p2), 9);
    x = r ? vp_refs_at(r, 0) : NULL;
    ok(r && vp_refs_count(r) == 1 && x && x->mentions == 2 && x->line == 5 &&
           strcmp(x->number, "161/QĐ-TTg") == 0 && strcmp(x->date, "2016-01-25") == 0,
       "a short form seen first becomes the full citation");
    vp_refs_free(r);

    r = refs_of(NULL, "Quyết định số 12/QĐ-UBND, Quyết định số 12/QĐ-TTg; Quyết định số 12.");
    ok(r && vp_refs_count(r) == 3 && strcmp(vp_refs_at(r, 2)->number, "12") == 0,
       "an ambiguous short form stays apart");
    vp_refs_free(r);

    r = refs_of(NULL, "Quyết định số 12/QD-UBND; Nghị định 5/NDD-CP; Quyết định số 3/QÐ-TTg");
    ok(r && vp_refs_count(r) == 3 && strcmp(vp_refs_at(r, 0)->number, "12/QĐ-UBND") == 0 &&
           strcmp(vp_refs_at(r, 1)->number, "5/NĐ-CP") == 0 &&
           strcmp(vp_refs_at(r, 2)->number, "3/QĐ-TTg") == 0,
       "QD, NDD and the eth Ð repaired");
    ok(r && vp_refs_warning_count(r) == 3 &&
           strcmp(vp_refs_warning_at(r, 0)->code, "repaired-number") == 0,
       "each repair warned");
    vp_refs_free(r);

    r = refs_of(NULL, "Chỉ thị số 5/QĐ-TTg; Quy định số 105-QĐ/TW");
    ok(r && vp_refs_warning_count(r) == 1 &&
           strcmp(vp_refs_warning_at(r, 0)->code, "type-mismatch") == 0,
       "type-mismatch for Chỉ thị/QĐ, not for a Party Quy định");
    vp_refs_free(r);

    r = refs_of("2021-11-29", "Kế hoạch số 9/KH-UBND ngày 01/12/2021 của Ủy ban nhân dân tỉnh; "
                              "Kế hoạch số 10/KH-UBND ngày 31/02/2021");
    x = r ? vp_refs_at(r, 0) : NULL;
    ok(r && vp_refs_warning_count(r) == 1 &&
           strcmp(vp_refs_warning_at(r, 0)->code, "impossible-year") == 0,
       "a date after the citing document is impossible");
    is_str(x ? x->issuer : NULL, "UBND tỉnh", "'Ủy ban nhân dân tỉnh' → 'UBND tỉnh'");
    x = r ? vp_refs_at(r, 1) : NULL;
    ok(x && x->date == NULL, "31/02 is no date");
    vp_refs_free(r);

    r = refs_of(NULL, "theo Kế hoạch số 115 /KH-UBND ngày 18 tháng 7 năm 2017 của UBND tỉnh.");
    x = r ? vp_refs_at(r, 0) : NULL;
    ok(x && strcmp(x->number, "115/KH-UBND") == 0 && strcmp(x->date, "2017-07-18") == 0,
       "'ngày D tháng M năm Y' after a number");
    vp_refs_free(r);

    r = refs_of(NULL, "thi hành Luật Trẻ em số 102/2016/QH13 ngày 05/4/2016 và Hiến pháp năm 2013.");
    x = r ? vp_refs_at(r, 0) : NULL;
    ok(x && strcmp(x->number, "102/2016/QH13") == 0 && strcmp(x->title, "Luật Trẻ em") == 0 &&
           strcmp(x->type, "Luật") == 0,
       "a titled law with its number");
    x = r ? vp_refs_at(r, 1) : NULL;
    is_str(x ? x->title : NULL, "Hiến pháp năm 2013", "a title keeps its year");
    vp_refs_free(r);

    edge_years();

    r = vp_refs_new(re, vocab, NULL, 2048);
    const char *p3 = "Mở đầu\nthực hiện Quyết định số 5/QĐ-TTg";
    vp_refs_scan(r, p3, strlen(p3), 10);
    x = r ? vp_refs_at(r, 0) : NULL;
    ok(x && x->line == 11, "the line of a citation inside a paragraph");
    vp_refs_free(r);
}

static void edge_deadlines(void)
{
    vp_deadline d[8];
    const char *s = "giai đoạn 2016 –\n2020 và tầm nhìn đến năm 2030";
    size_t n = vp_find_deadlines(re, s, strlen(s), NULL, d, 8);
    ok(n == 2 && strcmp(d[0].period, "2016-2020") == 0 && strcmp(d[1].period, "2030") == 0,
       "a period across a line break; 'tầm nhìn đến năm 2030'");
    s = "trước ngày 15/11 hằng năm";
    n = vp_find_deadlines(re, s, strlen(s), NULL, d, 8);
    ok(n == 2 && strcmp(d[0].date, "--11-15") == 0 && strcmp(d[1].kind, "annual") == 0,
       "'trước ngày 15/11' without the plan's date");
    n = vp_find_deadlines(re, s, strlen(s), "2021-11-29", d, 8);
    ok(n == 2 && strcmp(d[0].date, "2021-11-15") == 0, "'trước ngày 15/11' in a 2021 plan");
    ok(d[0].start == 0 && d[0].end == strlen("trước ngày 15/11"), "the bytes of the phrase");
    s = "trước ngày 31/02/2021; năm 2021 - 2019";
    n = vp_find_deadlines(re, s, strlen(s), NULL, d, 8);
    ok(n == 0, "an impossible date and a backward range are no deadlines");
    s = "trước ngày 20 tháng 12 năm 2021";
    n = vp_find_deadlines(re, s, strlen(s), NULL, d, 8);
    ok(n == 1 && strcmp(d[0].date, "2021-12-20") == 0, "'ngày D tháng M năm Y'");
    n = vp_find_deadlines(re, s, strlen(s), NULL, d, 0);
    ok(n == 0, "max 0 stores nothing");
}

static void edge_reporting(void)
{
    vp_reporting r[8];
    const char *s = "Định kỳ 6 tháng, hằng năm báo cáo Bộ Y tế; hằng quý báo cáo Sở Tài chính; "
                    "hằng tháng báo cáo về UBND huyện. Thường trực HĐND tỉnh (báo cáo); "
                    "VI. CHẾ ĐỘ BÁO CÁO. Báo cáo số 12/BC-UBND.";
    size_t n = vp_find_reporting(re, vocab, s, strlen(s), r, 8);
    ok(n == 3, "three duties; '(báo cáo)', 'chế độ báo cáo', 'Báo cáo số' are not");
    if (n == 3) {
        char got[300];
        snprintf(got, sizeof got, "%s %.*s|%s %.*s|%s %.*s", r[0].frequency,
                 (int)(r[0].to_end - r[0].to_start), s + r[0].to_start, r[1].frequency,
                 (int)(r[1].to_end - r[1].to_start), s + r[1].to_start, r[2].frequency,
                 (int)(r[2].to_end - r[2].to_start), s + r[2].to_start);
        is_str(got, "semiannual Bộ Y tế|quarterly Sở Tài chính|monthly UBND huyện",
               "frequencies and recipients");
    }
    s = "báo cáo kết quả thực hiện Nghị quyết của Bộ Chính trị";
    n = vp_find_reporting(re, vocab, s, strlen(s), r, 8);
    ok(n == 1 && r[0].to_start == 0 && r[0].to_end == 0 && strcmp(r[0].frequency, "once") == 0,
       "an agency named in the object is not the recipient");
}

static void edge_targets(void)
{
    vp_target t[8];
    const char *s = "phấn đấu trên 90% cán bộ, công chức có kiến thức cơ bản về ASEAN đến năm 2025";
    size_t n = vp_find_targets(re, vocab, s, strlen(s), t, 8);
    ok(n == 1 && strcmp(t[0].value, "trên 90%") == 0 && t[0].year == 2025 &&
           strncmp(s + t[0].ind_start, "cán bộ, công chức", t[0].ind_end - t[0].ind_start) == 0 &&
           t[0].ind_end - t[0].ind_start == strlen("cán bộ, công chức"),
       "'trên 90%% cán bộ, công chức ... đến năm 2025'");
    s = "tỷ lệ bao phủ bảo hiểm y tế đạt 95 %.";
    n = vp_find_targets(re, vocab, s, strlen(s), t, 8);
    ok(n == 1 && strcmp(t[0].value, "95%") == 0 &&
           t[0].ind_end - t[0].ind_start == strlen("tỷ lệ bao phủ bảo hiểm y tế"),
       "an indicator before the value, verb dropped");
    s = "trước ngày 15/11, đạt 15/11 và 100 tỷ đồng";
    n = vp_find_targets(re, vocab, s, strlen(s), t, 8);
    ok(n == 0, "dates and money are not targets");
    s = "phấn đấu đạt 100%";
    n = vp_find_targets(re, vocab, s, strlen(s), t, 8);
    ok(n == 1 && t[0].ind_start == 0 && t[0].ind_end == 0, "a value with no indicator");
}

/* Every finder over a paragraph of each fill, `len` bytes long; 0 when a
 * result is out of bounds.  `s` has room for len + 1 bytes. */
static int scan_fills(char *s, size_t len)
{
    static const char *const fills[] = {
        "12/34/5678/9/0//1-2/", "Quyết định số 1/QĐ-TTg ", "báo cáo ", "100% ",
        "giai đoạn 2021-2025 ", "Luật A của Bộ ", "trước ngày 1/1 ",
    };
    int fine = 1;
    for (size_t f = 0; f < N(fills); f++) {
        size_t fl = strlen(fills[f]), sl = 0;
        if (f == 1) {   /* distinct numbers: "Quyết định số 1234/QĐ-TTg" */
            for (size_t k = 0; sl + 40 < len; k++)
                sl += (size_t)snprintf(s + sl, 40, "Quyết định số %zu/QĐ-TTg ", k);
        } else {
            for (sl = 0; sl + fl <= len; sl += fl)
                memcpy(s + sl, fills[f], fl);
        }
        s[sl] = '\0';
        vp_refs *r = vp_refs_new(re, vocab, "2021-01-01", 2048);
        fine &= r && vp_refs_scan(r, s, sl, 1) && vp_refs_count(r) <= 2048;
        vp_refs_free(r);
        vp_deadline d[16];
        vp_reporting rp[16];
        vp_target tg[16];
        fine &= vp_find_deadlines(re, s, sl, "2021-01-01", d, 16) <= 16;
        fine &= vp_find_reporting(re, vocab, s, sl, rp, 16) <= 16;
        fine &= vp_find_targets(re, vocab, s, sl, tg, 16) <= 16;
    }
    return fine;
}

/* The CPU time of scan_fills over `len` bytes, best of three runs. */
static double scan_time(char *s, size_t len, int *fine)
{
    double best = -1;
    for (int r = 0; r < 3; r++) {
        clock_t t0 = clock();
        *fine &= scan_fills(s, len);
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        if (best < 0 || secs < best)
            best = secs;
    }
    return best;
}

/* 200 KB paragraphs: every finder stays in bounds, and in linear time: an
 * eighth of the text takes about an eighth of the time (a quadratic finder
 * would take a 64th), measured in the same run, so the check holds on any
 * machine. */
static void pathological(void)
{
    size_t len = 200 * 1024;
    char *s = malloc(len + 1);
    if (!ok(s != NULL, "pathological: memory"))
        return;
    int fine = 1;
    double eighth = scan_time(s, len / 8, &fine);
    double full = scan_time(s, len, &fine);
    ok(fine, "pathological: 200 KB paragraphs scanned, results bounded");
    /* 24: three times linear, far below quadratic; the millisecond absorbs
     * timer noise */
    ok(full <= 24 * eighth + 0.001, "pathological: 8x the text, %.1fx the time",
       eighth > 0 ? full / eighth : 0.0);
    free(s);
}

int main(void)
{
    vnplan_error err;
    const char *dir = getenv("VNPLAN_DATADIR");
    vocab = vp_vocab_load(dir && *dir ? dir : "./data", &err);
    if (!ok(vocab != NULL, "the vocabulary loads"))
        return tap_done();
    re = vp_patterns_new(vocab, &err);
    if (!ok(re != NULL, "patterns compile"))
        return tap_done();
    khanhhoa();
    thanhhoa();
    edge_references();
    edge_deadlines();
    edge_reporting();
    edge_targets();
    pathological();
    vp_patterns_free(re);
    vp_vocab_free(vocab);
    return tap_done();
}
