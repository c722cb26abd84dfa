/* import — the command line, the text toolkit the readers share, and the
 * YAML they produce. */
#define _GNU_SOURCE /* memmem */
#include "import.h"
#include "sheet.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "formats.h"
#include "office.h"
#include "yamlread.h"
#include "yamlwrite.h"

/* the whole UPR Info sample is 10 MB; a State's UHRI export far less */
enum { IMPORT_MAX_BYTES = 256 * 1024 * 1024 };

static const char S_usage[] =
	"usage: uprgen import SOURCE FILE [OPTIONS]\n"
	"\n"
	"Turns an export of a recommendations database into the content of a\n"
	"report: recommendations.yaml and clusters.yaml.\n"
	"\n"
	"Sources:\n"
	"  upr-info FILE.csv --state NAME [--session N]\n"
	"        the UPR Info database export (To, Text, From, Response,\n"
	"        Issue, Session, ...); the State's latest session by default.\n"
	"        Rows of one recommendation made by several States become one\n"
	"        entry; the first issue is its cluster.\n"
	"  uhri FILE.xlsx|FILE.csv --state NAME [--cycle N] [--related]\n"
	"        the Universal Human Rights Index export (Excel, every sheet\n"
	"        with its columns, or CSV); the State's latest\n"
	"        UPR cycle by default.  --related adds the recommendations of\n"
	"        the other mechanisms (treaty bodies, special procedures) to\n"
	"        the UPR recommendations that share their themes.\n"
	"  sheet FILE.xlsx [-C DIR] [--force]\n"
	"        a spreadsheet of 'uprgen export sheets', filled in by an\n"
	"        institution, into content/progress/ (see 'import sheet --help')\n"
	"  ohchr-matrix FILE.docx|FILE.txt [--state NAME]\n"
	"        OHCHR's thematic list of recommendations (the matrix): the\n"
	"        Word file, read by its table's header row, or its text; its\n"
	"        'Theme:' rows become the clusters, a State's comments in an\n"
	"        assessment column an action.\n"
	"Office files are told by their content, not their name.\n"
	"CSV files may separate fields with commas, semicolons or tabs.\n"
	"\n"
	"Options:\n"
	"  --out PATH   a content folder (recommendations.yaml and\n"
	"               clusters.yaml are written in it; created if missing)\n"
	"               or FILE.yaml (clusters.yaml goes beside it).  Without\n"
	"               --out the recommendations go to standard output and\n"
	"               clusters.yaml is not written.\n"
	"  --force      replace files that already hold entries (files with\n"
	"               only comments or [] are replaced without it)\n"
	"  --encoding utf-8|mac-roman|windows-1252|latin-1\n"
	"               of FILE; by default UTF-8, and the lines that are\n"
	"               not UTF-8 in Mac OS Roman for old Mac exports (lines\n"
	"               ending in a lone CR), Windows-1252 for the rest\n"
	"\n"
	"Exit status: 0 done, 1 the input has errors or an output file holds\n"
	"entries, 2 wrong usage.\n";

/* ---------------------------------------------------------- encodings */

static const unsigned short S_mac_roman[128] = {
	0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1,
	0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
	0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
	0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
	0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF,
	0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
	0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
	0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
	0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
	0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
	0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA,
	0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
	0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,
	0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
	0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
	0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
};

/* 0x80-0x9F; the five unassigned bytes become U+FFFD.  From 0xA0 on,
 * Windows-1252 is Latin-1, whose bytes are their code points. */
static const unsigned short S_windows_1252[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

struct S_encoding {
	const char *name;    /* as the user may write it */
	const char *display; /* as messages say it */
	const unsigned short *table; /* NULL: UTF-8 */
};

static const struct S_encoding S_encodings[] = {
	{"utf-8", "UTF-8", NULL},
	{"mac-roman", "Mac OS Roman", S_mac_roman},
	{"windows-1252", "Windows-1252", S_windows_1252},
	/* as web browsers do: Latin-1 labels mean Windows-1252 */
	{"latin-1", "Windows-1252", S_windows_1252},
	{"iso-8859-1", "Windows-1252", S_windows_1252},
};

static const struct S_encoding *S_find_encoding(const char *name)
{
	for (size_t i = 0; i < sizeof S_encodings / sizeof *S_encodings; i++)
		if (!strcasecmp(name, S_encodings[i].name))
			return &S_encodings[i];
	return NULL;
}

bool import_encoding_known(const char *name)
{
	return S_find_encoding(name) != NULL;
}

void import_put_utf8(struct buf *b, unsigned c)
{
	char u[4];
	buf_put(b, u, utf8_encode(c, u));
}

static char *S_convert(struct arena *a, const struct S_encoding *e,
		       const char *bytes, size_t len, size_t *out_len)
{
	struct buf b;
	buf_init(&b);
	buf_reserve(&b, len + len / 8);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)bytes[i];
		if (c < 0x80)
			buf_putc(&b, (char)c);
		else if (e->table == S_mac_roman)
			import_put_utf8(&b, S_mac_roman[c - 0x80]);
		else
			import_put_utf8(&b, c < 0xA0 ? S_windows_1252[c - 0x80]
						     : c);
	}
	char *s = arena_strndup(a, b.data, b.len);
	*out_len = b.len;
	buf_free(&b);
	return s;
}

/* Old Mac exports end lines with a lone CR and use Mac OS Roman. */
static const struct S_encoding *S_guess_encoding(const char *bytes,
						 size_t len)
{
	bool cr = memchr(bytes, '\r', len) != NULL;
	bool lf = memchr(bytes, '\n', len) != NULL;
	return S_find_encoding(cr && !lf ? "mac-roman" : "windows-1252");
}

