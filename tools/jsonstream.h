/* jsonstream.h — planparse's JSON written as each document of a file is
 * read (vnplan_parse_file_each), so that memory holds one document's tree
 * and not every document's: the same bytes as vnplan_render's JSON of
 * each whole file, several files forming one array. */
#ifndef VNPLAN_JSONSTREAM_H
#define VNPLAN_JSONSTREAM_H
#include <stdio.h>
#include "vnplan.h"

typedef struct json_stream {
    const char *prog;
    const char *path;   /* the output, "-" or NULL for standard output   */
    int nfiles;         /* files on the command line: an array when > 1  */
    FILE *f;            /* opened at the first document                  */
    int files;          /* files written so far                          */
    int failed;         /* the output could not be opened or written     */
} json_stream;

/* Parse `file` and write its JSON.  VNPLAN_OK, or the error of the file
 * (in err); nothing is written for a file that fails before its first
 * document, and a file cut short by lack of memory still ends in valid
 * JSON. */
vnplan_status json_stream_file(json_stream *js, const char *file, const vnplan_options *opts,
                               vnplan_error *err);
/* Close the array and the output; 0 when the output failed (reported). */
int json_stream_close(json_stream *js);
#endif
