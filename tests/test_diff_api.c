/* test_diff_api.c — the comparison through the public getters of vnplan.h
 * §5c, on the corpus pair (Khánh Hòa against Thanh Hóa):
 *
 * - the getters give the numbers of the JSON report (summary, each
 *   pillar's lists, agencies and references by side);
 * - per-category counts add up to the totals;
 * - the only tasks and the pairs cover every task of each side once, and
 *   each only task is in its category's list of the JSON;
 * - the agencies each side names are the agencies planparse's JSON lists
 *   for that plan (one grouping rule), with the same lead counts; an
 *   agency the gazetteer does not know is one agency however its case is
 *   printed, in planparse's list and in a comparison;
 * - every getter answers NULL or 0 to a NULL diff, an index out of range
 *   and a bad side;
 * - what the getters return stays valid after the plans are freed, while
 *   the diff lives. */
#include "config.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "vnplan.h"

static size_t jlen(json_t *o, const char *key) { return json_array_size(json_object_get(o, key)); }

static long jint(json_t *o, const char *path)
{
    /* "a.b": one level of nesting is all the report needs */
    char key[64];
    const char *dot = strchr(path, '.');
    if (dot) {
        snprintf(key, sizeof key, "%.*s", (int)(dot - path), path);
        o = json_object_get(o, key);
        path = dot + 1;
    }
    return (long)json_integer_value(json_object_get(o, path));
}

/* Is `id` in the JSON array of strings `list`? */
static int listed(json_t *list, const char *id)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) if (strcmp(json_string_value(v), id) == 0) return 1;
    return 0;
}

/* The JSON pillar object of category id (NULL: the unclassified). */
static json_t *pillar_of(json_t *report, const char *id)
{
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(report, "pillars"), i, p)
    {
        const char *pid = json_string_value(json_object_get(p, "id"));
        if (id ? pid && strcmp(pid, id) == 0 : !pid)
            return p;
    }
    return NULL;
}

/* The agency of the JSON lists agencies.both/only_a/only_b with `label`,
 * and in which list it is (0 both, 1 only A, 2 only B). */
static json_t *agency_in_report(json_t *report, const char *label, int *where)
{
    static const char *const lists[3] = {"both", "only_a", "only_b"};
    for (int w = 0; w < 3; w++) {
        size_t i;
        json_t *a;
        json_array_foreach(json_object_get(json_object_get(report, "agencies"), lists[w]), i, a)
        if (strcmp(json_string_value(json_object_get(a, "label")), label) == 0) {
            *where = w;
            return a;
        }
    }
    return NULL;
}

static const vnplan_document *the_plan(const vnplan_plan *p)
{
    const vnplan_document *best = NULL;
    for (size_t i = 0; i < vnplan_plan_document_count(p); i++) {
        const vnplan_document *d = vnplan_plan_document(p, i);
        if (!best || vnplan_document_task_count(d, VNPLAN_TASKS) >
                         vnplan_document_task_count(best, VNPLAN_TASKS))
            best = d;
    }
    return best;
}

/* planparse's agencies of the plan's document (the one with the most
 * tasks): the same agencies, by label and leads, as the diff's for that
 * side. */
