/* gencorpus — writes a synthetic UPR mid-term report of N recommendations,
 * for the benchmarks (tests/bench/bench.sh):
 *
 *   DIR/content/{report,clusters,recommendations,statistics}.yaml
 *   DIR/content/chapters/{foreword,introduction,overview,challenges}.md
 *                          the report project, in uprgen's content format
 *   DIR/peer.md            the same report as one GitHub Markdown file
 *                          (headings, footnotes, the overview tables and
 *                          the annex matrix as GFM tables) for the peers
 *                          (cmark-gfm, pandoc, WeasyPrint)
 *
 * One language (en), so that the comparison with the single-document
 * peers is fair.  Lengths follow the real reports: a recommendation of
 * 10-50 words; 0-3 dated measures of 25-90 words, each with a source that
 * becomes a footnote; challenges, assistance, related recommendations of
 * other mechanisms, SDG targets, statistics (charts in uprgen; the same
 * numbers as a small table in peer.md, which cannot draw).
 *
 * Deterministic: a fixed-seed PRNG (splitmix64), no clock, no locale.
 * Standalone (no gen/ code): cc -O2 -o gencorpus gencorpus.c
 *
 * usage: gencorpus N DIR [SEED [ar]]
 *
 * With "ar" the report is in Arabic (languages: [ar]) for the PDF's
 * shaping cost: the texts (recommendations, measures, sources, chapters)
 * have each Latin letter replaced by an Arabic one, a word for a word of
 * the same length; numbers, Markdown and link targets stay.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- PRNG --------------------------------------------------------------- */

static uint64_t S_state;

static uint64_t S_next(void)
{
	uint64_t z = (S_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* uniform in [lo, hi] */
static int S_range(int lo, int hi)
{
	return lo + (int)(S_next() % (uint64_t)(hi - lo + 1));
}

/* true with probability pct/100 */
static int S_chance(int pct)
{
	return S_range(0, 99) < pct;
}

#define PICK(a) ((a)[S_next() % COUNT(a)])

/* ---- growing strings ---------------------------------------------------- */

struct sb {
	char *p;
	size_t len, cap;
};

static void *S_xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		perror("gencorpus");
		exit(1);
	}
	return p;
}

static void sb_put(struct sb *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = S_xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

static void sb_puts(struct sb *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

static void sb_printf(struct sb *b, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		fprintf(stderr, "gencorpus: line too long\n");
		exit(1);
	}
	sb_put(b, tmp, (size_t)n);
}

/* Arabic output (the "ar" argument). */
static int S_arabic;

/* s (taken) with its Latin letters turned Arabic when S_arabic, except
 * in a link's target "](...)"; a new string. */
static char *S_ar(char *s)
{
	static const char *const AR[26] = {
		"ا", "ب", "ك", "د", "ي", "ف", "غ", "ه", "ي", "ج", "ك", "ل", "م",
		"ن", "و", "ب", "ق", "ر", "س", "ت", "و", "ف", "و", "خ", "ي", "ز"};
	if (!S_arabic)
		return s;
	size_t n = strlen(s);
	char *out = malloc(2 * n + 1), *o = out;
	if (!out)
		exit(1);
	int link = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '(' && i && s[i - 1] == ']')
			link = 1;
		else if (c == ')')
			link = 0;
		if (!link && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
			const char *a = AR[(c | 0x20) - 'a'];
			memcpy(o, a, 2);
			o += 2;
		} else {
			*o++ = c;
		}
	}
	*o = 0;
	free(s);
	return out;
}

