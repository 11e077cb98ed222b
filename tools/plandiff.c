/* plandiff — compare two provinces' plans pillar by pillar. */
#include "config.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "cli.h"
#include "vnplan.h"

static const char *prog = "plandiff";

/* Exit statuses, like diff(1); trouble is 2, the other tools' bad usage. */
enum { SAME = 0, DIFFERENT = 1, TROUBLE = CLI_USAGE };

static void usage(FILE *out)
{
    fprintf(out,
            _("Usage: %s [OPTION]... PLAN_A PLAN_B\n"
            "Compare two plans pillar by pillar against the framework they implement\n"
            "(Decision 161/QĐ-TTg by default): tasks both plan (paired, with their\n"
            "similarity), tasks only one plans, who leads them, the laws each cites,\n"
            "and their reporting duties.  A file holding a dispatch and the plan it\n"
            "covers is compared by its plan.  \"-\" reads one plan from standard input.\n"
            "\n"
            "  -f, --format=FORMAT     text, json, markdown, or html (one self-contained\n"
            "                          page); default: from the extension of the -o\n"
            "                          file (.json, .md, .markdown, .html, .htm), else\n"
            "                          text\n"
            "      --framework=NAME    qd161, qd155, or a framework file; default:\n"
            "                          detected from the decisions the plans cite\n"
            "  -o, --output=FILE       write to FILE instead of standard output\n"
            "      --color=WHEN        auto (default: on a terminal unless NO_COLOR is\n"
            "                          set), always, never\n"
            "  -w, --width=COLUMNS     text width (default: the terminal's, else\n"
            "                          $COLUMNS, else 80)\n"
            "  -e, --encoding=NAME     read both files as NAME (see planparse(1))\n"
            "      --as-of=DATE        show who holds each agency's duties on DATE\n"
            "                          (YYYY-MM-DD), in every format\n"
            "      --agencies=FILE     extra agency names (format of agencies.tsv)\n"
            "      --datadir=DIR       data directory (default: installed, or\n"
            "                          $VNPLAN_DATADIR)\n"
            "      --limit=NAME=N      raise or lower a limit against hostile input\n"
            "                          (see planparse --help)\n"
            "      --lang=LANG         language of messages and of the report: vi\n"
            "                          (Vietnamese) or en (English); default: the\n"
            "                          locale (LANG, LC_MESSAGES)\n"
            "  -h, --help              show this help and exit\n"
            "  -V, --version           show versions and exit\n"
            "\n"
            "Exit status: 0 the plans do not differ, 1 they differ, 2 trouble (a file\n"
            "cannot be read, is not a plan, or bad usage).\n"),
            prog);
}

/* The format a file name asks for by its extension: .json, .md or
 * .markdown, .html or .htm (any case); text otherwise. */
static vnplan_diff_format format_of(const char *path)
{
    static const struct {
        const char *ext;
        vnplan_diff_format format;
    } exts[] = {
        {".json", VNPLAN_DIFF_JSON}, {".md", VNPLAN_DIFF_MARKDOWN},
        {".markdown", VNPLAN_DIFF_MARKDOWN}, {".html", VNPLAN_DIFF_HTML},
        {".htm", VNPLAN_DIFF_HTML},
    };
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    if (!dot || (slash && slash > dot))
        return VNPLAN_DIFF_TEXT;
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (strcasecmp(dot, exts[i].ext) == 0)
            return exts[i].format;
    return VNPLAN_DIFF_TEXT;
}

