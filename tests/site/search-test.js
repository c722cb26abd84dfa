// search-test.js SITE_LANG_DIR ID — runs the site's own search.js (under
// Node, with the few DOM calls it makes stood in for) on its
// search-index.js, and checks what readers type:
//  * the id ID alone finds exactly that recommendation;
//  * each row's first institution, SDG target and position find it;
//  * a "phrase in quotes" of its text finds it, the same words in
//    another order between quotes do not;
//  * the count says "1 ... found" in the singular (data-found-one).
// Prints "search: N passed, N failed"; exit 1 on a failure.
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm");
const dir = process.argv[2], id = process.argv[3];
const assets = path.join(dir, fs.existsSync(path.join(dir, "assets")) ? "assets" : "../assets");
const script = fs.readdirSync(assets).find((f) => /^search-[0-9a-f]{8}\.js$/.test(f));
const lang = path.basename(dir).length === 2 ? path.basename(dir) : "en";
let passed = 0, failed = 0;
function check(ok, what) { if (ok) passed++; else { failed++; console.log("FAIL " + what); } }

function element() {
	return { children: [], value: "", attrs: {}, listeners: {},
		set textContent(v) { this._text = v; if (v === "") this.children = []; },
		get textContent() { return this._text; },
		appendChild(c) { this.children.push(c); },
		getAttribute(k) { return this.attrs[k]; },
		addEventListener(k, f) { this.listeners[k] = f; } };
}
const input = element(), list = element(), status = element();
const selects = {};
for (const [id, name] of [["f-cluster", "cluster"], ["f-status", "status"], ["f-position", "position"], ["f-sdg", "sdg"],
			  ["f-state", "state"], ["f-institution", "institution"]])
	selects[id] = Object.assign(element(), { name });
status.attrs = { "data-none": "none", "data-found-one": "{n} one",
		 "data-found-other": "{n} other" };
