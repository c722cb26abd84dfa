/* search.js: search in the recommendations without a server.  The index
 * (search-index.js, written by uprgen) sets window.UPRGEN_SEARCH to rows
 * [id, text, states, cluster, status label, status name, position,
 * institutions, SDGs and targets, themes, groups, cluster id, position
 * name, goal titles, the States one by one, the institutions one by one
 * (each list separated by U+001F), what was done (the measures and their
 * sources, the challenges, the assistance, the related recommendations)].  The form's selects narrow the
 * results to a cluster, a status, a position, a goal (its targets with
 * it), a recommending State, an institution; without JavaScript they are
 * sent as ?cluster=...&status=... and read here.
 *
 * Text is compared folded: case, Latin accents, Arabic diacritics and
 * tatweel aside, and Arabic letter variants (أ إ آ as ا, ة as ه, ى as
 * ي) as one, Arabic-Indic digits as digits ("٣٨٫٢٨" finds 38.28),
 * œ and æ as oe and ae, typographic apostrophes and no-break spaces as
 * typed ones, superscript and full-width forms as their letters ("45ᵉ"
 * as 45e); a Russian word of six letters or more matches whatever its
 * last two (its case ending); Chinese, written without spaces, is found
 * inside a sentence as every word is.
 *
 * A query is words and "phrases in quotes"; a recommendation is found
 * when it holds every one (accents and case aside).  A word with a digit
 * (an id, an SDG target) matches only whole: "110.1" finds 110.1, not
 * 110.14; a query that is exactly an id finds that recommendation alone
 * (if the filters let it).  Every match is listed.
 * Results are built with textContent only, so no text can become markup.
 * The page reads fine without this script. */
(function () {
	"use strict";
	var rows = window.UPRGEN_SEARCH || [];
	var input = document.getElementById("q");
	var list = document.getElementById("search-results");
	var status = document.getElementById("search-status");
	if (!input || !list || !status) return;

	/* (NFKD: compatibility forms as their letters too: "45ᵉ" as 45e,
	 * full-width figures as figures, no-break spaces as spaces) */
	function fold(s) {
		return s.toLowerCase().normalize("NFKD")
			.replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
			.replace(/[\u0622\u0623\u0625]/g, "\u0627")
			.replace(/\u0629/g, "\u0647").replace(/\u0649/g, "\u064a")
			.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, function (d) {
				return String((d.charCodeAt(0) & 0xf) % 10);
			})
			.replace(/\u066b/g, ".").replace(/\u0153/g, "oe")
			.replace(/\u00e6/g, "ae").replace(/[\u2018\u2019\u02bc]/g, "'")
			.replace(/[\u00a0\u202f]/g, " ");
	}
	function escape(s) {
		return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	}
	var hay = rows.map(function (r) {
		return fold(r.filter(function (_, i) { return i !== 5 && i < 11 || i === 13 || i === 16; }).join(" \u2029 "));
	});
	var ids = {};
	rows.forEach(function (r, i) { ids[fold(r[0])] = i; });

	/* the query's words and phrases, each a test on a row's text */
	function tests(query) {
		var out = [], re = /"([^"]*)"?|(\S+)/g, m;
		while ((m = re.exec(fold(query)))) {
			var t = (m[1] !== undefined ? m[1] : m[2]).trim().replace(/\s+/g, " ");
			if (!t) continue;
			if (/\d/.test(t)) {
				/* a number whole, or the head of one up to a dot or a
				 * dash: "38" finds 38.1 and 38.28 (as the id is typed),
				 * "110.1" finds 110.1 and not 110.14 */
				var whole = new RegExp("(^|[^0-9a-z])" + escape(t) + "(?![0-9a-z])");
				out.push(whole.test.bind(whole));
			} else {
				/* a Russian word, its case ending aside */
				if (/^[\u0430-\u044f\u0451]{6,}$/.test(t)) t = t.slice(0, -2);
				out.push(function (t) { return function (h) { return h.indexOf(t) >= 0; }; }(t));
			}
		}
		return out;
	}

	function row(r) {
		var li = document.createElement("li"), a = document.createElement("a");
		a.href = "recommendations/" + encodeURIComponent(r[0]) + ".html";
		a.textContent = r[0];
		var badge = document.createElement("span");
		badge.className = "status status-" + r[5];
		badge.textContent = r[4];
		li.appendChild(a);
		/* the States in the language's brackets (Chinese "（…）") */
		li.appendChild(document.createTextNode(" " + r[1] +
			(status.getAttribute("data-paren-open") || " (") + r[2] +
			(status.getAttribute("data-paren-close") || ")") + " "));
		li.appendChild(badge);
		return li;
	}

	var plural = window.Intl && Intl.PluralRules
		? new Intl.PluralRules(document.documentElement.lang) : null;
	function found(n) {
		/* the language's plural form (CLDR: Russian one/few/many, Arabic
		 * zero/one/two/few/many), else the general one */
		var form = plural ? plural.select(n) : "other";
		var text = status.getAttribute("data-found-" + form) ||
			status.getAttribute("data-found-other") || "";
		return text.replace("{n}", n);
	}

	/* the selects: [element, the row's field it tests] */
	var filters = [["f-cluster", 11], ["f-status", 5], ["f-position", 12], ["f-sdg", 8],
		["f-state", 14], ["f-institution", 15]]
		.map(function (f) { return [document.getElementById(f[0]), f[1]]; })
		.filter(function (f) { return f[0]; });
	function passes(r) {
		return filters.every(function (f) {
			var want = f[0].value;
			if (!want) return true;
			if (f[1] >= 14) return (r[f[1]] || "").split("\u001f").indexOf(want) >= 0;
			if (f[1] !== 8) return r[f[1]] === want;
			return r[8].split(/[^0-9a-z.]+/i).some(function (code) {
				return code.split(".")[0] === want;
			});
		});
	}

	function show(query) {
		list.textContent = "";
		var exact = ids[fold(query.trim().replace(/^"|"$/g, ""))];
		var match = [];
		var filtered = filters.some(function (f) { return f[0].value; });
		if (exact !== undefined) {
			/* the id's recommendation, if the filters let it */
			if (passes(rows[exact])) match = [exact];
		} else {
			var t = tests(query);
			if (!t.length && !filtered) { status.textContent = ""; return; }
			for (var i = 0; i < rows.length; i++)
				if (passes(rows[i]) && t.every(function (f) { return f(hay[i]); })) match.push(i);
		}
		/* every match, however many (a cycle has 200 to 350) */
		match.forEach(function (i) { list.appendChild(row(rows[i])); });
		status.textContent = match.length ? found(match.length)
			: status.getAttribute("data-none");
	}

	var params = new URLSearchParams(window.location.search);
	filters.forEach(function (f) {
		var v = params.get(f[0].name);
		if (v) f[0].value = v;
		f[0].addEventListener("change", function () { show(input.value); });
	});
	input.value = params.get("q") || "";
	if (input.value || filters.some(function (f) { return f[0].value; })) show(input.value);
	input.addEventListener("input", function () { show(input.value); });
})();