int main(int argc, char **argv)
{
    /* Messages in the user's language; --lang also sets the report's. */
    int lang_flag = cli_i18n(prog, argc, argv);
    if (lang_flag < 0)
        return TROUBLE;
    enum { OPT_FRAMEWORK = 256, OPT_COLOR, OPT_AS_OF, OPT_DATADIR, OPT_LIMIT, OPT_AGENCIES };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"framework", required_argument, NULL, OPT_FRAMEWORK},
        {"output", required_argument, NULL, 'o'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"width", required_argument, NULL, 'w'},
        {"encoding", required_argument, NULL, 'e'},
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"agencies", required_argument, NULL, OPT_AGENCIES},
        {"datadir", required_argument, NULL, OPT_DATADIR},
        {"limit", required_argument, NULL, OPT_LIMIT},
        {"lang", required_argument, NULL, 0x4c41},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    vnplan_diff_format format = VNPLAN_DIFF_TEXT;
    int format_given = 0;
    const char *framework = NULL, *output = NULL, *encoding = NULL, *as_of = NULL,
               *datadir = NULL, *agencies = NULL, *color = "auto";
    int width = 0, c;
    size_t limits[VNPLAN_LIMIT__COUNT] = {0};
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:w:e:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "text") == 0) format = VNPLAN_DIFF_TEXT;
            else if (strcmp(optarg, "json") == 0) format = VNPLAN_DIFF_JSON;
            else if (strcmp(optarg, "markdown") == 0) format = VNPLAN_DIFF_MARKDOWN;
            else if (strcmp(optarg, "html") == 0) format = VNPLAN_DIFF_HTML;
            else return cli_usage_error(prog, _("unknown format '%s' (text, json, markdown, html)"),
                                        optarg);
            format_given = 1;
            break;
        case OPT_FRAMEWORK: framework = optarg; break;
        case 'o': output = optarg; break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
                return cli_usage_error(prog, _("--color takes auto, always or never, not '%s'"),
                                       optarg);
            color = optarg;
            break;
        case 'w':
            width = atoi(optarg);
            if (width < 20 || width > 1000)
                return cli_usage_error(prog, _("--width takes 20 to 1000 columns, not '%s'"),
                                       optarg);
            break;
        case 'e': encoding = optarg; break;
        case OPT_AS_OF:
            if (!cli_valid_date(optarg))
                return cli_usage_error(prog, _("invalid date '%s' for --as-of (use YYYY-MM-DD)"),
                                       optarg);
            as_of = optarg;
            break;
        case OPT_DATADIR: datadir = optarg; break;
        case OPT_AGENCIES: agencies = optarg; break;
        case OPT_LIMIT:
            if (cli_parse_limit(prog, optarg, limits) != CLI_OK)
                return CLI_USAGE;
            break;
        case 0x4c41: break;   /* --lang: cli_i18n */
        case 'h': usage(stdout); return SAME;
        case 'V': cli_version(prog, stdout); return SAME;
        case ':': return cli_usage_error(prog, _("option '%s' needs a value"), argv[optind - 1]);
        default: return cli_usage_error(prog, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (argc - optind != 2)
        return cli_usage_error(prog, "%s", argc - optind < 2 ? _("two plans are needed")
                                                             : _("only two plans, please"));

    if (!format_given && output)
        format = format_of(output);

    int ignored;   /* trouble, whatever the error */
    vnplan_options *opts =
        cli_setup(prog, datadir, agencies, as_of, limits, encoding, framework, &ignored);
    vnplan_plan *a = NULL, *b = NULL;
    vnplan_diff *df = NULL;
    char *text = NULL;
    int status = TROUBLE;
    if (!opts)
        return TROUBLE;
    vnplan_error err;
    if (!(a = vnplan_parse_file(argv[optind], opts, &err)) ||
        !(b = vnplan_parse_file(argv[optind + 1], opts, &err)) ||
        !(df = vnplan_compare(a, b, opts, &err))) {
        cli_report(prog, &err);
        goto done;
    }
    int flags = lang_flag;   /* the report's language: --lang, else the locale */
    if (format == VNPLAN_DIFF_TEXT) {
        int tty = isatty(STDOUT_FILENO) && !output;
        const char *no_color = getenv("NO_COLOR");
        if (strcmp(color, "always") == 0 ||
            (strcmp(color, "auto") == 0 && tty && !(no_color && *no_color)))
            flags |= VNPLAN_RENDER_COLOR;
        if (!width) {
            struct winsize ws;
            const char *cols = getenv("COLUMNS");
            if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
                width = ws.ws_col;
            else if (cols && atoi(cols) >= 20)
                width = atoi(cols);
            else
                width = 80;
        }
    }
    text = vnplan_diff_render(df, format, width, flags);
    if (!text) {
        fprintf(stderr, _("%s: out of memory\n"), prog);
        goto done;
    }
    if (!cli_write(prog, output, text))
        goto done;
    status = vnplan_diff_differs(df) ? DIFFERENT : SAME;
done:
    free(text);
    vnplan_diff_free(df);
    vnplan_plan_free(a);
    vnplan_plan_free(b);
    vnplan_options_free(opts);
    return status;
}
