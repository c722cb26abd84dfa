/* search.js: search in the recommendations without a server.  The index
 * (search-index.js, written by uprgen) sets window.UPRGEN_SEARCH to rows
 * [id, text, states, cluster, status label, status name].  Results are
 * built with textContent only, so no text can become markup.  The page
 * reads fine without this script. */
(function () {
	"use strict";
	var rows = window.UPRGEN_SEARCH || [];
	var input = document.getElementById("q");
	var list = document.getElementById("search-results");
	var status = document.getElementById("search-status");
	if (!input || !list || !status) return;

	function fold(s) {
		return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
	}
	var hay = rows.map(function (r) { return fold(r.slice(0, 5).join(" ")); });

	function show(query) {
		var terms = fold(query).split(/\s+/).filter(Boolean);
		list.textContent = "";
		if (!terms.length) { status.textContent = ""; return; }
		var found = 0;
		for (var i = 0; i < rows.length; i++) {
			if (!terms.every(function (t) { return hay[i].indexOf(t) >= 0; })) continue;
			found++;
			if (found > 200) continue;
			var r = rows[i], li = document.createElement("li");
			var a = document.createElement("a");
			a.href = "recommendations/" + encodeURIComponent(r[0]) + ".html";
			a.textContent = r[0];
			var badge = document.createElement("span");
			badge.className = "status status-" + r[5];
			badge.textContent = r[4];
			li.appendChild(a);
			li.appendChild(document.createTextNode(" " + r[1] + " (" + r[2] + ") "));
			li.appendChild(badge);
			list.appendChild(li);
		}
		status.textContent = found ? found + " " + status.getAttribute("data-found")
			: status.getAttribute("data-none");
	}

	var q = new URLSearchParams(window.location.search).get("q");
	if (q) { input.value = q; show(q); }
	input.addEventListener("input", function () { show(input.value); });
})();