static bool S_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* Converts the lines that are not UTF-8 with e, keeps the others; counts
 * both kinds (lines of ASCII only are neither). */
static char *S_convert_lines(struct arena *a, const struct S_encoding *e,
			     const char *bytes, size_t len, size_t *out_len,
			     size_t *converted, size_t *utf8)
{
	struct buf b;
	buf_init(&b);
	buf_reserve(&b, len + len / 8);
	*converted = *utf8 = 0;
	for (size_t i = 0; i < len;) {
		size_t n = 0;
		while (i + n < len && bytes[i + n] != '\n' &&
		       bytes[i + n] != '\r')
			n++;
		if (utf8_first_invalid(bytes + i, n) == n) {
			*utf8 += !S_ascii(bytes + i, n);
			buf_put(&b, bytes + i, n);
		} else {
			size_t m;
			char *line = S_convert(a, e, bytes + i, n, &m);
			buf_put(&b, line, m);
			(*converted)++;
		}
		if (i + n < len)
			buf_putc(&b, bytes[i + n]);
		i += n + 1;
	}
	char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	*out_len = b.len;
	buf_free(&b);
	return s;
}

char *import_decode(struct arena *a, struct diags *d, const char *file,
		    const char *bytes, size_t len, const char *encoding,
		    size_t *out_len)
{
	if (len >= 5 && !memcmp(bytes, "%PDF-", 5)) {
		diag_error(d, (struct source_pos){file, 1, 1},
			   "this is a PDF, not a text file: import the file it "
			   "was made from (the database's CSV export, OHCHR's "
			   "Word file) or the text copied out of it");
		return NULL;
	}
	const char *old_office = office_other_kind(bytes, len);
	if (old_office) {
		diag_error(d, (struct source_pos){file, 1, 1},
			   "this is %s, not a text file: save it as an Excel "
			   "workbook (.xlsx), a Word document (.docx) or a "
			   "UTF-8 CSV",
			   old_office);
		return NULL;
	}
	const char *nul = memchr(bytes, '\0', len);
	if (nul) {
		const char *wide = yamlread_wide_encoding(bytes, len);
		if (wide)
			diag_error(d, (struct source_pos){file, 1, 1},
				   "the file is %s encoded; export it (or "
				   "save it) as UTF-8 CSV",
				   wide);
		else
			diag_error(d,
				   diag_pos_at(file, bytes,
					       (size_t)(nul - bytes)),
				   "a NUL byte: this is not a text file");
		return NULL;
	}
	const struct S_encoding *e =
		encoding ? S_find_encoding(encoding) : NULL;
	size_t bad = utf8_first_invalid(bytes, len);
	if (bad == len && (!e || !e->table)) {
		*out_len = len;
		return arena_strndup(a, bytes, len);
	}
	if (e && !e->table) {
		diag_error(d, diag_pos_at(file, bytes, bad),
			   "not UTF-8; name the file's encoding with "
			   "--encoding (mac-roman, windows-1252)");
		return NULL;
	}
	if (e)
		return S_convert(a, e, bytes, len, out_len);
	e = S_guess_encoding(bytes, len);
	size_t converted, utf8;
	char *text = S_convert_lines(a, e, bytes, len, out_len, &converted,
				     &utf8);
	const char *why = e->table == S_mac_roman
				  ? " (the lines end with a lone CR, as in "
				    "old Mac exports)"
				  : "";
	if (utf8)
		diag_warning(d, diag_pos_at(file, bytes, bad),
			     "not UTF-8 on %zu line%s (the first here): those "
			     "read as %s%s, the %zu other lines with accented "
			     "letters as UTF-8; if accented letters look "
			     "wrong, choose with --encoding",
			     converted, converted == 1 ? "" : "s", e->display,
			     why, utf8);
	else
		diag_warning(d, diag_pos_at(file, bytes, bad),
			     "not UTF-8 on %zu line%s of the file (the first "
			     "here, whichever State it is about): read as "
			     "%s%s; if accented letters look wrong, choose "
			     "with --encoding",
			     converted, converted == 1 ? "" : "s", e->display,
			     why);
	return text;
}

/* -------------------------------------------------------------- toolkit */

struct import_rec *import_add_rec(struct import_set *set)
{
	set->recs = arena_grow(set->a, set->recs, sizeof *set->recs,
			       set->count, &set->cap, set->count + 1);
	struct import_rec *r = &set->recs[set->count++];
	memset(r, 0, sizeof *r);
	return r;
}

void import_list_add(struct arena *a, struct import_list *l, const char *s)
{
	for (size_t i = 0; i < l->count; i++)
		if (!strcmp(l->items[i], s))
			return;
	l->items = arena_grow(a, l->items, sizeof *l->items, l->count,
			      &l->cap, l->count + 1);
	l->items[l->count++] = s;
}

void import_related_add(struct arena *a, struct import_rec *r,
			struct import_related rel)
{
	r->related = arena_grow(a, r->related, sizeof *r->related,
				r->related_count, &r->related_cap,
				r->related_count + 1);
	r->related[r->related_count++] = rel;
}

/* Lower-case ASCII transliterations of Latin-1 letters U+00C0-U+00FF, so
 * that "Niñez" gives the slug "ninez"; NULL for × and ÷. */
static const char *const S_latin1_ascii[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i",
	"i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u",
	"u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae",
	"c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o",
	"o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
};

