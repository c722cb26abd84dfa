#!/usr/bin/env python3
"""The words of an Arabic line whose letters share a word with digits or
punctuation, as pdftotext gives them back (its bidirectional controls
taken out): each must read in the source's order.  Usage:
check_bidi_text.py TEXT.txt PHRASE...; prints "ok PHRASE" or
"FAIL PHRASE: what came out there"."""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
text = re.sub(r"\s+", " ", text)
for phrase in sys.argv[2:]:
    if phrase in text:
        print("ok", phrase)
        continue
    # where the phrase's first word is, to say what came out instead
    first = phrase.split()[0].strip(".،/")
    at = text.find(first.split("/")[0])
    print("FAIL %s: %s" % (phrase, text[max(0, at - 20):at + 40] if at >= 0 else "absent"))
