/*
 * fuzz_yaml — the YAML reader (yamlread_buffer) on any bytes: every limit
 * (depth, alias expansion, cycles, UTF-8, NUL bytes) must hold, every
 * error must carry a position, and what reads must write out as JSON.
 */
#include "fuzz_common.h"

#include "diag.h"
#include "value.h"
#include "yamlread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct value *v = yamlread_buffer(&a, &d, "fuzz.yaml",
					  (const char *)data, size);
	if (!v && d.errors == 0)
		abort(); /* a refusal must say why */
	if (v) {
		struct buf out;
		buf_init(&out);
		value_write_json(&out, v, 1);
		value_text(&a, v);
		buf_free(&out);
	}
	fuzz_print_and_free(&d);
	arena_free(&a);
	return 0;
}
