/* opendata — recommendations.csv and recommendations.json.  See opendata.h. */
#include "opendata.h"

#include <string.h>

#include "html.h"
#include "value.h"

const struct opendata_field opendata_fields[] = {
	{"id", {"Paragraph number of the recommendation in the outcome report.",
		"Número de párrafo de la recomendación en el informe final.",
		"Numéro du paragraphe de la recommandation dans le rapport final."}},
	{"text", {"The recommendation, verbatim.",
		  "La recomendación, textual.",
		  "La recommandation, telle quelle."}},
	{"states", {"The recommending States.",
		    "Los Estados que formularon la recomendación.",
		    "Les États auteurs de la recommandation."}},
	{"position", {"The State's position: supported, partially-supported or noted.",
		      "Posición del Estado: supported (aceptada), partially-supported (aceptada parcialmente) o noted (anotada).",
		      "Position de l'État : supported (acceptée), partially-supported (partiellement acceptée) ou noted (notée)."}},
	{"status", {"Implementation: implemented, partially-implemented, not-implemented or not-assessed.",
		    "Aplicación: implemented, partially-implemented, not-implemented o not-assessed.",
		    "Mise en œuvre : implemented, partially-implemented, not-implemented ou not-assessed."}},
	{"cluster", {"Id of the thematic cluster.",
		     "Identificador del grupo temático.",
		     "Identifiant du groupe thématique."}},
	{"cluster_title", {"Title of the thematic cluster.",
			   "Título del grupo temático.",
			   "Titre du groupe thématique."}},
	{"themes", {"Further themes.", "Otros temas.", "Autres thèmes."}},
	{"groups", {"Affected groups of persons.",
		    "Grupos de personas afectadas.",
		    "Groupes de personnes concernés."}},
	{"sdgs", {"Sustainable Development Goals (\"16\") and targets (\"16.10\").",
		  "Objetivos de Desarrollo Sostenible (\"16\") y metas (\"16.10\").",
		  "Objectifs de développement durable (« 16 ») et cibles (« 16.10 »)."}},
	{"responsible", {"Institutions responsible for implementation.",
			 "Instituciones responsables de la aplicación.",
			 "Institutions responsables de la mise en œuvre."}},
	{"actions", {"Actions taken: date, description (Markdown) and source.",
		     "Medidas adoptadas: fecha, descripción (Markdown) y fuente.",
		     "Mesures prises : date, description (Markdown) et source."}},
	{"indicators", {"Ids of the related statistics.",
			"Identificadores de las estadísticas relacionadas.",
			"Identifiants des statistiques liées."}},
	{"related", {"Related recommendations of other UN mechanisms.",
		     "Recomendaciones conexas de otros mecanismos de las Naciones Unidas.",
		     "Recommandations connexes d'autres mécanismes des Nations Unies."}},
	{"challenges", {"Challenges met (Markdown).",
			"Dificultades encontradas (Markdown).",
			"Difficultés rencontrées (Markdown)."}},
	{"assistance", {"Technical or capacity-building assistance needed (Markdown).",
			"Asistencia técnica o de fomento de la capacidad necesaria (Markdown).",
			"Assistance technique ou renforcement des capacités nécessaires (Markdown)."}},
	{"page", {"Address of the recommendation's page, relative to the site of this language.",
		  "Dirección de la página de la recomendación, relativa al sitio de este idioma.",
		  "Adresse de la page de la recommandation, relative au site de cette langue."}},
};
const size_t opendata_field_count =
	sizeof opendata_fields / sizeof *opendata_fields;

/* The texts of one recommendation in one language: what both formats
 * write. */
struct S_rec {
	const struct recommendation *rec;
	enum lang lang, first;
};

static const char *S_t(const struct S_rec *R, const struct text *t)
{
	const char *s = text_get(t, R->lang, R->first);
	return s ? s : "";
}

static void S_date(struct buf *b, const struct date *d)
{
	if (!d->present)
		return;
	buf_printf(b, "%04d", d->year);
	if (d->month)
		buf_printf(b, "-%02d", d->month);
	if (d->day)
		buf_printf(b, "-%02d", d->day);
}

/* ---- CSV ------------------------------------------------------------ */

static void S_csv_field(struct buf *out, const char *s, size_t len, bool last)
{
	if (strcspn(s, ",\"\r\n") >= len) {
		buf_put(out, s, len);
	} else {
		buf_putc(out, '"');
		/* each run up to a quote, the quote included, then the quote
		 * again (doubled) */
		for (const char *end = s + len, *q; s < end; s = q + 1) {
			q = memchr(s, '"', (size_t)(end - s));
			if (!q) {
				buf_put(out, s, (size_t)(end - s));
				break;
			}
			buf_put(out, s, (size_t)(q - s) + 1);
			buf_putc(out, '"');
		}
		buf_putc(out, '"');
	}
	buf_puts(out, last ? "\r\n" : ",");
}

