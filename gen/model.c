/* model — the small lookups every stage needs over the content model. */
#include "model.h"

#include <string.h>
#include <strings.h>

static const char *const S_lang_codes[LANG_COUNT] = {"en", "es", "fr",
						     "ar", "zh", "ru"};

const char *lang_code(enum lang l)
{
	return (unsigned)l < LANG_COUNT ? S_lang_codes[l] : "?";
}

const char *lang_codes_text(void)
{
	return "en, es, fr, ar, zh, ru";
}

bool lang_is_rtl(enum lang l)
{
	return l == LANG_AR;
}

bool lang_code_is_rtl(const char *code)
{
	static const char *const rtl[] = {"ar", "arc", "ckb", "dv", "fa",
					  "he", "iw", "ps", "sd", "syr",
					  "ug", "ur", "yi"};
	size_t n = strcspn(code, "-_");
	for (size_t i = 0; i < sizeof rtl / sizeof *rtl; i++)
		if (strlen(rtl[i]) == n && !strncasecmp(code, rtl[i], n))
			return true;
	return false;
}

bool lang_emphasis_is_bold(enum lang l)
{
	return l == LANG_AR || l == LANG_ZH;
}

int lang_from_code(const char *code)
{
	for (int i = 0; i < LANG_COUNT; i++)
		if (!strcmp(code, S_lang_codes[i]))
			return i;
	return -1;
}

const char *text_get(const struct text *t, enum lang lang, enum lang fallback)
{
	if (!t->present)
		return NULL;
	if (t->any)
		return t->any;
	if (t->by_lang[lang])
		return t->by_lang[lang];
	if (t->by_lang[fallback])
		return t->by_lang[fallback];
	for (int i = 0; i < LANG_COUNT; i++)
		if (t->by_lang[i])
			return t->by_lang[i];
	return NULL;
}

struct source_pos text_pos(const struct text *t, enum lang lang,
			   enum lang fallback)
{
	if (!t->present || t->any)
		return t->pos;
	const char *s = text_get(t, lang, fallback);
	for (int i = 0; i < LANG_COUNT; i++)
		if (t->by_lang[i] == s && t->pos_by_lang[i].file)
			return t->pos_by_lang[i];
	return t->pos;
}

struct source_pos text_origin(const struct text *t, enum lang lang,
			      enum lang fallback)
{
	struct source_pos at = text_pos(t, lang, fallback);
	const char *s = text_get(t, lang, fallback);
	bool quoted = t->quoted;
	for (int i = 0; i < LANG_COUNT && !t->any; i++)
		if (t->by_lang[i] == s)
			quoted = t->quoted_by_lang[i];
	size_t len = s ? strlen(s) : 0;
	if (!quoted || !at.line)
		return at;
	if (len && s[len - 1] == '\n') {
		at.line++;
		at.column = 0;
	} else if (at.column) {
		at.column++;
	}
	return at;
}

const char *position_name(enum position p)
{
	static const char *const names[POSITION_COUNT] = {
		"supported", "partially-supported", "noted"};
	return (unsigned)p < POSITION_COUNT ? names[p] : "?";
}

const char *status_name(enum status s)
{
	static const char *const names[STATUS_COUNT] = {
		"implemented", "partially-implemented", "not-implemented",
		"not-assessed"};
	return (unsigned)s < STATUS_COUNT ? names[s] : "?";
}

const char *chart_kind_name(enum chart_kind c)
{
	static const char *const names[CHART_KIND_COUNT] = {"bar", "line",
							     "table"};
	return (unsigned)c < CHART_KIND_COUNT ? names[c] : "?";
}

enum lang report_first_language(const struct report *r)
{
	return r->language_count ? r->languages[0] : LANG_EN;
}

const struct cluster *report_find_cluster(const struct report *r,
					  const char *id)
{
	for (size_t i = 0; i < r->cluster_count; i++)
		if (r->clusters[i].id && !strcmp(r->clusters[i].id, id))
			return &r->clusters[i];
	return NULL;
}

const struct statistic *report_find_statistic(const struct report *r,
					      const char *id)
{
	for (size_t i = 0; i < r->stat_count; i++)
		if (r->stats[i].id && !strcmp(r->stats[i].id, id))
			return &r->stats[i];
	return NULL;
}
