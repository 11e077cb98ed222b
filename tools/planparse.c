/* planparse — show the structure of one or more plan files. */
#include "config.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "jsonstream.h"
#include "vnplan.h"

static const char *prog = "planparse";

static void usage(FILE *out)
{
    fprintf(out,
            _("Usage: %s [OPTION]... FILE...\n"
            "Show the structure of Vietnamese plan documents: documents, their\n"
            "administrative parts and section trees; in JSON also their tasks,\n"
            "agencies, references and deadlines.  FILE \"-\" reads standard input.\n"
            "\n"
            "  -f, --format=FORMAT   json (default), tree, outline, or text (the text\n"
            "                        as read: decoded, legacy fonts converted, one\n"
            "                        paragraph a line, before any structure)\n"
            "  -e, --encoding=NAME   read the input as NAME instead of detecting it:\n"
            "                        UTF-8, UTF-16LE, UTF-16BE, windows-1258, TCVN3,\n"
            "                        TCVN5712-1 (VN1), VNI, VISCII, or any name ICU knows\n"
            "  -o, --output=FILE     write to FILE instead of standard output\n"
            "      --as-of=DATE      resolve agencies as of DATE (YYYY-MM-DD), after\n"
            "                        the 2025 reorganisation: \"today\" in the JSON\n"
            "      --agencies=FILE   extra agency names (format of agencies.tsv)\n"
            "      --datadir=DIR     read data files from DIR (default: the installed\n"
            "                        data, or $VNPLAN_DATADIR)\n"),
            prog);
    fputs(_("      --framework=NAME  give the tasks' categories (\"pillar\" in the JSON)\n"
            "                        of qd161, qd155 or a framework FILE (default: the\n"
            "                        one the plan cites, else qd161)\n"),
          out);
    fputs(_(CLI_LIMIT_HELP), out);
    fputs(_(CLI_LANG_HELP), out);
    fputs(_("  -h, --help            show this help and exit\n"
            "  -V, --version         show versions and exit\n"
            "\n"
            "Exit status: 0 all files parsed; 1 some file could not be read or is\n"
            "not text; 2 bad usage; 3 missing data files or out of memory.\n"),
          out);
}

int main(int argc, char **argv)
{
    if (cli_i18n(prog, argc, argv) < 0)
        return CLI_USAGE;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"encoding", required_argument, NULL, 'e'},
        {"output", required_argument, NULL, 'o'},
        {"datadir", required_argument, NULL, 'D'},
        {"as-of", required_argument, NULL, 'A'},
        {"agencies", required_argument, NULL, 'G'},
        {"framework", required_argument, NULL, 'F'},
        {"limit", required_argument, NULL, 'L'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    vnplan_format format = VNPLAN_FORMAT_JSON;
    int as_text = 0;    /* --format=text: the reading stage only */
    size_t limits[VNPLAN_LIMIT__COUNT] = {0};
    const char *encoding = NULL, *output = NULL, *datadir = NULL;
    const char *as_of = NULL, *agencies = NULL, *framework = NULL;
    int c;
    opterr = 0;   /* our own messages, named "planparse", not argv[0] */
    while ((c = getopt_long(argc, argv, ":f:e:o:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "json") == 0)
                format = VNPLAN_FORMAT_JSON;
            else if (strcmp(optarg, "tree") == 0)
                format = VNPLAN_FORMAT_TREE;
            else if (strcmp(optarg, "outline") == 0)
                format = VNPLAN_FORMAT_OUTLINE;
            else if (strcmp(optarg, "text") == 0)
                as_text = 1;
            else {
                fprintf(stderr, _("%s: unknown format '%s' (json, tree, outline, text)\n"), prog,
                        optarg);
                return CLI_USAGE;
            }
            break;
        case 'e': encoding = optarg; break;
        case 'o': output = optarg; break;
        case 'D': datadir = optarg; break;
        case 'A':
            if (!cli_valid_date(optarg))
                return cli_usage_error(prog, _("invalid date '%s' for --as-of (use YYYY-MM-DD)"),
                                       optarg);
            as_of = optarg;
            break;
        case 'G': agencies = optarg; break;
        case 'F': framework = optarg; break;
        case 'L':
            if (cli_parse_limit(prog, optarg, limits) != CLI_OK)
                return CLI_USAGE;
            break;
        case 'l': break;   /* cli_i18n */
        case 'h': usage(stdout); return CLI_OK;
        case 'V': cli_version(prog, stdout); return CLI_OK;
        case ':': return cli_usage_error(prog, _("option '%s' needs a value"), argv[optind - 1]);
        default: return cli_usage_error(prog, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error(prog, _("no input file (use - for standard input)"));
    int status = CLI_OK;
    vnplan_options *opts =
        cli_setup(prog, datadir, agencies, as_of, limits, encoding, framework, &status);
    if (!opts)
        return status;

    int nfiles = argc - optind, written = 0;
    size_t total = 0;
    char *all = NULL;
    /* JSON is written as each document is read: memory holds one
     * document, however many a file joins (tools/jsonstream.c). */
    int streamed = !as_text && format == VNPLAN_FORMAT_JSON;
    json_stream js = {prog, output, nfiles, NULL, 0, 0};
    for (int i = optind; i < argc; i++) {
        vnplan_error err;
        char *out;
        if (streamed) {
            if (json_stream_file(&js, argv[i], opts, &err) != VNPLAN_OK &&
                cli_parse_failed(prog, &err, &status))
                break;
            continue;
        }
        if (as_text) {
            out = vnplan_read_text(argv[i], opts, NULL, &err);
            if (!out) {
                if (cli_parse_failed(prog, &err, &status))
                    break;
                continue;
            }
        } else {
            vnplan_plan *plan = vnplan_parse_file(argv[i], opts, &err);
            if (!plan) {
                /* A bad --agencies file stops here, as in plantasks. */
                if (cli_parse_failed(prog, &err, &status))
                    break;
                continue;
            }
            out = vnplan_render(plan, format);
            vnplan_plan_free(plan);
        }
        if (!out) {
            fprintf(stderr, _("%s: %s: out of memory\n"), prog, argv[i]);
            status = CLI_INTERNAL;
            continue;
        }
        /* Several files in JSON form one array; other formats follow one
         * another. */
        size_t n = strlen(out);
        const char *sep = !as_text && format == VNPLAN_FORMAT_JSON && nfiles > 1 ? (written ? ",\n" : "[\n") : "";
        char *grown = realloc(all, total + strlen(sep) + n + 1);
        if (!grown) {
            free(out);
            status = CLI_INTERNAL;
            continue;
        }
        all = grown;
        memcpy(all + total, sep, strlen(sep));
        total += strlen(sep);
        memcpy(all + total, out, n + 1);
        total += n;
        written++;
        free(out);
    }
    if (all && !as_text && format == VNPLAN_FORMAT_JSON && nfiles > 1) {
        char *grown = realloc(all, total + 3);
        if (grown) {
            all = grown;
            memcpy(all + total, "]\n", 3);
        }
    }
    if (all && !cli_write(prog, output, all) && status == CLI_OK)
        status = CLI_INPUT;
    if (streamed && !json_stream_close(&js) && status == CLI_OK)
        status = CLI_INPUT;
    free(all);
    vnplan_options_free(opts);
    return status;
}