static void S_csv_str(struct buf *out, const char *s)
{
	S_csv_field(out, s, strlen(s), false);
}

static void S_csv_list(struct buf *out, struct buf *tmp, const struct S_rec *R,
		       const struct text_list *l)
{
	buf_clear(tmp);
	for (size_t i = 0; i < l->count; i++)
		buf_printf(tmp, "%s%s", i ? "; " : "", S_t(R, &l->items[i]));
	S_csv_field(out, tmp->data, tmp->len, false);
}

static void S_csv_actions(struct buf *out, struct buf *tmp,
			  const struct S_rec *R)
{
	buf_clear(tmp);
	for (size_t i = 0; i < R->rec->action_count; i++) {
		const struct action *ac = &R->rec->actions[i];
		if (i)
			buf_putc(tmp, '\n');
		S_date(tmp, &ac->date);
		buf_printf(tmp, "%s%s", ac->date.present ? ": " : "",
			   S_t(R, &ac->text));
		if (ac->source.present)
			buf_printf(tmp, " (%s)", S_t(R, &ac->source));
	}
	S_csv_field(out, tmp->data, tmp->len, false);
}

static void S_csv_related(struct buf *out, struct buf *tmp,
			  const struct S_rec *R)
{
	buf_clear(tmp);
	for (size_t i = 0; i < R->rec->related_count; i++) {
		const struct related *rel = &R->rec->related[i];
		buf_printf(tmp, "%s%s %s", i ? "\n" : "",
			   S_t(R, &rel->mechanism), S_t(R, &rel->symbol));
		if (rel->para.present)
			buf_printf(tmp, ", para. %s", S_t(R, &rel->para));
		if (rel->text.present)
			buf_printf(tmp, ": %s", S_t(R, &rel->text));
	}
	S_csv_field(out, tmp->data, tmp->len, false);
}

static void S_csv_row(struct buf *out, struct buf *tmp, const struct S_rec *R)
{
	const struct recommendation *rec = R->rec;
	S_csv_str(out, rec->id);
	S_csv_str(out, S_t(R, &rec->text));
	S_csv_list(out, tmp, R, &rec->states);
	S_csv_str(out, position_name(rec->position));
	S_csv_str(out, status_name(rec->status));
	S_csv_str(out, rec->cluster_id ? rec->cluster_id : "");
	S_csv_str(out, rec->cluster ? S_t(R, &rec->cluster->title) : "");
	S_csv_list(out, tmp, R, &rec->themes);
	S_csv_list(out, tmp, R, &rec->groups);
	buf_clear(tmp);
	for (size_t i = 0; i < rec->sdg_count; i++)
		buf_printf(tmp, "%s%s", i ? "; " : "", rec->sdgs[i].code);
	S_csv_field(out, tmp->data, tmp->len, false);
	S_csv_list(out, tmp, R, &rec->responsible);
	S_csv_actions(out, tmp, R);
	buf_clear(tmp);
	for (size_t i = 0; i < rec->indicator_count; i++)
		buf_printf(tmp, "%s%s", i ? "; " : "", rec->indicators[i].id);
	S_csv_field(out, tmp->data, tmp->len, false);
	S_csv_related(out, tmp, R);
	S_csv_str(out, S_t(R, &rec->challenges));
	S_csv_str(out, S_t(R, &rec->assistance));
	buf_clear(tmp);
	html_rec_href(tmp, "", rec->id);
	S_csv_field(out, tmp->data, tmp->len, true);
}

void opendata_csv(struct buf *out, const struct report *r, enum lang lang)
{
	for (size_t i = 0; i < opendata_field_count; i++)
		S_csv_field(out, opendata_fields[i].name,
			    strlen(opendata_fields[i].name),
			    i + 1 == opendata_field_count);
	struct buf tmp;
	buf_init(&tmp);
	for (size_t i = 0; i < r->rec_count; i++) {
		struct S_rec R = {&r->recs[i], lang, report_first_language(r)};
		S_csv_row(out, &tmp, &R);
	}
	buf_free(&tmp);
}

/* ---- JSON ----------------------------------------------------------- */

static void S_put_str(struct arena *a, struct value *m, const char *k,
		      const char *s)
{
	value_map_put(a, m, k, value_string(a, s ? s : ""));
}

static struct value *S_list(struct arena *a, const struct S_rec *R,
			    const struct text_list *l)
{
	struct value *v = value_list(a);
	for (size_t i = 0; i < l->count; i++)
		value_list_push(a, v, value_string(a, S_t(R, &l->items[i])));
	return v;
}

