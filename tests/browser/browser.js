// browser.js SHOTS_DIR SITE_DIR... — the built websites in headless
// Chromium (puppeteer-core, axe-core; installed by `make test-browser`
// into build/browser/).  For every page type of every site, at 1280 and
// 375 px wide (and at 320, the width WCAG 1.4.10 asks a page to reflow
// to, for what follows but axe):
//  * axe-core (WCAG 2.1 A and AA, and best practices): no violation;
//  * the page does not scroll sideways; a table wider than its box sits
//    in a focusable scroll box;
//  * at 375 px, the text of every chart shown is at least 12 px;
//  * a screenshot in SHOTS_DIR (NAME-WIDTH.png), to look at;
//  * a page in Arabic or Chinese draws its heading in the font the site
//    ships for that script.
// Then the search (110.1 finds 110.1 alone, when the site has it) and
// print: with print media, the charts' data tables show, the note back
// links and the menu do not, and the report printed to PDF holds the
// figures of a data table.
// Prints "browser: N passed, N failed"; exit 1 on a failure.
"use strict";
const fs = require("fs"), path = require("path"), os = require("os");
const { execFileSync } = require("child_process");
const here = path.join(__dirname, "../../build/browser/node_modules");
const puppeteer = require(path.join(here, "puppeteer-core"));
const axeSource = fs.readFileSync(path.join(here, "axe-core/axe.min.js"), "utf8");

const [shots, ...sites] = process.argv.slice(2);
let passed = 0, failed = 0;
function check(ok, what) {
	if (ok) passed++;
	else { failed++; console.log("FAIL " + what); }
}

// the page of each type a site has, relative to its language's folder
function pagesOf(site) {
	const out = [];
	const top = fs.existsSync(path.join(site, "index.html")) ? [site] : [];
	const langs = fs.readdirSync(site).filter((d) => /^[a-z]{2}$/.test(d));
	if (langs.length) out.push(["languages", path.join(site, "index.html")]);
	if (fs.existsSync(path.join(site, "404.html"))) out.push(["404", path.join(site, "404.html")]);
	for (const dir of langs.length ? langs.map((l) => path.join(site, l)) : top) {
		const l = langs.length ? path.basename(dir) + "-" : "";
		for (const p of ["index", "report", "recommendations", "statistics", "sdgs", "data", "search"])
			out.push([l + p, path.join(dir, p + ".html")]);
		const cl = fs.readdirSync(path.join(dir, "clusters")).sort()[0];
		out.push([l + "cluster", path.join(dir, "clusters", cl)]);
		const recs = fs.readdirSync(path.join(dir, "recommendations")).sort();
		// one with a chart when there is one
		const withChart = recs.find((r) => fs.readFileSync(path.join(dir, "recommendations", r), "utf8").includes("<svg"));
		out.push([l + "recommendation", path.join(dir, "recommendations", withChart || recs[0])]);
	}
	return out;
}

