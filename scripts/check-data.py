#!/usr/bin/env python3
"""Checks Resources/rcp-data.json (or the file given) against the rules of docs/DATA.md.

Usage: scripts/check-data.py [DATA.json] [--paper PAPER.txt]

Asserts unique ids per kind and unique event ids; that every reference (region, party, process, practice
number 1-20) exists; that every role and kind is in the vocabulary; that each stated total matches the
participants (members not in `plus`, interested states, `plus` ids are participants); that no party alias
collides with another party's name or alias (and likewise for processes); that ISO3 codes are unique and
every state and territory has one. Prints the counts per process; exits 1 on any problem.

With --paper, also reports every run of 8 or more consecutive words that a prose field (summary,
secretariat, iomRole, status, priorities, notes, understanding summaries) shares with the paper; quoted
titles are skipped.
Python 3 standard library only.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

ROLES = {"member", "interested-state", "observer", "participant", "chair", "co-chair", "vice-chair",
         "presidency-pro-tempore", "secretariat", "coordinator"}
LEADERSHIP = {"chair", "co-chair", "vice-chair", "presidency-pro-tempore"}
KINDS = {"state", "territory", "organization"}
EVENT_KINDS = {"annual-theme", "session-workshop", "intersessional-workshop", "panel", "conference",
               "consultation", "workshop", "meeting", "publication"}
ID_RE = re.compile(r"^[a-z0-9]+([-.][a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(/\d{2})?)?)?$")

problems = []


def problem(msg):
    problems.append(msg)


def norm(s):
    """lower-case, no diacritics, ’ -> ', non-alphanumerics collapsed to single spaces."""
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^0-9a-z]+", " ", s).strip()


def check_ids(records, kind, seen=None):
    seen = set() if seen is None else seen
    for r in records:
        rid = r.get("id")
        if not isinstance(rid, str) or not ID_RE.match(rid):
            problem(f"{kind}: bad id {rid!r}")
        if rid in seen:
            problem(f"{kind}: duplicate id {rid!r}")
        seen.add(rid)
    return seen


def check_participants(owner, parts, party_ids):
    seen = set()
    for p in parts:
        pid = p.get("party")
        if pid not in party_ids:
            problem(f"{owner}: unknown party {pid!r}")
        if pid in seen:
            problem(f"{owner}: party {pid!r} listed twice")
        seen.add(pid)
        roles = p.get("roles") or []
        if not roles:
            problem(f"{owner}: {pid} has no role")
        for r in roles:
            if r not in ROLES:
                problem(f"{owner}: {pid} has unknown role {r!r}")
        if roles and all(r in LEADERSHIP for r in roles):
            problem(f"{owner}: {pid} has only a leadership role")
        if len(set(roles)) != len(roles):
            problem(f"{owner}: {pid} has a role twice")


def check_practice_numbers(owner, nums, practice_numbers):
    for n in nums:
        if not isinstance(n, int) or not 1 <= n <= 20 or n not in practice_numbers:
            problem(f"{owner}: bad practice number {n!r}")


def prose_fields(data):
    """(where, text) for every field written in our own words."""
    for r in data["regions"]:
        if r.get("note"):
            yield f"region {r['id']} note", r["note"]
    for p in data["parties"]:
        if p.get("note"):
            yield f"party {p['id']} note", p["note"]
    for p in data["processes"]:
        yield f"process {p['id']} summary", p["summary"]
        yield f"process {p['id']} secretariat", p["secretariat"]
        if p.get("iomRole"):
            yield f"process {p['id']} iomRole", p["iomRole"]
        if p.get("yearNote"):
            yield f"process {p['id']} yearNote", p["yearNote"]
        for i, s in enumerate(p.get("priorities", [])):
            yield f"process {p['id']} priority {i + 1}", s
        for i, s in enumerate(p.get("status") or []):
            yield f"process {p['id']} status {i + 1}", s
        for part in p["participants"]:
            if part.get("note"):
                yield f"process {p['id']} participant {part['party']} note", part["note"]
    for m in data["mechanisms"]:
        yield f"mechanism {m['id']} summary", m["summary"]
        for e in m["events"]:
            if e.get("summary"):
                yield f"event {e['id']} summary", e["summary"]
    for u in data["understandings"]:
        yield f"understanding {u['id']}", u["summary"]
    for t in data.get("guide") or []:
        yield f"guide {t['id']} summary", t["summary"]
        for pt in t["points"]:
            yield f"guide point {pt['id']}", pt["text"]
    for kind, records in (("process", data["processes"]), ("party", data["parties"])):
        for r in records:
            for i, b in enumerate(r.get("bases") or []):
                yield f"{kind} {r['id']} basis {i + 1}", b["reason"]


QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')


def words(s):
    return norm(s).split()


def check_paper(data, paper_path, n=8):
    with open(paper_path, encoding="utf-8") as f:
        paper = words(f.read())
    grams = {tuple(paper[i:i + n]) for i in range(len(paper) - n + 1)}
    copied = 0
    for where, text in prose_fields(data):
        hits = []
        # Quoted titles ("Migration and the Private Sector") are facts, not sentences: skip them.
        for segment in QUOTED.split(text):
            w = words(segment)
            hits += [" ".join(w[i:i + n]) for i in range(len(w) - n + 1) if tuple(w[i:i + n]) in grams]
        if hits:
            copied += 1
            problem(f"{where}: {n}+ words copied from the paper: \"{hits[0]} ...\"")
    return copied


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "Resources", "rcp-data.json")
    paper = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--paper":
            paper = args.pop(0)
        else:
            path = a
    with open(path, encoding="utf-8") as f:
        data = json.load(f)

    if data.get("formatVersion") != 1:
        problem("formatVersion must be 1")
    src = data.get("source", {})
    for k in ("title", "publisher", "year", "matrixDate"):
        if not src.get(k):
            problem(f"source.{k} missing")

    region_ids = check_ids(data["regions"], "region")
    party_ids = check_ids(data["parties"], "party")
    process_ids = check_ids(data["processes"], "process")
    check_ids(data["mechanisms"], "mechanism")
    check_ids(data["practices"], "practice")
    check_ids(data["understandings"], "understanding")
    check_ids([e for m in data["mechanisms"] for e in m["events"]], "event")
    check_ids([i for p in data["practices"] for i in p["items"]], "practice item")

    practice_numbers = {p["number"] for p in data["practices"]}
    if practice_numbers != set(range(1, 21)):
        problem("practices must be numbered 1-20 exactly")
    for p in data["practices"]:
        if p["id"] != "ep-%02d" % p["number"]:
            problem(f"practice {p['id']}: id does not match number {p['number']}")
        for j, item in enumerate(p["items"]):
            if item["id"] != "%s.%d" % (p["id"], j + 1):
                problem(f"practice {p['id']}: item id {item['id']} out of sequence")
    if sorted(u["number"] for u in data["understandings"]) != list(range(1, 21)):
        problem("understandings must be numbered 1-20 exactly")
    for u in data["understandings"]:
        if u["id"] != "cu-%02d" % u["number"]:
            problem(f"understanding {u['id']}: id does not match number")

    # parties: kinds, iso3, aliases
    iso_seen = {}
    owners = {}
    for pa in data["parties"]:
        if pa.get("kind") not in KINDS:
            problem(f"party {pa['id']}: unknown kind {pa.get('kind')!r}")
        iso = pa.get("iso3")
        if pa.get("kind") in ("state", "territory"):
            if not iso:
                problem(f"party {pa['id']}: state/territory without iso3")
        elif iso:
            problem(f"party {pa['id']}: organization with iso3 {iso}")
        if iso:
            if not re.match(r"^[A-Z]{3}$", iso):
                problem(f"party {pa['id']}: bad iso3 {iso!r}")
            if iso in iso_seen:
                problem(f"party {pa['id']}: iso3 {iso} also used by {iso_seen[iso]}")
            iso_seen[iso] = pa["id"]
        if not pa.get("source"):
            problem(f"party {pa['id']}: no source")
        if not pa["name"].isascii() and not (pa.get("asciiName") or "").isascii():
            problem(f"party {pa['id']}: non-ASCII name without asciiName")
        if pa.get("asciiName") is not None and (not pa["asciiName"].isascii() or not pa["asciiName"]):
            problem(f"party {pa['id']}: asciiName not ASCII")
        for text in [pa["name"]] + list(pa.get("aliases") or []):
            key = norm(text)
            if not key:
                problem(f"party {pa['id']}: empty name/alias {text!r}")
                continue
            other = owners.get(key)
            if other and other != pa["id"]:
                problem(f"party {pa['id']}: {text!r} collides with a name/alias of {other}")
            owners.setdefault(key, pa["id"])

    # processes
    powners = {}
    referenced = set()
    numbers = Counter()
    print(f"{'process':<16} {'member':>6} {'plus':>4} {'interest':>8} {'observer':>8} {'other':>5}  stated")
    for p in data["processes"]:
        owner = f"process {p['id']}"
        for text in [p["name"], p["shortName"]] + list(p.get("aliases") or []):
            key = norm(text)
            other = powners.get(key)
            if other and other != p["id"]:
                problem(f"{owner}: {text!r} collides with a name/alias of process {other}")
            powners.setdefault(key, p["id"])
        if p["region"] not in region_ids:
            problem(f"{owner}: unknown region {p['region']!r}")
        if p.get("year") is not None and (not isinstance(p["year"], int) or not 1900 <= p["year"] <= 2100):
            problem(f"{owner}: bad year {p['year']!r}")
        if p["inMatrix"]:
            if not isinstance(p.get("number"), int):
                problem(f"{owner}: matrix process without number")
            numbers[p.get("number")] += 1
        elif p.get("number") is not None:
            problem(f"{owner}: footnote group with a number")
        for k in ("summary", "secretariat", "source"):
            if not p.get(k):
                problem(f"{owner}: empty {k}")
        check_participants(owner, p["participants"], party_ids)
        referenced.update(x["party"] for x in p["participants"])
        for t in p["topics"]:
            if not t.get("label"):
                problem(f"{owner}: topic without label")
            if not t.get("practices"):
                problem(f"{owner}: topic {t.get('label')!r} maps to no practice")
            check_practice_numbers(owner, t.get("practices", []), practice_numbers)
        roles = lambda r: [x for x in p["participants"] if r in x["roles"]]
        st = p.get("statedTotal")
        plus = set((st or {}).get("plus") or [])
        members = [x for x in roles("member") if x["party"] not in plus]
        interested = roles("interested-state")
        if st:
            if len(members) != st["members"]:
                problem(f"{owner}: {len(members)} members but total says {st['members']} ({st['text']})")
            if len(interested) != (st.get("interested") or 0):
                problem(f"{owner}: {len(interested)} interested states but total says {st.get('interested') or 0}")
            for pid in plus:
                if pid not in {x["party"] for x in p["participants"]}:
                    problem(f"{owner}: plus party {pid!r} is not a participant")
        elif p["inMatrix"]:
            problem(f"{owner}: matrix process without statedTotal")
        print(f"{p['id']:<16} {len(members):>6} {len(plus):>4} {len(interested):>8} {len(roles('observer')):>8}"
              f" {len(p.get('otherParticipants') or []):>5}  {st['text'] if st else '-'}")
    for n, c in numbers.items():
        if c > 1:
            problem(f"matrix number {n} used {c} times")

    # mechanisms and events
    for m in data["mechanisms"]:
        owner = f"mechanism {m['id']}"
        check_participants(owner, m["participants"], party_ids)
        referenced.update(x["party"] for x in m["participants"])
        for e in m["events"]:
            eo = f"event {e['id']}"
            if e.get("kind") not in EVENT_KINDS:
                problem(f"{eo}: unknown kind {e.get('kind')!r}")
            if not isinstance(e.get("year"), int) or not 1900 <= e["year"] <= 2100:
                problem(f"{eo}: bad year")
            d = e.get("date")
            if d is not None and (not DATE_RE.match(d) or not d.startswith(str(e["year"]))):
                problem(f"{eo}: bad date {d!r}")
            for pid in e.get("partners") or []:
                if pid not in party_ids:
                    problem(f"{eo}: unknown partner {pid!r}")
                referenced.add(pid)
            for pid in e.get("processes") or []:
                if pid not in process_ids:
                    problem(f"{eo}: unknown process {pid!r}")
            if not e.get("source"):
                problem(f"{eo}: no source")

    unused = sorted(party_ids - referenced)
    if unused:
        print("note: parties not referenced by any process or mechanism:", ", ".join(unused))

    kinds = Counter(pa["kind"] for pa in data["parties"])
    events = sum(len(m["events"]) for m in data["mechanisms"])
    items = sum(len(p["items"]) for p in data["practices"])
    print(f"processes {len(data['processes'])} (matrix {sum(1 for p in data['processes'] if p['inMatrix'])}), "
          f"parties {len(data['parties'])} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), "
          f"mechanisms {len(data['mechanisms'])}, events {events}, practices {len(data['practices'])}, "
          f"items {items}, understandings {len(data['understandings'])}")

    if paper:
        copied = check_paper(data, paper)
        print(f"paper check: {copied} prose field(s) share 8+ consecutive words with the paper")

    for msg in problems:
        print("PROBLEM:", msg, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