static struct value *S_date_value(struct arena *a, const struct date *d)
{
	struct buf b;
	buf_init(&b);
	S_date(&b, d);
	struct value *v = d->present ? value_string(a, b.data)
				     : value_new(a, VALUE_NULL);
	buf_free(&b);
	return v;
}

static struct value *S_actions(struct arena *a, const struct S_rec *R)
{
	struct value *list = value_list(a);
	for (size_t i = 0; i < R->rec->action_count; i++) {
		const struct action *ac = &R->rec->actions[i];
		struct value *m = value_map(a);
		value_map_put(a, m, "date", S_date_value(a, &ac->date));
		S_put_str(a, m, "text", S_t(R, &ac->text));
		S_put_str(a, m, "source", S_t(R, &ac->source));
		value_list_push(a, list, m);
	}
	return list;
}

static struct value *S_related(struct arena *a, const struct S_rec *R)
{
	struct value *list = value_list(a);
	for (size_t i = 0; i < R->rec->related_count; i++) {
		const struct related *rel = &R->rec->related[i];
		struct value *m = value_map(a);
		S_put_str(a, m, "mechanism", S_t(R, &rel->mechanism));
		S_put_str(a, m, "symbol", S_t(R, &rel->symbol));
		S_put_str(a, m, "para", S_t(R, &rel->para));
		S_put_str(a, m, "text", S_t(R, &rel->text));
		value_list_push(a, list, m);
	}
	return list;
}

static struct value *S_rec_value(struct arena *a, const struct S_rec *R)
{
	const struct recommendation *rec = R->rec;
	struct value *m = value_map(a);
	S_put_str(a, m, "id", rec->id);
	S_put_str(a, m, "text", S_t(R, &rec->text));
	value_map_put(a, m, "states", S_list(a, R, &rec->states));
	S_put_str(a, m, "position", position_name(rec->position));
	S_put_str(a, m, "status", status_name(rec->status));
	S_put_str(a, m, "cluster", rec->cluster_id);
	S_put_str(a, m, "cluster_title",
		  rec->cluster ? S_t(R, &rec->cluster->title) : "");
	value_map_put(a, m, "themes", S_list(a, R, &rec->themes));
	value_map_put(a, m, "groups", S_list(a, R, &rec->groups));
	struct value *sdgs = value_list(a);
	for (size_t i = 0; i < rec->sdg_count; i++)
		value_list_push(a, sdgs, value_string(a, rec->sdgs[i].code));
	value_map_put(a, m, "sdgs", sdgs);
	value_map_put(a, m, "responsible", S_list(a, R, &rec->responsible));
	value_map_put(a, m, "actions", S_actions(a, R));
	struct value *ind = value_list(a);
	for (size_t i = 0; i < rec->indicator_count; i++)
		value_list_push(a, ind, value_string(a, rec->indicators[i].id));
	value_map_put(a, m, "indicators", ind);
	value_map_put(a, m, "related", S_related(a, R));
	S_put_str(a, m, "challenges", S_t(R, &rec->challenges));
	S_put_str(a, m, "assistance", S_t(R, &rec->assistance));
	struct buf href;
	buf_init(&href);
	html_rec_href(&href, "", rec->id);
	S_put_str(a, m, "page", href.data);
	buf_free(&href);
	return m;
}

static struct value *S_report_value(struct arena *a, const struct report *r,
				    enum lang lang)
{
	enum lang first = report_first_language(r);
	struct value *m = value_map(a);
	S_put_str(a, m, "state", text_get(&r->state, lang, first));
	value_map_put(a, m, "cycle", value_number(a, r->cycle));
	S_put_str(a, m, "session", r->session);
	S_put_str(a, m, "outcome", r->outcome);
	value_map_put(a, m, "adopted", S_date_value(a, &r->adopted));
	S_put_str(a, m, "title", text_get(&r->title, lang, first));
	S_put_str(a, m, "symbol", r->symbol);
	value_map_put(a, m, "date", S_date_value(a, &r->date));
	S_put_str(a, m, "language", lang_code(lang));
	return m;
}

void opendata_json(struct arena *a, struct buf *out, const struct report *r,
		   enum lang lang)
{
	struct value *root = value_map(a);
	value_map_put(a, root, "report", S_report_value(a, r, lang));
	struct value *recs = value_list(a);
	for (size_t i = 0; i < r->rec_count; i++) {
		struct S_rec R = {&r->recs[i], lang, report_first_language(r)};
		value_list_push(a, recs, S_rec_value(a, &R));
	}
	value_map_put(a, root, "recommendations", recs);
	value_write_json(out, root, 1);
	buf_putc(out, '\n');
}
