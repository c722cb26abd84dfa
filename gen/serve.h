/*
 * serve — `uprgen serve [-C DIR] [--out DIR] [--port N] [--host ADDR]`:
 * the live preview.  Builds the website (as `uprgen build --format html`
 * does, in a child process: its own memory, its messages captured),
 * serves build/site/ over HTTP on 127.0.0.1 (libmicrohttpd; another
 * address only when --host says so), watches content/ and templates/
 * (inotify) and rebuilds on every change.  The pages it serves carry a
 * small script that listens for rebuilds (server-sent events,
 * /__uprgen/events) and reloads the page; while the last build failed,
 * every page is its messages, FILE:LINE:COLUMN first, until it is fixed.
 * Runs until SIGINT or SIGTERM, then stops cleanly (exit 0).
 * Returns the exit status: 2 wrong usage, 1 when it cannot start.
 */
#ifndef UPRGEN_SERVE_H
#define UPRGEN_SERVE_H

int serve_command(int argc, char **argv);

#endif
