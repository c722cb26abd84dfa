/*
 * fuzz_csv — the CSV reader (csv.h) and the three importers, end to end:
 * the input is written to a file and imported as `uprgen import upr-info`,
 * `uhri` and `ohchr-matrix` would (legacy encodings guessed and converted,
 * rows read, recommendations merged, YAML written).  What an import writes
 * must read back as YAML without an error: an importer that writes a file
 * the loader refuses is a bug.
 */
#include "fuzz_common.h"

#include "csv.h"
#include "diag.h"
#include "import.h"
#include "value.h"
#include "yamlread.h"

static void S_csv(const uint8_t *data, size_t size, char sep)
{
	struct diags d;
	diags_init(&d);
	/* the reader takes text without NUL bytes (import_decode refuses
	 * them first) */
	size_t len = strnlen((const char *)data, size);
	char *text = malloc(len + 1);
	memcpy(text, data, len);
	text[len] = '\0';
	struct csv_reader r;
	csv_init(&r, &d, "fuzz.csv", text, len, sep);
	while (csv_next(&r))
		for (size_t i = 0; i < r.count; i++)
			if (strlen(r.fields[i].text) != r.fields[i].len)
				abort();
	csv_free(&r);
	free(text);
	diags_free(&d);
}

static void S_read_back(const char *path)
{
	char *text;
	size_t len;
	if (file_read_all(path, 64 << 20, &text, &len) != 0)
		abort(); /* import said it wrote this file */
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct value *v = yamlread_buffer(&a, &d, path, text, len);
	if (!v || d.errors) {
		diags_print(&d, stderr, 0);
		abort();
	}
	diags_free(&d);
	arena_free(&a);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	S_csv(data, size, 0);
	S_csv(data, size, ';');

	const char *dir = fuzz_dir();
	char in[256], out[256], clusters[256];
	snprintf(in, sizeof in, "%s/in.csv", dir);
	snprintf(out, sizeof out, "%s/recommendations.yaml", dir);
	snprintf(clusters, sizeof clusters, "%s/clusters.yaml", dir);
	fuzz_write(in, (const char *)data, size);
	static const char *const sources[] = {"upr-info", "uhri",
					      "ohchr-matrix"};
	for (size_t i = 0; i < 3; i++) {
		unlink(out);
		unlink(clusters);
		char *argv[] = {"import", (char *)sources[i], in, "--state",
				"Peru", "--out", out, "--force", NULL};
		if (import_command(8, argv) == 0) {
			S_read_back(out);
			S_read_back(clusters);
		}
	}
	return 0;
}