static char *sb_take(struct sb *b)
{
	char *p = b->p ? b->p : strdup("");
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

static int S_words(const char *s)
{
	int n = 0, in = 0;
	for (; *s; s++) {
		int sp = *s == ' ';
		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

/* ---- vocabulary --------------------------------------------------------- */

static const char *const THEMES[] = {
	"Ratification of and accession to international instruments",
	"Cooperation with treaty bodies and special procedures",
	"Constitutional and legislative framework",
	"National Human Rights Institution (NHRI)",
	"National Mechanisms for Implementation, Reporting and Follow-up",
	"National human rights action plans and implementation plans",
	"Equality & non-discrimination",
	"Racial discrimination",
	"Human rights & the environment",
	"Human rights and climate change",
	"Business & human rights",
	"Human rights and poverty",
	"Right to an adequate standard of living",
	"Right to adequate housing",
	"Right to safe drinking water and sanitation",
	"Right to social security",
	"Right to health",
	"Sexual and reproductive health and rights",
	"Right to education",
	"Human rights education, trainings and awareness raising",
	"Right to work and to just and favourable conditions of work",
	"Prohibition of torture and cruel, inhuman or degrading treatment",
	"Conditions of detention",
	"Administration of justice and fair trial",
	"Access to justice and remedy",
	"Impunity and transitional justice",
	"Good governance and corruption",
	"Freedom of opinion and expression and access to information",
	"Freedom of peaceful assembly and of association",
	"Human rights defenders",
	"Human trafficking and contemporary forms of slavery",
	"Advancement of women",
	"Discrimination against women",
	"Violence against women",
	"Participation of women in political and public life",
	"Children: definition, general principles, protection",
	"Children: juvenile justice",
	"Indigenous peoples",
	"Afro-descendants",
	"Persons with disabilities: independence, inclusion",
	"Migrants",
	"Refugees and asylum seekers",
	"Rights related to name, identity and nationality",
	"Lesbian, gay, bisexual, transgender and intersex persons",
};

static const char *const STATES[] = {
	"Argentina", "Australia", "Austria", "Belgium", "Bolivia (Plurinational State of)",
	"Brazil", "Canada", "Chile", "China", "Colombia", "Costa Rica",
	"Côte d'Ivoire", "Cuba", "Czechia", "Denmark", "Ecuador", "Egypt",
	"Fiji", "Finland", "France", "Germany", "Ghana", "Greece",
	"Guatemala", "Honduras", "Iceland", "India", "Indonesia", "Ireland",
	"Italy", "Japan", "Kenya", "Luxembourg", "Malaysia", "Mexico",
	"Montenegro", "Morocco", "Namibia", "Nepal", "Netherlands (Kingdom of the)",
	"New Zealand", "Norway", "Panama", "Paraguay", "Philippines", "Poland",
	"Portugal", "Republic of Korea", "Senegal", "Sierra Leone", "Slovenia",
	"South Africa", "Spain", "Sweden", "Switzerland", "Timor-Leste",
	"Togo", "Tunisia", "Türkiye", "Ukraine",
	"United Kingdom of Great Britain and Northern Ireland",
	"United States of America", "Uruguay", "Viet Nam",
};

static const char *const REC_VERBS[] = {
	"Strengthen", "Adopt", "Ensure", "Continue to strengthen",
	"Take the necessary measures to guarantee", "Ratify",
	"Step up efforts to combat", "Guarantee",
	"Intensify efforts to eliminate", "Establish", "Consider ratifying",
	"Promote", "Allocate sufficient resources to", "Redouble efforts to protect",
	"Implement", "Develop and implement", "Combat", "Prevent and punish",
	"Investigate promptly and impartially", "Accelerate the adoption of",
	"Continue its efforts to improve", "Adopt a comprehensive strategy on",
	"Bring into line with international standards",
};

static const char *const OBJECTS[] = {
	"the national preventive mechanism against torture",
	"the rights of indigenous peoples",
	"access to justice for victims of gender-based violence",
	"the independence of the judiciary",
	"freedom of expression and of the press",
	"the protection of human rights defenders",
	"the Optional Protocol to the Convention against Torture",
	"the national action plan on business and human rights",
	"birth registration in rural areas",
	"inclusive and quality education for all children",
	"universal health coverage",
	"the rights of persons with disabilities",
	"the prohibition of child labour",
	"trafficking in persons, especially women and girls",
	"the regularization of migrants and refugees",
	"the rights of lesbian, gay, bisexual, transgender and intersex persons",
	"prison overcrowding and conditions of detention",
	"the mandate of the Ombudsman's Office",
	"violence against women and girls",
	"the right to free, prior and informed consultation",
	"the safety of environmental defenders",
	"maternal and neonatal mortality",
	"the participation of women in public life",
	"access to safe drinking water and sanitation",
	"child, early and forced marriage",
	"corruption in the public administration",
	"statelessness and the right to a nationality",
	"the Escazú Agreement",
	"disaggregated statistics on poverty and exclusion",
	"the national human rights plan",
	"the excessive use of force by law enforcement officials",
	"anaemia and chronic malnutrition among children",
	"the rights of Afro-Peruvian communities",
	"forced sterilizations and their victims",
};

static const char *const QUALIFIERS[] = {
	"in line with international standards",
	"in consultation with civil society",
	"with a gender and intercultural approach",
	"including in rural and Amazonian areas",
	"and allocate adequate human and financial resources",
	"by means of a comprehensive legal framework",
	"with particular attention to children and adolescents",
	"and ensure that those responsible are brought to justice",
	"in accordance with the Paris Principles",
	"in all regions of the country",
	"so that victims obtain full reparation",
	"through the collection of disaggregated data",
	"and guarantee its effective implementation",
	"taking into account the recommendations of the treaty bodies",
	"for Afro-Peruvian and indigenous communities",
	"without discrimination of any kind",
	"at the national, regional and local levels",
	"and evaluate its results periodically",
	"in cooperation with the United Nations country team",
	"with the participation of the persons concerned",
};

static const char *const INSTITUTIONS[] = {
	"Ministry of Justice and Human Rights",
	"Ministry of Women and Vulnerable Populations",
	"Ombudsman's Office (Defensoría del Pueblo)",
	"National Migration Authority",
	"Ministry of Education",
	"Ministry of Health",
	"Ministry of the Interior",
	"Judiciary",
	"Public Prosecution Service",
	"National Institute of Statistics and Informatics",
	"Ministry of Labour and Employment Promotion",
	"Ministry of Culture",
	"National Penitentiary Institute",
	"Congress of the Republic",
	"Regional Government of Huánuco",
	"Regional Government of San Martín",
	"Ministry of Foreign Affairs",
	"National Human Rights Council",
	"Ministry of Development and Social Inclusion",
	"National Council for the Integration of Persons with Disabilities",
	"Ministry of the Environment",
	"National Police",
};

static const char *const PAST_VERBS[] = {
	"adopted", "approved", "launched", "published", "extended",
	"updated", "evaluated", "strengthened", "trained staff on",
	"allocated additional resources to", "presented to Congress",
	"signed an agreement on", "carried out a national campaign on",
	"set up a working group on",
};

static const char *const INSTRUMENTS[] = {
	"Supreme Decree No. 003-2023-IN", "Legislative Decree No. 1582",
	"the National Policy on Human Rights to 2040",
	"the Intersectoral Protocol against Trafficking in Persons",
	"the National Action Plan on Business and Human Rights 2021–2025",
	"Act No. 31405", "the Multisectoral Strategy for Rural Women",
	"Directorate Decision No. 076-2023-MIMP-DGNNA",
	"the Comprehensive Health Insurance scheme",
	"the Intersectoral Mechanism for the Protection of Human Rights Defenders",
};

static const char *const PEOPLE[] = {
	"women", "children and adolescents", "migrants", "persons with disabilities",
	"public officials", "police officers", "teachers", "judges and prosecutors",
	"indigenous leaders", "older persons", "victims", "health workers",
};

static const char *const PLACES[] = {
	"Lima", "Cusco", "Puno", "Loreto", "Ucayali", "Huánuco", "Piura",
	"Ayacucho", "Junín", "San Martín", "Amazonas", "Lambayeque", "Tumbes",
	"Apurímac", "Madre de Dios",
};

static const char *const MONTHS[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static const char *const DOCS[] = {
	"CAT/C/PER/FCO/7", "CMW/C/PER/2", "CEDAW/C/PER/9", "CRC/C/PER/6-7",
	"CERD/C/PER/24-26", "CCPR/C/PER/6", "E/C.12/PER/5", "A/HRC/WG.6/42/PER/1",
};

static const char *const GROUPS[] = {
	"Women and girls", "Children", "Indigenous peoples", "Migrants",
	"Persons with disabilities", "Human rights defenders",
	"Persons deprived of their liberty", "Afro-descendants",
	"LGBTI persons", "Older persons", "Rural women", "Refugees and asylum seekers",
};

static const char *const MECHANISMS[] = {"CAT", "CEDAW", "CRC", "CERD", "CCPR",
					   "CESCR", "CMW", "CRPD"};
static const char *const MECH_SYMBOLS[] = {
	"CAT/C/PER/CO/7", "CEDAW/C/PER/CO/9", "CRC/C/PER/CO/4-5",
	"CERD/C/PER/CO/22-23", "CCPR/C/PER/CO/6", "E/C.12/PER/CO/4",
	"CMW/C/PER/CO/1", "CRPD/C/PER/CO/2-3",
};

/* valid SDG goals and targets */
static const char *const SDGS[] = {
	"1", "1.3", "1.4", "2.1", "2.2", "3.1", "3.7", "3.8", "4", "4.1", "4.5",
	"4.7", "5", "5.1", "5.2", "5.3", "5.5", "5.a", "6.1", "6.2", "8.5", "8.7",
	"8.8", "10", "10.2", "10.3", "10.7", "11.1", "13.1", "16", "16.1",
	"16.2", "16.3", "16.5", "16.6", "16.7", "16.9", "16.10", "16.a", "16.b",
	"17.17", "17.18",
};

static const char *const STAT_MEASURES[] = {
	"Cases registered of", "Budget allocated to the prevention of",
	"Complaints received concerning", "Persons assisted in relation to",
	"Convictions for", "Reports of the Ombudsman's Office on",
};

static const char *const STAT_TOPICS[] = {
	"trafficking in persons", "violence against women", "child labour",
	"torture and ill-treatment", "attacks on human rights defenders",
	"discrimination", "forced disappearance", "corruption offences",
	"environmental conflicts", "sexual violence against children",
};

/* ---- the report --------------------------------------------------------- */

enum { SUPPORTED, PARTIAL, NOTED };
static const char *const POS_ID[] = {"supported", "partially-supported", "noted"};
static const char *const POS_LABEL[] = {"Supported", "Partially supported", "Noted"};
enum { IMPL, PART_IMPL, NOT_IMPL, NOT_ASSESSED };
static const char *const STATUS_ID[] = {"implemented", "partially-implemented",
					"not-implemented", "not-assessed"};
static const char *const STATUS_LABEL[] = {"Implemented", "Partially implemented",
					   "Not implemented", "Not assessed"};

struct action {
	int y, m, d; /* d == 0: month only */
	char *text, *source;
};

struct related {
	int mech, para;
	char *text;
};

struct rec {
	char id[16];
	char *text;
	int nstates, states[4];
	int position, cluster, status;
	int nthemes, themes[2];
	int ngroups, groups[2];
	int nsdgs, sdgs[3];
	int nresp, resp[3];
	int nact;
	struct action act[3];
	int indicator; /* -1: none */
	int nrel;
	struct related rel[2];
	char *challenges, *assistance;
};

struct statistic {
	char id[24];
	char *title, *unit, *source;
	int chart; /* 0 bar, 1 line, 2 table */
	int nseries, nkeys, by_place, first_year;
	char *labels[3];
	int values[3][8];
};

struct cluster {
	char id[80];
	const char *title;
	char *description;
};

static struct rec *R;
static struct statistic *ST;
static struct cluster *CL;
static int N, NCL, NST;

/* distinct indices into an array of n, k of them */
static void S_distinct(int *out, int k, int n)
{
	for (int i = 0; i < k; i++) {
		int v, again;
		do {
			v = S_range(0, n - 1);
			again = 0;
			for (int j = 0; j < i; j++)
				again |= out[j] == v;
		} while (again);
		out[i] = v;
	}
}

/* A recommendation: an imperative, an object, then qualifiers until the
 * wanted length. */
static char *S_rec_text(void)
{
	struct sb b = {0};
	int want = S_range(10, 50);
	sb_puts(&b, PICK(REC_VERBS));
	sb_puts(&b, " ");
	sb_puts(&b, PICK(OBJECTS));
	while (S_words(b.p) < want) {
		int r = S_range(0, 9);
		if (r < 6) {
			sb_puts(&b, r < 2 ? ", " : " ");
			sb_puts(&b, PICK(QUALIFIERS));
		} else if (r < 8) {
			sb_puts(&b, ", including ");
			sb_puts(&b, PICK(OBJECTS));
		} else {
			sb_puts(&b, ", and ");
			sb_puts(&b, PICK(REC_VERBS));
			sb_puts(&b, " ");
			sb_puts(&b, PICK(OBJECTS));
		}
	}
	sb_puts(&b, ".");
	/* lower-case the second imperative ("and Adopt" -> "and adopt") */
	for (char *p = b.p; (p = strstr(p, ", and ")); p += 6)
		if (p[6] >= 'A' && p[6] <= 'Z')
			p[6] = (char)(p[6] - 'A' + 'a');
	return S_ar(sb_take(&b));
}

/* One sentence of a measure taken; markdown: bold, emphasis, links. */
static void S_sentence(struct sb *b, int markdown)
{
	int r = S_range(0, 5);
	const char *inst = PICK(INSTITUTIONS);
	switch (r) {
	case 0:
		sb_printf(b, "In %s %d, the %s %s %s", PICK(MONTHS),
			  S_range(2023, 2025), inst, PICK(PAST_VERBS), PICK(OBJECTS));
		break;
	case 1:
	{
		const char *bold = markdown && S_chance(40) ? "**" : "";
		sb_printf(b, "The %s reported that %d %s had benefited from %s%s%s",
			  inst, S_range(12, 98000), PICK(PEOPLE), bold,
			  PICK(INSTRUMENTS), bold);
		break;
	}
	case 2:
		sb_printf(b, "%s%s%s, published in %s, %s %s",
			  markdown ? "*" : "", PICK(INSTRUMENTS),
			  markdown ? "*" : "",
			  markdown ? "the official gazette *El Peruano*"
				   : "the official gazette El Peruano",
			  S_chance(50) ? "regulates" : "provides for",
			  PICK(OBJECTS));
		break;
	case 3:
		sb_printf(b, "Training was given to %d %s in %s and %s on %s",
			  S_range(30, 4800), PICK(PEOPLE), PICK(PLACES),
			  PICK(PLACES), PICK(OBJECTS));
		break;
	case 4:
		sb_printf(b, "According to the %s, the budget for %s rose from "
			     "PEN %d,%03d in %d to PEN %d,%03d in %d",
			  inst, PICK(OBJECTS), S_range(10, 900), S_range(0, 999),
			  S_range(2019, 2021), S_range(900, 4000), S_range(0, 999),
			  S_range(2023, 2024));
		break;
	default:
		if (markdown && S_chance(40))
			sb_printf(b, "The [%s](https://www.gob.pe/minjusdh) %s %s",
				  inst, PICK(PAST_VERBS), PICK(OBJECTS));
		else
			sb_printf(b, "The %s %s %s", inst, PICK(PAST_VERBS),
				  PICK(OBJECTS));
	}
	while (S_chance(45)) {
		sb_puts(b, " ");
		sb_puts(b, PICK(QUALIFIERS));
	}
	sb_puts(b, ". ");
}

/* Sentences until at least lo words and about want words. */
static char *S_prose(int lo, int hi, int markdown)
{
	struct sb b = {0};
	int want = S_range(lo, hi);
	while (!b.p || S_words(b.p) < want) {
		struct sb s = {0};
		S_sentence(&s, markdown);
		if (b.p && S_words(b.p) + S_words(s.p) > hi && S_words(b.p) >= lo) {
			free(s.p);
			break;
		}
		sb_puts(&b, s.p);
		free(s.p);
	}
	b.len--; /* the last space */
	b.p[b.len] = 0;
	return S_ar(sb_take(&b));
}

static char *S_source(void)
{
	struct sb b = {0};
	switch (S_range(0, 3)) {
	case 0:
		sb_printf(&b, "%s, para. %d.", PICK(DOCS), S_range(3, 240));
		break;
	case 1:
		sb_printf(&b, "%s, paras. %d–%d.", PICK(DOCS), S_range(3, 120),
			  S_range(121, 240));
		break;
	case 2:
		sb_printf(&b, "Information provided by the %s (Communication "
			      "No. %d-%d/%s, %d %s %d).",
			  PICK(INSTITUTIONS), S_range(10, 999),
			  S_range(2023, 2025), S_chance(50) ? "JUS" : "MIMP",
			  S_range(1, 28), PICK(MONTHS), S_range(2023, 2025));
		break;
	default:
		sb_printf(&b, "%s, Annual Report %d, p. %d (\"%s\").",
			  PICK(INSTITUTIONS), S_range(2022, 2024),
			  S_range(5, 320), PICK(OBJECTS));
	}
	return S_ar(sb_take(&b));
}

static int S_cmp_act(const void *a, const void *b)
{
	const struct action *x = a, *y = b;
	return (x->y - y->y) * 10000 + (x->m - y->m) * 100 + (x->d - y->d);
}

static void S_make(void)
{
	NCL = N / 20;
	NCL = NCL < 8 ? 8 : NCL > (int)COUNT(THEMES) ? (int)COUNT(THEMES) : NCL;
	NST = N / 20;
	NST = NST < 4 ? 4 : NST > 250 ? 250 : NST;
	CL = calloc((size_t)NCL, sizeof *CL);
	ST = calloc((size_t)NST, sizeof *ST);
	R = calloc((size_t)N, sizeof *R);
	if (!CL || !ST || !R) {
		perror("gencorpus");
		exit(1);
	}
	for (int i = 0; i < NCL; i++) {
		CL[i].title = THEMES[i];
		char *o = CL[i].id;
		int dash = 0;
		for (const char *p = THEMES[i]; *p && o < CL[i].id + 60; p++) {
			char c = *p;
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (dash && o > CL[i].id)
					*o++ = '-';
				*o++ = c;
				dash = 0;
			} else {
				dash = 1;
			}
		}
		*o = 0;
		CL[i].description = S_chance(75) ? S_prose(20, 45, 1) : NULL;
	}
	for (int i = 0; i < NST; i++) {
		struct statistic *s = &ST[i];
		snprintf(s->id, sizeof s->id, "stat-%03d", i + 1);
		struct sb b = {0};
		sb_printf(&b, "%s %s", PICK(STAT_MEASURES), PICK(STAT_TOPICS));
		s->by_place = S_chance(30);
		if (s->by_place)
			sb_puts(&b, ", by department");
		else
			sb_puts(&b, ", by year");
		s->title = sb_take(&b);
		s->unit = strdup(S_chance(30) ? "soles (PEN)" : S_chance(50) ? "cases" : "persons");
		s->source = S_source();
		s->chart = S_chance(60) ? 0 : S_chance(70) ? 1 : 2;
		if (s->by_place && s->chart == 1)
			s->chart = 0;
		s->nseries = S_range(1, 3);
		s->nkeys = S_range(4, 8);
		s->first_year = 2024 - s->nkeys + 1;
		static const char *const SL[] = {"Total", "Women", "Men",
						  "Urban areas", "Rural areas"};
		for (int k = 0; k < s->nseries; k++) {
			s->labels[k] = strdup(SL[(k + (s->nseries > 1)) % COUNT(SL)]);
			for (int j = 0; j < s->nkeys; j++)
				s->values[k][j] = S_range(5, 25000);
		}
	}
	for (int i = 0; i < N; i++) {
		struct rec *r = &R[i];
		snprintf(r->id, sizeof r->id, "%d.%d", 110 + i / 1000, i % 1000 + 1);
		r->text = S_rec_text();
		r->nstates = S_range(1, 4);
		S_distinct(r->states, r->nstates, COUNT(STATES));
		int p = S_range(0, 99);
		r->position = p < 78 ? SUPPORTED : p < 85 ? PARTIAL : NOTED;
		r->cluster = S_range(0, NCL - 1);
		int s = S_range(0, 99);
		r->status = s < 25 ? IMPL : s < 65 ? PART_IMPL : s < 85 ? NOT_IMPL : NOT_ASSESSED;
		r->nthemes = S_range(0, 2);
		S_distinct(r->themes, r->nthemes, COUNT(THEMES));
		r->ngroups = S_range(0, 2);
		S_distinct(r->groups, r->ngroups, COUNT(GROUPS));
		r->nsdgs = S_range(0, 3);
		S_distinct(r->sdgs, r->nsdgs, COUNT(SDGS));
		r->nresp = S_range(0, 3);
		S_distinct(r->resp, r->nresp, COUNT(INSTITUTIONS));
		r->nact = r->status == NOT_ASSESSED ? 0 : S_range(0, 3);
		for (int a = 0; a < r->nact; a++) {
			struct action *x = &r->act[a];
			x->y = S_range(2023, 2025);
			x->m = x->y == 2023 ? S_range(7, 12) : x->y == 2025 ? S_range(1, 6) : S_range(1, 12);
			x->d = S_chance(90) ? S_range(1, 28) : 0;
			x->text = S_prose(25, 90, 1);
			x->source = S_source();
		}
		qsort(r->act, (size_t)r->nact, sizeof r->act[0], S_cmp_act);
		r->indicator = S_chance(15) ? S_range(0, NST - 1) : -1;
		r->nrel = S_chance(30) ? S_range(1, 2) : 0;
		for (int k = 0; k < r->nrel; k++) {
			r->rel[k].mech = S_range(0, COUNT(MECHANISMS) - 1);
			r->rel[k].para = S_range(8, 60);
			r->rel[k].text = S_chance(60) ? S_rec_text() : NULL;
		}
		r->challenges = S_chance(30) ? S_prose(15, 40, 1) : NULL;
		r->assistance = S_chance(12) ? S_prose(10, 30, 1) : NULL;
	}
}

/* ---- writing ------------------------------------------------------------ */

static FILE *S_open(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return f;
}

static void S_close(FILE *f)
{
	if (ferror(f) || fclose(f)) {
		perror("gencorpus: write");
		exit(1);
	}
}

/* a YAML double-quoted scalar */
static void Y(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putc('\\', f);
		putc(*s, f);
	}
	putc('"', f);
}

static void S_date_text(char *out, size_t n, int y, int m, int d)
{
	if (d)
		snprintf(out, n, "%d %s %d", d, MONTHS[m - 1], y);
	else
		snprintf(out, n, "%s %d", MONTHS[m - 1], y);
}

static void S_write_report(const char *dir)
{
	FILE *f = S_open(dir, "report.yaml");
	fprintf(f, "# Synthetic report of %d recommendations, written by "
		   "tests/bench/gencorpus.c\n", N);
	fputs("state: Peru\ncycle: 4\nsession: \"42\"\noutcome: A/HRC/53/8\n"
	      "adopted: \"2023-07-07\"\n"
	      "period:\n  from: \"2023-07-07\"\n  to: \"2025-06-30\"\n"
	      "title: \"Voluntary mid-term report of Peru on the fourth cycle "
	      "of the Universal Periodic Review\"\n"
	      "subtitle: \"Follow-up to the recommendations received at the "
	      "42nd session of the Working Group (January 2023)\"\n"
	      "symbol: PER/UPR4/MTR/2025\ndate: \"2025-07-15\"\n",
	      f);
	fprintf(f, "languages: [%s]\n", S_arabic ? "ar" : "en");
	fputs("prepared_by: \"Ministry of Justice and Human Rights — "
	      "Directorate General of Human Rights\"\n"
	      "chapters:\n  - chapters/foreword.md\n"
	      "  - chapters/introduction.md\n  - chapters/overview.md\n"
	      "  - chapters/challenges.md\n", f);
	S_close(f);

	f = S_open(dir, "clusters.yaml");
	for (int i = 0; i < NCL; i++) {
		fprintf(f, "- id: %s\n  title: ", CL[i].id);
		Y(f, CL[i].title);
		if (CL[i].description) {
			fputs("\n  description: ", f);
			Y(f, CL[i].description);
		}
		fputs("\n\n", f);
	}
	S_close(f);

	f = S_open(dir, "statistics.yaml");
	static const char *const CHART[] = {"bar", "line", "table"};
	for (int i = 0; i < NST; i++) {
		struct statistic *s = &ST[i];
		fprintf(f, "- id: %s\n  title: ", s->id);
		Y(f, s->title);
		fputs("\n  unit: ", f);
		Y(f, s->unit);
		fputs("\n  source: ", f);
		Y(f, s->source);
		fprintf(f, "\n  chart: %s\n  series:\n", CHART[s->chart]);
		for (int k = 0; k < s->nseries; k++) {
			fprintf(f, "    - label: \"%s\"\n      values:\n", s->labels[k]);
			for (int j = 0; j < s->nkeys; j++) {
				if (s->by_place)
					fprintf(f, "        \"%s\": %d\n", PLACES[j], s->values[k][j]);
				else
					fprintf(f, "        \"%d\": %d\n", s->first_year + j,
						s->values[k][j]);
			}
		}
		fputs("\n", f);
	}
	S_close(f);

	f = S_open(dir, "recommendations.yaml");
	for (int i = 0; i < N; i++) {
		struct rec *r = &R[i];
		fprintf(f, "- id: \"%s\"\n  text: ", r->id);
		Y(f, r->text);
		fputs("\n  states: [", f);
		for (int k = 0; k < r->nstates; k++) {
			if (k)
				fputs(", ", f);
			Y(f, STATES[r->states[k]]);
		}
		fprintf(f, "]\n  position: %s\n  cluster: %s\n", POS_ID[r->position],
			CL[r->cluster].id);
		if (r->nthemes) {
			fputs("  themes:\n", f);
			for (int k = 0; k < r->nthemes; k++) {
				fputs("    - ", f);
				Y(f, THEMES[r->themes[k]]);
				fputs("\n", f);
			}
		}
		if (r->ngroups) {
			fputs("  groups: [", f);
			for (int k = 0; k < r->ngroups; k++) {
				if (k)
					fputs(", ", f);
				Y(f, GROUPS[r->groups[k]]);
			}
			fputs("]\n", f);
		}
		if (r->nsdgs) {
			fputs("  sdgs: [", f);
			for (int k = 0; k < r->nsdgs; k++)
				fprintf(f, "%s\"%s\"", k ? ", " : "", SDGS[r->sdgs[k]]);
			fputs("]\n", f);
		}
		if (r->status != NOT_ASSESSED || S_chance(50))
			fprintf(f, "  status: %s\n", STATUS_ID[r->status]);
		if (r->nresp) {
			fputs("  responsible:\n", f);
			for (int k = 0; k < r->nresp; k++) {
				fputs("    - ", f);
				Y(f, INSTITUTIONS[r->resp[k]]);
				fputs("\n", f);
			}
		}
		if (r->nact) {
			fputs("  actions:\n", f);
			for (int k = 0; k < r->nact; k++) {
				struct action *a = &r->act[k];
				if (a->d)
					fprintf(f, "    - date: \"%04d-%02d-%02d\"\n", a->y, a->m, a->d);
				else
					fprintf(f, "    - date: \"%04d-%02d\"\n", a->y, a->m);
				fputs("      text: ", f);
				Y(f, a->text);
				fputs("\n      source: ", f);
				Y(f, a->source);
				fputs("\n", f);
			}
		}
		if (r->indicator >= 0)
			fprintf(f, "  indicators: [%s]\n", ST[r->indicator].id);
		if (r->nrel) {
			fputs("  related:\n", f);
			for (int k = 0; k < r->nrel; k++) {
				fprintf(f, "    - mechanism: %s\n      symbol: %s\n"
					   "      para: \"%d\"\n",
					MECHANISMS[r->rel[k].mech],
					MECH_SYMBOLS[r->rel[k].mech], r->rel[k].para);
				if (r->rel[k].text) {
					fputs("      text: ", f);
					Y(f, r->rel[k].text);
					fputs("\n", f);
				}
			}
		}
		if (r->challenges) {
			fputs("  challenges: ", f);
			Y(f, r->challenges);
			fputs("\n", f);
		}
		if (r->assistance) {
			fputs("  assistance: ", f);
			Y(f, r->assistance);
			fputs("\n", f);
		}
		fputs("\n", f);
	}
	S_close(f);
}

/* A statistic, for the peers: the numbers as a GFM table. */
static void S_stat_table(FILE *f, const struct statistic *s)
{
	fprintf(f, "**%s** (%s)\n\n|  |", s->title, s->unit);
	for (int j = 0; j < s->nkeys; j++) {
		if (s->by_place)
			fprintf(f, " %s |", PLACES[j]);
		else
			fprintf(f, " %d |", s->first_year + j);
	}
	fputs("\n|:--|", f);
	for (int j = 0; j < s->nkeys; j++)
		fputs("--:|", f);
	fputs("\n", f);
	for (int k = 0; k < s->nseries; k++) {
		fprintf(f, "| %s |", s->labels[k]);
		for (int j = 0; j < s->nkeys; j++)
			fprintf(f, " %d |", s->values[k][j]);
		fputs("\n", f);
	}
	fputs("\n", f);
}

/* A chapter: its heading, sections of paragraphs with footnotes, a
 * table, a chart.  peer: a statistic as a table instead of a ```chart
 * fence, and footnote labels made unique across the one document. */
static void S_chapter(FILE *f, const char *id, const char *title,
		      int sections, int peer)
{
	int note = 0;
	struct sb notes = {0};
	fprintf(f, "# %s\n\n", title);
	for (int s = 0; s < sections; s++) {
		if (sections > 1)
			fprintf(f, "## %c. %s\n\n", 'A' + s, THEMES[S_range(0, COUNT(THEMES) - 1)]);
		int paras = S_range(2, 4);
		for (int p = 0; p < paras; p++) {
			char *t = S_prose(50, 140, 1);
			if (S_chance(30))
				fprintf(f, "**%s.** ", PICK(OBJECTS));
			fputs(t, f);
			free(t);
			if (S_chance(70)) {
				note++;
				char *src = S_source();
				if (peer) {
					fprintf(f, "[^%s-%d]", id, note);
					sb_printf(&notes, "[^%s-%d]: %s\n", id, note, src);
				} else {
					fprintf(f, "[^%d]", note);
					sb_printf(&notes, "[^%d]: %s\n", note, src);
				}
				free(src);
			}
			fputs("\n\n", f);
		}
		if (S_chance(40)) {
			fputs("| Date | Instrument | Content |\n|---|---|---|\n", f);
			int rows = S_range(3, 7);
			for (int k = 0; k < rows; k++)
				fprintf(f, "| %d %s %d | %s | %s |\n", S_range(1, 28),
					PICK(MONTHS), S_range(2023, 2025),
					PICK(INSTRUMENTS), PICK(OBJECTS));
			fputs("\n", f);
		}
		if (S_chance(40)) {
			const struct statistic *st = &ST[S_range(0, NST - 1)];
			if (peer)
				S_stat_table(f, st);
			else
				fprintf(f, "```chart %s\n```\n\n", st->id);
		}
		if (S_chance(25)) {
			int items = S_range(3, 6);
			for (int k = 0; k < items; k++) {
				char *t = S_prose(15, 40, 1);
				fprintf(f, "%d. %s\n", k + 1, t);
				free(t);
			}
			fputs("\n", f);
		}
	}
	if (notes.p)
		fputs(notes.p, f);
	free(notes.p);
}

struct chapter_spec {
	const char *id, *title;
	int sections;
};

static const struct chapter_spec CHAPTERS[] = {
	{"foreword", "Foreword", 1},
	{"introduction", "Introduction: methodology and consultation process", 3},
	{"overview", "Overview of implementation", 3},
	{"challenges", "Challenges and next steps", 3},
};

static uint64_t S_chapter_seed(int i)
{
	return 0x5eed0000ULL + (uint64_t)i * 7919;
}

static void S_write_chapters(const char *dir)
{
	for (size_t i = 0; i < COUNT(CHAPTERS); i++) {
		char name[64];
		snprintf(name, sizeof name, "%s.md", CHAPTERS[i].id);
		FILE *f = S_open(dir, name);
		uint64_t saved = S_state;
		S_state = S_chapter_seed((int)i);
		S_chapter(f, CHAPTERS[i].id, CHAPTERS[i].title, CHAPTERS[i].sections, 0);
		S_state = saved;
		S_close(f);
	}
}

static void S_peer_chapter(FILE *f, int i)
{
	uint64_t saved = S_state;
	S_state = S_chapter_seed(i);
	S_chapter(f, CHAPTERS[i].id, CHAPTERS[i].title, CHAPTERS[i].sections, 1);
	S_state = saved;
	fputs("\n", f);
}

static const char *S_pct(char *buf, int n, int total)
{
	snprintf(buf, 16, "%d%%", total ? (n * 100 + total / 2) / total : 0);
	return buf;
}

/* "A".."Z", then "AA", "AB"...: as uprgen letters clusters */
static const char *S_letter(char *s, int i)
{
	int n = 15;
	s[n] = 0;
	for (i++; i && n; i = (i - 1) / 26)
		s[--n] = (char)('A' + (i - 1) % 26);
	return s + n;
}

static void S_list(FILE *f, const int *idx, int n, const char *const *words)
{
	for (int k = 0; k < n; k++)
		fprintf(f, "%s%s", k == 0 ? "" : k == n - 1 ? " and " : ", ",
			words[idx[k]]);
}

static void S_matrix(FILE *f, int position)
{
	fputs("| No. | Recommendation | Recommending States | Position | Status |\n"
	      "|---|---|---|---|---|\n", f);
	for (int c = 0; c < NCL; c++)
		for (int p = 0; p < 3; p++)
			for (int i = 0; i < N; i++) {
				const struct rec *r = &R[i];
				if (r->cluster != c || r->position != p ||
				    (position >= 0 && r->position != position))
					continue;
				fprintf(f, "| %s | %s | ", r->id, r->text);
				for (int k = 0; k < r->nstates; k++)
					fprintf(f, "%s%s", k ? ", " : "", STATES[r->states[k]]);
				fprintf(f, " | %s | %s |\n", POS_LABEL[r->position],
					STATUS_LABEL[r->status]);
			}
	fputs("\n", f);
}

static void S_write_peer(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	char p1[16], p2[16];
	int by_ps[3][4] = {{0}}, by_pos[3] = {0}, by_st[4] = {0};
	int *by_cl = calloc((size_t)NCL * 4, sizeof(int));
	int *cl_n = calloc((size_t)NCL, sizeof(int));
	int by_goal[18] = {0};
	for (int i = 0; i < N; i++) {
		const struct rec *r = &R[i];
		by_ps[r->position][r->status]++;
		by_pos[r->position]++;
		by_st[r->status]++;
		by_cl[r->cluster * 4 + r->status]++;
		cl_n[r->cluster]++;
		int seen[18] = {0};
		for (int k = 0; k < r->nsdgs; k++) {
			int g = atoi(SDGS[r->sdgs[k]]);
			if (!seen[g]++)
				by_goal[g]++;
		}
	}

	/* cover */
	fputs("# Voluntary mid-term report of Peru on the fourth cycle of the "
	      "Universal Periodic Review\n\n"
	      "**Follow-up to the recommendations received at the 42nd session "
	      "of the Working Group (January 2023)**\n\n"
	      "- **State under review:** Peru\n"
	      "- **Session of the Working Group:** 42nd\n"
	      "- **Outcome of the review:** A/HRC/53/8\n"
	      "- **Adopted by the Human Rights Council:** 7 July 2023\n"
	      "- **Period covered:** 7 July 2023 – 30 June 2025\n"
	      "- **Prepared by:** Ministry of Justice and Human Rights — "
	      "Directorate General of Human Rights\n"
	      "- **Date:** 15 July 2025\n"
	      "- **Symbol:** PER/UPR4/MTR/2025\n\n", f);
	S_peer_chapter(f, 0);
	S_peer_chapter(f, 1);
	S_peer_chapter(f, 2);

	/* overview figures */
	fprintf(f, "## Recommendations by position and status of implementation\n\n"
		   "Of the %d recommendations, %d (%s) have been implemented and "
		   "%d (%s) partially implemented.\n\n",
		N, by_st[IMPL], S_pct(p1, by_st[IMPL], N), by_st[PART_IMPL],
		S_pct(p2, by_st[PART_IMPL], N));
	fputs("| Status of implementation | Supported | Partially supported | "
	      "Noted | Total | Per cent |\n|:--|--:|--:|--:|--:|--:|\n", f);
	for (int s = 0; s < 4; s++)
		fprintf(f, "| %s | %d | %d | %d | %d | %s |\n", STATUS_LABEL[s],
			by_ps[0][s], by_ps[1][s], by_ps[2][s], by_st[s],
			S_pct(p1, by_st[s], N));
	fprintf(f, "| **Total** | **%d** | **%d** | **%d** | **%d** | |\n\n",
		by_pos[0], by_pos[1], by_pos[2], N);
	fputs("## Recommendations by thematic cluster\n\n"
	      "| Cluster | Total | Implemented | Partially implemented | "
	      "Not implemented | Not assessed |\n|:--|--:|--:|--:|--:|--:|\n", f);
	for (int c = 0; c < NCL; c++)
		fprintf(f, "| %s. %s | %d | %d | %d | %d | %d |\n", S_letter(p1, c),
			CL[c].title, cl_n[c], by_cl[c * 4], by_cl[c * 4 + 1],
			by_cl[c * 4 + 2], by_cl[c * 4 + 3]);
	fputs("\n## Recommendations by Sustainable Development Goal\n\n"
	      "| Goal | Recommendations | Per cent |\n|:--|--:|--:|\n", f);
	for (int g = 1; g <= 17; g++)
		if (by_goal[g])
			fprintf(f, "| %d | %d | %s |\n", g, by_goal[g],
				S_pct(p1, by_goal[g], N));
	fputs("\n", f);

	/* the clusters */
	int note = 0;
	fputs("# Implementation of the recommendations by thematic cluster\n\n", f);
	for (int c = 0; c < NCL; c++) {
		fprintf(f, "## %s. %s\n\n", S_letter(p1, c), CL[c].title);
		if (CL[c].description)
			fprintf(f, "%s\n\n", CL[c].description);
		for (int p = 0; p < 3; p++)
			for (int i = 0; i < N; i++) {
				const struct rec *r = &R[i];
				if (r->cluster != c || r->position != p)
					continue;
				fprintf(f, "### Recommendation %s\n\n> %s\n\n", r->id, r->text);
				fputs("- **Recommending States:** ", f);
				S_list(f, r->states, r->nstates, STATES);
				fprintf(f, "\n- **Position:** %s\n- **Status of "
					   "implementation:** %s\n",
					POS_LABEL[r->position], STATUS_LABEL[r->status]);
				if (r->nsdgs) {
					fputs("- **Sustainable Development Goals and targets:** ", f);
					for (int k = 0; k < r->nsdgs; k++)
						fprintf(f, "%s%s", k ? ", " : "", SDGS[r->sdgs[k]]);
					fputs("\n", f);
				}
				if (r->nresp) {
					fputs("- **Institutions responsible:** ", f);
					S_list(f, r->resp, r->nresp, INSTITUTIONS);
					fputs("\n", f);
				}
				for (int k = 0; k < r->nrel; k++) {
					if (!k)
						fputs("- **Related recommendations of other "
						      "mechanisms:**\n", f);
					fprintf(f, "  - %s, %s, para. %d%s%s\n",
						MECHANISMS[r->rel[k].mech],
						MECH_SYMBOLS[r->rel[k].mech], r->rel[k].para,
						r->rel[k].text ? ": " : "",
						r->rel[k].text ? r->rel[k].text : "");
				}
				fputs("\n", f);
				int first = note + 1;
				for (int k = 0; k < r->nact; k++) {
					char d[48];
					const struct action *a = &r->act[k];
					S_date_text(d, sizeof d, a->y, a->m, a->d);
					fprintf(f, "**%s.** %s[^%d]\n\n", d, a->text, ++note);
				}
				if (!r->nact)
					fputs("No measures were reported for this "
					      "recommendation during the period.\n\n", f);
				if (r->challenges)
					fprintf(f, "**Challenges:** %s\n\n", r->challenges);
				if (r->assistance)
					fprintf(f, "**Technical assistance needed:** %s\n\n",
						r->assistance);
				if (r->indicator >= 0)
					S_stat_table(f, &ST[r->indicator]);
				for (int k = 0; k < r->nact; k++)
					fprintf(f, "[^%d]: %s\n", first + k, r->act[k].source);
				fputs("\n", f);
			}
	}

	/* noted */
	if (by_pos[NOTED]) {
		fprintf(f, "# Follow-up to noted recommendations\n\n"
			   "Peru noted %d recommendations and partially supported "
			   "%d. Their status of implementation is summarized below; "
			   "the measures taken in their respect are described in the "
			   "chapter on each thematic cluster.\n\n"
			   "## Noted recommendations\n\n",
			by_pos[NOTED], by_pos[PARTIAL]);
		S_matrix(f, NOTED);
		if (by_pos[PARTIAL]) {
			fputs("## Partially supported recommendations\n\n", f);
			S_matrix(f, PARTIAL);
		}
	}

	/* challenges, then every request for assistance */
	S_peer_chapter(f, 3);
	int any = 0;
	for (int c = 0; c < NCL; c++)
		for (int i = 0; i < N; i++)
			if (R[i].cluster == c && R[i].assistance) {
				if (!any++)
					fputs("## Technical and capacity-building assistance "
					      "requested\n\n", f);
				fprintf(f, "**Recommendation %s (%s):** %s\n\n", R[i].id,
					CL[c].title, R[i].assistance);
			}

	/* annex */
	fputs("# Annex\n\n## Matrix of recommendations\n\n", f);
	S_matrix(f, -1);
	free(by_cl);
	free(cl_n);
	S_close(f);
}

static void S_mkdir(const char *path)
{
	if (mkdir(path, 0777) && errno != EEXIST) {
		fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 5 || atoi(argv[1]) < 1 ||
	    (argc == 5 && strcmp(argv[4], "ar") != 0)) {
		fprintf(stderr, "usage: gencorpus N DIR [SEED [ar]]\n");
		return 2;
	}
	N = atoi(argv[1]);
	S_state = argc >= 4 ? strtoull(argv[3], NULL, 0) : 20250715;
	S_arabic = argc == 5;
	const char *dir = argv[2];
	char path[4096];
	S_mkdir(dir);
	snprintf(path, sizeof path, "%s/content", dir);
	S_mkdir(path);
	snprintf(path, sizeof path, "%s/content/chapters", dir);
	S_mkdir(path);

	S_make();
	snprintf(path, sizeof path, "%s/content", dir);
	S_write_report(path);
	snprintf(path, sizeof path, "%s/content/chapters", dir);
	S_write_chapters(path);
	snprintf(path, sizeof path, "%s/peer.md", dir);
	S_write_peer(path);
	return 0;
}
