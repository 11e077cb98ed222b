/* test_diff_html.c — plandiff's HTML page through libxml2's HTML parser.
 *
 * htmlReadMemory with errors on (no HTML_PARSE_NOERROR) and a structured
 * error handler: libxml2 knows HTML 4 only, so the HTML5 and SVG elements
 * the page uses (svg, g, rect, text, details, summary) are "unknown tags"
 * to it; those and only those are allowed.  Any other error — an end tag
 * that closes nothing, a bad entity, bad UTF-8 — fails.
 *
 * Then a plan whose task text holds markup, quotes and a "|": the HTML
 * must escape all of it (no <script> element appears) and the Markdown
 * must neither pass the markup through nor split a table cell. */
#include "config.h"
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "vnplan.h"

static int bad_errors, unknown_tags;

static void on_error(void *ctx, xmlErrorPtr e)
{
    static const char *const html5[] = {"svg", "g", "rect", "text", "details", "summary"};
    (void)ctx;
    if (e->code == XML_HTML_UNKNOWN_TAG && e->str1)
        for (size_t i = 0; i < sizeof html5 / sizeof *html5; i++)
            if (strcmp(e->str1, html5[i]) == 0) {
                unknown_tags++;
                return;
            }
    if (e->level < XML_ERR_ERROR)
        return;
    if (bad_errors++ < 5)
        printf("#   line %d: error %d: %s", e->line, e->code, e->message ? e->message : "?\n");
}

/* Errors libxml2's HTML parser reports on `html` beyond the unknown
 * HTML5 tags; -1 when it builds no document. */
static int html_errors(const char *html)
{
    bad_errors = unknown_tags = 0;
    xmlSetStructuredErrorFunc(NULL, on_error);
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), "report.html", "UTF-8",
                                    HTML_PARSE_NONET);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc)
        return -1;
    xmlFreeDoc(doc);
    return bad_errors;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *s = NULL;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (s = malloc((size_t)n + 1)) && fread(s, 1, (size_t)n, f) == (size_t)n) {
        s[n] = '\0';
        *len = (size_t)n;
    } else {
        free(s);
        s = NULL;
    }
    fclose(f);
    return s;
}

/* `s` with the first `from` replaced by `to` (malloc'd), or NULL. */
static char *replace(const char *s, size_t len, const char *from, const char *to, size_t *out)
{
    const char *at = strstr(s, from);
    if (!at)
        return NULL;
    size_t head = (size_t)(at - s), lf = strlen(from), lt = strlen(to);
    char *r = malloc(len - lf + lt + 1);
    if (!r)
        return NULL;
    memcpy(r, s, head);
    memcpy(r + head, to, lt);
    memcpy(r + head + lt, at + lf, len - head - lf + 1);
    *out = len - lf + lt;
    return r;
}

static const char HOSTILE_HTML[] =
    "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; &#39;q&#39; a | b";

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
    LIBXML_TEST_VERSION

    vnplan_plan *a = vnplan_parse_file(ka, opts, &err), *b = vnplan_parse_file(th, opts, &err);
    vnplan_diff *df = a && b ? vnplan_compare(a, b, opts, &err) : NULL;
    ok(df != NULL, "the corpus pair is compared");
    char *html = df ? vnplan_diff_render(df, VNPLAN_DIFF_HTML, 0, 0) : NULL;
    ok(html && strncmp(html, "<!DOCTYPE html>", 15) == 0, "HTML starts with the doctype");
    ok(html && html_errors(html) == 0, "libxml2's HTML parser reports no error on the page");
    ok(unknown_tags > 0, "(it did meet the HTML5 tags it does not know: %d)", unknown_tags);
    ok(html && strstr(html, "<div class=\"chart\"") && strstr(html, "<del>") && strstr(html, "<ins>"),
       "the page has the chart and marked word differences");
    free(html);
    vnplan_diff_free(df);

    /* A plan against itself. */
    vnplan_plan *a2 = vnplan_parse_file(ka, opts, &err);
    df = a && a2 ? vnplan_compare(a, a2, opts, &err) : NULL;
    html = df ? vnplan_diff_render(df, VNPLAN_DIFF_HTML, 0, 0) : NULL;
    ok(html && html_errors(html) == 0, "a plan against itself: no parser error");
    ok(html && !strstr(html, "<del>") && !strstr(html, "<ins>"),
       "a plan against itself: no word marked");
    free(html);
    vnplan_diff_free(df);
    vnplan_plan_free(a2);

    /* Markup in a task's text. */
    size_t len = 0, hlen = 0;
    char *text = slurp(ka, &len), *hostile = NULL;
    if (text)
        hostile = replace(text, len, "+ Tăng cường các cơ hội bình đẳng",
                          "+ Tăng cường <script>alert(\"x&y\")</script> 'q' a | b "
                          "các cơ hội bình đẳng",
                          &hlen);
    vnplan_plan *h = hostile ? vnplan_parse_bytes(hostile, hlen, "hostile.txt", opts, &err) : NULL;
    df = h && b ? vnplan_compare(h, b, opts, &err) : NULL;
    ok(df != NULL, "a plan with markup in a task is compared");
    html = df ? vnplan_diff_render(df, VNPLAN_DIFF_HTML, 0, 0) : NULL;
    ok(html && !strstr(html, "<script") && !strstr(html, "'q'"),
       "HTML: the task's markup and quotes do not pass through");
    ok(html && strstr(html, HOSTILE_HTML) != NULL, "HTML: the text is escaped (& < > \" ')");
    ok(html && html_errors(html) == 0, "HTML: still no parser error");
    char *md = df ? vnplan_diff_render(df, VNPLAN_DIFF_MARKDOWN, 0, 0) : NULL;
    ok(md && !strstr(md, "<script") && strstr(md, "&lt;script&gt;"),
       "Markdown: markup is shown, not passed through");
    ok(md && strstr(md, "a \\| b") && !strstr(md, "a | b"), "Markdown: \"|\" is escaped");
    free(md);
    free(html);
    vnplan_diff_free(df);
    vnplan_plan_free(h);
    free(hostile);
    free(text);

    vnplan_plan_free(a);
    vnplan_plan_free(b);
    vnplan_options_free(opts);
    xmlCleanupParser();
    printf("1..%d\n", tap_n);
    return tap_failed ? 1 : 0;
}
