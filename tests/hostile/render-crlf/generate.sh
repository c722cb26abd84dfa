#!/usr/bin/env bash
# CRLF line ends in the template; a byte order mark and CRLF line ends in
# the data.  Standalone tags on CRLF lines vanish, line ends and all (the
# Mustache spec); the data's BOM is not data.
set -eu
printf '{{#list}}\r\n* {{name}}\r\n{{/list}}\r\nend\r\n' >"$1/t.mustache"
printf '\357\273\277list:\r\n  - name: "<a&b>"\r\n  - name: two\r\n' >"$1/data.yaml"
