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
for (const [id, name] of [["f-cluster", "cluster"], ["f-status", "status"], ["f-position", "position"], ["f-sdg", "sdg"]])
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
vm.runInContext(fs.readFileSync(path.join(assets, script), "utf8"), sandbox);
const rows = sandbox.window.UPRGEN_SEARCH;
function search(q) {
	input.value = q;
	input.listeners.input();
	return list.children.map((li) => li.children[0].textContent);
}
let got = search(id);
check(got.length === 1 && got[0] === id, `"${id}" finds ${JSON.stringify(got.slice(0, 5))}`);
check(status.textContent === "1 one", `the count of one result is "${status.textContent}"`);
got = search(`"${id}"`);
check(got.length === 1 && got[0] === id, `the quoted id finds ${got.length}`);
for (const r of rows) {
	const inst = r[7].split(/, | and | y | et /)[0];
	if (inst) check(search(inst).includes(r[0]), `institution "${inst}" finds ${r[0]}`);
	const sdg = r[8].split(/, /).find((s) => s.includes("."));
	if (sdg) {
		got = search(sdg);
		check(got.includes(r[0]), `SDG target "${sdg}" finds ${r[0]}`);
		check(rows.every((o) => !got.includes(o[0]) || o[8].split(/, /).includes(sdg)),
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
// the filters, alone and with a word
function filtered(id, value, want) {
	selects[id].value = value;
	const got = search("");
	selects[id].value = "";
	const expect = rows.filter(want).map((r) => r[0]);
	check(JSON.stringify(got) === JSON.stringify(expect.slice(0, 200)),
	      `filter ${id}=${value}: ${got.length} found, ${expect.length} expected`);
}
for (const st of new Set(rows.map((r) => r[5]))) filtered("f-status", st, (r) => r[5] === st);
for (const cl of new Set(rows.map((r) => r[11]))) filtered("f-cluster", cl, (r) => r[11] === cl);
for (const po of new Set(rows.map((r) => r[12]))) filtered("f-position", po, (r) => r[12] === po);
const goals = new Set(rows.flatMap((r) => r[8].split(/, | y | and | et /).filter(Boolean).map((c) => c.split(".")[0])));
for (const g of goals)
	filtered("f-sdg", g, (r) => r[8].split(/, | y | and | et /).some((c) => c.split(".")[0] === g));
console.log(`search: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