static void agencies_as_planparse(const vnplan_diff *df, const vnplan_plan *plan, int side)
{
    char *s = vnplan_render(plan, VNPLAN_FORMAT_JSON);
    json_t *root = s ? json_loads(s, 0, NULL) : NULL;
    free(s);
    const vnplan_document *d = the_plan(plan);
    json_t *doc = NULL;
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(root, "documents"), i, x)
    {
        const char *num = json_string_value(json_object_get(x, "number"));
        const char *want = vnplan_document_field(d, VNPLAN_FIELD_NUMBER);
        if (num && want && strcmp(num, want) == 0 &&
            json_array_size(json_object_get(x, "tasks")) ==
                vnplan_document_task_count(d, VNPLAN_TASKS))
            doc = x;
    }
    ok(doc != NULL, "side %c: planparse's JSON has the plan's document", side ? 'B' : 'A');
    json_t *list = json_object_get(doc, "agencies");
    size_t named = 0, matched = 0, leads_equal = 0;
    for (size_t k = 0; k < vnplan_diff_agency_count(df); k++) {
        if (!vnplan_diff_agency_named(df, k, side))
            continue;
        named++;
        const char *id = NULL, *label = vnplan_diff_agency(df, k, &id, NULL);
        json_array_foreach(list, i, x)
        {
            const char *xid = json_string_value(json_object_get(x, "id"));
            const char *xlabel = json_string_value(json_object_get(x, "label"));
            if (id ? xid && strcmp(xid, id) == 0 : !xid && strcmp(xlabel, label) == 0) {
                matched++;
                leads_equal += json_integer_value(json_object_get(x, "lead")) ==
                               vnplan_diff_agency_leads(df, k, side);
                break;
            }
        }
    }
    is_int(named, json_array_size(list), "side %c: as many agencies as planparse lists",
           side ? 'B' : 'A');
    is_int(matched, named, "side %c: each of them in planparse's list", side ? 'B' : 'A');
    is_int(leads_equal, named, "side %c: with the same number of leads", side ? 'B' : 'A');
    json_decref(root);
}

/* A small plan whose task names `who` as its lead. */
static vnplan_plan *small_plan(const char *who, const char *who_again, vnplan_options *opts)
{
    char text[2048];
    int n = snprintf(text, sizeof text,
                     "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố: 12/KH-UBND\n\n"
                     "An Hòa, ngày 16 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
                     "Thực hiện Quyết định số 161/QĐ-TTg\n\nI. NHIỆM VỤ, GIẢI PHÁP\n\n"
                     "- %s chủ trì tuyên truyền về bảo vệ môi trường.\n"
                     "- %s phối hợp với Sở Y tế kiểm tra an toàn thực phẩm.\n",
                     who, who_again);
    vnplan_error err;
    return vnplan_parse_bytes(text, (size_t)n, "small.txt", opts, &err);
}

/* An unknown agency printed in two cases: one agency for planparse and
 * for plandiff. */
static void unknown_agency_folded(vnplan_options *opts)
{
    vnplan_plan *a = small_plan("Hội Làm vườn tỉnh", "Hội Làm Vườn Tỉnh", opts);
    vnplan_plan *b = small_plan("Hội Làm Vườn Tỉnh", "Hội Làm Vườn Tỉnh", opts);
    char *s = a ? vnplan_render(a, VNPLAN_FORMAT_JSON) : NULL;
    json_t *root = s ? json_loads(s, 0, NULL) : NULL;
    json_t *list = json_object_get(json_array_get(json_object_get(root, "documents"), 0),
                                   "agencies");
    json_t *first = json_array_get(list, 0);
    ok(json_array_size(list) == 2 && json_is_null(json_object_get(first, "id")) &&
           json_array_size(json_object_get(first, "names")) == 2 &&
           json_integer_value(json_object_get(first, "lead")) == 2,
       "planparse: an unknown agency printed in two cases is one agency with two names");
    json_decref(root);
    free(s);
    vnplan_error err;
    vnplan_diff *df = a && b ? vnplan_compare(a, b, opts, &err) : NULL;
    size_t unknown = 0, both = 0;
    for (size_t i = 0; i < vnplan_diff_agency_count(df); i++) {
        const char *id = NULL;
        vnplan_diff_agency(df, i, &id, NULL);
        if (!id) {
            unknown++;
            both += vnplan_diff_agency_named(df, i, VNPLAN_SIDE_A) &&
                    vnplan_diff_agency_named(df, i, VNPLAN_SIDE_B);
        }
    }
    ok(df && unknown == 1 && both == 1,
       "plandiff: the same unknown agency, differently cased, is named by both plans");
    vnplan_diff_free(df);
    vnplan_plan_free(a);
    vnplan_plan_free(b);
}

