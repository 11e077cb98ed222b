/* planparse — show the structure of one or more plan files. */
#include "config.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "vnplan.h"

static const char *prog = "planparse";

/* "YYYY-MM-DD" naming a real day (as plantasks checks --as-of). */
static int valid_date(const char *s)
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

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: %s [OPTION]... FILE...\n"
            "Show the structure of Vietnamese plan documents: documents, their\n"
            "administrative parts and section trees; in JSON also their tasks,\n"
            "agencies, references and deadlines.  FILE \"-\" reads standard input.\n"
            "\n"
            "  -f, --format=FORMAT   json (default), tree, or outline\n"
            "  -e, --encoding=NAME   read the input as NAME instead of detecting it:\n"
            "                        UTF-8, UTF-16LE, UTF-16BE, windows-1258, TCVN3,\n"
            "                        VNI, VISCII, or any name ICU knows\n"
            "  -o, --output=FILE     write to FILE instead of standard output\n"
            "      --as-of=DATE      resolve agencies as of DATE (YYYY-MM-DD), after\n"
            "                        the 2025 reorganisation: \"today\" in the JSON\n"
            "      --agencies=FILE   extra agency names (format of agencies.tsv)\n"
            "      --datadir=DIR     read data files from DIR (default: the installed\n"
            "                        data, or $VNPLAN_DATADIR)\n"
            "  -h, --help            show this help and exit\n"
            "  -V, --version         show versions and exit\n"
            "\n"
            "Exit status: 0 all files parsed; 1 some file could not be read or is\n"
            "not text; 2 bad usage; 3 missing data files or out of memory.\n",
            prog);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"encoding", required_argument, NULL, 'e'},
        {"output", required_argument, NULL, 'o'},
        {"datadir", required_argument, NULL, 'D'},
        {"as-of", required_argument, NULL, 'A'},
        {"agencies", required_argument, NULL, 'G'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    vnplan_format format = VNPLAN_FORMAT_JSON;
    const char *encoding = NULL, *output = NULL, *datadir = NULL;
    const char *as_of = NULL, *agencies = NULL;
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
            else {
                fprintf(stderr, "%s: unknown format '%s' (json, tree, outline)\n", prog, optarg);
                return CLI_USAGE;
            }
            break;
        case 'e': encoding = optarg; break;
        case 'o': output = optarg; break;
        case 'D': datadir = optarg; break;
        case 'A':
            if (!valid_date(optarg)) {
                fprintf(stderr, "%s: invalid date '%s' for --as-of (use YYYY-MM-DD)\n"
                        "Try '%s --help'.\n", prog, optarg, prog);
                return CLI_USAGE;
            }
            as_of = optarg;
            break;
        case 'G': agencies = optarg; break;
        case 'h': usage(stdout); return CLI_OK;
        case 'V': cli_version(prog, stdout); return CLI_OK;
        case ':':
            fprintf(stderr, "%s: option '%s' needs a value\nTry '%s --help'.\n", prog,
                    argv[optind - 1], prog);
            return CLI_USAGE;
        default:
            fprintf(stderr, "%s: unknown option '%s'\nTry '%s --help'.\n", prog,
                    argv[optind - 1], prog);
            return CLI_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "%s: no input file (use - for standard input)\nTry '%s --help'.\n",
                prog, prog);
        return CLI_USAGE;
    }
    vnplan_options *opts = cli_options();
    if (!opts) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return CLI_INTERNAL;
    }
    if (datadir)
        vnplan_options_set_datadir(opts, datadir);
    if (encoding && vnplan_options_set_encoding(opts, encoding) != VNPLAN_OK) {
        fprintf(stderr, "%s: unknown encoding '%s'\n", prog, encoding);
        vnplan_options_free(opts);
        return CLI_USAGE;
    }
    if (agencies)
        vnplan_options_set_agencies_file(opts, agencies);
    if (as_of)
        vnplan_options_set_as_of(opts, as_of);

    int status = CLI_OK, nfiles = argc - optind, written = 0;
    size_t total = 0;
    char *all = NULL;
    for (int i = optind; i < argc; i++) {
        vnplan_error err;
        vnplan_plan *plan = vnplan_parse_file(argv[i], opts, &err);
        if (!plan) {
            cli_report(prog, &err);
            int st = cli_status(err.code);
            if (st > status)
                status = st;
            /* Missing data (a bad --agencies file) or memory fails every
             * file alike: stop, as plantasks does. */
            if (st == CLI_INTERNAL)
                break;
            continue;
        }
        char *out = vnplan_render(plan, format);
        vnplan_plan_free(plan);
        if (!out) {
            fprintf(stderr, "%s: %s: out of memory\n", prog, argv[i]);
            status = CLI_INTERNAL;
            continue;
        }
        /* Several files in JSON form one array; other formats follow one
         * another. */
        size_t n = strlen(out);
        const char *sep = format == VNPLAN_FORMAT_JSON && nfiles > 1 ? (written ? ",\n" : "[\n") : "";
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
    if (all && format == VNPLAN_FORMAT_JSON && nfiles > 1) {
        char *grown = realloc(all, total + 3);
        if (grown) {
            all = grown;
            memcpy(all + total, "]\n", 3);
        }
    }
    if (all && !cli_write(prog, output, all) && status == CLI_OK)
        status = CLI_INPUT;
    free(all);
    vnplan_options_free(opts);
    return status;
}
