/* util — arenas, buffers, UTF-8 checks, file reading. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	max_align_t data[];
};

enum { ARENA_BLOCK = 64 * 1024 };

static void S_out_of_memory(void)
{
	fputs("uprgen: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		S_out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		S_out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (!q)
		S_out_of_memory();
	return q;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s);
	char *p = xmalloc(n + 1);
	memcpy(p, s, n + 1);
	return p;
}

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used_bytes = 0;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used_bytes = 0;
}

/* size bytes of a, not zeroed: for what is written over at once. */
static void *S_arena_take(struct arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	size = (size + align - 1) / align * align;
	if (size == 0)
		size = align;
	struct arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t cap = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
		b = xmalloc(sizeof *b + cap);
		b->size = cap;
		b->used = 0;
		/* A big block goes behind the current one so that the rest of
		 * the current block is still used for small allocations. */
		if (cap != ARENA_BLOCK && a->head) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	a->used_bytes += size;
	return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
	void *p = S_arena_take(a, size);
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = S_arena_take(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	/* formatted once, into a buffer of the stack, for most texts: again
	 * only for a longer one */
	char tmp[256];
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	char *p = S_arena_take(a, (size_t)n + 1);
	if ((size_t)n < sizeof tmp)
		memcpy(p, tmp, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, again);
	va_end(again);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

char *arena_path(struct arena *a, const char *dir, const char *name)
{
	if (!strcmp(dir, "."))
		return arena_strdup(a, name);
	return arena_printf(a, "%s/%s", dir, name);
}

void *arena_grow(struct arena *a, void *array, size_t elem_size, size_t count,
		 size_t *cap, size_t need)
{
	if (need <= *cap)
		return array;
	size_t ncap = *cap ? *cap * 2 : 8;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / elem_size)
		S_out_of_memory();
	char *p = S_arena_take(a, ncap * elem_size);
	if (count)
		memcpy(p, array, count * elem_size);
	memset(p + count * elem_size, 0, (ncap - count) * elem_size);
	*cap = ncap;
	return p;
}

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t ncap = b->cap ? b->cap * 2 : 256;
	while (ncap < b->len + extra + 1)
		ncap *= 2;
	b->data = xrealloc(b->data, ncap);
	b->cap = ncap;
}

