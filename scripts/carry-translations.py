#!/usr/bin/env python3
"""Carries translations over to texts that moved to another context.

lupdate keys a translation by (context, source text, comment). When a text moves, from one class
to another or from C++ into a Designer form (whose context is the form's class name), lupdate
marks the old entry vanished and the new one unfinished. This fills each unfinished entry whose
source text and comment equal those of exactly one translated text that is vanished or obsolete,
so a move does not lose a translation or ask for it again. Run by update-translations.sh between
an lupdate that keeps vanished entries and one that drops them.
Usage: carry-translations.py FILE.ts
"""
import sys
import xml.etree.ElementTree as ET


def key(message):
    return (message.findtext("source"), message.findtext("comment"), message.get("numerus"))


def main(path):
    tree = ET.parse(path)
    gone = {}
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            gone.setdefault(key(message), []).append(translation)
    carried = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        candidates = gone.get(key(message), [])
        # Two different old translations of one text: a person must choose.
        texts = {ET.tostring(c, encoding="unicode").split(">", 1)[1] for c in candidates}
        if len(texts) != 1:
            continue
        old = candidates[0]
        translation.clear()
        translation.text = old.text
        for child in old:
            translation.append(child)
        carried += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{path}: {carried} translation(s) carried to moved texts")


if __name__ == "__main__":
    main(sys.argv[1])
