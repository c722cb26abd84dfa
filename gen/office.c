/* office — Office Open XML packages (.docx, .xlsx): libzip for the
 * package, expat for the XML, every size bounded (see office.h). */
#include "office.h"

#include <expat.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* ------------------------------------------------------------ package */

struct S_pkg {
	struct arena *a;
	struct diags *d;
	const char *file;
	zip_t *z;
	size_t total; /* bytes inflated so far */
};

static struct source_pos S_file_pos(const struct S_pkg *P)
{
	return (struct source_pos){P->file, 0, 0};
}

static struct source_pos S_part_pos(const struct S_pkg *P, const char *part)
{
	return (struct source_pos){
		arena_printf(P->a, "%s:%s", P->file, part), 0, 0};
}

/* An entry name that leaves the package, or that no Office writer makes:
 * absolute, "..", a backslash, a control character. */
static bool S_bad_name(const char *name)
{
	if (!*name || name[0] == '/' || strchr(name, '\\') ||
	    strchr(name, ':'))
		return true;
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20)
			return true;
	for (const char *seg = name; seg;) {
		const char *slash = strchr(seg, '/');
		size_t n = slash ? (size_t)(slash - seg) : strlen(seg);
		if (n == 2 && !strncmp(seg, "..", 2))
			return true;
		seg = slash ? slash + 1 : NULL;
	}
	return false;
}

static bool S_open(struct S_pkg *P, struct arena *a, struct diags *d,
		   const char *file, const char *bytes, size_t len,
		   const char *kind)
{
	memset(P, 0, sizeof *P);
	P->a = a;
	P->d = d;
	P->file = file;
	if (!office_is_zip(bytes, len)) {
		diag_error(d, S_file_pos(P),
			   "not %s: an Office file is a zip package, and this "
			   "one does not start like one",
			   kind);
		return false;
	}
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
	if (src)
		P->z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
					    &ze);
	if (!P->z) {
		diag_error(d, S_file_pos(P),
			   "not %s: the zip package cannot be read (%s); is "
			   "the file whole?",
			   kind, zip_error_strerror(&ze));
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return false;
	}
	zip_error_fini(&ze);
	zip_int64_t n = zip_get_num_entries(P->z, 0);
	if (n < 0 || n > OFFICE_MAX_ENTRIES) {
		diag_error(d, S_file_pos(P),
			   "the zip package holds %lld entries, more than the "
			   "%d an Office file may have here",
			   (long long)n, OFFICE_MAX_ENTRIES);
		return false;
	}
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(P->z, (zip_uint64_t)i, 0);
		if (!name || S_bad_name(name)) {
			diag_error(d, S_file_pos(P),
				   "the zip package has an entry named '%s', "
				   "outside the package (absolute, '..' or "
				   "'\\'): refused",
				   diag_quote(a, name ? name : "?"));
			return false;
		}
	}
	return true;
}

static void S_close(struct S_pkg *P)
{
	if (P->z)
		zip_discard(P->z);
	P->z = NULL;
}

/* Reads part `name` (found without case, as OPC says) into a malloc'd,
 * NUL-terminated buffer; NULL when absent (reported if `required`) or
 * refused (always reported; *refused is then set). */
