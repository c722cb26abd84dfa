#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A UPR Info export pasted
# together from two: its rows are UTF-8 but one, in Windows-1252.  The
# whole file was read as Windows-1252: every UTF-8 row became mojibake.
set -eu
{
	printf 'To,Text,From,Response,Issue,Session\n'
	printf 'Chad,Protect the ni\303\261os and ni\303\261as,Spain,Accepted,Children,7\n'
	printf 'Chad,Ratify the Convention on the Rights of Persons with Disabilities,C\364te d\222Ivoire,Accepted,Disabilities,7\n'
	printf 'Chad,Guarantee the right to education (\303\251ducation),France,Accepted,Education,7\n'
} >"$1/upr.csv"
