#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A UHRI export with a 10 MB
# text, a text holding a control character (U+000B) and a paragraph
# number too long for an id: `uprgen check` refuses all three, so the
# import must not write them silently.
set -eu
h='Text,Countries Concerned,Reccomending Body,Themes,UPR Reccomending States,UPR Position,UPR Session'
{
	echo "$h"
	printf '"110.1 Ratify the Convention (Chile);",- Peru,- UPR,- Torture,- Chile,- Supported,- 42\n'
	printf '"110.2 Adopt '
	head -c 10000000 /dev/zero | tr '\0' 'a'
	printf ' (Spain);",- Peru,- UPR,- Justice,- Spain,- Supported,- 42\n'
	printf '"110.3 Train\013judges (Norway);",- Peru,- UPR,- Justice,- Norway,- Noted,- 42\n'
	printf '"1.2.3.4.5.6.7.8.9.1.2.3.4.5.6.7.8.9.1.2.3.4.5.6.7.8.9.1.2.3.4.5.6.7.8.9.1 Do it (Chile);",- Peru,- UPR,- Torture,- Chile,- Supported,- 42\n'
} >"$1/uhri.csv"
