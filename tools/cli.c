/* cli.c — shared tool plumbing (see cli.h). */
#include "config.h"
#include "cli.h"
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A tool run from the tree it was built in (make check, a developer, a
 * scorer) reads that tree's data/, not whatever an earlier `make install`
 * left in the installed data directory: the two may be of different
 * versions.  Told by where the running executable lives. */
static int in_build_tree(void)
{
#if defined(VNPLAN_BUILDDIR)
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    size_t bl = strlen(VNPLAN_BUILDDIR);
    return n > 0 && (size_t)n > bl && strncmp(exe, VNPLAN_BUILDDIR, bl) == 0 && exe[bl] == '/';
#else
    return 0;
#endif
}

static const char *build_tree_data(void)
{
#if defined(VNPLAN_BUILDDIR) && defined(VNPLAN_SRCDATADIR)
    if (in_build_tree() && access(VNPLAN_SRCDATADIR "/agencies.tsv", R_OK) == 0)
        return VNPLAN_SRCDATADIR;
#endif
    return NULL;
}

/* Likewise the message catalogs: `make` puts copies of po/ catalogs in
 * the build tree's locale/LANG/LC_MESSAGES/vnplan.mo (Makefile.am). */
static const char *build_tree_locale(void)
{
#if defined(VNPLAN_BUILDDIR)
    if (in_build_tree() && access(VNPLAN_BUILDDIR "/locale", X_OK) == 0)
        return VNPLAN_BUILDDIR "/locale";
#endif
    return NULL;
}

int cli_i18n(const char *prog, int argc, char **argv)
{
    const char *lang = NULL;
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strncmp(argv[i], "--lang=", 7) == 0)
            lang = argv[i] + 7;
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang = argv[++i];
    }
    /* Messages and characters as the user's locale says; numbers as they
     * always were (the reports and JSON print "0.85", not "0,85"). */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    int flag = 0;
    if (lang && (strcmp(lang, "en") == 0 || strcmp(lang, "C") == 0)) {
        setlocale(LC_MESSAGES, "C");   /* untranslated; $LANGUAGE ignored */
        flag = VNPLAN_RENDER_LANG_EN;
    } else if (lang && strncmp(lang, "vi", 2) == 0 && (!lang[2] || lang[2] == '_')) {
        static const char *const names[] = {"vi_VN.UTF-8", "vi_VN.utf8", "vi_VN", "vi"};
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            if (setlocale(LC_MESSAGES, names[i]))
                break;
        unsetenv("LANGUAGE");   /* it would override LC_MESSAGES */
        flag = VNPLAN_RENDER_LANG_VI;
    } else if (lang) {
        lang = NULL;
        flag = -1;
    }
#if ENABLE_NLS
    const char *dir = build_tree_locale();
    bindtextdomain("vnplan", dir ? dir : LOCALEDIR);
    bind_textdomain_codeset("vnplan", "UTF-8");
    textdomain("vnplan");
#endif
    if (flag < 0) {
        for (int i = 1; i < argc; i++)
            if (strncmp(argv[i], "--lang", 6) == 0)
                lang = argv[i][6] == '=' ? argv[i] + 7 : i + 1 < argc ? argv[i + 1] : "";
        cli_usage_error(prog, _("--lang takes vi or en, not '%s'"), lang ? lang : "");
    }
    return flag;
}

void cli_report(const char *prog, const vnplan_error *err)
{
    fprintf(stderr, "%s: ", prog);
    if (err->file[0])
        fprintf(stderr, "%s: ", err->file);
    if (err->line > 0)
        fprintf(stderr, _("line %ld: "), err->line);
    fprintf(stderr, "%s%s\n", err->message[0] ? err->message : vnplan_status_name(err->code),
            err->code == VNPLAN_E_LIMIT ? _(" (see --limit)") : "");
}