void buf_put(struct buf *b, const char *s, size_t len)
{
	buf_reserve(b, len);
	if (len)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	/* Formatted once into the room there is; again only when it is too
	 * small. */
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	va_start(ap, fmt);
	int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if ((size_t)n >= room) {
		buf_reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *buf_detach(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");
	buf_init(b);
	return p;
}

/* Length of the well-formed sequence at s (Unicode table 3-7), 0 if none. */
static size_t S_utf8_seq_len(const unsigned char *s, size_t len)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	size_t n;
	unsigned lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;
		if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90;
		if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (len < n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return n;
}

size_t utf8_first_invalid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		/* Text is mostly ASCII: eight bytes at a time while no byte of
		 * them has its high bit. */
		uint64_t word;
		while (i + 8 <= len &&
		       (memcpy(&word, u + i, 8), !(word & 0x8080808080808080u)))
			i += 8;
		if (i >= len)
			break;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = S_utf8_seq_len(u + i, len - i);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

size_t utf8_encode(unsigned cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool unicode_is_wide(unsigned c)
{
	return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0xA4CF) ||
	       (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	       (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

static bool S_is_blank(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct near near_start(const char *word, size_t limit)
{
	return (struct near){.word = word, .dist = limit};
}

void near_try(struct near *n, const char *candidate)
{
	if (!candidate)
		return;
	size_t dist = edit_distance(n->word, candidate);
	if (dist < n->dist) {
		n->dist = dist;
		n->best = candidate;
	}
}

int unicode_names_compare(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t nx = strlen(x), ny = strlen(y), i = 0, j = 0, ax, ay;
	while (i < nx && j < ny) {
		unsigned cx = unicode_fold_letter(utf8_decode(x + i, nx - i, &ax));
		unsigned cy = unicode_fold_letter(utf8_decode(y + j, ny - j, &ay));
		if (cx != cy)
			return cx < cy ? -1 : 1;
		i += ax;
		j += ay;
	}
	if ((i < nx) != (j < ny))
		return i < nx ? 1 : -1;
	return strcmp(x, y);
}

const char *unicode_next_word(const char *s, size_t n, size_t *at,
			      size_t *len, bool *wide)
{
	size_t i = *at, adv;
	unsigned c = 0;
	while (i < n && S_is_blank(c = utf8_decode(s + i, n - i, &adv)))
		i += adv;
	if (i >= n) {
		*at = n;
		return NULL;
	}
	size_t start = i;
	*wide = unicode_is_wide(c);
	i += adv;
	while (!*wide && i < n) {
		c = utf8_decode(s + i, n - i, &adv);
		if (S_is_blank(c) || unicode_is_wide(c))
			break;
		i += adv;
	}
	*at = i;
	*len = i - start;
	return s + start;
}

unsigned unicode_lower(unsigned c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
	    (c >= 0x391 && c <= 0x3AB) || (c >= 0x410 && c <= 0x42F))
		return c + 32; /* Latin-1, Greek, Cyrillic capitals */
	if (c >= 0x400 && c <= 0x40F)
		return c + 80; /* Ѐ Ё ... Џ */
	if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) &&
	    !(c & 1) && c != 0x130)
		return c + 1; /* Latin Extended-A: Ā ā ... Ķ ķ, Ŋ ŋ ... Ŷ ŷ */
	if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) &&
	    (c & 1))
		return c + 1; /* Ĺ ĺ ... Ň ň, Ź ź ... Ž ž */
	if (c == 0x178)
		return 0xFF; /* Ÿ ÿ */
	return c;
}

unsigned unicode_fold_letter(unsigned c)
{
	/* the base letter of U+00C0 to U+017F, '.' where there is none
	 * (Æ, ×, Þ, ß, Ĳ, Ŋ, Œ) */
	static const char base[] =
		"aaaaaa.ceeeeiiiidnooooo.ouuuuy.." /* C0 */
		"aaaaaa.ceeeeiiiidnooooo.ouuuuy.y" /* E0 */
		"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkk"
		"llllllllllnnnnnnn..oooooo..rrrrrrsssssssstttttt"
		"uuuuuuuuuuuuwwyyyzzzzzzs"; /* 100 to 17F */
	c = unicode_lower(c);
	if (c >= 0xC0 && c <= 0x17F && base[c - 0xC0] != '.')
		return (unsigned char)base[c - 0xC0];
	if (c >= 0x218 && c <= 0x21B)
		return c < 0x21A ? 's' : 't'; /* Ș ș Ț ț */
	if (c == 0x2019 || c == 0x2BC)
		return '\'';
	return c;
}

unsigned utf8_decode(const char *s, size_t len, size_t *adv)
{
	const unsigned char *u = (const unsigned char *)s;
	/* one byte, or two (Latin accents, Cyrillic, Arabic): what the
	 * checks below would answer, without them (a tenth of an Arabic
	 * PDF's instructions went to this function) */
	if (len && u[0] < 0x80) {
		*adv = 1;
		return u[0];
	}
	if (len >= 2 && u[0] >= 0xC2 && u[0] <= 0xDF && (u[1] & 0xC0) == 0x80) {
		*adv = 2;
		return (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	}
	size_t n = len ? S_utf8_seq_len(u, len) : 0;
	if (n == 0) {
		*adv = len ? 1 : 0;
		return 0xFFFD;
	}
	*adv = n;
	if (n == 1)
		return u[0];
	unsigned cp = u[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++)
		cp = (cp << 6) | (u[i] & 0x3F);
	return cp;
}

size_t edit_distance(const char *a, const char *b)
{
	/* Optimal string alignment: a swap of two letters ("stauts") counts
	 * as one edit, as people type it. */
	enum { MAX = 40 };
	size_t la = strlen(a), lb = strlen(b);
	if (la > MAX || lb > MAX)
		return SIZE_MAX;
	size_t m[MAX + 1][MAX + 1];
	for (size_t i = 0; i <= la; i++)
		m[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		m[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t best = m[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (m[i - 1][j] + 1 < best)
				best = m[i - 1][j] + 1;
			if (m[i][j - 1] + 1 < best)
				best = m[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && m[i - 2][j - 2] + 1 < best)
				best = m[i - 2][j - 2] + 1;
			m[i][j] = best;
		}
	}
	return m[la][lb];
}

int file_write_all(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return errno;
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int err = n < 0 ? errno : EIO;
			close(fd);
			return err;
		}
		data += n;
		len -= (size_t)n;
	}
	return close(fd) == 0 ? 0 : errno;
}

char *file_temp_beside(struct arena *a, const char *path)
{
	char *tmp = arena_printf(a, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return NULL;
	if (fchmod(fd, 0644) != 0) {
		int err = errno;
		close(fd);
		unlink(tmp);
		errno = err;
		return NULL;
	}
	close(fd);
	return tmp;
}

const char *file_error_text(int err)
{
	return err == FILE_NOT_REGULAR
		       ? "not a regular file (a named pipe, a device or a "
			 "socket?)"
		       : strerror(err);
}

int file_read_all(const char *path, size_t max_bytes, char **out,
		  size_t *out_len)
{
	*out = NULL;
	*out_len = 0;
	/* O_NONBLOCK: opening a named pipe must not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno;
	struct stat st;
	int kind = fstat(fd, &st) != 0	  ? errno
		   : S_ISDIR(st.st_mode)  ? EISDIR
		   : !S_ISREG(st.st_mode) ? FILE_NOT_REGULAR
					  : 0;
	FILE *f = kind ? NULL : fdopen(fd, "rb");
	if (!f) {
		close(fd);
		return kind ? kind : errno;
	}
	struct buf b;
	buf_init(&b);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max_bytes) {
			buf_free(&b);
			fclose(f);
			return EFBIG;
		}
		buf_put(&b, chunk, n);
	}
	int err = ferror(f) ? EIO : 0;
	fclose(f);
	if (err) {
		buf_free(&b);
		return err;
	}
	*out_len = b.len;
	*out = buf_detach(&b);
	return 0;
}

bool file_mkdirs(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return false;
		}
		*s = '/';
	}
	bool ok = mkdir(p, 0777) == 0 || errno == EEXIST;
	free(p);
	return ok;
}

char *file_outside(const char *root, const char *path)
{
	if (!root)
		return NULL;
	char *real = realpath(path, NULL);
	if (!real)
		return NULL; /* missing or unreadable: reading it says so */
	size_t n = strlen(root);
	if (!strncmp(real, root, n) && (real[n] == '/' || !strcmp(root, "/")))
		real = (free(real), NULL);
	return real;
}

uint32_t hash_bytes(uint32_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++)
		h = hash_value(h, p[i]);
	return h;
}