static char *S_read_part(struct S_pkg *P, const char *name, size_t *len,
			 bool required, bool *refused)
{
	*refused = false;
	zip_int64_t idx = zip_name_locate(P->z, name, ZIP_FL_NOCASE);
	if (idx < 0) {
		if (required) {
			diag_error(P->d, S_file_pos(P),
				   "the package has no part %s", name);
			*refused = true;
		}
		return NULL;
	}
	struct source_pos pos = S_part_pos(P, name);
	zip_stat_t st;
	zip_stat_init(&st);
	*refused = true;
	if (zip_stat_index(P->z, (zip_uint64_t)idx, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE)) {
		diag_error(P->d, pos, "cannot read this part's size");
		return NULL;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		diag_error(P->d, pos,
			   "the part is encrypted: save the file without a "
			   "password");
		return NULL;
	}
	if (st.size > OFFICE_MAX_PART ||
	    P->total + st.size > OFFICE_MAX_TOTAL) {
		diag_error(P->d, pos,
			   "the part inflates to %llu bytes, over the %d MiB "
			   "allowed (%d MiB for all parts): a zip bomb?",
			   (unsigned long long)st.size,
			   OFFICE_MAX_PART / (1024 * 1024),
			   OFFICE_MAX_TOTAL / (1024 * 1024));
		return NULL;
	}
	if (st.size > OFFICE_RATIO_FROM && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size / OFFICE_MAX_RATIO > st.comp_size) {
		diag_error(P->d, pos,
			   "the part inflates from %llu to %llu bytes, more "
			   "than %d times: a zip bomb? refused",
			   (unsigned long long)st.comp_size,
			   (unsigned long long)st.size, OFFICE_MAX_RATIO);
		return NULL;
	}
	zip_file_t *f = zip_fopen_index(P->z, (zip_uint64_t)idx, 0);
	if (!f) {
		diag_error(P->d, pos, "cannot open this part: %s",
			   zip_strerror(P->z));
		return NULL;
	}
	size_t size = (size_t)st.size;
	char *data = xmalloc(size + 2);
	size_t got = 0;
	bool ok = true;
	/* one byte more than announced: a part that inflates past its stated
	 * size is caught here, not trusted */
	while (got <= size) {
		zip_int64_t n = zip_fread(f, data + got, size + 1 - got);
		if (n < 0) {
			diag_error(P->d, pos, "cannot inflate this part: %s",
				   zip_file_strerror(f));
			ok = false;
			break;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	zip_fclose(f);
	if (ok && got != size) {
		diag_error(P->d, pos,
			   "the part inflates to %zu bytes where the package "
			   "says %zu: damaged or hostile",
			   got, size);
		ok = false;
	}
	if (!ok) {
		free(data);
		return NULL;
	}
	data[size] = '\0';
	P->total += size;
	*len = size;
	*refused = false;
	return data;
}

/* ---------------------------------------------------------------- XML */

/* The namespace of an expat "URI local" name, as one of these: */
enum S_ns { S_NS_OTHER, S_NS_W, S_NS_S, S_NS_R, S_NS_MC, S_NS_PKGREL };

struct S_xml;
typedef void (*S_start_fn)(struct S_xml *X, enum S_ns ns, const char *name,
			   const char **attrs);
typedef void (*S_end_fn)(struct S_xml *X, enum S_ns ns, const char *name);

struct S_xml {
	XML_Parser p;
	struct S_pkg *P;
	const char *part;
	int depth;
	bool stopped; /* by us, with a message given */
	S_start_fn start;
	S_end_fn end;
	struct buf *text; /* characters go here while set */
	size_t text_max;  /* bound on text's length */
	void *user;
};

static enum S_ns S_ns_of(const char *uri, size_t n)
{
	static const struct {
		const char *suffix;
		enum S_ns ns;
	} known[] = {
		{"/wordprocessingml/2006/main", S_NS_W},
		{"/ooxml/wordprocessingml/main", S_NS_W},
		{"/spreadsheetml/2006/main", S_NS_S},
		{"/ooxml/spreadsheetml/main", S_NS_S},
		{"/officeDocument/2006/relationships", S_NS_R},
		{"/ooxml/officeDocument/relationships", S_NS_R},
		{"/markup-compatibility/2006", S_NS_MC},
		{"/package/2006/relationships", S_NS_PKGREL},
	};
	for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
		size_t m = strlen(known[i].suffix);
		if (n >= m && !memcmp(uri + n - m, known[i].suffix, m))
			return known[i].ns;
	}
	return S_NS_OTHER;
}

/* Splits expat's "URI local" into the namespace and the local name. */
static const char *S_split(const char *qname, enum S_ns *ns)
{
	const char *sp = strrchr(qname, ' ');
	if (!sp) {
		*ns = S_NS_OTHER;
		return qname;
	}
	*ns = S_ns_of(qname, (size_t)(sp - qname));
	return sp + 1;
}

/* An attribute's value by local name (any namespace), or NULL. */
static const char *S_attr(const char **attrs, const char *local)
{
	for (size_t i = 0; attrs[i]; i += 2) {
		const char *sp = strrchr(attrs[i], ' ');
		if (!strcmp(sp ? sp + 1 : attrs[i], local))
			return attrs[i + 1];
	}
	return NULL;
}

static struct source_pos S_xml_pos(struct S_xml *X)
{
	struct source_pos p = S_part_pos(X->P, X->part);
	p.line = (int)XML_GetCurrentLineNumber(X->p);
	p.column = (int)XML_GetCurrentColumnNumber(X->p) + 1;
	return p;
}

static void S_stop(struct S_xml *X)
{
	if (!X->stopped)
		XML_StopParser(X->p, XML_FALSE);
	X->stopped = true;
}

static void XMLCALL S_on_start(void *u, const XML_Char *qname,
			       const XML_Char **attrs)
{
	struct S_xml *X = u;
	if (X->stopped)
		return;
	if (++X->depth > OFFICE_MAX_DEPTH) {
		diag_error(X->P->d, S_xml_pos(X),
			   "elements nest more than %d deep: refused",
			   OFFICE_MAX_DEPTH);
		S_stop(X);
		return;
	}
	enum S_ns ns;
	const char *name = S_split(qname, &ns);
	if (X->start)
		X->start(X, ns, name, attrs);
}

static void XMLCALL S_on_end(void *u, const XML_Char *qname)
{
	struct S_xml *X = u;
	if (X->stopped)
		return;
	enum S_ns ns;
	const char *name = S_split(qname, &ns);
	if (X->end)
		X->end(X, ns, name);
	X->depth--;
}

static void XMLCALL S_on_chars(void *u, const XML_Char *s, int len)
{
	struct S_xml *X = u;
	if (X->stopped || !X->text)
		return;
	if (X->text->len + (size_t)len > X->text_max) {
		diag_error(X->P->d, S_xml_pos(X),
			   "a text over %zu bytes: refused", X->text_max);
		S_stop(X);
		return;
	}
	buf_put(X->text, s, (size_t)len);
}

/* A document type declaration is where entities are declared: the
 * "billion laughs" and external entities start there.  No Office part
 * has one, so none is read. */
static void XMLCALL S_on_doctype(void *u, const XML_Char *name,
				 const XML_Char *sysid, const XML_Char *pubid,
				 int has_internal)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	struct S_xml *X = u;
	diag_error(X->P->d, S_xml_pos(X),
		   "a document type declaration (<!DOCTYPE ...>): refused, "
		   "as entity declarations can expand without end or read "
		   "other files, and an Office file never has one");
	S_stop(X);
}

static void XMLCALL S_on_entity(void *u, const XML_Char *name, int pe,
				const XML_Char *value, int value_len,
				const XML_Char *base, const XML_Char *sysid,
				const XML_Char *pubid,
				const XML_Char *notation)
{
	(void)name, (void)pe, (void)value, (void)value_len, (void)base;
	(void)sysid, (void)pubid, (void)notation;
	struct S_xml *X = u;
	diag_error(X->P->d, S_xml_pos(X), "an entity declaration: refused");
	S_stop(X);
}

/* Namespace-aware: names arrive as "URI local"; S_split gives the two. */
static bool S_parse(struct S_pkg *P, const char *part, const char *text,
		    size_t len, S_start_fn start, S_end_fn end, void *user)
{
	struct S_xml X = {.P = P, .part = part, .start = start, .end = end,
			  .user = user, .text = NULL, .text_max = len + 1};
	X.p = XML_ParserCreateNS(NULL, ' ');
	if (!X.p) {
		fputs("uprgen: out of memory\n", stderr);
		abort();
	}
	XML_SetUserData(X.p, &X);
	XML_SetElementHandler(X.p, S_on_start, S_on_end);
	XML_SetCharacterDataHandler(X.p, S_on_chars);
	XML_SetStartDoctypeDeclHandler(X.p, S_on_doctype);
	XML_SetEntityDeclHandler(X.p, S_on_entity);
	XML_SetParamEntityParsing(X.p, XML_PARAM_ENTITY_PARSING_NEVER);
	size_t errors = P->d->errors;
	enum XML_Status st = XML_STATUS_OK;
	/* in pieces: expat takes an int length */
	enum { CHUNK = 1 << 24 };
	for (size_t off = 0; st == XML_STATUS_OK;) {
		size_t n = len - off < CHUNK ? len - off : CHUNK;
		st = XML_Parse(X.p, text + off, (int)n, off + n == len);
		off += n;
		if (off == len)
			break;
	}
	if (st != XML_STATUS_OK && !X.stopped)
		diag_error(P->d, S_xml_pos(&X), "not well-formed XML: %s",
			   XML_ErrorString(XML_GetErrorCode(X.p)));
	XML_ParserFree(X.p);
	return st == XML_STATUS_OK && P->d->errors == errors;
}

/* Reads and parses one part; false when absent (and not required: *absent
 * set) or broken (reported). */
static bool S_parse_part(struct S_pkg *P, const char *part, bool required,
			 S_start_fn start, S_end_fn end, void *user,
			 bool *absent)
{
	size_t len;
	bool refused;
	char *text = S_read_part(P, part, &len, required, &refused);
	if (absent)
		*absent = !text && !refused;
	if (!text)
		return false;
	bool ok = S_parse(P, part, text, len, start, end, user);
	free(text);
	return ok;
}

/* ------------------------------------------------------ relationships */