const sandbox = {
	window: { location: { search: "" } },
	document: {
		documentElement: { lang },
		getElementById: (k) => ({ q: input, "search-results": list, "search-status": status, ...selects })[k],
		createElement: () => element(),
		createTextNode: (t) => ({ textContent: t }),
	},
	URLSearchParams, Intl,
};
sandbox.window.Intl = Intl;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(dir, "search-index.js"), "utf8").replace("window.UPRGEN_SEARCH", "window.UPRGEN_SEARCH"), sandbox);
// more than 200 rows, as a real cycle has (the list stopped at 200 while
// the count said all): copies of the project's rows under ids of their own
const own = sandbox.window.UPRGEN_SEARCH.length;
for (let k = 0; sandbox.window.UPRGEN_SEARCH.length < 260; k++) {
	const r = sandbox.window.UPRGEN_SEARCH[k % own].slice();
	r[0] = r[0] + "-copy" + k;
	sandbox.window.UPRGEN_SEARCH.push(r);
}
vm.runInContext(fs.readFileSync(path.join(assets, script), "utf8"), sandbox);
const rows = sandbox.window.UPRGEN_SEARCH;
function search(q) {
	input.value = q;
	input.listeners.input();
	return list.children.map((li) => li.children[0].textContent);
}
let got = search(id);
check(got.length === 1 && got[0] === id, `"${id}" finds ${JSON.stringify(got.slice(0, 5))}`);
// the form of 1 in the page's language (Chinese has one form: other)
const one = new Intl.PluralRules(lang).select(1) === "one" ? "1 one" : "1 other";
check(status.textContent === one, `the count of one result is "${status.textContent}"`);
got = search(`"${id}"`);
check(got.length === 1 && got[0] === id, `the quoted id finds ${got.length}`);
for (const r of rows) {
	const inst = r[7].split(/, | and | y | et /)[0];
	if (inst) check(search(inst).includes(r[0]), `institution "${inst}" finds ${r[0]}`);
	// the goal and target codes, however the language joins them
	const codes = (r) => r[8].match(/\d+(\.[0-9a-z]+)?/g) || [];
	const sdg = codes(r).find((s) => s.includes("."));
	if (sdg) {
		got = search(sdg);
		check(got.includes(r[0]), `SDG target "${sdg}" finds ${r[0]}`);
		check(rows.every((o) => !got.includes(o[0]) || codes(o).includes(sdg)),
		      `SDG target "${sdg}" finds only its own`);
	}
	check(search(r[6]).includes(r[0]), `position "${r[6]}" finds ${r[0]}`);
	const words = r[1].split(/\s+/).slice(2, 5);
	if (words.length === 3) {
		check(search(`"${words.join(" ")}"`).includes(r[0]), `phrase "${words.join(" ")}" finds ${r[0]}`);
		const swapped = `"${words[2]} ${words[0]} ${words[1]}"`;
		check(!search(swapped).includes(r[0]) || r[1].includes(swapped.slice(1, -1)),
		      `phrase ${swapped} does not find ${r[0]}`);
	}
}
// what was done is found too: a phrase of a measure finds its
// recommendation ("Decreto Supremo" found nothing that nine pages said)
{
	const done = rows.filter((r) => r[16] && r[16].split(/\s+/).length > 5);
	for (const r of done.slice(0, 20)) {
		// three words of letters in a row (the measures are Markdown:
		// "adopted[^1]." is searched as written)
		const all = r[16].split(/\s+/);
		const at = all.findIndex((w, i) => i + 2 < all.length &&
			[0, 1, 2].every((k) => /^[\p{L}]+$/u.test(all[i + k])));
		if (at < 0) continue;
		const words = all.slice(at, at + 3);
		const phrase = `"${words.join(" ")}"`;
		check(search(phrase).includes(r[0]), `a measure's phrase ${phrase} finds ${r[0]}`);
	}
	check(done.length > 0, "no row says what was done");
}
// the filters, alone and with a word
function filtered(id, value, want) {
	selects[id].value = value;
	const got = search("");
	selects[id].value = "";
	const expect = rows.filter(want).map((r) => r[0]);
	check(JSON.stringify(got) === JSON.stringify(expect),
	      `filter ${id}=${value}: ${got.length} found, ${expect.length} expected`);
	// (the stand-in page has the forms "one" and "other" only)
	const form = new Intl.PluralRules(lang).select(expect.length) === "one" ? "one" : "other";
	check(status.textContent === `${expect.length} ${form}` || !expect.length,
	      `filter ${id}=${value}: the count says "${status.textContent}"`);
}
// every row listed, however many: an empty query with a position filter
// that most rows pass lists them all
{
	const po = rows[0][12];
	selects["f-position"].value = po;
	const all = search("");
	selects["f-position"].value = "";
	const want = rows.filter((r) => r[12] === po).length;
	check(all.length === want, `all ${want} rows of position "${po}" listed, not ${all.length}`);
}
// a query that is an id obeys the filters too: not found under another
// status, found under its own
{
	const r = rows[0], other = rows.find((o) => o[5] !== r[5]);
	if (other) {
		selects["f-status"].value = other[5];
		check(search(r[0]).length === 0, `"${r[0]}" found under the status "${other[5]}"`);
		selects["f-status"].value = r[5];
		check(search(r[0]).length === 1, `"${r[0]}" not found under its own status`);
		selects["f-status"].value = "";
	}
}
for (const st of new Set(rows.map((r) => r[5]))) filtered("f-status", st, (r) => r[5] === st);
for (const cl of new Set(rows.map((r) => r[11]))) filtered("f-cluster", cl, (r) => r[11] === cl);
for (const po of new Set(rows.map((r) => r[12]))) filtered("f-position", po, (r) => r[12] === po);
const goal_codes = (r) => (r[8].match(/\d+(\.[0-9a-z]+)?/g) || []).map((c) => c.split(".")[0]);
const goals = new Set(rows.flatMap(goal_codes));
for (const g of goals)
	filtered("f-sdg", g, (r) => goal_codes(r).includes(g));
// a recommending State and an institution, each one by one
for (const s of new Set(rows.flatMap((r) => r[14].split("\u001f").filter(Boolean))))
	filtered("f-state", s, (r) => r[14].split("\u001f").includes(s));
for (const s of new Set(rows.flatMap((r) => r[15].split("\u001f").filter(Boolean))))
	filtered("f-institution", s, (r) => r[15].split("\u001f").includes(s));
// the scripts of the other UN languages: Chinese inside a sentence, Arabic
// without its diacritics and letter variants, Russian whatever its ending
for (const r of rows) {
	const zh = r[1].match(/[\u4e00-\u9fff]{4,}/);
	if (zh) {
		const word = zh[0].slice(1, 3);
		check(search(word).includes(r[0]), `Chinese "${word}" inside a sentence finds ${r[0]}`);
	}
	const ar = r[1].match(/[\u0621-\u064a\u064b-\u065f]{5,}/);
	if (ar) {
		const bare = ar[0].replace(/[\u064b-\u065f]/g, "").replace(/[\u0622\u0623\u0625]/g, "\u0627");
		check(search(bare).includes(r[0]), `Arabic "${bare}" without diacritics finds ${r[0]}`);
	}
	const ru = r[1].toLowerCase().match(/[\u0430-\u044f]{8,}/);
	if (ru) {
		const other = ru[0].slice(0, -1) + (ru[0].endsWith("и") ? "я" : "и");
		check(search(other).includes(r[0]), `Russian "${other}" (another ending) finds ${r[0]}`);
	}
}
console.log(`search: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
