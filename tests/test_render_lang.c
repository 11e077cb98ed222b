/* test_render_lang.c — the language of a comparison's report through the
 * public API (vnplan.h §5c, VNPLAN_RENDER_LANG_*): English and Vietnamese
 * asked for by flag, the locale followed without one, the process locale
 * never touched, the JSON the same in both, and threads rendering in
 * different languages at once.  The catalog is the build tree's copy
 * (locale/, made by `make`), bound as a program would bind its own. */
#include "config.h"
#include "vnplan.h"
#include "tap.h"
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>

static const vnplan_diff *df;
static char *want[2];   /* the text report in English, in Vietnamese */

static void *renderer(void *arg)
{
    int lang = (int)(size_t)arg, bad = 0;
    for (int i = 0; i < 20; i++) {
        int l = (lang + i) % 2;
        char *s = vnplan_diff_render(df, VNPLAN_DIFF_TEXT, 100,
                                     l ? VNPLAN_RENDER_LANG_VI : VNPLAN_RENDER_LANG_EN);
        bad += !s || strcmp(s, want[l]) != 0;
        free(s);
    }
    return (void *)(size_t)bad;
}

int main(void)
{
    const char *top = getenv("top_srcdir"), *build = getenv("top_builddir");
    char ka[4096], th[4096], dir[PATH_MAX + 16], real[PATH_MAX];
    snprintf(ka, sizeof ka, "%s/corpus/khanhhoa.txt", top ? top : ".");
    snprintf(th, sizeof th, "%s/corpus/thanhhoa.txt", top ? top : ".");
    snprintf(dir, sizeof dir, "%s/locale", build ? build : ".");
    if (realpath(dir, real))
        bindtextdomain("vnplan", real);

    vnplan_options *opts = vnplan_options_new();
    const char *datadir = getenv("VNPLAN_DATADIR");
    if (datadir && *datadir)
        vnplan_options_set_datadir(opts, datadir);
    vnplan_error err;
    vnplan_plan *a = vnplan_parse_file(ka, opts, &err);
    vnplan_plan *b = a ? vnplan_parse_file(th, opts, &err) : NULL;
    vnplan_diff *d = a && b ? vnplan_compare(a, b, opts, &err) : NULL;
    if (!ok(d != NULL, "the corpus pair is compared"))
        return tap_done();
    df = d;

    want[0] = vnplan_diff_render(df, VNPLAN_DIFF_TEXT, 100, VNPLAN_RENDER_LANG_EN);
    ok(want[0] && strstr(want[0], "Coverage") && strstr(want[0], "only in A"),
       "VNPLAN_RENDER_LANG_EN: English labels");
    char *dflt = vnplan_diff_render(df, VNPLAN_DIFF_TEXT, 100, 0);
    ok(dflt && want[0] && strcmp(dflt, want[0]) == 0,
       "no language flag, C locale: the same English report");
    free(dflt);

    locale_t vi = newlocale(LC_MESSAGES_MASK, "vi_VN.UTF-8", (locale_t)0);
    if (!vi) {
        printf("ok %d # SKIP locale vi_VN.UTF-8 not installed\n", ++tap_n);
        return tap_done();
    }
    freelocale(vi);
    want[1] = vnplan_diff_render(df, VNPLAN_DIFF_TEXT, 100, VNPLAN_RENDER_LANG_VI);
    ok(want[1] && strstr(want[1], "Mức độ bao quát") && strstr(want[1], "chỉ có ở A") &&
           !strstr(want[1], "Coverage") && !strstr(want[1], "only in A"),
       "VNPLAN_RENDER_LANG_VI: Vietnamese labels, no English one");
    is_str(setlocale(LC_ALL, NULL), "C", "the process locale is left alone");
    char *both = vnplan_diff_render(df, VNPLAN_DIFF_TEXT, 100,
                                    VNPLAN_RENDER_LANG_EN | VNPLAN_RENDER_LANG_VI);
    ok(both && want[0] && strcmp(both, want[0]) == 0, "both flags: English wins");
    free(both);

    static const struct {
        vnplan_diff_format f;
        const char *vi, *en;
    } formats[] = {
        {VNPLAN_DIFF_MARKDOWN, "# So sánh kế hoạch", "# Plan comparison"},
        {VNPLAN_DIFF_HTML, "So sánh kế hoạch", "Plan comparison"},
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        char *v = vnplan_diff_render(df, formats[i].f, 0, VNPLAN_RENDER_LANG_VI);
        char *e = vnplan_diff_render(df, formats[i].f, 0, VNPLAN_RENDER_LANG_EN);
        ok(v && e && strstr(v, formats[i].vi) && !strstr(v, formats[i].en) &&
               strstr(e, formats[i].en),
           "format %d: Vietnamese and English titles", (int)formats[i].f);
        free(v);
        free(e);
    }
    char *jv = vnplan_diff_render(df, VNPLAN_DIFF_JSON, 0, VNPLAN_RENDER_LANG_VI);
    char *je = vnplan_diff_render(df, VNPLAN_DIFF_JSON, 0, VNPLAN_RENDER_LANG_EN);
    ok(jv && je && strcmp(jv, je) == 0, "the JSON report is the same in both languages");
    free(jv);
    free(je);

    /* The locale of the thread that asks: under a Vietnamese thread
     * locale, no flag gives Vietnamese; the other threads are unaffected. */
    locale_t mine = newlocale(LC_MESSAGES_MASK | LC_CTYPE_MASK, "vi_VN.UTF-8", (locale_t)0);
    locale_t old = uselocale(mine);
    char *loc = vnplan_diff_render(df, VNPLAN_DIFF_TEXT, 100, 0);
    uselocale(old);
    freelocale(mine);
    ok(loc && want[1] && strcmp(loc, want[1]) == 0,
       "no flag under a Vietnamese (thread) locale: the Vietnamese report");
    free(loc);

    pthread_t t[4];
    size_t bad = 0;
    for (size_t i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, renderer, (void *)i);
    for (size_t i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        bad += (size_t)r;
    }
    is_int(bad, 0, "4 threads rendering in English and Vietnamese at once: each as asked");

    free(want[0]);
    free(want[1]);
    vnplan_diff_free(d);
    vnplan_plan_free(a);
    vnplan_plan_free(b);
    vnplan_options_free(opts);
    return tap_done();
}
