/* image — pictures checked once for every back end.  See image.h. */
#include "image.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool S_relative_inside(const char *url)
{
	if (!*url || url[0] == '/' || strchr(url, '\\') || strchr(url, ':'))
		return false;
	for (const char *s = url; *s;) {
		size_t n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.')
			return false;
		s += n;
		while (*s == '/')
			s++;
	}
	return true;
}

static bool S_remote(const char *url)
{
	if (url[0] == '/' && url[1] == '/')
		return true;
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyz"
			       "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
	return n > 0 && url[n] == ':';
}

static unsigned S_be(const unsigned char *p, int bytes)
{
	unsigned v = 0;
	for (int i = 0; i < bytes; i++)
		v = v << 8 | p[i];
	return v;
}

/* The size a JPEG says in its first start-of-frame segment. */
static bool S_jpeg_size(FILE *fp, unsigned *w, unsigned *h)
{
	unsigned char m[9];
	if (fseek(fp, 2, SEEK_SET))
		return false;
	for (int segments = 0; segments < 1000; segments++) {
		if (fread(m, 1, 4, fp) != 4 || m[0] != 0xFF)
			return false;
		while (m[1] == 0xFF) { /* fill bytes */
			m[1] = m[2];
			m[2] = m[3];
			if (fread(m + 3, 1, 1, fp) != 1)
				return false;
		}
		unsigned len = S_be(m + 2, 2);
		bool sof = m[1] >= 0xC0 && m[1] <= 0xCF && m[1] != 0xC4 &&
			   m[1] != 0xC8 && m[1] != 0xCC;
		if (sof) {
			if (fread(m, 1, 5, fp) != 5)
				return false;
			*h = S_be(m + 1, 2);
			*w = S_be(m + 3, 2);
			return true;
		}
		if (len < 2 || fseek(fp, (long)len - 2, SEEK_CUR))
			return false;
	}
	return false;
}

bool image_open(struct arena *a, const char *content_dir, const char *root,
		const char *url, struct source_pos pos, struct diags *d,
		struct image *out)
{
	const char *why = NULL;
	if (!url || !*url)
		why = "has no address";
	else if (S_remote(url))
		why = "is on another host; only pictures inside the content "
		      "folder are shown (nothing is fetched from elsewhere)";
	else if (!S_relative_inside(url))
		why = "is not a relative path inside the content folder";
	else if (!content_dir)
		why = "cannot be read here (no content folder)";
	if (why) {
		diag_warning(d, pos, "the image \"%s\" %s; its description is "
			     "shown instead", url ? url : "", why);
		return false;
	}
	char *path = arena_path(a, content_dir, url);
	char *real = file_outside(root, path);
	bool outside = real != NULL;
	free(real);
	if (outside) {
		diag_warning(d, pos, "the image \"%s\" leads outside the "
			     "project folder through a symbolic link; its "
			     "description is shown instead", url);
		return false;
	}
	/* only a regular file: a named pipe would block the build */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	FILE *fp = NULL;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		fp = fdopen(fd, "rb");
	else if (fd >= 0)
		close(fd);
	unsigned char head[24] = {0};
	size_t got = fp ? fread(head, 1, sizeof head, fp) : 0;
	out->url = url;
	out->path = path;
	out->width = out->height = 0;
	bool ok = false;
	if (got == 24 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8) &&
	    !memcmp(head + 12, "IHDR", 4)) {
		out->kind = IMAGE_PNG;
		out->width = S_be(head + 16, 4);
		out->height = S_be(head + 20, 4);
		ok = true;
	} else if (got >= 2 && head[0] == 0xFF && head[1] == 0xD8) {
		out->kind = IMAGE_JPEG;
		ok = S_jpeg_size(fp, &out->width, &out->height);
	}
	if (fp)
		fclose(fp);
	if (!fp)
		why = fd >= 0 ? "is not a regular file"
			      : arena_printf(a, "cannot be read at %s (a "
					     "picture's path starts at the "
					     "content folder)", path);
	else if (!ok)
		why = "is not a PNG or JPEG file";
	else if (!out->width || !out->height)
		why = "has no size";
	else if (out->width > IMAGE_MAX_SIDE || out->height > IMAGE_MAX_SIDE ||
		 (uint64_t)out->width * out->height > IMAGE_MAX_PIXELS)
		why = "is too large";
	if (why) {
		diag_warning(d, pos, "the image \"%s\" %s%s; its description is "
			     "shown instead", url, why,
			     ok && out->width && out->height
				     ? arena_printf(a, " (%u × %u pixels; at "
						    "most %d a side and %d "
						    "million in all)",
						    out->width, out->height,
						    IMAGE_MAX_SIDE,
						    IMAGE_MAX_PIXELS / 1000000)
				     : "");
		return false;
	}
	return true;
}
