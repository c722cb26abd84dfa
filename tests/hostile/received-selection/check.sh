#!/usr/bin/env bash
set -u
grep -q 'Peru received 10 recommendations; this report follows 2 of them' "$2/md/report-en.md" ||
	{ echo "the English report does not say 2 of 10"; exit 1; }
grep -q 'Peru recibió 10 recomendaciones; este informe da seguimiento a 2 de ellas' "$2/md/report-es.md" ||
	{ echo "the Spanish report does not say 2 of 10"; exit 1; }
grep -q 'of the 10 recommendations received' "$2/site/en/index.html" ||
	{ echo "the dashboard does not say 2 of 10"; exit 1; }
exit 0