static void S_slug_char(struct buf *b, unsigned c)
{
	const char *t = NULL;
	char ascii[2] = {0, 0};
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		ascii[0] = (char)c;
	else if (c >= 'A' && c <= 'Z')
		ascii[0] = (char)(c - 'A' + 'a');
	else if (c >= 0xC0 && c <= 0xFF)
		t = S_latin1_ascii[c - 0xC0];
	else if (c == 0x152 || c == 0x153)
		t = "oe";
	if (ascii[0])
		t = ascii;
	if (t)
		buf_puts(b, t);
	else if (b->len && b->data[b->len - 1] != '-')
		buf_putc(b, '-');
}

/* "Ratification of & accession to international instruments" gives
 * "ratification-of-accession-to-international-instruments", cut at a
 * hyphen to fit `max` characters. */
static void S_slug(struct buf *b, const char *title, size_t max)
{
	size_t len = strlen(title);
	for (size_t i = 0; i < len;) {
		size_t adv;
		S_slug_char(b, utf8_decode(title + i, len - i, &adv));
		i += adv;
	}
	if (b->len > max) {
		size_t cut = max;
		while (cut > 0 && b->data[cut] != '-')
			cut--;
		b->len = cut ? cut : max;
		b->data[b->len] = '\0';
	}
	while (b->len && b->data[b->len - 1] == '-')
		b->data[--b->len] = '\0';
	if (!b->len)
		buf_puts(b, "cluster");
}

static bool S_cluster_id_taken(const struct import_set *set, const char *id)
{
	for (size_t i = 0; i < set->cluster_count; i++)
		if (!strcmp(set->clusters[i].id, id))
			return true;
	return false;
}

size_t import_cluster(struct import_set *set, const char *title)
{
	for (size_t i = 0; i < set->cluster_count; i++)
		if (!strcmp(set->clusters[i].title, title))
			return i;
	struct buf slug;
	buf_init(&slug);
	S_slug(&slug, title, MODEL_MAX_ID);
	char *id = arena_strdup(set->a, slug.data);
	/* two titles with one slug ("Women's rights", "Women: rights") */
	for (int n = 2; S_cluster_id_taken(set, id); n++) {
		buf_clear(&slug);
		S_slug(&slug, title, MODEL_MAX_ID - 4);
		id = arena_printf(set->a, "%s-%d", slug.data, n);
	}
	buf_free(&slug);
	set->clusters = arena_grow(set->a, set->clusters,
				   sizeof *set->clusters, set->cluster_count,
				   &set->cluster_cap, set->cluster_count + 1);
	set->clusters[set->cluster_count] =
		(struct import_cluster){id, arena_strdup(set->a, title)};
	return set->cluster_count++;
}

static bool S_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *import_clean(struct arena *a, const char *s, size_t len)
{
	while (len && S_space(*s)) {
		s++;
		len--;
	}
	while (len && S_space(s[len - 1]))
		len--;
	char *out = arena_alloc(a, len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\r') {
			if (i + 1 < len && s[i + 1] == '\n')
				continue;
			c = '\n';
		}
		if (c == '\n')
			while (n && (out[n - 1] == ' ' || out[n - 1] == '\t'))
				n--;
		out[n++] = c;
	}
	out[n] = '\0';
	return out;
}

