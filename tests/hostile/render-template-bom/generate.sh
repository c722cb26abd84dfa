#!/usr/bin/env bash
# A template saved with a byte order mark (as Windows editors do): the
# BOM is not text, and the section tag after it is standalone.
set -eu
printf '\357\273\277{{#list}}\n* {{name}}\n{{/list}}\nend\n' >"$1/t.mustache"
printf 'list: [{name: one}, {name: two}]\n' >"$1/data.yaml"
