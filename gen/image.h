/*
 * image — the pictures a Markdown text shows, checked once for every back
 * end: a file inside content/, written as a relative path ("images/x.png",
 * no "..", no scheme), PNG or JPEG, at most IMAGE_MAX_SIDE pixels a side
 * and IMAGE_MAX_PIXELS in all (read from its header before anything
 * decodes it: a 20,000 × 20,000 PNG took 9.7 s and 1.2 GB).  A picture
 * from another host ("https://…", "//host/…") is never loaded: the
 * website promises no request to another host, and the PDF is made
 * offline.  What is refused shows its description instead, with a warning
 * at its place.
 *
 * Strings of a struct image live in the arena given.
 */
#ifndef UPRGEN_IMAGE_H
#define UPRGEN_IMAGE_H

#include <stdbool.h>

#include "diag.h"
#include "util.h"

enum { IMAGE_MAX_SIDE = 10000, IMAGE_MAX_PIXELS = 40 * 1000 * 1000 };

enum image_kind { IMAGE_PNG, IMAGE_JPEG };

struct image {
	const char *url;  /* as written: the path under content/ */
	const char *path; /* content_dir/url */
	enum image_kind kind;
	unsigned width, height;
};

/* Checks the image `url` of a text placed at pos; false, with a warning
 * saying why in d, when it is not to be shown (content_dir NULL: no
 * folder to read images from).  Only a regular file is read, and, when
 * root (the project folder, its links resolved) is given, only one that
 * stays inside it once its links are resolved. */
bool image_open(struct arena *a, const char *content_dir, const char *root,
		const char *url, struct source_pos pos, struct diags *d,
		struct image *out);

#endif
