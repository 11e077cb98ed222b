/* test_nomem.c — every allocation of loading the options, a parse, each
 * rendering, a comparison and each diff rendering is made to fail in turn
 * (as jansson's and expat's suites do).  Each call must then end in
 * VNPLAN_E_NOMEM (or NULL where the API has no error record) or in the
 * very result of a run without failures: never a crash, a wrong answer or
 * a half-built object.  Leaks are found by AddressSanitizer's leak check
 * when the test runs in a sanitizer build.
 *
 * The test defines malloc, calloc, realloc and free for the whole process,
 * so the library and the libraries under it (ICU, PCRE2, jansson, libxml2,
 * utf8proc) allocate through them; each forwards to the next definition
 * (libc's, or the sanitizer's), found with dlsym. */
#include "config.h"
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "vnplan.h"

/* ------------------------------------------------------------ allocator */
static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);

/* dlsym may allocate before it has answered: it gets this buffer, which
 * is never freed. */
static _Alignas(16) unsigned char boot[4096];
static size_t boot_used;
static int resolving;

static long countdown;  /* > 0: allocations left before the failing one */
static long seen;       /* allocations while armed */
static int hit;         /* the armed failure happened */

static void *boot_alloc(size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n > sizeof boot - boot_used)
        return NULL;
    void *p = boot + boot_used;
    boot_used += n;
    return p;
}

static int from_boot(const void *p)
{
    return (const unsigned char *)p >= boot && (const unsigned char *)p < boot + sizeof boot;
}

static void resolve(void)
{
    if (real_free || resolving)
        return;
    resolving = 1;
    real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
    real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
    real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
    real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
    resolving = 0;
}

/* The tests are compiled with hidden visibility: these must be seen by the
 * shared libraries too. */
#define EXPORT __attribute__((visibility("default")))

/* Where the failure is, for a debugger: break on failing_here. */
static volatile int stage_no;
static volatile long cur_n;

__attribute__((noinline)) static void failing_here(void)
{
    __asm__ volatile("");
}

/* 1 when this allocation is the one to fail. */
static int fail_now(void)
{
    if (countdown <= 0)
        return 0;
    seen++;
    if (--countdown == 0) {
        hit = 1;
        errno = ENOMEM;   /* as libc's malloc: fopen and strdup report it */
        failing_here();
        return 1;
    }
    return 0;
}

EXPORT void *malloc(size_t n)
{
    resolve();
    if (!real_malloc)
        return boot_alloc(n);
    return fail_now() ? NULL : real_malloc(n);
}

EXPORT void *calloc(size_t n, size_t size)
{
    resolve();
    if (!real_calloc)
        return boot_alloc(n * size);   /* the buffer is zero */
    return fail_now() ? NULL : real_calloc(n, size);
}

EXPORT void *realloc(void *p, size_t n)
{
    resolve();
    if (p && from_boot(p))
        return NULL;
    if (!real_realloc)
        return p ? NULL : boot_alloc(n);
    return fail_now() ? NULL : real_realloc(p, n);
}

EXPORT void free(void *p)
{
    if (!p || from_boot(p))
        return;
    resolve();
    if (real_free)
        real_free(p);
}

static void arm(long n)
{
    cur_n = n;
    seen = 0;
    hit = 0;
    countdown = n;
}

static void disarm(void)
{
    countdown = 0;
}

/* ------------------------------------------------------------ the plans */
static const char plan_a[] =
    "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\n\nSố: 12/KH-UBND\n\n"
    "Khánh Hòa, ngày 29 tháng 11 năm 2021\n\nKẾ HOẠCH\n\n"
    "Thực hiện Đề án ASEAN trên địa bàn tỉnh\n\n"
    "Thực hiện Quyết định số 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ "
    "về phê duyệt Đề án.\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n\n"
    "Nâng cao nhận thức về Cộng đồng Văn hóa - Xã hội ASEAN.\n\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
    "- Sở Văn hóa và Thể thao chủ trì, phối hợp với Sở Du lịch tổ chức các hoạt động "
    "giao lưu văn hóa, hoàn thành trước ngày 20/12/2022.\n\n"
    "- Sở Lao động - Thương binh và Xã hội chủ trì thực hiện chính sách an sinh xã hội "
    "cho người dân.\n\n"
    "- Sở Tài nguyên và Môi trường chủ trì bảo vệ môi trường, ứng phó với biến đổi "
    "khí hậu.\n";

static const char plan_b[] =
    "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\n\nSố: 34/KH-UBND\n\n"
    "Thanh Hóa, ngày 10 tháng 3 năm 2022\n\nKẾ HOẠCH\n\n"
    "Thực hiện Đề án ASEAN trên địa bàn tỉnh\n\n"
    "Thực hiện Quyết định số 161/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ.\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n\n"
    "Nâng cao nhận thức về Cộng đồng ASEAN.\n\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
    "- Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức các hoạt động giao lưu văn hóa, "
    "văn nghệ.\n\n"
    "- Sở Y tế chủ trì nâng cao chất lượng khám chữa bệnh cho người dân, "
    "hoàn thành trước ngày 31/12/2023.\n";

