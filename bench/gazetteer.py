#!/usr/bin/env python3
"""Turn the benchmark generator's world.json into a claimlint entity rule file: the way
a gazetteer generated from a knowledge base feeds claimlint.

usage: gazetteer.py WORLD.json > entities.toml
"""
import json
import sys


def q(text):
    return json.dumps(text, ensure_ascii=False)


def slug(text):
    return text.lower().replace(" ", "-")


def main():
    world = json.load(open(sys.argv[1]))
    out = ["# Generated from world.json by bench/gazetteer.py; kinds come from rules/entities.toml.\n"]
    for c in world["countries"]:
        cid = slug(c["name"])
        names = [n for n in (c.get("alt_name"), c.get("adjective")) if n]
        out.append(f'[[entity]]\nid = {q(cid)}\nkind = "country"\nname = {q(c["name"])}\nnames = {q(names)}\n')
        for capital in (c["capital"], c.get("alt_capital")):
            if capital:
                out.append(
                    f'[[entity]]\nid = {q(cid + "-" + slug(capital))}\nkind = "city"\n'
                    f'name = {q(capital)}\npart-of = {q(cid)}\n'
                )
    for o in world["officials"]:
        given, surname = o["given_variants"], o["surname_variants"]
        spellings = [v for v in (given, surname) if len(v) > 1]
        out.append(
            f'[[entity]]\nid = {q(o["id"])}\nkind = "person"\nname = {q(o["name"])}\n'
            f'names = {q([surname[0]])}\nspellings = {q(spellings)}\n'
        )
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
