/* test_iter.c — the document walker (vnplan_iter_*): on a fixture whose
 * whole event sequence is written out; on both corpus plans against the
 * section tree and the task lists read through the other getters (enter
 * and exit balanced and nested, sections in document order, every task
 * and duty once, in order, inside its own section); and on a chain of
 * sections far deeper than a recursive walk could survive. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "vnplan.h"
#include "model/model.h"

static vnplan_options *opts;

static const char fixture[] =
    "UBND TỈNH KHÁNH HÒA\n"
    "Số: 1/KH-UBND\n"
    "Khánh Hòa, ngày 10 tháng 01 năm 2022\n"
    "KẾ HOẠCH\n"
    "Thử nghiệm duyệt cây\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Nâng cao nhận thức về Cộng đồng ASEAN.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n"
    "1. Tuyên truyền\n"
    "- Sở Văn hóa và Thể thao tổ chức tuyên truyền về Cộng đồng ASEAN.\n"
    "- Sở Y tế chủ trì triển khai kế hoạch phòng, chống dịch bệnh.\n"
    "2. Hòa nhập\n"
    "2.1. Việc làm\n"
    "- Sở Lao động - Thương binh và Xã hội thực hiện chính sách việc làm.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n"
    "2. Các sở, ngành báo cáo kết quả thực hiện trước ngày 15/12 hằng năm.\n";

/* The events of a document as one line: "+I" entered, "-I" left, "T1@II.1"
 * a task or duty and the section it came in; the root's path is "". */
static void events(const vnplan_document *d, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    vnplan_iter *it = vnplan_iter_new(d);
    vnplan_event ev;
    while (it && (ev = vnplan_iter_next(it)) != VNPLAN_EVENT_DONE && len + 1 < cap) {
        const char *path = vnplan_section_path(vnplan_iter_section(it));
        if (ev == VNPLAN_EVENT_TASK || ev == VNPLAN_EVENT_DUTY)
            len += (size_t)snprintf(out + len, cap - len, "%s%s@%s", len ? " " : "",
                                    vnplan_task_id(vnplan_iter_task(it)), path);
        else
            len += (size_t)snprintf(out + len, cap - len, "%s%c%s", len ? " " : "",
                                    ev == VNPLAN_EVENT_ENTER_SECTION ? '+' : '-', path);
    }
    vnplan_iter_free(it);
}

static void test_fixture(void)
{
    vnplan_error err;
    vnplan_plan *p = vnplan_parse_bytes(fixture, sizeof fixture - 1, "fixture", opts, &err);
    if (!ok(p != NULL, "fixture parses")) {
        printf("# %s\n", err.message);
        return;
    }
    const vnplan_document *d = vnplan_plan_document(p, 0);
    char got[1024];
    events(d, got, sizeof got);
    is_str(got,
           "+ +I -I +II +II.1 T1@II.1 T2@II.1 -II.1 +II.2 +II.2.1 T3@II.2.1 -II.2.1 -II.2 -II"
           " +III +III.1 D1@III.1 -III.1 +III.2 D2@III.2 -III.2 -III -",
           "fixture: the whole walk");

    vnplan_iter *it = vnplan_iter_new(d);
    ok(vnplan_iter_section(it) == NULL && vnplan_iter_task(it) == NULL,
       "nothing current before the first event");
    is_int(vnplan_iter_next(it), VNPLAN_EVENT_ENTER_SECTION, "the first event enters ...");
    ok(vnplan_iter_section(it) == vnplan_document_root(d), "... the root");
    while (vnplan_iter_next(it) != VNPLAN_EVENT_DONE)
        ;
    ok(vnplan_iter_next(it) == VNPLAN_EVENT_DONE && vnplan_iter_section(it) == NULL &&
           vnplan_iter_task(it) == NULL,
       "done stays done, with nothing current");
    vnplan_iter_free(it);
    vnplan_plan_free(p);

    ok(vnplan_iter_new(NULL) == NULL, "no iterator without a document");
    ok(vnplan_iter_next(NULL) == VNPLAN_EVENT_DONE && vnplan_iter_section(NULL) == NULL &&
           vnplan_iter_task(NULL) == NULL,
       "a NULL iterator is done");
    vnplan_iter_free(NULL);
}

/* The section after `s` in document order, by the tree getters. */
static const vnplan_section *following(const vnplan_section *s)
{
    if (vnplan_section_first_child(s))
        return vnplan_section_first_child(s);
    while (s && !vnplan_section_next(s))
        s = vnplan_section_parent(s);
    return s ? vnplan_section_next(s) : NULL;
}

