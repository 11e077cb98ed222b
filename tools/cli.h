/* cli.h — what every vnplan tool does the same way: exit statuses, error
 * lines, usage errors, --version, checking --as-of, the options built from
 * the environment and the common flags. */
#ifndef VNPLAN_CLI_H
#define VNPLAN_CLI_H
#include <stdio.h>
#include "vnplan.h"

/* The tools' own words go through gettext (domain "vnplan", po/vi.po):
 * _() for a message, N_() for one marked where it is defined. */
#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) s

/* First thing in main: the user's locale (LC_ALL from the environment,
 * numbers kept in the C locale's form), the message catalogs (this build
 * tree's locale/ for a tool run from its build tree, else LOCALEDIR), and
 * --lang=vi|en looked for in argv before any other option, so that even
 * --help and usage errors obey it.  Returns the VNPLAN_RENDER_LANG_* flag
 * --lang asks for (0 without it: follow the locale), or -1 after a
 * usage error for a bad --lang.  The option parser must accept "lang"
 * (required argument) and ignore it. */
int cli_i18n(const char *prog, int argc, char **argv);
/* The --lang line of every tool's --help. */
#define CLI_LANG_HELP                                                                   \
    N_("      --lang=LANG       language of messages and reports: vi (Vietnamese)\n"    \
       "                        or en (English); default: the locale (LANG)\n")

/* Exit statuses shared by the tools (plandiff: 0 same, 1 different). */
enum {
    CLI_OK = 0,
    CLI_INPUT = 1,      /* an input could not be read or parsed          */
    CLI_USAGE = 2,      /* bad options or arguments                      */
    CLI_INTERNAL = 3    /* data files missing, out of memory             */
};

/* "prog: file: line 3: message" on stderr, one line. */
void cli_report(const char *prog, const vnplan_error *err);
/* Exit status for a library status. */
int cli_status(vnplan_status code);
/* Reports a file that could not be parsed and raises *status to its exit
 * status; 1 when the tool should stop (missing data or memory fail every
 * file alike), 0 when it may go on with the next file. */
int cli_parse_failed(const char *prog, const vnplan_error *err, int *status);
/* "prog: message" and "Try 'prog --help'." on stderr; returns CLI_USAGE. */
int cli_usage_error(const char *prog, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "YYYY-MM-DD" naming a real day (leap years included), as --as-of wants. */
int cli_valid_date(const char *s);
/* --limit=NAME=N (N may end in K, M or G): the value into
 * limits[the limit named]; CLI_OK, or CLI_USAGE with the error reported. */
int cli_parse_limit(const char *prog, const char *arg, size_t limits[VNPLAN_LIMIT__COUNT]);
/* The --limit line of every tool's --help. */
#define CLI_LIMIT_HELP                                                                  \
    N_("      --limit=NAME=N    raise or lower a limit against hostile input:\n"           \
    "                        input-bytes (64M), line-bytes (1M), depth (32),\n"         \
    "                        references (2048), zip-entries (10000),\n"                 \
    "                        xml-depth (128, at most 256)\n")
/* The options every tool builds the same way, loaded once before any file
 * (they are then shared by every parse): the data directory from
 * $VNPLAN_DATADIR when set (else, for a tool run from its build tree,
 * that tree's data/), then --datadir; --agencies, --as-of, the limits (0:
 * unset), --encoding and --framework, each when not NULL.  NULL on
 * failure, reported on stderr, with the exit status in *status: CLI_USAGE
 * for an unknown encoding or framework, else as the error calls for. */
vnplan_options *cli_setup(const char *prog, const char *datadir, const char *agencies,
                          const char *as_of, const size_t *limits, const char *encoding,
                          const char *framework, int *status);
void cli_version(const char *prog, FILE *out);
/* Write s to `path` ("-" or NULL: stdout); 0 on failure (reported). */
int cli_write(const char *prog, const char *path, const char *s);
#endif