struct S_rel {
	const char *id, *type, *target; /* target resolved in the package */
};

struct S_rels {
	struct S_rel *items;
	size_t count, cap;
	const char *base; /* the folder targets are relative to: "xl/" */
	bool bad;
};

/* Resolves target against base ("xl/" + "worksheets/sheet1.xml"; "/xl/x"
 * is from the root); NULL when it climbs out of the package. */
static const char *S_resolve(struct arena *a, const char *base,
			     const char *target)
{
	struct buf b;
	buf_init(&b);
	if (target[0] != '/')
		buf_puts(&b, base);
	else
		target++;
	buf_puts(&b, target);
	/* drop "." and resolve ".." segment by segment */
	char *s = b.data ? b.data : "";
	char *out = arena_alloc(a, strlen(s) + 1);
	size_t n = 0;
	bool bad = false;
	for (char *seg = s; seg && !bad;) {
		char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
		if (len == 2 && !strncmp(seg, "..", 2)) {
			if (!n)
				bad = true;
			else {
				n--; /* past the trailing '/' */
				while (n && out[n - 1] != '/')
					n--;
			}
		} else if (len && !(len == 1 && seg[0] == '.')) {
			memcpy(out + n, seg, len);
			n += len;
			if (slash)
				out[n++] = '/';
		}
		seg = slash ? slash + 1 : NULL;
	}
	out[n] = '\0';
	buf_free(&b);
	return bad || !n || S_bad_name(out) ? NULL : out;
}

static void S_rels_start(struct S_xml *X, enum S_ns nsp, const char *name,
			 const char **attrs)
{
	struct S_rels *R = X->user;
	(void)nsp;
	if (strcmp(name, "Relationship"))
		return;
	const char *id = S_attr(attrs, "Id"), *type = S_attr(attrs, "Type");
	const char *target = S_attr(attrs, "Target");
	const char *mode = S_attr(attrs, "TargetMode");
	if (!id || !type || !target || (mode && !strcmp(mode, "External")))
		return;
	const char *resolved = S_resolve(X->P->a, R->base, target);
	if (!resolved) {
		diag_error(X->P->d, S_xml_pos(X),
			   "a relationship's target '%s' leaves the package: "
			   "refused",
			   diag_quote(X->P->a, target));
		R->bad = true;
		S_stop(X);
		return;
	}
	R->items = arena_grow(X->P->a, R->items, sizeof *R->items, R->count,
			      &R->cap, R->count + 1);
	R->items[R->count++] = (struct S_rel){
		arena_strdup(X->P->a, id), arena_strdup(X->P->a, type),
		resolved};
}

/* The relationships of part `source` ("" for the package's own):
 * source's folder + "_rels/" + its name + ".rels".  An absent file is no
 * relationship; false only when it is broken (reported). */
static bool S_read_rels(struct S_pkg *P, const char *source,
			struct S_rels *R)
{
	memset(R, 0, sizeof *R);
	const char *slash = strrchr(source, '/');
	size_t dir = slash ? (size_t)(slash - source) + 1 : 0;
	R->base = arena_strndup(P->a, source, dir);
	const char *part = arena_printf(P->a, "%s_rels/%s.rels", R->base,
					source + dir);
	bool absent;
	bool ok = S_parse_part(P, part, false, S_rels_start, NULL, R, &absent);
	return (ok || absent) && !R->bad;
}

/* The target of the first relationship whose type ends in "/suffix". */
static const char *S_rel_by_type(const struct S_rels *R, const char *suffix)
{
	size_t m = strlen(suffix);
	for (size_t i = 0; i < R->count; i++) {
		size_t n = strlen(R->items[i].type);
		if (n > m && R->items[i].type[n - m - 1] == '/' &&
		    !strcmp(R->items[i].type + n - m, suffix))
			return R->items[i].target;
	}
	return NULL;
}

static const struct S_rel *S_rel_by_id(const struct S_rels *R, const char *id)
{
	for (size_t i = 0; i < R->count; i++)
		if (!strcmp(R->items[i].id, id))
			return &R->items[i];
	return NULL;
}

/* The package's main part: its "officeDocument" relationship, else the
 * usual name. */
/* What an Office package is, by its main part's folder. */
static const char *S_kind(const char *main)
{
	return !strncmp(main, "word/", 5)  ? "a Word document"
	       : !strncmp(main, "xl/", 3)  ? "an Excel workbook"
	       : !strncmp(main, "ppt/", 4) ? "a PowerPoint presentation"
					   : "another kind of Office file";
}

static const char *S_main_part(struct S_pkg *P, const char *usual)
{
	struct S_rels R;
	if (!S_read_rels(P, "", &R))
		return NULL;
	const char *t = S_rel_by_type(&R, "officeDocument");
	return t ? t : usual;
}

/* The package has no main part of the kind wanted: what it is, when
 * that can be told (an OpenDocument file, whose zip holds no Office
 * part; the other Office kind), with what to save it as. */
static void S_missing_main(struct S_pkg *P, struct diags *d,
			   const char *main, const char *bytes, size_t len,
			   const char *want, const char *save_as,
			   const char *sibling_part, const char *sibling)
{
	const char *other = office_other_kind(bytes, len);
	if (other) {
		diag_error(d, S_file_pos(P),
			   "not %s: this is %s; save it as %s (%s)", want,
			   other, want, save_as);
		return;
	}
	bool is_sibling =
		zip_name_locate(P->z, sibling_part, ZIP_FL_NOCASE) >= 0;
	diag_error(d, S_file_pos(P), "not %s: the package has no %s%s%s%s",
		   want, main, is_sibling ? " (it is " : "",
		   is_sibling ? sibling : "", is_sibling ? ")" : "");
}

/* --------------------------------------------------------------- Word */

struct S_docx {
	struct office_docx *doc;
	struct arena *a;
	size_t table_cap;
	int tbl_depth;  /* w:tbl nesting */
	int run_depth;  /* inside w:r */
	int skip_depth; /* inside an element whose text is left out: the
			   depth it started at, or 0 */
	int p_depth;    /* w:p nesting */
	struct buf para;
	bool in_t;
	/* the current (outermost) table's row and cell */
	struct office_table *table;
	struct office_row *row;
	struct office_cell *cell;
	size_t row_cap, cell_cap, para_cap, body_cap;
	unsigned grid_col;
	size_t items; /* cells and paragraphs kept, bounded */
	/* where each paragraph outside tables begins (the page headers',
	 * for messages), when asked: pos[i] for doc->paras[i] */
	bool keep_pos;
	struct source_pos p_pos, *pos;
	size_t pos_cap;
};

/* Counts one more cell or paragraph kept; false (reported, parsing
 * stopped) past OFFICE_MAX_CELLS: 20 million empty ones fit in a part. */