/* One document checked against the getters; `name` for messages. */
static void check_document(const char *name, const vnplan_document *d)
{
    enum { MAX_OPEN = 64 };
    const vnplan_section *open[MAX_OPEN];
    size_t depth = 0, enters = 0, exits = 0, sections = 0;
    size_t next[2] = { 0, 0 }, ntask[2];
    ntask[VNPLAN_TASKS] = vnplan_document_task_count(d, VNPLAN_TASKS);
    ntask[VNPLAN_DUTIES] = vnplan_document_task_count(d, VNPLAN_DUTIES);
    for (const vnplan_section *s = vnplan_document_root(d); s; s = following(s))
        sections++;
    const vnplan_section *expect = vnplan_document_root(d);
    int nested = 1, order = 1, tasks_in_order = 1;
    size_t misplaced = 0;
    long last_line = 0;

    vnplan_iter *it = vnplan_iter_new(d);
    vnplan_event ev;
    while ((ev = vnplan_iter_next(it)) != VNPLAN_EVENT_DONE) {
        const vnplan_section *s = vnplan_iter_section(it);
        if (ev == VNPLAN_EVENT_ENTER_SECTION) {
            enters++;
            /* entered in document order, inside its parent */
            order &= s == expect;
            expect = following(s);
            nested &= depth == 0 ? vnplan_section_parent(s) == NULL
                                 : vnplan_section_parent(s) == open[depth - 1];
            if (depth < MAX_OPEN)
                open[depth] = s;
            depth++;
        } else if (ev == VNPLAN_EVENT_EXIT_SECTION) {
            exits++;
            nested &= depth > 0 && depth <= MAX_OPEN && open[depth - 1] == s;
            depth -= depth > 0;
        } else {
            vnplan_task_part part = ev == VNPLAN_EVENT_TASK ? VNPLAN_TASKS : VNPLAN_DUTIES;
            const vnplan_task *t = vnplan_iter_task(it);
            tasks_in_order &= next[part] < ntask[part] &&
                              t == vnplan_document_task(d, part, next[part]) &&
                              vnplan_task_line(t) >= last_line;
            next[part]++;
            last_line = vnplan_task_line(t);
            if (depth == 0 || depth > MAX_OPEN || s != open[depth - 1] ||
                strcmp(vnplan_section_path(s), vnplan_task_section(t)) != 0) {
                printf("# %s: %s reported in %s, belongs to %s\n", name, vnplan_task_id(t),
                       vnplan_section_path(s), vnplan_task_section(t));
                misplaced++;
            }
        }
    }
    vnplan_iter_free(it);

    is_int(enters, sections, "%s: every section entered (%zu)", name, sections);
    is_int(exits, enters, "%s: as many exits as enters", name);
    ok(nested && depth == 0, "%s: enter and exit nest like the tree", name);
    ok(order && expect == NULL, "%s: sections in document order", name);
    ok(tasks_in_order && next[VNPLAN_TASKS] == ntask[VNPLAN_TASKS],
       "%s: each of the %zu tasks once, in order", name, ntask[VNPLAN_TASKS]);
    ok(tasks_in_order && next[VNPLAN_DUTIES] == ntask[VNPLAN_DUTIES],
       "%s: each of the %zu duties once, in order", name, ntask[VNPLAN_DUTIES]);
    is_int(misplaced, 0, "%s: each inside the section its path names", name);
}

static void test_corpus(const char *file)
{
    const char *top = getenv("top_srcdir");
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", top ? top : ".", file);
    vnplan_error err;
    vnplan_plan *p = vnplan_parse_file(path, opts, &err);
    if (!ok(p != NULL, "%s parses", file)) {
        printf("# %s: %s\n", path, err.message);
        return;
    }
    size_t all = 0;
    for (size_t i = 0; i < vnplan_plan_document_count(p); i++) {
        const vnplan_document *d = vnplan_plan_document(p, i);
        char name[64];
        const char *number = vnplan_document_field(d, VNPLAN_FIELD_NUMBER);
        snprintf(name, sizeof name, "%s %s", file, number ? number : "(no number)");
        check_document(name, d);
        all += vnplan_document_task_count(d, VNPLAN_TASKS);
    }
    ok(all > 0, "%s: has tasks to walk (%zu)", file, all);
    vnplan_plan_free(p);
}

/* A chain of sections built directly, deeper than any input allows, with
 * one task at the bottom: a recursive walk would run out of stack. */
static void test_deep(void)
{
    enum { DEPTH = 100000 };
    vnplan_plan *p = vp_plan_new();
    vnplan_document *d = p ? vp_plan_add_document(p) : NULL;
    if (!ok(d != NULL, "deep: a document"))
        return;
    vnplan_section *s = d->root;
    for (long i = 1; s && i <= DEPTH; i++) {
        s = vp_section_new(p, s);
        if (s) {
            s->line = i;
            s->path = i == DEPTH ? "bottom" : "x";
        }
    }
    if (!ok(s != NULL, "deep: %d nested sections", DEPTH)) {
        vnplan_plan_free(p);
        return;
    }
    vnplan_task task = { .id = "T1", .section = "bottom", .line = DEPTH + 1 };
    d->tasks[VNPLAN_TASKS] = &task;
    d->ntasks[VNPLAN_TASKS] = 1;

    vnplan_iter *it = vnplan_iter_new(d);
    size_t enters = 0, exits = 0, depth = 0, deepest = 0, tasks = 0;
    const vnplan_section *task_in = NULL;
    vnplan_event ev;
    while ((ev = vnplan_iter_next(it)) != VNPLAN_EVENT_DONE) {
        if (ev == VNPLAN_EVENT_ENTER_SECTION) {
            enters++;
            if (++depth > deepest)
                deepest = depth;
        } else if (ev == VNPLAN_EVENT_EXIT_SECTION) {
            exits++;
            depth--;
        } else {
            tasks++;
            task_in = vnplan_iter_section(it);
        }
    }
    vnplan_iter_free(it);
    is_int(enters, DEPTH + 1, "deep: every section entered");
    is_int(exits, DEPTH + 1, "deep: and left");
    is_int(deepest, DEPTH + 1, "deep: down to the bottom");
    ok(tasks == 1 && task_in == s, "deep: the task comes in the bottom section");
    d->tasks[VNPLAN_TASKS] = NULL;
    d->ntasks[VNPLAN_TASKS] = 0;
    vnplan_plan_free(p);
}

int main(void)
{
    opts = vnplan_options_new();
    const char *dir = getenv("VNPLAN_DATADIR");
    if (dir)
        vnplan_options_set_datadir(opts, dir);
    test_fixture();
    test_corpus("khanhhoa.txt");
    test_corpus("thanhhoa.txt");
    test_deep();
    vnplan_options_free(opts);
    return tap_done();
}