async function layout(page, name, width) {
	const r = await page.evaluate(() => {
		const out = { sideways: document.documentElement.scrollWidth - window.innerWidth, tables: [], small: [] };
		for (const t of document.querySelectorAll("table")) {
			let box = t.parentElement;
			if (t.getBoundingClientRect().width <= box.clientWidth + 1) continue;
			const ok = box.classList.contains("table-wrap") && box.tabIndex === 0 &&
				/auto|scroll/.test(getComputedStyle(box).overflowX);
			if (!ok) out.tables.push(t.outerHTML.slice(0, 80));
		}
		for (const t of document.querySelectorAll("svg.chart-svg text")) {
			const svg = t.ownerSVGElement;
			if (!svg.getBoundingClientRect().width || !t.textContent.trim()) continue;
			// the text's own scale on screen: a mirrored chart (right to
			// left) flips its bars and flips the text back, so the sign
			// of the matrix says nothing about the size
			const m = t.getScreenCTM();
			const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
			if (px < 11.95) out.small.push(t.textContent + ": " + px.toFixed(1) + " px");
		}
		// the dashboard's progress by cluster fits the screen: a meter
		// cut at the box's edge reads as a wrong figure
		out.cut = [];
		for (const t of document.querySelectorAll("table.progress")) {
			const box = t.parentElement;
			if (t.getBoundingClientRect().width > box.clientWidth + 1)
				out.cut.push(Math.round(t.getBoundingClientRect().width) + " px in " + box.clientWidth);
		}
		// the report's tables fit beside its text on a desktop screen:
		// the matrix's status stood cut at its box's edge
		out.scrolls = [];
		for (const box of document.querySelectorAll(".report .table-wrap"))
			if (box.scrollWidth > box.clientWidth + 1)
				out.scrolls.push(box.scrollWidth + " px in " + box.clientWidth);
		return out;
	});
	if (width >= 1024)
		check(!r.scrolls.length, `${name} at ${width}: report tables that scroll: ${r.scrolls.join(", ")}`);
	check(r.sideways <= 0, `${name} at ${width}: the page scrolls sideways by ${r.sideways} px`);
	check(!r.cut.length, `${name} at ${width}: the progress table is wider than its box: ${r.cut.join(", ")}`);
	check(!r.tables.length, `${name} at ${width}: tables wider than a box that does not scroll: ${r.tables.join(" | ")}`);
	if (width === 375)
		check(!r.small.length, `${name} at ${width}: chart text under 12 px: ${r.small.slice(0, 5).join("; ")}`);
}

async function axe(page, name, width) {
	await page.evaluate(axeSource);
	const res = await page.evaluate(() => window.axe.run(document, {
		runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
	}));
	for (const v of res.violations)
		console.log(`  axe ${name} ${width}: ${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(" ")} ${v.nodes[0].failureSummary.split("\n")[1] || ""}`);
	check(res.passes.length > 10, `${name} at ${width}: axe ran only ${res.passes.length} rules`);
	check(!res.violations.length, `${name} at ${width}: ${res.violations.length} axe violations`);
}

// A page in Arabic or Chinese draws its heading with the font the site
// ships (uprgen Arabic, uprgen CJK: assets/font-*.ttf|otf), not one of the
// reader's system: the browser's own account of the fonts it used.
const shipped = { ar: "uprgen Arabic", zh: "uprgen CJK" };
async function shippedFont(page, name) {
	const lang = await page.$eval("html", (h) => h.lang);
	if (!shipped[lang]) return;
	await page.evaluate(() => document.fonts.ready);
	const cdp = await page.target().createCDPSession();
	await cdp.send("DOM.enable");
	await cdp.send("CSS.enable");
	const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
	const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
	const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
	await cdp.detach();
	// the heading's letters in the shipped font, its digits and spaces
	// maybe in the Latin one: no system font of the script drew any
	const custom = fonts.filter((f) => f.isCustomFont);
	const system = fonts.filter((f) => !f.isCustomFont && /Arabic|Naskh|Kufi|CJK|Hei|Song|Ming|Kai/.test(f.familyName));
	check(custom.length > 0 && !system.length,
		`${name}: the heading is drawn with ${JSON.stringify(fonts)}, not the site's ${shipped[lang]}`);
}