char *import_text_key(struct arena *a, const char *s)
{
	size_t len = strlen(s);
	char *out = arena_alloc(a, len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (S_space(c)) {
			if (n && out[n - 1] != ' ')
				out[n++] = ' ';
			continue;
		}
		out[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	size_t whole = n;
	while (n && strchr(" .;,", out[n - 1]))
		n--;
	/* "..." is a text of its own: not the empty one, not "." */
	if (!n)
		n = whole;
	out[n] = '\0';
	return out;
}

/* The next letter of a State's name as names are compared
 * (unicode_fold_letter), a run of white space as one ' ', 0 at the end;
 * a byte that is not UTF-8 stays itself, apart from the letters. */
static unsigned S_name_next(const char *s, size_t len, size_t *i)
{
	if (*i >= len)
		return 0;
	if (S_space(s[*i])) {
		while (*i < len && S_space(s[*i]))
			++*i;
		return ' ';
	}
	size_t adv;
	unsigned c = utf8_decode(s + *i, len - *i, &adv);
	if (c == 0xFFFD && adv == 1)
		c = 0x110000 + (unsigned char)s[*i];
	*i += adv;
	return unicode_fold_letter(c);
}

bool import_same_name(const char *a, const char *b)
{
	while (S_space(*a))
		a++;
	while (S_space(*b))
		b++;
	size_t la = strlen(a), lb = strlen(b);
	while (la && S_space(a[la - 1]))
		la--;
	while (lb && S_space(b[lb - 1]))
		lb--;
	size_t i = 0, j = 0;
	for (;;) {
		unsigned ca = S_name_next(a, la, &i), cb = S_name_next(b, lb, &j);
		if (ca != cb)
			return false;
		if (!ca)
			return true;
	}
}

/* The offset of the "(" that opens the group closing at s[end - 1], or
 * -1. */
static long S_group_start(const char *s, size_t end)
{
	int depth = 0;
	for (size_t i = end; i-- > 0;) {
		if (s[i] == ')')
			depth++;
		else if (s[i] == '(' && --depth == 0)
			return (long)i;
	}
	return -1;
}

static bool S_listed(const struct import_list *l, const char *s)
{
	for (size_t i = 0; i < l->count; i++)
		if (import_same_name(l->items[i], s))
			return true;
	return false;
}

/* OHCHR's lists of the third cycle join the recommendations of several
 * States in one paragraph: "Ratify X (Ukraine); Increase efforts towards
 * X (Slovakia);".  The States inside stay in the text. */
static void S_states_inside(struct arena *a, const char *text, size_t end,
			    struct import_list *states)
{
	for (size_t i = 0; i + 3 < end; i++) {
		if (strncmp(text + i, "); ", 3) || text[i + 3] < 'A' ||
		    text[i + 3] > 'Z')
			continue;
		long open = S_group_start(text, i + 1);
		const char *name =
			open < 0 ? ""
				 : import_clean(a, text + open + 1,
						i - (size_t)open - 1);
		if (*name)
			import_list_add(a, states, name);
	}
}

const char *import_split_states(struct arena *a, const char *text,
				const struct import_list *known,
				struct import_list *states)
{
	size_t end = strlen(text);
	while (end && (S_space(text[end - 1]) || text[end - 1] == ';' ||
		       text[end - 1] == '.'))
		end--;
	enum { MAX_AT_END = 64 };
	const char *found[MAX_AT_END];
	size_t n = 0;
	while (end && text[end - 1] == ')' && n < MAX_AT_END) {
		long open = S_group_start(text, end);
		if (open < 0)
			break;
		const char *name = import_clean(a, text + open + 1,
						end - (size_t)open - 2);
		if (!*name || (known && !S_listed(known, name)))
			break;
		found[n++] = name;
		end = (size_t)open;
		while (end && S_space(text[end - 1]))
			end--;
	}
	if (n == 0 || end == 0)
		return text;
	if (!known)
		S_states_inside(a, text, end, states);
	while (n > 0)
		import_list_add(a, states, found[--n]);
	return import_clean(a, text, end);
}

const char *import_sdg_code(struct arena *a, const char *s)
{
	while (*s == ' ' || *s == '-')
		s++;
	const char *p = s;
	long goal = strtol(p, (char **)&p, 10);
	if (p == s || goal < 1 || goal > 17 || *s == '0' || *s == '+')
		return NULL;
	if (*p == '.' && p[1] >= 'a' && p[1] <= 'z')
		p += 2;
	else if (*p == '.' && p[1] >= '1' && p[1] <= '9')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (*p && *p != ' ')
		return NULL;
	return arena_strndup(a, s, (size_t)(p - s));
}

const char *import_para_number(struct arena *a, const char *s,
			       const char **rest)
{
	while (S_space(*s))
		s++;
	const char *p = s;
	bool dotted = false;
	while (*p >= '0' && *p <= '9') {
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p != '.' || p[1] < '0' || p[1] > '9')
			break;
		p++;
		dotted = true;
	}
	const char *end = p;
	if (*p == '.') {
		p++;
		dotted = true;
	}
	if (end == s || !dotted || (*p && !S_space(*p) && *p < 'A'))
		return NULL;
	while (S_space(*p))
		p++;
	*rest = p;
	return arena_strndup(a, s, (size_t)(end - s));
}

static bool S_contains(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = haystack; *p; p++)
		if (!strncasecmp(p, needle, n))
			return true;
	return false;
}

bool import_position(const char *s, enum position *out)
{
	while (*s == ' ' || *s == '-')
		s++;
	bool yes = S_contains(s, "support") || S_contains(s, "accept");
	bool no = S_contains(s, "noted") || S_contains(s, "reject") ||
		  !strncasecmp(s, "not ", 4);
	if (S_contains(s, "partial") || (yes && S_contains(s, "noted")))
		*out = POSITION_PARTIALLY_SUPPORTED;
	else if (no)
		*out = POSITION_NOTED;
	else if (yes)
		*out = POSITION_SUPPORTED;
	else
		return false;
	return true;
}

long import_cycle_of_session(long session)
{
	if (session < 1)
		return 0;
	if (session <= 12)
		return 1;
	if (session <= 26)
		return 2;
	return 3 + (session - 27) / 14;
}

/* "140.9" before "140.10": numbers compare as numbers, part by part. */
static int S_compare_ids(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char *ea, *eb;
			unsigned long na = strtoul(a, &ea, 10);
			unsigned long nb = strtoul(b, &eb, 10);
			if (na != nb)
				return na < nb ? -1 : 1;
			a = ea;
			b = eb;
		} else if (*a != *b) {
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		} else {
			a++;
			b++;
		}
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int S_compare_recs(const void *x, const void *y)
{
	const struct import_rec *a = x, *b = y;
	int c = S_compare_ids(a->id, b->id);
	return c ? c : strcmp(a->text, b->text);
}

void import_sort_by_id(struct import_set *set)
{
	if (set->count)
		qsort(set->recs, set->count, sizeof *set->recs,
		      S_compare_recs);
}

const char *import_row(struct arena *a, size_t row)
{
	return row ? arena_printf(a, "row %zu: ", row) : "";
}

/* ------------------------------------------------------ what check takes */

/* What `uprgen check` would refuse in one text field: too long, a control
 * character.  Reports it (the field named `what` of the entry from `rec`)
 * and returns false. */
static bool S_field_ok(struct import_set *set, const struct import_rec *rec,
		       const char *what, const char *s)
{
	if (!s)
		return true;
	size_t len = strlen(s);
	const char *row = import_row(set->a, rec->row);
	if (len > MODEL_MAX_TEXT_FIELD) {
		diag_error(set->d, rec->pos,
			   "%sthe %s is %zu bytes long; `uprgen check` "
			   "refuses a text field over %d bytes, so it is not "
			   "imported (shorten it in the source)",
			   row, what, len, MODEL_MAX_TEXT_FIELD);
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned cp = (unsigned char)s[i];
		/* C1 is U+0080-U+009F: 0xC2 then 0x80-0x9F in UTF-8 */
		if (cp == 0xC2 && i + 1 < len &&
		    (unsigned char)s[i + 1] <= 0x9F)
			cp = (unsigned char)s[i + 1];
		else if (cp >= 0x80)
			continue;
		if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp >= 0x7F) {
			diag_error(set->d, rec->pos,
				   "%sthe %s holds the control character "
				   "U+%04X, which `uprgen check` refuses: "
				   "not imported (delete it in the source)",
				   row, what, cp);
			return false;
		}
	}
	return true;
}

