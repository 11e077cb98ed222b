/* cli.h — what every vnplan tool does the same way: exit statuses, error
 * lines, --version, the data directory from the environment. */
#ifndef VNPLAN_CLI_H
#define VNPLAN_CLI_H
#include <stdio.h>
#include "vnplan.h"

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
/* Options with the data directory from $VNPLAN_DATADIR when set. */
vnplan_options *cli_options(void);
void cli_version(const char *prog, FILE *out);
/* Write s to `path` ("-" or NULL: stdout); 0 on failure (reported). */
int cli_write(const char *prog, const char *path, const char *s);
#endif