static bool S_docx_count(struct S_xml *X, struct S_docx *D)
{
	if (++D->items <= OFFICE_MAX_CELLS)
		return true;
	diag_error(X->P->d, S_xml_pos(X),
		   "more than %d table cells and paragraphs: refused",
		   OFFICE_MAX_CELLS);
	S_stop(X);
	return false;
}

static void S_docx_para_end(struct S_docx *D)
{
	const char *text = arena_strndup(D->a, D->para.data ? D->para.data : "",
					 D->para.len);
	buf_clear(&D->para);
	if (D->tbl_depth && D->cell) {
		struct office_cell *c = D->cell;
		c->paras = arena_grow(D->a, c->paras, sizeof *c->paras,
				      c->para_count, &D->para_cap,
				      c->para_count + 1);
		c->paras[c->para_count++] = text;
	} else if (!D->tbl_depth) {
		struct office_docx *doc = D->doc;
		doc->paras = arena_grow(D->a, doc->paras, sizeof *doc->paras,
					doc->para_count, &D->body_cap,
					doc->para_count + 1);
		if (D->keep_pos) {
			D->pos = arena_grow(D->a, D->pos, sizeof *D->pos,
					    doc->para_count, &D->pos_cap,
					    doc->para_count + 1);
			D->pos[doc->para_count] = D->p_pos;
		}
		doc->paras[doc->para_count++] = text;
	}
}

static unsigned S_uint_attr(const char **attrs, const char *name,
			    unsigned dflt, unsigned max)
{
	const char *v = S_attr(attrs, name);
	if (!v)
		return dflt;
	char *end;
	unsigned long n = strtoul(v, &end, 10);
	if (end == v || *end || n > max)
		return dflt;
	return (unsigned)n;
}

static void S_docx_start(struct S_xml *X, enum S_ns nsp, const char *name,
			 const char **attrs)
{
	struct S_docx *D = X->user;
	enum S_ns ns = nsp;
	if (D->skip_depth)
		return;
	if (ns == S_NS_MC && !strcmp(name, "Fallback")) {
		/* the same content again, for older readers */
		D->skip_depth = X->depth;
		return;
	}
	if (ns != S_NS_W)
		return;
	if (!strcmp(name, "del") || !strcmp(name, "delText") ||
	    !strcmp(name, "instrText") || !strcmp(name, "moveFrom")) {
		D->skip_depth = X->depth;
	} else if (!strcmp(name, "p")) {
		if (D->p_depth++ == 0 && S_docx_count(X, D)) {
			buf_clear(&D->para);
			if (D->keep_pos)
				D->p_pos = S_xml_pos(X);
		}
	} else if (!strcmp(name, "r")) {
		D->run_depth++;
	} else if (!strcmp(name, "t")) {
		D->in_t = true;
		X->text = &D->para;
	} else if (D->run_depth &&
		   (!strcmp(name, "tab") || !strcmp(name, "ptab"))) {
		buf_putc(&D->para, '\t');
	} else if (D->run_depth && (!strcmp(name, "br") || !strcmp(name, "cr"))) {
		buf_putc(&D->para, '\n');
	} else if (D->run_depth && !strcmp(name, "noBreakHyphen")) {
		buf_putc(&D->para, '-');
	} else if (!strcmp(name, "tbl")) {
		if (D->tbl_depth++ == 0) {
			struct office_docx *doc = D->doc;
			doc->tables = arena_grow(D->a, doc->tables,
						 sizeof *doc->tables,
						 doc->table_count, &D->table_cap,
						 doc->table_count + 1);
			D->table = &doc->tables[doc->table_count++];
			memset(D->table, 0, sizeof *D->table);
			D->row_cap = 0;
			D->row = NULL;
			D->cell = NULL;
		}
	} else if (D->tbl_depth == 1 && !strcmp(name, "tr")) {
		struct office_table *t = D->table;
		t->rows = arena_grow(D->a, t->rows, sizeof *t->rows, t->count,
				     &D->row_cap, t->count + 1);
		D->row = &t->rows[t->count++];
		memset(D->row, 0, sizeof *D->row);
		D->cell_cap = 0;
		D->cell = NULL;
		D->grid_col = 0;
	} else if (D->tbl_depth == 1 && D->row && !D->cell &&
		   !strcmp(name, "gridBefore")) {
		D->grid_col += S_uint_attr(attrs, "val", 0, OFFICE_MAX_COLS);
	} else if (D->tbl_depth == 1 && D->row && !strcmp(name, "tc")) {
		if (!S_docx_count(X, D))
			return;
		struct office_row *r = D->row;
		r->cells = arena_grow(D->a, r->cells, sizeof *r->cells,
				      r->count, &D->cell_cap, r->count + 1);
		D->cell = &r->cells[r->count++];
		memset(D->cell, 0, sizeof *D->cell);
		D->cell->col = D->grid_col;
		D->cell->span = 1;
		D->para_cap = 0;
	} else if (D->tbl_depth == 1 && D->cell && !strcmp(name, "gridSpan")) {
		D->cell->span = S_uint_attr(attrs, "val", 1, OFFICE_MAX_COLS);
		if (!D->cell->span)
			D->cell->span = 1;
	} else if (D->tbl_depth == 1 && D->cell && !strcmp(name, "vMerge")) {
		const char *v = S_attr(attrs, "val");
		D->cell->vmerge = v && !strcmp(v, "restart")
					  ? OFFICE_VMERGE_RESTART
					  : OFFICE_VMERGE_CONTINUE;
	}
}

static void S_docx_end(struct S_xml *X, enum S_ns nsp, const char *name)
{
	struct S_docx *D = X->user;
	enum S_ns ns = nsp;
	if (D->skip_depth) {
		if (X->depth == D->skip_depth)
			D->skip_depth = 0;
		return;
	}
	if (ns != S_NS_W)
		return;
	if (!strcmp(name, "t")) {
		D->in_t = false;
		X->text = NULL;
	} else if (!strcmp(name, "r")) {
		if (D->run_depth)
			D->run_depth--;
	} else if (!strcmp(name, "p")) {
		if (D->p_depth && --D->p_depth == 0)
			S_docx_para_end(D);
	} else if (!strcmp(name, "tc") && D->tbl_depth == 1 && D->cell) {
		D->grid_col += D->cell->span;
		D->cell = NULL;
	} else if (!strcmp(name, "tbl") && D->tbl_depth) {
		if (--D->tbl_depth == 0) {
			D->table = NULL;
			D->row = NULL;
			D->cell = NULL;
		}
	}
}

struct S_core {
	struct buf text;
	bool in_modified;
	const char *modified;
};

static void S_core_start(struct S_xml *X, enum S_ns nsp, const char *name,
			 const char **attrs)
{
	struct S_core *C = X->user;
	(void)nsp, (void)attrs;
	if (!strcmp(name, "modified") || !strcmp(name, "created")) {
		buf_clear(&C->text);
		X->text = &C->text;
		X->text_max = 64;
	}
}