static const vnplan_format formats[] = {VNPLAN_FORMAT_JSON, VNPLAN_FORMAT_TREE,
                                        VNPLAN_FORMAT_OUTLINE};
static const vnplan_diff_format diff_formats[] = {VNPLAN_DIFF_TEXT, VNPLAN_DIFF_JSON,
                                                  VNPLAN_DIFF_MARKDOWN, VNPLAN_DIFF_HTML};
#define NFORMATS (sizeof formats / sizeof formats[0])
#define NDIFF (sizeof diff_formats / sizeof diff_formats[0])

/* The failure-free results every failing run is held to. */
static char *want_plan[NFORMATS], *want_diff[NDIFF];

static vnplan_options *new_options(void)
{
    vnplan_options *o = vnplan_options_new();
    const char *dir = getenv("VNPLAN_DATADIR");
    if (o && dir && *dir)
        vnplan_options_set_datadir(o, dir);
    return o;
}

static vnplan_plan *parse(const char *text, const char *name, const vnplan_options *o,
                          vnplan_error *err)
{
    return vnplan_parse_bytes(text, strlen(text), name, o, err);
}

/* 1 when the plan renders exactly as the reference in every format. */
static int plan_as_wanted(const vnplan_plan *p)
{
    int same = 1;
    for (size_t f = 0; f < NFORMATS; f++) {
        char *s = vnplan_render(p, formats[f]);
        same &= s && strcmp(s, want_plan[f]) == 0;
        free(s);
    }
    return same;
}

static int diff_as_wanted(const vnplan_diff *d)
{
    int same = 1;
    for (size_t f = 0; f < NDIFF; f++) {
        char *s = vnplan_diff_render(d, diff_formats[f], 80, 0);
        same &= s && strcmp(s, want_diff[f]) == 0;
        free(s);
    }
    return same;
}

/* The loops stop at this many allocation points: far above what one
 * stage of these small plans needs, so reaching it is a failure. */
#define MAX_POINTS 200000L