static bool S_list_ok(struct import_set *set, const struct import_rec *rec,
		      const char *what, const struct import_list *l)
{
	bool ok = true;
	for (size_t i = 0; i < l->count; i++)
		ok = S_field_ok(set, rec, what, l->items[i]) && ok;
	return ok;
}

/* Every entry, before anything is written: what `check` would refuse is
 * an error here, with its row, rather than a file that does not pass. */
static bool S_check_entries(struct import_set *set)
{
	size_t errors = set->d->errors;
	for (size_t i = 0; i < set->count; i++) {
		const struct import_rec *r = &set->recs[i];
		if (!*r->text)
			diag_error(set->d, r->pos,
				   "%sthe recommendation has no text: not "
				   "imported",
				   import_row(set->a, r->row));
		if (strlen(r->id) > MODEL_MAX_ID)
			diag_error(set->d, r->pos,
				   "%sthe paragraph number '%s' is longer than "
				   "%d characters, which `uprgen check` refuses "
				   "as an id: not imported",
				   import_row(set->a, r->row),
				   diag_quote(set->a, r->id), MODEL_MAX_ID);
		S_field_ok(set, r, "text", r->text);
		S_list_ok(set, r, "recommending State", &r->states);
		S_list_ok(set, r, "theme", &r->themes);
		S_list_ok(set, r, "group of persons", &r->groups);
		for (size_t k = 0; k < r->related_count; k++) {
			S_field_ok(set, r, "related text", r->related[k].text);
			S_field_ok(set, r, "related mechanism",
				   r->related[k].mechanism);
			S_field_ok(set, r, "related symbol",
				   r->related[k].symbol);
		}
		S_field_ok(set, r, "cluster", set->clusters[r->cluster].title);
		S_field_ok(set, r, "assessment", r->assessment);
	}
	return set->d->errors == errors;
}

/* --------------------------------------------------------------- output */

/* A text of the source, which every source gives in English: plain, or
 * in a report written in other languages too the English one ({en: …}),
 * so that the others show it as a translation still to write (check
 * lists them) instead of as their own. */
static void S_write_text(struct yamlwrite *w, const char *key,
			 const char *text, bool as_english)
{
	yamlwrite_text(w, key, text, as_english ? "en" : NULL);
}

static void S_write_list(struct yamlwrite *w, const char *key,
			 const struct import_list *l, bool quoted)
{
	if (!l->count)
		return;
	yamlwrite_key(w, key);
	yamlwrite_begin_list(w);
	for (size_t i = 0; i < l->count; i++) {
		if (quoted)
			yamlwrite_quoted(w, l->items[i]);
		else
			yamlwrite_string(w, l->items[i]);
	}
	yamlwrite_end_list(w);
}

static void S_write_related(struct yamlwrite *w, const struct import_rec *r,
			    bool as_english)
{
	if (!r->related_count)
		return;
	yamlwrite_key(w, "related");
	yamlwrite_begin_list(w);
	for (size_t i = 0; i < r->related_count; i++) {
		const struct import_related *rel = &r->related[i];
		yamlwrite_begin_map(w);
		yamlwrite_key(w, "mechanism");
		yamlwrite_string(w, rel->mechanism);
		if (rel->symbol) {
			yamlwrite_key(w, "symbol");
			yamlwrite_string(w, rel->symbol);
		}
		if (rel->para) {
			yamlwrite_key(w, "para");
			yamlwrite_quoted(w, rel->para);
		}
		S_write_text(w, "text", rel->text, as_english);
		yamlwrite_end_map(w);
	}
	yamlwrite_end_list(w);
}

/* The State's own comments in the matrix: an action of the day the file
 * was saved, or without a date the challenges (both Markdown). */
static void S_write_assessment(struct yamlwrite *w, const struct import_rec *r,
			       bool as_english)
{
	if (!r->assessment)
		return;
	if (!r->assessed) {
		S_write_text(w, "challenges", r->assessment, as_english);
		yamlwrite_note(w, "TODO: check: the assessment column of the "
				  "matrix, which gives no date");
		return;
	}
	yamlwrite_key(w, "actions");
	yamlwrite_begin_list(w);
	yamlwrite_begin_map(w);
	yamlwrite_key(w, "date");
	yamlwrite_string(w, r->assessed);
	yamlwrite_note(w, "TODO: check: the day the matrix was last saved");
	S_write_text(w, "text", r->assessment, as_english);
	if (r->assessment_source) {
		yamlwrite_key(w, "source");
		yamlwrite_string(w, r->assessment_source);
	}
	yamlwrite_end_map(w);
	yamlwrite_end_list(w);
}