int main(void)
{
    const char *top = getenv("top_srcdir");
    char ka[4096], th[4096];
    snprintf(ka, sizeof ka, "%s/corpus/khanhhoa.txt", top ? top : ".");
    snprintf(th, sizeof th, "%s/corpus/thanhhoa.txt", top ? top : ".");
    vnplan_options *opts = vnplan_options_new();
    const char *datadir = getenv("VNPLAN_DATADIR");
    if (datadir && *datadir)
        vnplan_options_set_datadir(opts, datadir);
    vnplan_error err;
    vnplan_plan *a = vnplan_parse_file(ka, opts, &err);
    vnplan_plan *b = a ? vnplan_parse_file(th, opts, &err) : NULL;
    vnplan_diff *df = a && b ? vnplan_compare(a, b, opts, &err) : NULL;
    if (!ok(df != NULL, "the corpus pair is compared")) {
        printf("#   %s: %s\n", err.file, err.message);
        return tap_done();
    }
    char *js = vnplan_diff_render(df, VNPLAN_DIFF_JSON, 0, 0);
    json_error_t jerr;
    json_t *report = js ? json_loads(js, 0, &jerr) : NULL;
    free(js);
    if (!ok(report != NULL, "the JSON report parses"))
        return tap_done();
    json_t *sum = json_object_get(report, "summary");

    /* ------------------------------------------------ framework */
    const char *why = NULL;
    is_str(vnplan_diff_framework(df, &why), json_string_value(json_object_get(report, "framework")),
           "framework as in the JSON");
    is_str(why, json_string_value(json_object_get(report, "framework_why")),
           "how it was chosen as in the JSON");
    is_str(why, "both", "both plans implement Decision 161");
    ok(!vnplan_diff_mapped_from(df, VNPLAN_SIDE_A) && !vnplan_diff_mapped_from(df, VNPLAN_SIDE_B),
       "neither side is mapped through a crosswalk");

    /* ------------------------------------------------ totals */
    static const struct {
        vnplan_tally what;
        const char *key;
    } totals[] = {
        {VNPLAN_TALLY_PAIRS, "pairs"},
        {VNPLAN_TALLY_ONLY_A, "only_a"},
        {VNPLAN_TALLY_ONLY_B, "only_b"},
        {VNPLAN_TALLY_MOVED, "moved"},
        {VNPLAN_TALLY_VERBATIM, "verbatim"},
        {VNPLAN_TALLY_TASKS_A, "tasks.a"},
        {VNPLAN_TALLY_TASKS_B, "tasks.b"},
        {VNPLAN_TALLY_AGENCIES_BOTH, "agencies.both"},
        {VNPLAN_TALLY_AGENCIES_ONLY_A, "agencies.only_a"},
        {VNPLAN_TALLY_AGENCIES_ONLY_B, "agencies.only_b"},
        {VNPLAN_TALLY_SECTORS, "agencies.by_sector"},
        {VNPLAN_TALLY_REFERENCES_BOTH, "references.both"},
        {VNPLAN_TALLY_REFERENCES_ONLY_A, "references.only_a"},
        {VNPLAN_TALLY_REFERENCES_ONLY_B, "references.only_b"},
        {VNPLAN_TALLY_REPORTING_A, "reporting.a"},
        {VNPLAN_TALLY_REPORTING_B, "reporting.b"},
        {VNPLAN_TALLY_TARGETS_A, "targets.a"},
        {VNPLAN_TALLY_TARGETS_B, "targets.b"},
    };
    for (size_t i = 0; i < sizeof totals / sizeof *totals; i++)
        is_int(vnplan_diff_tally(df, totals[i].what), jint(sum, totals[i].key),
               "tally %s as the JSON summary", totals[i].key);
    is_int(vnplan_diff_pair_count(df), jint(sum, "pairs"), "pair count");
    is_int(vnplan_diff_only_count(df, VNPLAN_SIDE_A), jint(sum, "only_a"), "only count of A");
    is_int(vnplan_diff_only_count(df, VNPLAN_SIDE_B), jint(sum, "only_b"), "only count of B");
    is_int(vnplan_diff_differs(df), json_is_true(json_object_get(sum, "differ")), "differs");
    /* The summary against the report's own lists. */
    json_t *ag = json_object_get(report, "agencies"), *rf = json_object_get(report, "references");
    is_int(vnplan_diff_agency_count(df), jlen(ag, "both") + jlen(ag, "only_a") + jlen(ag, "only_b"),
           "agencies: as many as the JSON lists");
    is_int(vnplan_diff_tally(df, VNPLAN_TALLY_SECTORS), jlen(ag, "by_sector"),
           "sectors: as many as agencies.by_sector");
    is_int(vnplan_diff_reference_count(df),
           jlen(rf, "both") + jlen(rf, "only_a") + jlen(rf, "only_b"),
           "references: as many as the JSON lists");
    is_int(vnplan_diff_tally(df, VNPLAN_TALLY_REPORTING_A),
           jlen(json_object_get(report, "reporting"), "a"), "reporting of A: the JSON's list");
    is_int(vnplan_diff_tally(df, VNPLAN_TALLY_TARGETS_A),
           jlen(json_object_get(report, "targets"), "a"), "targets of A: the JSON's list");

    /* ------------------------------------------------ categories */
    size_t ncat = vnplan_diff_category_count(df), listed_cats = 0, agree = 0;
    size_t sums[VNPLAN_TALLY_ONLY_B + 1] = {0};
    for (size_t i = 0; i < ncat; i++) {
        const char *id = vnplan_diff_category_id(df, i);
        ok(vnplan_diff_category_label(df, i) != NULL, "category %zu (%s) has a label", i,
           id ? id : "unclassified");
        for (int t = 0; t <= VNPLAN_TALLY_ONLY_B; t++)
            sums[t] += vnplan_diff_category_tally(df, i, (vnplan_tally)t);
        json_t *p = pillar_of(report, id);
        if (!p)
            continue;
        listed_cats++;
        size_t moved = 0, verbatim = 0, k;
        json_t *pr;
        json_array_foreach(json_object_get(p, "pairs"), k, pr)
        {
            moved += json_object_get(pr, "moved_from") != NULL;
            verbatim += json_is_true(json_object_get(pr, "verbatim"));
        }
        agree += vnplan_diff_category_tally(df, i, VNPLAN_TALLY_TASKS_A) == jlen(p, "a_tasks") &&
                 vnplan_diff_category_tally(df, i, VNPLAN_TALLY_TASKS_B) == jlen(p, "b_tasks") &&
                 vnplan_diff_category_tally(df, i, VNPLAN_TALLY_PAIRS) == jlen(p, "pairs") &&
                 vnplan_diff_category_tally(df, i, VNPLAN_TALLY_ONLY_A) == jlen(p, "only_a") &&
                 vnplan_diff_category_tally(df, i, VNPLAN_TALLY_ONLY_B) == jlen(p, "only_b") &&
                 vnplan_diff_category_tally(df, i, VNPLAN_TALLY_MOVED) == moved &&
                 vnplan_diff_category_tally(df, i, VNPLAN_TALLY_VERBATIM) == verbatim &&
                 strcmp(vnplan_diff_category_label(df, i),
                        json_string_value(json_object_get(p, "label"))) == 0;
    }
    is_int(listed_cats, json_array_size(json_object_get(report, "pillars")),
           "every JSON pillar is a category");
    is_int(agree, listed_cats, "each category's counts and label are the JSON pillar's");
    ok(vnplan_diff_category_id(df, ncat - 1) == NULL, "the last category is the unclassified");
    for (int t = 0; t <= VNPLAN_TALLY_ONLY_B; t++)
        is_int(sums[t], vnplan_diff_tally(df, (vnplan_tally)t),
               "tally %d: the categories add up to the total", t);
    ok(vnplan_diff_category_tally(df, 0, VNPLAN_TALLY_AGENCIES_BOTH) == 0,
       "a total-only tally is 0 for a category");

    /* ------------------------------------------------ pairs and only tasks */
    size_t moved = 0, verbatim = 0;
    for (size_t i = 0; i < vnplan_diff_pair_count(df); i++) {
        unsigned f = vnplan_diff_pair_flags(df, i);
        moved += (f & VNPLAN_PAIR_MOVED) != 0;
        verbatim += (f & VNPLAN_PAIR_VERBATIM) != 0;
    }
    is_int(moved, vnplan_diff_tally(df, VNPLAN_TALLY_MOVED), "pairs flagged moved");
    is_int(verbatim, vnplan_diff_tally(df, VNPLAN_TALLY_VERBATIM), "pairs flagged verbatim");
    vnplan_plan *plans[2] = {a, b};
    for (int side = 0; side < 2; side++) {
        const vnplan_document *d = the_plan(plans[side]);
        size_t n = vnplan_document_task_count(d, VNPLAN_TASKS);
        unsigned *seen = calloc(n + 1, sizeof *seen);
        size_t strangers = 0, in_list = 0, nonly = vnplan_diff_only_count(df, side);
        for (size_t i = 0; i < vnplan_diff_pair_count(df); i++) {
            const vnplan_task *tb = NULL, *ta = vnplan_diff_pair(df, i, &tb, NULL);
            const vnplan_task *t = side ? tb : ta;
            size_t k = 0;
            while (k < n && vnplan_document_task(d, VNPLAN_TASKS, k) != t)
                k++;
            k < n ? (void)seen[k]++ : (void)strangers++;
        }
        for (size_t i = 0; i < nonly; i++) {
            const vnplan_task *t = vnplan_diff_only(df, side, i);
            size_t k = 0, cat = 0;
            while (k < n && vnplan_document_task(d, VNPLAN_TASKS, k) != t)
                k++;
            k < n ? (void)seen[k]++ : (void)strangers++;
            const char *cid = t ? vnplan_diff_task_category(df, side, t, &cat) : NULL;
            json_t *p = pillar_of(report, cid);
            in_list += t && cat < ncat &&
                       listed(json_object_get(p, side ? "only_b" : "only_a"), vnplan_task_id(t));
        }
        size_t once = 0;
        for (size_t k = 0; k < n; k++)
            once += seen[k] == 1;
        free(seen);
        is_int(strangers, 0, "side %c: pairs and only tasks are tasks of its plan",
               side ? 'B' : 'A');
        is_int(once, n, "side %c: pairs and only tasks cover each of its %zu tasks once",
               side ? 'B' : 'A', n);
        is_int(in_list, nonly, "side %c: each only task is in its category's JSON list",
               side ? 'B' : 'A');
    }

    /* ------------------------------------------------ agencies, references */
    size_t agencies_agree = 0;
    for (size_t i = 0; i < vnplan_diff_agency_count(df); i++) {
        const char *id = NULL, *sector = NULL, *label = vnplan_diff_agency(df, i, &id, &sector);
        int where = -1;
        json_t *x = label ? agency_in_report(report, label, &where) : NULL;
        int named_a = vnplan_diff_agency_named(df, i, VNPLAN_SIDE_A),
            named_b = vnplan_diff_agency_named(df, i, VNPLAN_SIDE_B);
        agencies_agree += x && where == (named_a && named_b ? 0 : named_a ? 1 : 2) &&
                          json_integer_value(json_object_get(x, "lead_a")) ==
                              vnplan_diff_agency_leads(df, i, VNPLAN_SIDE_A) &&
                          json_integer_value(json_object_get(x, "lead_b")) ==
                              vnplan_diff_agency_leads(df, i, VNPLAN_SIDE_B) &&
                          (id ? json_is_string(json_object_get(x, "id")) : 1);
    }
    is_int(agencies_agree, vnplan_diff_agency_count(df),
           "each agency is in the JSON list of its sides, with its leads");
    size_t both = 0;
    for (size_t i = 0; i < vnplan_diff_reference_count(df); i++)
        both += vnplan_diff_reference_mentions(df, i, VNPLAN_SIDE_A) > 0 &&
                vnplan_diff_reference_mentions(df, i, VNPLAN_SIDE_B) > 0;
    is_int(both, jlen(rf, "both"), "references cited by both: the JSON's");
    const char *type = NULL;
    ok(vnplan_diff_reference(df, 0, &type) && type, "a reference has a name and a type");
    agencies_as_planparse(df, a, VNPLAN_SIDE_A);
    agencies_as_planparse(df, b, VNPLAN_SIDE_B);

    /* A task's lead as the reports show it: B's T6 is Sở Y tế's. */
    const vnplan_document *db = the_plan(b);
    const vnplan_task *t6 = NULL;
    for (size_t k = 0; k < vnplan_document_task_count(db, VNPLAN_TASKS); k++)
        if (strcmp(vnplan_task_id(vnplan_document_task(db, VNPLAN_TASKS, k)), "T6") == 0)
            t6 = vnplan_document_task(db, VNPLAN_TASKS, k);
    is_str(vnplan_diff_task_lead(df, VNPLAN_SIDE_B, t6), "Sở Y tế", "B's T6: led by Sở Y tế");
    ok(vnplan_diff_task_lead(df, VNPLAN_SIDE_A, t6) == NULL, "B's T6 is no task of A");
    size_t idx = 0;
    ok(vnplan_diff_task_category(df, VNPLAN_SIDE_A, t6, &idx) == NULL && idx == (size_t)-1,
       "B's T6: no category on side A, index (size_t)-1");

    /* ------------------------------------------------ bad arguments */
    const char *out = "x";
    ok(!vnplan_diff_framework(NULL, &out) && !out, "NULL diff: no framework");
    ok(!vnplan_diff_mapped_from(df, 2) && !vnplan_diff_mapped_from(NULL, 0),
       "mapped_from: bad side");
    ok(!vnplan_diff_pair_flags(df, 100000) && !vnplan_diff_pair_flags(NULL, 0),
       "pair flags: out of range");
    ok(!vnplan_diff_only_count(df, 2) && !vnplan_diff_only_count(df, -1) &&
           !vnplan_diff_only_count(NULL, 0),
       "only count: bad side, NULL");
    ok(!vnplan_diff_only(df, 0, vnplan_diff_only_count(df, 0)) && !vnplan_diff_only(df, 2, 0) &&
           !vnplan_diff_only(NULL, 0, 0),
       "only task: out of range, bad side, NULL");
    ok(!vnplan_diff_task_category(NULL, 0, t6, NULL) &&
           !vnplan_diff_task_category(df, 1, NULL, NULL) &&
           !vnplan_diff_task_category(df, 5, t6, NULL),
       "task category: NULL diff, NULL task, bad side");
    ok(!vnplan_diff_task_lead(NULL, 1, t6) && !vnplan_diff_task_lead(df, 7, t6), "task lead: bad");
    ok(!vnplan_diff_category_count(NULL) && !vnplan_diff_category_id(df, ncat) &&
           !vnplan_diff_category_label(df, ncat) && !vnplan_diff_category_label(NULL, 0),
       "categories: out of range, NULL");
    ok(!vnplan_diff_tally(NULL, VNPLAN_TALLY_PAIRS) &&
           !vnplan_diff_category_tally(df, ncat, VNPLAN_TALLY_PAIRS) &&
           !vnplan_diff_tally(df, (vnplan_tally)999),
       "tallies: NULL, out of range, unknown");
    const char *id = "x", *sector = "x";
    ok(!vnplan_diff_agency(df, vnplan_diff_agency_count(df), &id, &sector) && !id && !sector &&
           !vnplan_diff_agency_count(NULL) && !vnplan_diff_agency_named(df, 0, 2) &&
           !vnplan_diff_agency_leads(NULL, 0, 0),
       "agencies: out of range, bad side, NULL");
    type = "x";
    ok(!vnplan_diff_reference(df, vnplan_diff_reference_count(df), &type) && !type &&
           !vnplan_diff_reference_count(NULL) && !vnplan_diff_reference_mentions(df, 0, -1),
       "references: out of range, bad side, NULL");

    unknown_agency_folded(opts);

    /* ------------------------------------------------ lifetimes */
    const vnplan_task *first_a = vnplan_diff_only(df, VNPLAN_SIDE_A, 0);
    char *want = first_a ? strdup(vnplan_task_text(first_a)) : NULL;
    vnplan_plan_free(a);
    vnplan_plan_free(b);
    ok(want && strcmp(vnplan_task_text(vnplan_diff_only(df, VNPLAN_SIDE_A, 0)), want) == 0 &&
           vnplan_diff_agency(df, 0, NULL, NULL) != NULL,
       "after the plans are freed, the diff's tasks and agencies are still there");
    free(want);
    json_decref(report);
    vnplan_diff_free(df);
    vnplan_options_free(opts);
    return tap_done();
}