static bool S_iso_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

static void S_core_end(struct S_xml *X, enum S_ns nsp, const char *name)
{
	struct S_core *C = X->user;
	(void)nsp;
	if (!X->text)
		return;
	X->text = NULL;
	bool modified = !strcmp(name, "modified");
	const char *s = C->text.data ? C->text.data : "";
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	if ((modified || !C->modified) && strlen(s) >= 10 && S_iso_date(s))
		C->modified = arena_strndup(X->P->a, s, 10);
}

bool office_docx_read(struct arena *a, struct diags *d, const char *file,
		      const char *bytes, size_t len, struct office_docx *out)
{
	memset(out, 0, sizeof *out);
	out->file = file;
	struct S_pkg P;
	if (!S_open(&P, a, d, file, bytes, len, "a Word document (.docx)")) {
		S_close(&P);
		return false;
	}
	bool ok = false;
	const char *main = S_main_part(&P, "word/document.xml");
	if (main && strncmp(main, "word/", 5) != 0) {
		/* the package's main part is another program's */
		diag_error(d, S_file_pos(&P), "not a Word document: this is %s",
			   S_kind(main));
		main = NULL;
	} else if (main && zip_name_locate(P.z, main, ZIP_FL_NOCASE) < 0) {
		S_missing_main(&P, d, main, bytes, len, "a Word document",
			       ".docx", "xl/workbook.xml", "an Excel workbook");
		main = NULL;
	}
	if (main) {
		out->part = main;
		struct S_docx D = {.doc = out, .a = a};
		buf_init(&D.para);
		ok = S_parse_part(&P, main, true, S_docx_start, S_docx_end, &D,
				  NULL);
		buf_free(&D.para);
	}
	if (ok) {
		struct S_core C = {0};
		buf_init(&C.text);
		bool absent;
		/* the date is a convenience: without a readable core.xml
		 * the document is read all the same */
		struct diags scratch;
		diags_init(&scratch);
		P.d = &scratch;
		S_parse_part(&P, "docProps/core.xml", false, S_core_start,
			     S_core_end, &C, &absent);
		P.d = d;
		diags_free(&scratch);
		out->modified = C.modified;
		buf_free(&C.text);
		/* the page headers, as a convenience too */
		struct office_docx head = {0};
		struct S_docx H = {.doc = &head, .a = a, .keep_pos = true};
		buf_init(&H.para);
		diags_init(&scratch);
		P.d = &scratch;
		for (int k = 1; k <= 3; k++) {
			char part[32];
			snprintf(part, sizeof part, "word/header%d.xml", k);
			S_parse_part(&P, part, false, S_docx_start, S_docx_end,
				     &H, &absent);
		}
		P.d = d;
		diags_free(&scratch);
		buf_free(&H.para);
		out->header_paras = head.paras;
		out->header_pos = H.pos;
		out->header_para_count = head.para_count;
	}
	S_close(&P);
	return ok;
}

const char *office_cell_text(struct arena *a, const struct office_cell *c)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < c->para_count; i++) {
		if (i)
			buf_putc(&b, '\n');
		buf_puts(&b, c->paras[i]);
	}
	const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* -------------------------------------------------------------- Excel */

/* "B7": column 2, row 7; false when it is no cell reference or past
 * Excel's limits (*over set then). */
