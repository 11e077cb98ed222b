/* test_categories.c — frameworks and categories without a comparison
 * (vnplan.h §5d): the frameworks loaded options hold, newest first; their
 * categories in the file's order, pillars flagged; a task's category in
 * its own framework is vnplan_task_pillar's, and in another framework the
 * one vnplan_compare maps it to through the crosswalk; every getter
 * answers NULL or 0 to NULL and to an index out of range. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "vnplan.h"

static const vnplan_document *plan_doc(const vnplan_plan *p)
{
    const vnplan_document *best = NULL;
    size_t most = 0;
    for (size_t i = 0; i < vnplan_plan_document_count(p); i++) {
        const vnplan_document *d = vnplan_plan_document(p, i);
        if (vnplan_document_task_count(d, VNPLAN_TASKS) > most) {
            most = vnplan_document_task_count(d, VNPLAN_TASKS);
            best = d;
        }
    }
    return best;
}

int main(void)
{
    const char *src = getenv("top_srcdir") ? getenv("top_srcdir") : ".";
    char data[4096], kh[4096], p155[4096];
    snprintf(data, sizeof data, "%s/data", src);
    snprintf(kh, sizeof kh, "%s/corpus/khanhhoa.txt", src);
    snprintf(p155, sizeof p155, "%s/tests/fixtures/plan155.txt", src);

    vnplan_options *o = vnplan_options_new();
    vnplan_options_set_datadir(o, data);
    ok(vnplan_options_framework_count(o) == 0 && !vnplan_options_framework_at(o, 0),
       "options not loaded: no frameworks");
    vnplan_error err;
    ok(vnplan_options_load(o, &err) == VNPLAN_OK, "options load");
    ok(vnplan_options_framework_count(o) >= 2, "at least qd161 and qd155 installed");
    is_str(vnplan_framework_id(vnplan_options_framework_at(o, 0)), "qd155", "newest first");
    ok(!vnplan_options_framework(o, NULL), "no framework asked for");
    const vnplan_framework *f161 = vnplan_options_framework(o, "qd161");
    const vnplan_framework *f155 = vnplan_options_framework(o, "qd155");
    ok(f161 && f155, "both by id");
    ok(!vnplan_options_framework(o, "nope"), "unknown id: NULL");
    is_str(vnplan_framework_date(f161), "2016-01-25", "qd161 date");
    ok(vnplan_framework_title(f161) != NULL, "qd161 title");
    is_int(vnplan_framework_category_count(f161), 10, "qd161: 10 categories");
    const char *vi = NULL, *en = NULL;
    int pillar = -1;
    is_str(vnplan_framework_category(f161, 0, &vi, &en, &pillar), "gan_ket", "first category");
    ok(vi && strstr(vi, "gắn kết") && pillar == 1, "its label and pillar flag");
    is_str(vnplan_framework_category(f161, 5, NULL, NULL, &pillar), "tuyen_truyen",
           "sixth: tuyen_truyen");
    ok(pillar == 0, "not a pillar");
    ok(!vnplan_framework_category(f161, 10, &vi, &en, &pillar) && !vi && !en && !pillar,
       "past the end: NULL, outputs cleared");
    ok(!vnplan_framework_id(NULL) && !vnplan_framework_category_count(NULL) &&
       !vnplan_document_framework(NULL) && !vnplan_task_category(NULL, NULL, f161, NULL),
       "NULL answers NULL or 0");

    vnplan_plan *a = vnplan_parse_file(kh, o, &err), *b = vnplan_parse_file(p155, o, &err);
    ok(a && b, "corpus plans parse");
    const vnplan_document *da = plan_doc(a), *db = plan_doc(b);
    is_str(vnplan_document_framework(da), "qd161", "khanhhoa: qd161");
    is_str(vnplan_document_framework(db), "qd155", "plan155: qd155");
    size_t same = 0, n = vnplan_document_task_count(da, VNPLAN_TASKS);
    for (size_t i = 0; i < n; i++) {
        const vnplan_task *t = vnplan_document_task(da, VNPLAN_TASKS, i);
        size_t index;
        const char *c = vnplan_task_category(da, t, f161, &index);
        const char *own = vnplan_task_pillar(t, NULL, NULL);
        same += (c == own || (c && own && strcmp(c, own) == 0)) &&
                (!c || strcmp(vnplan_framework_category(f161, index, NULL, NULL, NULL), c) == 0);
    }
    is_int(same, n, "in its own framework, every task's category is vnplan_task_pillar's");

    vnplan_diff *df = vnplan_compare(a, b, o, &err);
    ok(df != NULL, "compare khanhhoa with plan155");
    is_str(vnplan_diff_framework(df, NULL), "qd155", "under qd155");
    size_t agree = 0, total = 0;
    for (size_t i = 0; i < vnplan_diff_pair_count(df); i++) {
        const vnplan_task *t = vnplan_diff_pair(df, i, NULL, NULL);
        total++;
        const char *x = vnplan_task_category(da, t, f155, NULL);
        const char *y = vnplan_diff_task_category(df, VNPLAN_SIDE_A, t, NULL);
        agree += x == y || (x && y && strcmp(x, y) == 0);
    }
    for (size_t i = 0; i < vnplan_diff_only_count(df, VNPLAN_SIDE_A); i++) {
        const vnplan_task *t = vnplan_diff_only(df, VNPLAN_SIDE_A, i);
        total++;
        const char *x = vnplan_task_category(da, t, f155, NULL);
        const char *y = vnplan_diff_task_category(df, VNPLAN_SIDE_A, t, NULL);
        agree += x == y || (x && y && strcmp(x, y) == 0);
    }
    is_int(total, n, "the comparison covers every task of khanhhoa");
    is_int(agree, total, "mapped into qd155: the comparison's categories");
    vnplan_diff_free(df);
    vnplan_plan_free(a);
    vnplan_plan_free(b);
    vnplan_options_free(o);
    printf("1..%d\n", tap_n);
    return tap_failed != 0;
}