int main(void)
{
    resolve();
    vnplan_error err;

    /* The references, with no failure armed. */
    vnplan_options *o = new_options();
    ok(o && vnplan_options_load(o, &err) == VNPLAN_OK, "options load");
    vnplan_plan *a = parse(plan_a, "a.txt", o, &err);
    vnplan_plan *b = parse(plan_b, "b.txt", o, &err);
    ok(a && b, "both plans parse");
    ok(a && vnplan_document_task_count(vnplan_plan_document(a, 0), VNPLAN_TASKS) == 3,
       "plan A has three tasks");
    for (size_t f = 0; f < NFORMATS; f++)
        want_plan[f] = a ? vnplan_render(a, formats[f]) : NULL;
    vnplan_diff *d = a && b ? vnplan_compare(a, b, o, &err) : NULL;
    ok(d != NULL, "the plans compare");
    for (size_t f = 0; f < NDIFF; f++)
        want_diff[f] = d ? vnplan_diff_render(d, diff_formats[f], 80, 0) : NULL;
    int refs = 1;
    for (size_t f = 0; f < NFORMATS; f++)
        refs &= want_plan[f] != NULL;
    for (size_t f = 0; f < NDIFF; f++)
        refs &= want_diff[f] != NULL;
    ok(refs, "reference renderings");
    if (!refs || !o) {
        printf("Bail out! no reference to compare with\n");
        return 1;
    }

    /* The interposed allocator sees the library's allocations. */
    arm(MAX_POINTS);
    vnplan_plan *p = parse(plan_a, "a.txt", o, &err);
    disarm();
    long parse_points = seen;
    ok(p && parse_points > 10, "the library allocates through the test's malloc (%ld)",
       parse_points);
    vnplan_plan_free(p);

    /* Loading the options. */
    long n, bad = 0, nomem = 0;
    stage_no = 1;
    for (n = 1; n < MAX_POINTS; n++) {
        vnplan_options *lo = new_options();
        if (!lo)
            break;
        arm(n);
        vnplan_status st = vnplan_options_load(lo, &err);
        disarm();
        if (!hit) {
            bad += st != VNPLAN_OK;
            vnplan_options_free(lo);
            break;
        }
        if (st == VNPLAN_E_NOMEM) {
            nomem++;
        } else if (st != VNPLAN_OK) {
            if (bad++ < 3)
                printf("# load, allocation %ld failing: %s (%s)\n", n,
                       vnplan_status_name(st), err.message);
        } else {
            /* loaded despite the failure: the data must be whole */
            vnplan_plan *lp = parse(plan_a, "a.txt", lo, &err);
            if ((!lp || !plan_as_wanted(lp)) && bad++ < 3)
                printf("# load, allocation %ld failing: loaded, but the plan differs\n", n);
            vnplan_plan_free(lp);
        }
        vnplan_options_free(lo);
    }
    ok(bad == 0 && n < MAX_POINTS, "options load: %ld allocation points, %ld ended in NOMEM",
       n - 1, nomem);

    /* Parsing: NOMEM, or a plan exactly as the reference. */
    long unlike = 0;
    bad = nomem = 0;
    stage_no = 2;
    for (n = 1; n < MAX_POINTS; n++) {
        arm(n);
        p = parse(plan_a, "a.txt", o, &err);
        disarm();
        int done = !hit;
        if (p) {
            if (!plan_as_wanted(p) && unlike++ < 3)
                printf("# parse, allocation %ld failing: a plan unlike the reference\n", n);
        } else if (err.code == VNPLAN_E_NOMEM) {
            nomem++;
        } else {
            if (bad++ < 3)
                printf("# parse, allocation %ld failing: %s (%s)\n", n,
                   vnplan_status_name(err.code), err.message);
        }
        vnplan_plan_free(p);
        if (done)
            break;
    }
    ok(bad == 0 && n < MAX_POINTS, "parse: %ld allocation points, %ld ended in NOMEM", n - 1,
       nomem);
    ok(unlike == 0, "parse: every plan made despite a failed allocation is exact (%ld are not)",
       unlike);

    /* The text as read (planparse --format=text). */
    size_t ref_len = 0;
    char *ref_text = vnplan_read_text_bytes(plan_a, strlen(plan_a), "a.txt", o, &ref_len, &err);
    ok(ref_text && strstr(ref_text, "\n"), "text as read");
    bad = nomem = unlike = 0;
    for (n = 1; ref_text && n < MAX_POINTS; n++) {
        arm(n);
        size_t len = 0;
        char *t = vnplan_read_text_bytes(plan_a, strlen(plan_a), "a.txt", o, &len, &err);
        disarm();
        int done = !hit;
        if (t)
            unlike += len != ref_len || strcmp(t, ref_text) != 0;
        else if (err.code == VNPLAN_E_NOMEM)
            nomem++;
        else
            bad++;
        free(t);
        if (done)
            break;
    }
    ok(bad == 0 && unlike == 0 && n < MAX_POINTS,
       "text as read: %ld allocation points, %ld ended in NOMEM, %ld unlike", n - 1, nomem,
       unlike);
    free(ref_text);

    /* Rendering the plan in every format. */
    for (size_t f = 0; f < NFORMATS; f++) {
        bad = nomem = 0;
        stage_no = 3;
        for (n = 1; n < MAX_POINTS; n++) {
            arm(n);
            char *s = vnplan_render(a, formats[f]);
            disarm();
            int done = !hit;
            if (!s)
                nomem++;
            else if (strcmp(s, want_plan[f]) != 0) {
                if (bad++ < 3)
                    printf("# render %zu, allocation %ld failing: output unlike the reference\n",
                       f, n);
            }
            int none = s == NULL;
            free(s);
            if (done) {
                bad += none;
                break;
            }
        }
        ok(bad == 0 && n < MAX_POINTS, "render format %zu: %ld allocation points, %ld NULL", f,
           n - 1, nomem);
    }

    /* Comparing: NOMEM, or a diff exactly as the reference. */
    bad = nomem = unlike = 0;
    stage_no = 4;
    for (n = 1; n < MAX_POINTS; n++) {
        arm(n);
        vnplan_diff *dd = vnplan_compare(a, b, o, &err);
        disarm();
        int done = !hit;
        if (dd) {
            if (!diff_as_wanted(dd) && unlike++ < 3)
                printf("# compare, allocation %ld failing: a diff unlike the reference\n", n);
        } else if (err.code == VNPLAN_E_NOMEM) {
            nomem++;
        } else {
            if (bad++ < 3)
                printf("# compare, allocation %ld failing: %s (%s)\n", n,
                   vnplan_status_name(err.code), err.message);
        }
        vnplan_diff_free(dd);
        if (done)
            break;
    }
    ok(bad == 0 && n < MAX_POINTS, "compare: %ld allocation points, %ld ended in NOMEM", n - 1,
       nomem);
    ok(unlike == 0, "compare: every diff made despite a failed allocation is exact (%ld are not)",
       unlike);

    /* Rendering the comparison in every format. */
    for (size_t f = 0; f < NDIFF; f++) {
        bad = nomem = 0;
        stage_no = 5;
        for (n = 1; n < MAX_POINTS; n++) {
            arm(n);
            char *s = vnplan_diff_render(d, diff_formats[f], 80, 0);
            disarm();
            int done = !hit;
            if (!s)
                nomem++;
            else if (strcmp(s, want_diff[f]) != 0) {
                if (bad++ < 3)
                    printf("# diff render %zu, allocation %ld failing: output unlike the "
                       "reference\n", f, n);
            }
            int none = s == NULL;
            free(s);
            if (done) {
                bad += none;
                break;
            }
        }
        ok(bad == 0 && n < MAX_POINTS, "diff render format %zu: %ld allocation points, %ld NULL",
           f, n - 1, nomem);
    }

    vnplan_diff_free(d);
    vnplan_plan_free(a);
    vnplan_plan_free(b);
    vnplan_options_free(o);
    for (size_t f = 0; f < NFORMATS; f++)
        free(want_plan[f]);
    for (size_t f = 0; f < NDIFF; f++)
        free(want_diff[f]);
    return tap_done();
}