static void S_write_rec(struct yamlwrite *w, const struct import_set *set,
			const struct import_rec *r, bool as_english)
{
	yamlwrite_begin_map(w);
	yamlwrite_key(w, "id");
	yamlwrite_quoted(w, r->id);
	if (r->id_note)
		yamlwrite_note(w, r->id_note);
	S_write_text(w, "text", r->text, as_english);
	yamlwrite_key(w, "states");
	yamlwrite_begin_list(w);
	for (size_t i = 0; i < r->states.count; i++)
		yamlwrite_string(w, r->states.items[i]);
	yamlwrite_end_list(w);
	if (!r->states.count)
		yamlwrite_note(w, "TODO: the source names no recommending "
				  "State");
	yamlwrite_key(w, "position");
	yamlwrite_string(w, position_name(r->position));
	if (r->position_note)
		yamlwrite_note(w, r->position_note);
	yamlwrite_key(w, "cluster");
	yamlwrite_string(w, set->clusters[r->cluster].id);
	S_write_list(w, "themes", &r->themes, false);
	S_write_list(w, "groups", &r->groups, false);
	S_write_list(w, "sdgs", &r->sdgs, true);
	yamlwrite_key(w, "status");
	yamlwrite_string(w, status_name(STATUS_NOT_ASSESSED));
	yamlwrite_note(w, "TODO: assess");
	S_write_assessment(w, r, as_english);
	S_write_related(w, r, as_english);
	yamlwrite_end_map(w);
}

static void S_write_recs(struct buf *out, const struct import_set *set,
			 bool as_english)
{
	struct yamlwrite w;
	yamlwrite_init(&w, out);
	yamlwrite_comment(&w, set->recs_header.data);
	yamlwrite_comment(&w, "\nFor each recommendation: set `status` once "
			      "assessed, and add `responsible`, `actions`, "
			      "`indicators`, `challenges` and `assistance` as "
			      "the follow-up goes on.");
	yamlwrite_blank_line(&w);
	yamlwrite_begin_list(&w);
	for (size_t i = 0; i < set->count; i++) {
		if (i)
			yamlwrite_blank_line(&w);
		S_write_rec(&w, set, &set->recs[i], as_english);
	}
	yamlwrite_end_list(&w);
	yamlwrite_finish(&w);
}

static void S_write_clusters(struct buf *out, const struct import_set *set,
			     bool as_english)
{
	struct yamlwrite w;
	yamlwrite_init(&w, out);
	yamlwrite_comment(&w, set->clusters_header.data);
	yamlwrite_comment(&w, "\nGive a cluster a `description` (Markdown) to "
			      "introduce it in the report; rename an `id` "
			      "only together with the `cluster` fields that "
			      "name it.");
	yamlwrite_blank_line(&w);
	yamlwrite_begin_list(&w);
	for (size_t i = 0; i < set->cluster_count; i++) {
		yamlwrite_begin_map(&w);
		yamlwrite_key(&w, "id");
		yamlwrite_string(&w, set->clusters[i].id);
		S_write_text(&w, "title", set->clusters[i].title, as_english);
		yamlwrite_end_map(&w);
	}
	yamlwrite_end_list(&w);
	yamlwrite_finish(&w);
}

/* ------------------------------------------------------- writing files */

struct S_targets {
	const char *recs;     /* NULL: standard output */
	const char *clusters; /* NULL: not written */
};

static bool S_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static bool S_targets(struct arena *a, const char *out, struct S_targets *t)
{
	t->recs = t->clusters = NULL;
	if (!out)
		return true;
	if (S_ends_with(out, ".yaml") || S_ends_with(out, ".yml")) {
		const char *slash = strrchr(out, '/');
		/* its folder "created if missing", as a folder's */
		const char *dir = slash ? arena_strndup(a, out,
							(size_t)(slash - out))
					: NULL;
		if (dir && *dir && !file_mkdirs(dir)) {
			fprintf(stderr, "uprgen import: cannot make folder "
					"%s: %s\n",
				dir, strerror(errno));
			return false;
		}
		t->recs = out;
		t->clusters = slash ? arena_printf(a, "%.*s/clusters.yaml",
						   (int)(slash - out), out)
				    : "clusters.yaml";
		return true;
	}
	/* "created if missing", with the folders above it */
	if (!file_mkdirs(out)) {
		fprintf(stderr, "uprgen import: cannot make folder %s: %s\n",
			out, strerror(errno));
		return false;
	}
	t->recs = arena_printf(a, "%s/recommendations.yaml", out);
	t->clusters = arena_printf(a, "%s/clusters.yaml", out);
	return true;
}

/* True when the file exists with entries in it: anything but comments,
 * blank lines and an empty list `[]` (what `uprgen new` writes).  A file
 * that cannot be read counts as full: better refuse than overwrite. */
static bool S_holds_entries(const char *path)
{
	char *text;
	size_t len;
	int err = file_read_all(path, IMPORT_MAX_BYTES, &text, &len);
	if (err)
		return err != ENOENT;
	bool entries = false, empty_list = false;
	for (char *line = strtok(text, "\r\n"); line && !entries;
	     line = strtok(NULL, "\r\n")) {
		line += strspn(line, " \t");
		char *hash = strstr(line, " #");
		if (hash)
			*hash = '\0';
		size_t n = strlen(line);
		while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
			line[--n] = '\0';
		if (!n || line[0] == '#')
			continue;
		if (!strcmp(line, "[]") && !empty_list)
			empty_list = true;
		else
			entries = true;
	}
	free(text);
	return entries;
}

/* Writes b beside path; returns the temporary file's name (in a), or
 * NULL after saying why. */
static char *S_write_temp(struct arena *a, const char *path,
			  const struct buf *b)
{
	char *tmp = file_temp_beside(a, path);
	int err = tmp ? file_write_all(tmp, b->data, b->len) : errno;
	if (!err)
		return tmp;
	fprintf(stderr, "uprgen import: cannot write %s: %s\n", path,
		strerror(err));
	if (tmp)
		unlink(tmp);
	return NULL;
}

