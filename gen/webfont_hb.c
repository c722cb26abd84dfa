/*
 * webfont_hb — webfont's use of HarfBuzz (webfont.h): its version, which
 * goes into the font files' names, and the subsetter.  In uprgen's object
 * (formats.h), reached through struct formats.
 */
#include "webfont.h"

#include <harfbuzz/hb-subset.h>
#include <harfbuzz/hb.h>

const char *webfont_hb_version(void)
{
	return hb_version_string();
}

bool webfont_hb_subset(const char *path, unsigned index, bool layout,
		       const uint32_t *chars, size_t nchars, struct buf *out)
{
	bool ok = false;
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	hb_face_t *source = blob ? hb_face_create(blob, index) : NULL;
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *subset = NULL;
	if (source && in) {
		hb_set_t *unicodes = hb_subset_input_unicode_set(in);
		for (size_t i = 0; i < nchars; i++)
			hb_set_add(unicodes, chars[i]);
		if (!layout)
			hb_set_clear(hb_subset_input_set(
				in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
		/* hinting is for screens of the last decade, at twice the
		 * bytes */
		hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
		subset = hb_subset_or_fail(source, in);
	}
	if (subset) {
		hb_blob_t *bytes = hb_face_reference_blob(subset);
		unsigned len = 0;
		const char *data = hb_blob_get_data(bytes, &len);
		if (data && len) {
			buf_put(out, data, len);
			ok = true;
		}
		hb_blob_destroy(bytes);
	}
	hb_face_destroy(subset);
	hb_subset_input_destroy(in);
	hb_face_destroy(source);
	hb_blob_destroy(blob);
	return ok;
}