int cli_parse_limit(const char *prog, const char *arg, size_t limits[VNPLAN_LIMIT__COUNT])
{
    const char *eq = strchr(arg, '=');
    char name[32];
    if (!eq || (size_t)(eq - arg) >= sizeof name)
        return cli_usage_error(prog, _("--limit wants NAME=N, not '%s'"), arg);
    memcpy(name, arg, (size_t)(eq - arg));
    name[eq - arg] = '\0';
    int which = vnplan_limit_by_name(name);
    if (which < 0) {
        char known[160] = "";
        for (int i = 0; i < VNPLAN_LIMIT__COUNT; i++) {
            strcat(known, i ? ", " : "");
            strcat(known, vnplan_limit_name((vnplan_limit)i));
        }
        return cli_usage_error(prog, _("unknown limit '%s' (%s)"), name, known);
    }
    /* N, or N with K, M or G for binary multiples: 64M */
    char *end;
    errno = 0;
    unsigned long long v = strtoull(eq + 1, &end, 10);
    unsigned shift = 0;
    if (*end && !end[1] && strchr("KMG", *end))
        shift = *end == 'K' ? 10 : *end == 'M' ? 20 : 30, end++;
    if (errno || end == eq + 1 || *end || eq[1] == '-' || v == 0 ||
        v > (unsigned long long)(SIZE_MAX >> shift))
        return cli_usage_error(prog, _("invalid value '%s' for limit %s (a positive number)"),
                               eq + 1, name);
    limits[which] = (size_t)(v << shift);
    return CLI_OK;
}

int cli_status(vnplan_status code)
{
    switch (code) {
    case VNPLAN_OK: return CLI_OK;
    case VNPLAN_E_USAGE: return CLI_USAGE;
    case VNPLAN_E_DATA:
    case VNPLAN_E_NOMEM: return CLI_INTERNAL;
    default: return CLI_INPUT;
    }
}

int cli_usage_error(const char *prog, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, _("\nTry '%s --help'.\n"), prog);
    va_end(ap);
    return CLI_USAGE;
}

int cli_valid_date(const char *s)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

int cli_parse_failed(const char *prog, const vnplan_error *err, int *status)
{
    cli_report(prog, err);
    int st = cli_status(err->code);
    if (st > *status)
        *status = st;
    return st == CLI_INTERNAL;
}

static vnplan_options *cli_options(const char *prog, const char *datadir, const char *agencies,
                                   const char *as_of, const size_t *limits)
{
    vnplan_options *o = vnplan_options_new();
    if (!o) {
        fprintf(stderr, _("%s: out of memory\n"), prog);
        return NULL;
    }
    const char *dir = getenv("VNPLAN_DATADIR");
    if (!dir || !*dir)
        dir = build_tree_data();
    if (dir)
        vnplan_options_set_datadir(o, dir);
    if (datadir)
        vnplan_options_set_datadir(o, datadir);
    if (agencies)
        vnplan_options_set_agencies_file(o, agencies);
    if (as_of)
        vnplan_options_set_as_of(o, as_of);
    for (int i = 0; limits && i < VNPLAN_LIMIT__COUNT; i++)
        if (limits[i])
            vnplan_options_set_limit(o, (vnplan_limit)i, limits[i]);
    return o;
}

static int cli_load(const char *prog, vnplan_options *o, int *status)
{
    vnplan_error err;
    if (vnplan_options_load(o, &err) == VNPLAN_OK)
        return 1;
    cli_report(prog, &err);
    *status = cli_status(err.code);
    return 0;
}

vnplan_options *cli_setup(const char *prog, const char *datadir, const char *agencies,
                          const char *as_of, const size_t *limits, const char *encoding,
                          const char *framework, int *status)
{
    vnplan_options *o = cli_options(prog, datadir, agencies, as_of, limits);
    if (!o) {
        *status = CLI_INTERNAL;
        return NULL;
    }
    if (encoding && vnplan_options_set_encoding(o, encoding) != VNPLAN_OK) {
        *status = cli_usage_error(prog, _("unknown encoding '%s'"), encoding);
    } else if (framework && vnplan_options_set_framework(o, framework) != VNPLAN_OK) {
        *status = cli_usage_error(prog, _("unknown framework '%s' (qd161, qd155 or a framework "
                                          "file)"),
                                  framework);
    } else if (cli_load(prog, o, status)) {
        return o;
    }
    vnplan_options_free(o);
    return NULL;
}

void cli_version(const char *prog, FILE *out)
{
    fprintf(out, "%s: %s\n", prog, vnplan_version_long());
}

int cli_write(const char *prog, const char *path, const char *s)
{
    int to_stdout = !path || strcmp(path, "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(path, "w");
    if (!f) {
        fprintf(stderr, _("%s: %s: cannot write: %s\n"), prog, path, strerror(errno));
        return 0;
    }
    int ok = fputs(s, f) >= 0;
    if (to_stdout)
        ok = fflush(f) == 0 && ok;
    else
        ok = fclose(f) == 0 && ok;
    if (!ok)
        fprintf(stderr, _("%s: %s: write error: %s\n"), prog, to_stdout ? _("<stdout>") : path,
                strerror(errno));
    return ok;
}
