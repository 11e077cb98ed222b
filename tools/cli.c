/* cli.c — shared tool plumbing (see cli.h). */
#include "config.h"
#include "cli.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

void cli_report(const char *prog, const vnplan_error *err)
{
    fprintf(stderr, "%s: ", prog);
    if (err->file[0])
        fprintf(stderr, "%s: ", err->file);
    if (err->line > 0)
        fprintf(stderr, "line %ld: ", err->line);
    fprintf(stderr, "%s\n", err->message[0] ? err->message : vnplan_status_name(err->code));
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

vnplan_options *cli_options(void)
{
    vnplan_options *o = vnplan_options_new();
    const char *dir = getenv("VNPLAN_DATADIR");
    if (o && dir && *dir)
        vnplan_options_set_datadir(o, dir);
    return o;
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
        fprintf(stderr, "%s: %s: cannot write: %s\n", prog, path, strerror(errno));
        return 0;
    }
    int ok = fputs(s, f) >= 0;
    if (to_stdout)
        ok = fflush(f) == 0 && ok;
    else
        ok = fclose(f) == 0 && ok;
    if (!ok)
        fprintf(stderr, "%s: %s: write error: %s\n", prog, to_stdout ? "<stdout>" : path,
                strerror(errno));
    return ok;
}
