/*
 * escape — the one place where text is made safe for the format it goes
 * into (like cmark's houdini): HTML, Markdown source, URLs.
 *
 * Every escaper appends to a struct buf owned by the caller and takes
 * bytes with a length (no NUL needed).  Input is expected to be UTF-8;
 * bytes outside ASCII are copied unchanged except where a URL needs them
 * percent-encoded.
 */
#ifndef UPRGEN_ESCAPE_H
#define UPRGEN_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* & < > " ' as entities: safe in element text and in attribute values
 * quoted with either quote. */
void escape_html(struct buf *out, const char *s, size_t len);

/* Text for XML 1.0 element content and attribute values (the Word back
 * end): & < > " ' as entities, and what XML cannot hold at all dropped:
 * C0 controls but tab, newline and carriage return, U+FFFE and U+FFFF,
 * and bytes that are not UTF-8 (each becomes U+FFFD), so that no text
 * can make the document ill-formed. */
void escape_xml(struct buf *out, const char *s, size_t len);

/*
 * Plain text to CommonMark (GFM) source that renders as exactly that
 * text wherever it is inserted inline: in a paragraph, a list item, a
 * heading or a table cell, at the start of a line or within one — not
 * in a code span or code block, where backslashes stay as they are, nor
 * between a < and > of the template's, which make raw HTML or an
 * autolink of a value such as "b", "x-y" or "doi:10.1".
 *  - every ASCII punctuation character but / , ; % ? (which start
 *    nothing) gets a backslash, as CommonMark allows for all of them, so
 *    no emphasis, link, code span, raw HTML, entity (&), footnote ([^),
 *    table cell break (|), strikethrough (~), block marker (# > - + * 1.
 *    === ---), smart quote or dash (' " -- ...) or extended autolink
 *    (www. http:) can start — except - . and :, the most common, within
 *    the value where nothing they could start is: a - alone, a . not in
 *    a run, not after "www" and not a list marker (digits that begin the
 *    value, then . and a blank), a : not before a / — so 110.51 and
 *    Afro-Peruvian stay as they are;
 *    at either end of the value they are escaped too;
 *  - a newline (LF, CR or CRLF) becomes a space, so a value cannot end
 *    the block it is in or start a new one: plain text fields have no
 *    line structure;
 *  - leading and trailing blanks (spaces, tabs, newlines) become
 *    character references (&#32; &#9;), which Markdown neither strips nor
 *    reads as an indented code block or a hard line break.
 * One GFM rule works on the text after escapes are undone, so nothing in
 * the source can stop it: an e-mail address (a@b.org, also after mailto:
 * or xmpp:) becomes a link showing its own address.  The text stays
 * exactly the value and the target can only be mailto:/xmpp:, so this is
 * accepted rather than mangling the address with invisible characters.
 */
void escape_markdown(struct buf *out, const char *s, size_t len);

/* Plain text of several lines (a spreadsheet's cell, where a new line
 * is typed on purpose) as Markdown that shows it: each line that is not
 * blank a paragraph of its own, escaped as above, without the blanks
 * around it. */
void escape_markdown_paragraphs(struct buf *out, const char *s, size_t len);

/* One URL path segment (a file name made from an id): every byte but
 * A-Z a-z 0-9 - . _ ~ percent-encoded. */
void escape_url_path(struct buf *out, const char *s, size_t len);

/* A whole URL as written by a user: bytes that may not appear in a URL
 * (spaces, quotes, <>, controls, non-ASCII) percent-encoded; reserved
 * characters and existing %XX escapes kept. */
void escape_url(struct buf *out, const char *s, size_t len);

/* escape_url, then & and ' as entities: for an href="" attribute. */
void escape_href(struct buf *out, const char *s, size_t len);

/*
 * Whether a link may point at url: the rule of cmark-gfm's HTML renderer
 * (no javascript:, vbscript:, file:, nor data: except data:image/png,
 * gif, jpeg and webp; case-insensitive), for back ends that are not
 * cmark's own (the PDF).  Stricter than cmark in one way: leading spaces
 * and control characters and embedded tabs and newlines are ignored
 * first, as browsers and PDF viewers do, so "java\tscript:" is unsafe too.
 */
bool escape_url_is_safe(const char *url);

#endif