/* Both files are written in full before either replaces its old self. */
static bool S_write_files(struct arena *a, const char *const paths[2],
			  const struct buf *const bufs[2])
{
	char *tmps[2] = {NULL, NULL};
	bool ok = (tmps[0] = S_write_temp(a, paths[0], bufs[0])) &&
		  (tmps[1] = S_write_temp(a, paths[1], bufs[1]));
	for (int i = 0; i < 2 && ok; i++)
		if (rename(tmps[i], paths[i]) != 0) {
			fprintf(stderr, "uprgen import: cannot write %s: %s\n",
				paths[i], strerror(errno));
			ok = false;
		}
	for (int i = 0; i < 2; i++)
		if (tmps[i] && !ok)
			unlink(tmps[i]);
	return ok;
}

/* Whether the report written into (the report.yaml beside the files)
 * is in another language than English alone: then the texts are written
 * as English ones (S_write_text).  No report there, or one that does not
 * read: plain texts, as for standard output (check says what is wrong
 * with it). */
static bool S_texts_as_english(struct arena *a, const struct S_targets *t)
{
	if (!t->clusters)
		return false;
	const char *slash = strrchr(t->clusters, '/');
	const char *report =
		slash ? arena_printf(a, "%.*s/report.yaml",
				     (int)(slash - t->clusters), t->clusters)
		      : "report.yaml";
	if (access(report, F_OK) != 0)
		return false;
	struct diags quiet;
	diags_init(&quiet);
	const struct value *langs =
		value_map_get(yamlread_file(a, &quiet, report, report),
			      "languages");
	diags_free(&quiet);
	bool other = false;
	for (size_t i = 0; langs && langs->kind == VALUE_LIST &&
			   i < langs->count; i++)
		other = other || (langs->items[i]->str &&
				  strcmp(langs->items[i]->str, "en"));
	return other;
}

static int S_output(struct arena *a, const struct import_set *set,
		    const char *out, bool force, bool *as_english)
{
	struct S_targets t;
	if (!S_targets(a, out, &t))
		return CLI_EXIT_CONTENT;
	*as_english = S_texts_as_english(a, &t);
	const char *paths[2] = {t.recs, t.clusters};
	for (int i = 0; i < 2; i++) {
		struct stat st;
		if (paths[i] && stat(paths[i], &st) == 0 &&
		    !S_ISREG(st.st_mode)) { /* --force cannot replace it */
			fprintf(stderr,
				"uprgen import: %s is %s, not a file: move it "
				"away, or give another --out\n",
				paths[i],
				S_ISDIR(st.st_mode) ? "a folder" : "no file");
			return CLI_EXIT_CONTENT;
		}
	}
	for (int i = 0; i < 2 && !force; i++)
		if (paths[i] && S_holds_entries(paths[i])) {
			fprintf(stderr,
				"uprgen import: %s already holds entries; "
				"give --force to replace it\n",
				paths[i]);
			return CLI_EXIT_CONTENT;
		}
	struct buf recs, clusters;
	buf_init(&recs);
	buf_init(&clusters);
	S_write_recs(&recs, set, *as_english);
	S_write_clusters(&clusters, set, *as_english);
	const struct buf *const bufs[2] = {&recs, &clusters};
	bool ok;
	if (t.recs)
		ok = S_write_files(a, paths, bufs);
	else
		ok = fwrite(recs.data, 1, recs.len, stdout) == recs.len &&
		     fflush(stdout) == 0;
	buf_free(&recs);
	buf_free(&clusters);
	if (ok && !t.recs)
		fprintf(stderr, "uprgen import: clusters.yaml not written "
				"(give --out to write it)\n");
	return ok ? 0 : CLI_EXIT_CONTENT;
}

static void S_summary(const struct import_set *set, const char *out,
		      bool as_english)
{
	size_t by[POSITION_COUNT] = {0};
	for (size_t i = 0; i < set->count; i++)
		by[set->recs[i].position]++;
	fprintf(stderr,
		"imported %zu recommendation%s (%zu supported, %zu partially "
		"supported, %zu noted) in %zu cluster%s%s%s\n",
		set->count, set->count == 1 ? "" : "s", by[POSITION_SUPPORTED],
		by[POSITION_PARTIALLY_SUPPORTED], by[POSITION_NOTED],
		set->cluster_count, set->cluster_count == 1 ? "" : "s",
		out ? " into " : "", out ? out : "");
	if (as_english)
		fprintf(stderr, "the texts are written as English ones "
				"({en: ...}): 'uprgen check' lists the "
				"translations the report's other languages "
				"still need\n");
}

/* ---------------------------------------------------------- command line */

struct S_args {
	struct import_options o;
	const char *out, *encoding;
	bool force;
};

/* One option at argv[*i]; returns 0 or the usage error's exit status. */
static int S_option(int argc, char **argv, int *i, struct S_args *g)
{
	const char *opt = argv[*i];
	bool has_value = *i + 1 < argc;
	const char *value = has_value ? argv[*i + 1] : NULL;
	if (!strcmp(opt, "--force")) {
		g->force = true;
		return 0;
	}
	if (!strcmp(opt, "--related")) {
		g->o.related = true;
		return 0;
	}
	if (!has_value)
		return cli_usage_error("import", "'%s' needs a value", opt);
	(*i)++;
	if (!strcmp(opt, "--state"))
		g->o.state = value;
	else if (!strcmp(opt, "--out"))
		g->out = value;
	else if (!strcmp(opt, "--encoding")) {
		if (!import_encoding_known(value))
			return cli_usage_error("import", "unknown encoding '%s'", value);
		g->encoding = value;
	} else if (!strcmp(opt, "--session")) {
		if (!cli_number(value, 1, 1000, &g->o.session))
			return cli_usage_error("import", "--session takes a number, "
					     "not '%s'", value);
	} else if (!strcmp(opt, "--cycle")) {
		if (!cli_number(value, 1, 1000, &g->o.cycle))
			return cli_usage_error("import", "--cycle takes a number, not '%s'",
					     value);
	} else
		return cli_usage_error("import", "unknown option '%s'", opt);
	return 0;
}