(async () => {
	const browser = await puppeteer.launch({
		executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
		args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
		       "--disable-component-update", "--disable-sync"],
		userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), "uprgen-chromium-")),
		headless: true,
	});
	const page = await browser.newPage();
	fs.mkdirSync(shots, { recursive: true });
	for (const site of sites) {
		const tag = path.basename(path.dirname(site));
		for (const [name, file] of pagesOf(site)) {
			for (const width of [1280, 375, 320]) {
				await page.setViewport({ width, height: 900 });
				await page.goto("file://" + file, { waitUntil: "load" });
				await layout(page, tag + " " + name, width);
				if (width !== 320)
					await axe(page, tag + " " + name, width);
				// (not the 404 page: it carries its own short style, to
				// show at any depth, and keeps the reader's fonts)
				if (width === 1280 && name !== "404")
					await shippedFont(page, tag + " " + name);
				await page.screenshot({ path: path.join(shots, `${tag}-${name}-${width}.png`), fullPage: width < 400 ? false : false });
			}
		}
		// the search
		const langs = fs.readdirSync(site).filter((d) => /^[a-z]{2}$/.test(d));
		const dir = langs.length ? path.join(site, langs[0]) : site;
		if (fs.existsSync(path.join(dir, "recommendations", "110.1.html"))) {
			await page.setViewport({ width: 1280, height: 900 });
			await page.goto("file://" + path.join(dir, "search.html") + "?q=110.1", { waitUntil: "load" });
			const ids = await page.$$eval("#search-results li > a", (as) => as.map((a) => a.textContent));
			check(ids.length === 1 && ids[0] === "110.1", `${tag}: search "110.1" finds ${JSON.stringify(ids.slice(0, 5))}`);
			const status = await page.$eval("#search-status", (s) => s.textContent);
			check(/^1 \D+$/.test(status) && !/recommendations|recomendaciones/.test(status), `${tag}: the count says "${status}"`);
			// the head of a number finds the recommendations it begins
			await page.goto("file://" + path.join(dir, "search.html") + "?q=110", { waitUntil: "load" });
			const heads = await page.$$eval("#search-results li > a", (as) => as.map((a) => a.textContent));
			const begun = fs.readdirSync(path.join(dir, "recommendations")).filter((f) => f.startsWith("110.")).length;
			check(heads.length === Math.min(begun, 200) && heads.every((id) => id.startsWith("110.")), `${tag}: search "110" finds ${heads.length} of ${begun}: ${JSON.stringify(heads.slice(0, 5))}`);
			await page.goto("file://" + path.join(dir, "search.html") + "?q=" + encodeURIComponent('"' + "national" + '"'), { waitUntil: "load" });
		}
		// print
		await page.goto("file://" + path.join(dir, "report.html"), { waitUntil: "load" });
		await page.emulateMediaType("print");
		const pr = await page.evaluate(() => ({
			hiddenTables: [...document.querySelectorAll("details.chart-data table")].filter((t) => !t.getBoundingClientRect().height).length,
			tables: document.querySelectorAll("details.chart-data table").length,
			back: [...document.querySelectorAll(".fnback")].filter((a) => a.getBoundingClientRect().height).length,
			menu: [...document.querySelectorAll(".menu")].filter((a) => a.getBoundingClientRect().height).length,
			firstCell: (document.querySelector("details.chart-data td.num") || {}).textContent || "",
			width: document.querySelector(".report") ? document.querySelector(".report").getBoundingClientRect().width : 0,
			body: document.body.getBoundingClientRect().width,
		}));
		check(pr.hiddenTables === 0, `${tag}: printed, ${pr.hiddenTables} of ${pr.tables} chart data tables are hidden`);
		check(pr.back === 0 && pr.menu === 0, `${tag}: printed, ${pr.back} back links and ${pr.menu} menus show`);
		check(pr.width >= pr.body * 0.9, `${tag}: printed, the report is ${pr.width} px of ${pr.body}`);
		const pdf = path.join(shots, tag + "-report.pdf");
		await page.pdf({ path: pdf, format: "A4" });
		await page.emulateMediaType(null);
		if (pr.firstCell) {
			const text = execFileSync("pdftotext", ["-layout", pdf, "-"],
				{ stdio: ["ignore", "pipe", "ignore"] }).toString();
			// (a figure's group separator, a no-break space, may come
			// back from the PDF as a space)
			const blank = (t) => t.replace(/[\u00a0\u202f]/g, " ");
			check(blank(text).includes(blank(pr.firstCell.trim())), `${tag}: the printed report lacks the data figure "${pr.firstCell}"`);
		}
	}
	await browser.close();
	console.log(`browser: ${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
})().catch((e) => { console.log("FAIL " + (e.stack || e)); console.log(`browser: ${passed} passed, ${failed + 1} failed`); process.exit(1); });