static bool S_parse_ref(const char *s, unsigned *row, unsigned *col,
			bool *over)
{
	unsigned long c = 0, r = 0;
	size_t i = 0;
	*over = false;
	for (; (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z');
	     i++) {
		c = c * 26 + (unsigned long)((s[i] | 0x20) - 'a' + 1);
		if (c > OFFICE_MAX_COLS) {
			*over = true;
			return false;
		}
	}
	if (!i || s[i] < '1' || s[i] > '9')
		return false;
	for (; s[i] >= '0' && s[i] <= '9'; i++) {
		r = r * 10 + (unsigned long)(s[i] - '0');
		if (r > OFFICE_MAX_ROWS) {
			*over = true;
			return false;
		}
	}
	if (s[i])
		return false;
	*row = (unsigned)r;
	*col = (unsigned)c;
	return true;
}

const char *office_cell_ref(struct arena *a, unsigned row, unsigned col)
{
	char letters[8];
	size_t n = 0;
	for (unsigned c = col; c && n < sizeof letters; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	char out[32];
	size_t k = 0;
	while (n)
		out[k++] = letters[--n];
	snprintf(out + k, sizeof out - k, "%u", row);
	return arena_strdup(a, out);
}

struct source_pos office_cell_pos(struct arena *a, const struct office_book *b,
				  const struct office_sheet *s, unsigned row,
				  unsigned col)
{
	const char *file =
		row ? arena_printf(a, "%s:%s!%s", b->file, s->name,
				   office_cell_ref(a, row, col ? col : 1))
		    : arena_printf(a, "%s:%s", b->file, s->name);
	return (struct source_pos){file, 0, 0};
}

size_t office_sheet_row_start(const struct office_sheet *s, unsigned row)
{
	size_t lo = 0, hi = s->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->cells[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct office_xcell *S_cell_at(const struct office_sheet *s,
					    unsigned row, unsigned col)
{
	for (size_t i = office_sheet_row_start(s, row);
	     i < s->count && s->cells[i].row == row; i++)
		if (s->cells[i].col == col)
			return &s->cells[i];
	return NULL;
}

const struct office_xcell *office_sheet_cell(const struct office_sheet *s,
					     unsigned row, unsigned col)
{
	const struct office_xcell *c = S_cell_at(s, row, col);
	for (size_t i = 0; !c && i < s->merge_count; i++) {
		const struct office_merge *m = &s->merges[i];
		if (row >= m->row0 && row <= m->row1 && col >= m->col0 &&
		    col <= m->col1 && (row != m->row0 || col != m->col0))
			return S_cell_at(s, m->row0, m->col0);
	}
	return c;
}

/* Shared strings: <sst><si><t>..</t></si> or runs <si><r><t>..</t></r>;
 * phonetic guides (<rPh>) are not the text. */
struct S_sst {
	const char **items;
	size_t count, cap;
	struct buf text;
	int rph; /* inside rPh */
	bool in_si;
};

static void S_sst_start(struct S_xml *X, enum S_ns nsp, const char *name,
			const char **attrs)
{
	struct S_sst *S = X->user;
	(void)attrs, (void)nsp;
	if (!strcmp(name, "si")) {
		buf_clear(&S->text);
		S->in_si = true;
	} else if (!strcmp(name, "rPh")) {
		S->rph++;
	} else if (!strcmp(name, "t") && S->in_si && !S->rph) {
		X->text = &S->text;
	}
}

static void S_sst_end(struct S_xml *X, enum S_ns nsp, const char *name)
{
	struct S_sst *S = X->user;
	(void)nsp;
	if (!strcmp(name, "t")) {
		X->text = NULL;
	} else if (!strcmp(name, "rPh")) {
		S->rph--;
	} else if (!strcmp(name, "si")) {
		S->items = arena_grow(X->P->a, S->items, sizeof *S->items,
				      S->count, &S->cap, S->count + 1);
		S->items[S->count++] = arena_strndup(
			X->P->a, S->text.data ? S->text.data : "", S->text.len);
		S->in_si = false;
	}
}

/* Styles: which cell formats (the s="N" of a cell: an index in cellXfs)
 * show numbers as dates, and how they show other numbers. */
struct S_styles {
	struct {
		unsigned id;
		bool date;
		struct office_numfmt shown;
	} *fmts;
	size_t fmt_count, fmt_cap;
	bool *xf_date;
	struct office_numfmt *xf_shown;
	size_t xf_count, xf_cap, xf_shown_cap;
	bool in_cell_xfs;
};

/* Excel's built-in number formats that are not dates (ECMA-376 Part 1,
 * 18.8.30): 1 "0", 2 "0.00", 3 "#,##0", 4 "#,##0.00", 9 "0%", 10
 * "0.00%", 37-40 "#,##0 ;(#,##0)" and the like; the rest "General". */
static struct office_numfmt S_builtin_shown(unsigned id)
{
	switch (id) {
	case 1: case 3: case 37: case 38: return (struct office_numfmt){0, false};
	case 2: case 4: case 39: case 40: return (struct office_numfmt){2, false};
	case 9: return (struct office_numfmt){0, true};
	case 10: return (struct office_numfmt){2, true};
	default: return (struct office_numfmt){-1, false};
	}
}

/* Excel's built-in date and time formats. */
static bool S_builtin_date(unsigned id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
	       (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/* What a format code shows, read outside quoted text, escapes and
 * [colour] brackets: a date or time when it uses d, m, y, h or s
 * ("yyyy-mm-dd", "[h]:mm"); else, from its first section, the 0 # ?
 * after its decimal point and a % sign ("General", a scientific or a
 * fraction format: as many decimals as the number has). */
static void S_code_read(const char *code, bool *date,
			struct office_numfmt *shown)
{
	bool digits = false, point = false, first = true, general = false;
	int decimals = 0;
	*date = false;
	*shown = (struct office_numfmt){-1, false};
	for (const char *p = code; *p; p++) {
		char c = (char)(*p | 0x20);
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');
			if (!q)
				break;
			p = q;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1])
				p++;
		} else if (*p == '[') {
			const char *q = strchr(p, ']');
			if (!q)
				break;
			char e = (char)(p[1] | 0x20);
			if (e == 'h' || e == 'm' || e == 's')
				*date = true; /* elapsed time: [h]:mm */
			p = q;
		} else if (c == 'd' || c == 'm' || c == 'y' || c == 'h' ||
			   c == 's') {
			/* "General" has none of these; a stray 'e' is an
			 * exponent */
			*date = true;
		} else if (*p == ';') {
			first = false;
		} else if (!first) {
			continue;
		} else if (c == 'e' || *p == '/') {
			general = true;
		} else if (*p == '0' || *p == '#' || *p == '?') {
			digits = true;
			decimals += point;
		} else if (*p == '.') {
			point = true;
		} else if (*p == '%') {
			shown->percent = true;
		}
	}
	if (digits && !general)
		shown->decimals = (signed char)(decimals > 15 ? 15 : decimals);
}

static void S_styles_start(struct S_xml *X, enum S_ns nsp,
			   const char *name, const char **attrs)
{
	struct S_styles *S = X->user;
	struct arena *a = X->P->a;
	(void)nsp;
	if (!strcmp(name, "numFmt")) {
		const char *code = S_attr(attrs, "formatCode");
		S->fmts = arena_grow(a, S->fmts, sizeof *S->fmts, S->fmt_count,
				     &S->fmt_cap, S->fmt_count + 1);
		S->fmts[S->fmt_count].id =
			S_uint_attr(attrs, "numFmtId", UINT32_MAX, UINT32_MAX);
		S_code_read(code ? code : "General",
			    &S->fmts[S->fmt_count].date,
			    &S->fmts[S->fmt_count].shown);
		S->fmt_count++;
	} else if (!strcmp(name, "cellXfs")) {
		S->in_cell_xfs = true;
	} else if (S->in_cell_xfs && !strcmp(name, "xf")) {
		unsigned id = S_uint_attr(attrs, "numFmtId", 0, UINT32_MAX);
		bool date = S_builtin_date(id);
		struct office_numfmt shown = S_builtin_shown(id);
		for (size_t i = 0; i < S->fmt_count; i++)
			if (S->fmts[i].id == id) {
				date = S->fmts[i].date;
				shown = S->fmts[i].shown;
			}
		S->xf_date = arena_grow(a, S->xf_date, sizeof *S->xf_date,
					S->xf_count, &S->xf_cap,
					S->xf_count + 1);
		S->xf_shown = arena_grow(a, S->xf_shown, sizeof *S->xf_shown,
					 S->xf_count, &S->xf_shown_cap,
					 S->xf_count + 1);
		S->xf_shown[S->xf_count] = shown;
		S->xf_date[S->xf_count++] = date;
	}
}

static void S_styles_end(struct S_xml *X, enum S_ns nsp, const char *name)
{
	struct S_styles *S = X->user;
	(void)nsp;
	if (!strcmp(name, "cellXfs"))
		S->in_cell_xfs = false;
}

/* The civil date of a count of days since 1970-01-01 (H. Hinnant's
 * algorithm). */
static void S_civil(long long z, int *y, int *m, int *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long yy = yoe + era * 400;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* A date serial as text; NULL outside 1900-9999. */
static const char *S_date_text(struct arena *a, double serial, bool d1904)
{
	if (!(serial >= 0 && serial < 2958466.0))
		return NULL;
	long long days = (long long)floor(serial);
	long long secs = llround((serial - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	int y, m, d;
	const char *date;
	if (!d1904 && days == 60) {
		date = "1900-02-29"; /* Excel counts it, after Lotus 1-2-3 */
	} else {
		long long epoch = d1904 ? days - 24107
					: days - (days < 60 ? 25568 : 25569);
		S_civil(epoch, &y, &m, &d);
		date = arena_printf(a, "%04d-%02d-%02d", y, m, d);
	}
	if (!secs)
		return days ? date : "00:00:00";
	const char *time = arena_printf(a, "%02lld:%02lld:%02lld", secs / 3600,
					secs / 60 % 60, secs % 60);
	return days ? arena_printf(a, "%s %s", date, time) : time;
}

struct S_sheet {
	struct arena *a;
	struct office_book *book;
	struct office_sheet *sheet;
	const struct S_sst *sst;
	const struct S_styles *styles;
	size_t cell_cap, merge_cap;
	size_t *total_cells;
	unsigned row, col; /* the current row, the last cell's column */
	/* the cell being read */
	bool in_cell;
	unsigned c_row, c_col;
	const char *c_type; /* t="..." */
	unsigned c_style;
	bool has_v, has_is;
	struct buf v, is;
	bool sorted;
	bool no_sst_said; /* the workbook has no shared strings: said once */
};

static void S_sheet_cell_pos_error(struct S_xml *X, const char *what,
				   const char *ref)
{
	diag_error(X->P->d, S_xml_pos(X),
		   "%s '%s' is past Excel's %d rows and %d columns: refused",
		   what, diag_quote(X->P->a, ref), OFFICE_MAX_ROWS,
		   OFFICE_MAX_COLS);
	S_stop(X);
}

static void S_sheet_start(struct S_xml *X, enum S_ns nsp, const char *name,
			  const char **attrs)
{
	struct S_sheet *S = X->user;
	(void)nsp;
	if (!strcmp(name, "row")) {
		const char *r = S_attr(attrs, "r");
		unsigned n = r ? S_uint_attr(attrs, "r", UINT32_MAX, UINT32_MAX)
			       : S->row + 1;
		if (n == 0 || n > OFFICE_MAX_ROWS) {
			S_sheet_cell_pos_error(X, "the row", r ? r : "?");
			return;
		}
		S->row = n;
		S->col = 0;
	} else if (!strcmp(name, "c")) {
		const char *r = S_attr(attrs, "r");
		unsigned row = S->row ? S->row : 1, col = S->col + 1;
		bool over = false;
		if (r && !S_parse_ref(r, &row, &col, &over)) {
			if (over)
				S_sheet_cell_pos_error(X, "the cell", r);
			else {
				diag_error(X->P->d, S_xml_pos(X),
					   "'%s' is no cell reference",
					   diag_quote(X->P->a, r));
				S_stop(X);
			}
			return;
		}
		if (!r && col > OFFICE_MAX_COLS) {
			S_sheet_cell_pos_error(X, "the cell", "?");
			return;
		}
		S->col = col;
		S->in_cell = true;
		S->c_row = row;
		S->c_col = col;
		S->c_type = S_attr(attrs, "t");
		S->c_type = S->c_type ? arena_strdup(X->P->a, S->c_type) : "n";
		S->c_style = S_uint_attr(attrs, "s", 0, UINT32_MAX);
		S->has_v = S->has_is = false;
		buf_clear(&S->v);
		buf_clear(&S->is);
	} else if (!strcmp(name, "mergeCell")) {
		/* "H4:H5": kept for office_sheet_cell */
		const char *ref = S_attr(attrs, "ref");
		const char *colon = ref ? strchr(ref, ':') : NULL;
		struct office_merge m;
		bool over = false;
		char first[16];
		if (!colon || (size_t)(colon - ref) >= sizeof first)
			return;
		memcpy(first, ref, (size_t)(colon - ref));
		first[colon - ref] = '\0';
		if (!S_parse_ref(first, &m.row0, &m.col0, &over) ||
		    !S_parse_ref(colon + 1, &m.row1, &m.col1, &over) ||
		    m.row1 < m.row0 || m.col1 < m.col0)
			return;
		struct office_sheet *sh = S->sheet;
		if (sh->merge_count == OFFICE_MAX_MERGES) {
			diag_error(X->P->d, S_xml_pos(X),
				   "more than %d ranges of merged cells in "
				   "the sheet: refused",
				   OFFICE_MAX_MERGES);
			S_stop(X);
			return;
		}
		sh->merges = arena_grow(X->P->a, sh->merges, sizeof *sh->merges,
					sh->merge_count, &S->merge_cap,
					sh->merge_count + 1);
		sh->merges[sh->merge_count++] = m;
	} else if (S->in_cell && !strcmp(name, "v")) {
		S->has_v = true;
		X->text = &S->v;
	} else if (S->in_cell && !strcmp(name, "is")) {
		S->has_is = true;
	} else if (S->in_cell && S->has_is && !strcmp(name, "t")) {
		X->text = &S->is;
	} else if (S->in_cell && !strcmp(name, "rPh")) {
		X->text = NULL;
	}
}

static bool S_number(const char *s, double *out)
{
	char *end;
	while (*s == ' ')
		s++;
	if (!*s)
		return false;
	*out = strtod(s, &end);
	while (*end == ' ')
		end++;
	return !*end && isfinite(*out);
}

/* Where the cell being read is, for a message: made only when needed (a
 * sheet may hold millions of cells). */
static struct source_pos S_here(struct S_sheet *S)
{
	return office_cell_pos(S->a, S->book, S->sheet, S->c_row, S->c_col);
}

/* The cell just read, stored unless empty. */
static void S_sheet_cell(struct S_xml *X, struct S_sheet *S)
{
	struct arena *a = X->P->a;
	struct office_sheet *sh = S->sheet;
	struct office_xcell c = {.row = S->c_row, .col = S->c_col};
	const char *t = S->c_type;
	const char *v = S->v.data ? S->v.data : "";
	if (!strcmp(t, "s")) {
		if (!S->has_v)
			return;
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		if (!S->sst->count) {
			/* one message, not one a cell: every text cell of
			 * the sheet names one */
			if (!S->no_sst_said)
				diag_error(X->P->d, S_here(S),
					   "this cell, as every text cell of "
					   "the sheet, names a shared string, "
					   "but the workbook has none "
					   "(xl/sharedStrings.xml is missing "
					   "or empty): save it again from Excel "
					   "or LibreOffice");
			S->no_sst_said = true;
			return;
		}
		if (end == v || *end || i >= S->sst->count) {
			diag_error(X->P->d, S_here(S),
				   "shared string '%s' does not exist (the "
				   "file has %zu)",
				   diag_quote(a, v), S->sst->count);
			return;
		}
		c.type = OFFICE_STRING;
		c.text = S->sst->items[i];
	} else if (!strcmp(t, "inlineStr")) {
		c.type = OFFICE_STRING;
		c.text = arena_strndup(a, S->is.data ? S->is.data : "",
				       S->is.len);
	} else if (!S->has_v) {
		return; /* a formatted empty cell */
	} else if (!strcmp(t, "str")) {
		c.type = OFFICE_STRING;
		c.text = arena_strdup(a, v);
	} else if (!strcmp(t, "b")) {
		c.type = OFFICE_BOOL;
		c.number = strcmp(v, "0") != 0;
		c.text = c.number ? "TRUE" : "FALSE";
	} else if (!strcmp(t, "e")) {
		c.type = OFFICE_ERROR;
		c.text = arena_strdup(a, v);
	} else if (!strcmp(t, "d")) {
		c.type = OFFICE_DATE; /* ISO 8601 as written */
		c.text = arena_strdup(a, v);
	} else {
		if (!S_number(v, &c.number)) {
			diag_error(X->P->d, S_here(S), "the number '%s' is no number",
				   diag_quote(a, v));
			return;
		}
		c.type = OFFICE_NUMBER;
		c.text = arena_strdup(a, v);
		c.shown = S->c_style < S->styles->xf_count
				  ? S->styles->xf_shown[S->c_style]
				  : (struct office_numfmt){-1, false};
		const char *date =
			S->c_style < S->styles->xf_count &&
					S->styles->xf_date[S->c_style]
				? S_date_text(a, c.number, S->book->date1904)
				: NULL;
		if (date) {
			c.type = OFFICE_DATE;
			c.text = date;
		}
	}
	if (c.type == OFFICE_STRING && !*c.text)
		return;
	if (++*S->total_cells > OFFICE_MAX_CELLS) {
		diag_error(X->P->d, S_here(S),
			   "more than %d cells in the workbook: refused",
			   OFFICE_MAX_CELLS);
		S_stop(X);
		return;
	}
	if (sh->count &&
	    (sh->cells[sh->count - 1].row > c.row ||
	     (sh->cells[sh->count - 1].row == c.row &&
	      sh->cells[sh->count - 1].col >= c.col)))
		S->sorted = false;
	sh->cells = arena_grow(a, sh->cells, sizeof *sh->cells, sh->count,
			       &S->cell_cap, sh->count + 1);
	sh->cells[sh->count++] = c;
	if (c.row > sh->rows)
		sh->rows = c.row;
	if (c.col > sh->cols)
		sh->cols = c.col;
}

static void S_sheet_end(struct S_xml *X, enum S_ns nsp, const char *name)
{
	struct S_sheet *S = X->user;
	(void)nsp;
	if (!strcmp(name, "v") || !strcmp(name, "t")) {
		X->text = NULL;
	} else if (!strcmp(name, "c") && S->in_cell) {
		S->in_cell = false;
		X->text = NULL;
		S_sheet_cell(X, S);
	}
}

static int S_compare_cells(const void *x, const void *y)
{
	const struct office_xcell *a = x, *b = y;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a < b ? -1 : a > b;
}

struct S_workbook {
	struct office_book *book;
	struct {
		const char *name, *rid;
	} *sheets;
	size_t count, cap;
};

static void S_workbook_start(struct S_xml *X, enum S_ns nsp,
			     const char *name, const char **attrs)
{
	struct S_workbook *W = X->user;
	struct arena *a = X->P->a;
	(void)nsp;
	if (!strcmp(name, "workbookPr")) {
		const char *v = S_attr(attrs, "date1904");
		W->book->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
	} else if (!strcmp(name, "sheet")) {
		const char *n = S_attr(attrs, "name"), *id = S_attr(attrs, "id");
		if (!n || !id)
			return;
		W->sheets = arena_grow(a, W->sheets, sizeof *W->sheets,
				       W->count, &W->cap, W->count + 1);
		W->sheets[W->count].name = arena_strdup(a, n);
		W->sheets[W->count++].rid = arena_strdup(a, id);
	}
}

bool office_xlsx_read(struct arena *a, struct diags *d, const char *file,
		      const char *bytes, size_t len, struct office_book *out)
{
	memset(out, 0, sizeof *out);
	out->file = file;
	struct S_pkg P;
	if (!S_open(&P, a, d, file, bytes, len, "an Excel workbook (.xlsx)")) {
		S_close(&P);
		return false;
	}
	bool ok = false;
	size_t errors = d->errors;
	const char *main = S_main_part(&P, "xl/workbook.xml");
	struct S_workbook W = {.book = out};
	struct S_rels R;
	struct S_sst sst = {0};
	struct S_styles styles = {0};
	buf_init(&sst.text);
	if (main && strncmp(main, "xl/", 3) != 0) {
		/* the package's main part is another program's ("the
		 * workbook lists no sheet" said nothing of a Word file) */
		diag_error(d, S_file_pos(&P),
			   "not an Excel workbook: this is %s", S_kind(main));
		main = NULL;
	} else if (main && zip_name_locate(P.z, main, ZIP_FL_NOCASE) < 0) {
		S_missing_main(&P, d, main, bytes, len, "an Excel workbook",
			       ".xlsx", "word/document.xml", "a Word document");
		main = NULL;
	}
	if (!main ||
	    !S_parse_part(&P, main, true, S_workbook_start, NULL, &W, NULL) ||
	    !S_read_rels(&P, main, &R))
		goto done;
	const char *part = S_rel_by_type(&R, "sharedStrings");
	if (part && !S_parse_part(&P, part, false, S_sst_start, S_sst_end,
				  &sst, NULL) &&
	    d->errors != errors)
		goto done;
	part = S_rel_by_type(&R, "styles");
	if (part && !S_parse_part(&P, part, false, S_styles_start,
				  S_styles_end, &styles, NULL) &&
	    d->errors != errors)
		goto done;
	if (!W.count) {
		diag_error(d, S_part_pos(&P, main),
			   "the workbook lists no sheet");
		goto done;
	}
	out->sheets = arena_alloc(a, W.count * sizeof *out->sheets);
	size_t total_cells = 0;
	ok = true;
	for (size_t i = 0; i < W.count && ok; i++) {
		const struct S_rel *rel = S_rel_by_id(&R, W.sheets[i].rid);
		if (!rel) {
			diag_error(d, S_part_pos(&P, main),
				   "sheet '%s' has no part (relationship "
				   "'%s' is missing)",
				   diag_quote(a, W.sheets[i].name),
				   diag_quote(a, W.sheets[i].rid));
			ok = false;
			break;
		}
		size_t tl = strlen(rel->type);
		if (tl < 10 || strcmp(rel->type + tl - 10, "/worksheet"))
			continue; /* a chart sheet holds no cells */
		struct office_sheet *sh = &out->sheets[out->sheet_count++];
		sh->name = W.sheets[i].name;
		sh->part = rel->target;
		struct S_sheet S = {.a = a, .book = out, .sheet = sh, .sst = &sst,
				    .styles = &styles,
				    .total_cells = &total_cells,
				    .sorted = true};
		buf_init(&S.v);
		buf_init(&S.is);
		ok = S_parse_part(&P, rel->target, true, S_sheet_start,
				  S_sheet_end, &S, NULL);
		buf_free(&S.v);
		buf_free(&S.is);
		if (ok && !S.sorted)
			qsort(sh->cells, sh->count, sizeof *sh->cells,
			      S_compare_cells);
	}
	ok = ok && d->errors == errors;
done:
	buf_free(&sst.text);
	S_close(&P);
	return ok;
}