/* Which options make sense for which source. */
static int S_check_args(const struct S_args *g)
{
	const char *src = g->o.source;
	bool matrix = !strcmp(src, "ohchr-matrix");
	if (strcmp(src, "upr-info") && strcmp(src, "uhri") && !matrix)
		return cli_usage_error("import", "unknown source '%s' (upr-info, uhri or "
				     "ohchr-matrix)", src);
	if (!g->o.file)
		return cli_usage_error("import", "which %s file?", src);
	if (!g->o.state && !matrix)
		return cli_usage_error("import", "%s needs --state NAME", src);
	if (g->o.session && strcmp(src, "upr-info"))
		return cli_usage_error("import", "--session is for upr-info (%s)",
				     "uhri takes --cycle");
	if ((g->o.cycle || g->o.related) && strcmp(src, "uhri"))
		return cli_usage_error("import", "--cycle and --related are for %s",
				     "uhri");
	return 0;
}

static int S_parse_args(int argc, char **argv, struct S_args *g)
{
	memset(g, 0, sizeof *g);
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			fputs(S_usage, stdout);
			return -1;
		}
		if (arg[0] == '-' && arg[1]) {
			int status = S_option(argc, argv, &i, g);
			if (status)
				return status;
		} else if (!g->o.source)
			g->o.source = arg;
		else if (!g->o.file)
			g->o.file = arg;
		else
			return cli_usage_error("import", "unexpected '%s'", arg);
	}
	if (!g->o.source)
		return cli_usage_error("import", "which source? %s",
				     "upr-info, uhri or ohchr-matrix");
	return S_check_args(g);
}

static bool S_read_source(struct import_set *set, const struct S_args *g,
			  const char *text, size_t len)
{
	if (!strcmp(g->o.source, "upr-info"))
		return import_upr_info(set, &g->o, text, len);
	if (!strcmp(g->o.source, "uhri")) {
		/* with its Excel reader, in uprgen's object (formats.h) */
		const struct formats *F = formats_load(set->d);
		return F && F->import_uhri(set, &g->o, text, len);
	}
	return import_ohchr_matrix(set, &g->o, text, len);
}

/* A zip: the Word file of the matrix, the Excel export of the index. */
static bool S_read_office(struct import_set *set, const struct S_args *g,
			  const char *bytes, size_t len)
{
	/* both readers are in uprgen's object (formats.h) */
	const struct formats *F;
	if (!strcmp(g->o.source, "ohchr-matrix"))
		return (F = formats_load(set->d)) &&
		       F->import_ohchr_docx(set, &g->o, bytes, len);
	if (!strcmp(g->o.source, "uhri"))
		return (F = formats_load(set->d)) &&
		       F->import_uhri_xlsx(set, &g->o, bytes, len);
	/* a package names its parts in the clear (the zip's directory) */
	if (memmem(bytes, len, "word/document.xml", 17))
		diag_error(set->d, (struct source_pos){g->o.file, 0, 0},
			   "a Word document: %s reads the database's CSV "
			   "export; OHCHR's matrix in Word is read by "
			   "'uprgen import ohchr-matrix'",
			   g->o.source);
	else
		diag_error(set->d, (struct source_pos){g->o.file, 0, 0},
			   "an Office file (zip): %s reads the CSV export; "
			   "save the sheet as CSV (UTF-8)",
			   g->o.source);
	return false;
}

static int S_run(const struct S_args *g, struct arena *a, struct diags *d)
{
	char *bytes;
	size_t len;
	int err = file_read_all(g->o.file, IMPORT_MAX_BYTES, &bytes, &len);
	if (err) {
		fprintf(stderr, "uprgen import: %s: %s\n", g->o.file,
			err == EFBIG ? "larger than 256 MiB"
				     : file_error_text(err));
		return CLI_EXIT_CONTENT;
	}
	struct import_set set;
	memset(&set, 0, sizeof set);
	set.a = a;
	set.d = d;
	buf_init(&set.recs_header);
	buf_init(&set.clusters_header);
	bool read;
	if (office_is_zip(bytes, len)) {
		/* by what the file is, not what it is called */
		read = S_read_office(&set, g, bytes, len);
	} else {
		size_t text_len;
		char *text = import_decode(a, d, g->o.file, bytes, len,
					   g->encoding, &text_len);
		read = text && S_read_source(&set, g, text, text_len);
	}
	free(bytes);
	read = read && S_check_entries(&set) && !d->errors;
	diags_print(d, stderr, 0);
	bool as_english = false;
	int status = read ? S_output(a, &set, g->out, g->force, &as_english)
			  : CLI_EXIT_CONTENT;
	if (status == 0)
		S_summary(&set, g->out, as_english);
	buf_free(&set.recs_header);
	buf_free(&set.clusters_header);
	return status;
}

int import_command(int argc, char **argv)
{
	/* an institution's returned spreadsheet: content/progress/ */
	if (argc >= 2 && !strcmp(argv[1], "sheet")) {
		const struct formats *F = formats_load(NULL);
		return F ? F->sheet_import_command(argc - 1, argv + 1)
			 : CLI_EXIT_CONTENT;
	}
	struct S_args g;
	int status = S_parse_args(argc, argv, &g);
	if (status)
		return status < 0 ? 0 : status;
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	status = S_run(&g, &a, &d);
	diags_free(&d);
	arena_free(&a);
	return status;
}
