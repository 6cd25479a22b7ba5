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
titles are skipped. It then compares the data with the paper's own text (a second, independent check; see
docs/DATA.md, "The second check against the paper"): Annex A cells and footnote i against the participants by
role, Annex D headings and sub-headings, event dates, guide line ranges and links. A disagreement is a problem
unless the data marks the value editorial.
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
    def optional(where, record, key):
        if record.get(key):
            yield where, record[key]

    for r in data["regions"]:
        yield from optional(f"region {r['id']} note", r, "note")
    for p in data["parties"]:
        yield from optional(f"party {p['id']} note", p, "note")
    for p in data["processes"]:
        yield f"process {p['id']} summary", p["summary"]
        yield f"process {p['id']} secretariat", p["secretariat"]
        yield from optional(f"process {p['id']} iomRole", p, "iomRole")
        yield from optional(f"process {p['id']} yearNote", p, "yearNote")
        for i, s in enumerate(p.get("priorities", [])):
            yield f"process {p['id']} priority {i + 1}", s
        for i, s in enumerate(p.get("status") or []):
            yield f"process {p['id']} status {i + 1}", s
        for i, d in enumerate(p.get("datedStatus") or []):
            yield f"process {p['id']} datedStatus {i + 1}", d["text"]
        for part in p["participants"]:
            yield from optional(f"process {p['id']} participant {part['party']} note", part, "note")
    for m in data["mechanisms"]:
        yield f"mechanism {m['id']} summary", m["summary"]
        for e in m["events"]:
            yield from optional(f"event {e['id']} summary", e, "summary")
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


# ---------------------------------------------------------------------------------------------------------------
# A second, independent check against the paper (--paper): the data compared with the paper's own text wherever a
# machine can: every Annex A cell's names against the participants by role, every Annex D heading and sub-heading,
# every date the events carry, and every guide point's line range and links. Nothing here reads rcpx's code.

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
LEAD_RE = re.compile(r"(?:Current\s+)?(Co-Chairs|Vice\s+Chair|Chair|Presidency\s+Pro-\s*Tempore)\s*:\s*(.*?)\s*"
                     r"(?=(?:Current\s+)?(?:Co-Chairs|Vice\s+Chair|Chair|Presidency\s+Pro-)|\(|$)")
LEAD_ROLES = {"co chairs": "co-chair", "vice chair": "vice-chair", "chair": "chair",
              "presidency pro tempore": "presidency-pro-tempore"}
# Where the paper states an event's date away from its title (hand-given places to look; the comparison is the
# machine's): event id -> (first line, last line).
DATE_ANCHORS = {
    "idm-2001-theme": (598, 600),            # launched at the 82nd Council session, November 2001 (C.1)
    "idm-2005-theme": (1166, 1167),          # the Council in November 2005 (endnote 8)
    "idm-2003-trade": (1077, 1079),          # November 2003 (endnote 1)
    "idm-2004-trade": (1077, 1079),          # October 2004 (endnote 1)
    "berne-i": (743, 744),                   # June 2001 (D.1.a)
    "berne-2003-consultations": (769, 771),  # July 2003 (D.1.a)
    "berne-2003-legal-norms-study": (792, 796),
    "berne-2004-addis-ababa": (804, 806), "berne-2004-budapest": (804, 806),
    "berne-2004-guilin": (804, 806), "berne-2004-santiago": (804, 806),
    "berne-ii": (860, 860),
    "berne-2005-sadc-workshop": (975, 978), "berne-2005-west-africa-workshop": (978, 980),
    "idm-2005-rcp-workshop": (261, 262),
    "bali-budapest-perth-2004": (1170, 1171), "bali-interregional-2006": (1172, 1174),
    "idm-2003-panel-gmg": (1211, 1213), "idm-2004-panel-gcim": (1211, 1213),
    "idm-2002-legal-norms-analysis": (655, 656), "idm-2002-compendium": (657, 658),
}


class Paper:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.lines = f.read().split("\n")
        # (word, line number) for the whole text, for finding a phrase
        self.words = [(w, i + 1) for i, line in enumerate(self.lines) for w in norm(line).split()]

    def text(self, a, b):
        """Lines a..b (1-based, inclusive), joined; a hyphen at a line end joins the next line's word."""
        out = ""
        for line in self.lines[a - 1:b]:
            line = line.strip()
            if out.endswith("-") and not out.endswith(" -"):
                out += line
            else:
                out += (" " if out else "") + line
        return out

    def find(self, phrase):
        """Line numbers where the phrase's words start, in order."""
        w = norm(phrase).split()
        if not w:
            return []
        seq = [x for x, _ in self.words]
        return [self.words[i][1] for i in range(len(seq) - len(w) + 1) if seq[i:i + len(w)] == w]

    def paragraph(self, line):
        a = b = line
        while a > 1 and self.lines[a - 2].strip():
            a -= 1
        while b < len(self.lines) and self.lines[b].strip():
            b += 1
        return a, b


class Compare:
    def __init__(self, data, paper):
        self.data, self.paper = data, paper
        self.compared = 0
        self.disagreements = []   # (what, explanation or None)
        self.keys = {}            # normalized name or alias -> party id
        for pa in data["parties"]:
            for t in [pa["name"]] + list(pa.get("aliases") or []):
                self.keys.setdefault(norm(t), pa["id"])

    def fact(self, ok, what, explained=None):
        self.compared += 1
        if not ok:
            self.disagreements.append((what, explained))

    def resolve(self, name):
        key = norm(re.sub(r"^(the|and|plus)\s+", "", name.strip(), flags=re.I))
        if key in self.keys:
            return self.keys[key]
        # "Sweden (SIDA)": a name with a qualifier in brackets
        bare = norm(re.sub(r"\([^)]*\)", "", name))
        return self.keys.get(bare)

    # Annex A ----------------------------------------------------------------------------------------------------
    def rows(self):
        L = self.paper.lines
        start = next(i for i, l in enumerate(L) if "ANNEX A" in l) + 1
        end = next(i for i, l in enumerate(L) if l.strip().startswith("i ") or "ANNEX B" in l and i > start)
        starts = [(int(m.group(1)), i + 1) for i in range(start, end)
                  for m in [re.match(r"^\s*(\d{1,2})\.\s*$", L[i])] if m]
        for k, (n, s) in enumerate(starts):
            e = starts[k + 1][1] - 1 if k + 1 < len(starts) else end
            blocks, cur = [], []
            for j in range(s, e + 1):
                line = L[j - 1]
                if not line.strip() or "RCP Year Governments" in line or line.startswith("Region:"):
                    if cur:
                        blocks.append(cur)
                        cur = []
                else:
                    cur.append(j)
            if cur:
                blocks.append(cur)
            yield n, blocks

    def annex_a(self):
        procs = {p["number"]: p for p in self.data["processes"] if p.get("number")}
        for n, blocks in self.rows():
            p = procs.get(n)
            if p is None:
                self.fact(False, f"Annex A row {n}: no process with this number")
                continue
            roles = {}
            for x in p["participants"]:
                for r in x["roles"]:
                    roles.setdefault(r, set()).add(x["party"])
            editorial = {b["field"][len("participants."):] for b in p.get("bases") or []
                         if b["basis"] == "editorial" and b["field"].startswith("participants.")}
            # the governments cell: from the block with the year to the block with "(Total"
            gi = next(i for i, b in enumerate(blocks) if re.match(r"^\s*(19|20)\d\d", self.paper.lines[b[0] - 1]))
            gj = next(i for i in range(gi, len(blocks)) if "(Total" in self.paper.text(blocks[i][0], blocks[i][-1]))
            gov = self.paper.text(blocks[gi][0], blocks[gj][-1])
            gov = re.sub(r"^\s*(19|20)\d\d\d?\s*", "", gov)
            interested_text = ""
            if "*" in gov:  # CIS: "plus 36 “interested” States*", listed in the next block
                gov = gov[:gov.index(" plus ")]
                ib = blocks[gj + 1]
                interested_text = self.paper.text(ib[0], ib[-1]).split(":", 1)[1]
                gj += 1
            gov = re.sub(r"\(Total:[^()]*(\([^()]*\)[^()]*)*\)\s*$", "", gov).strip()
            self.names(f"Annex A row {n} governments", gov, roles.get("member", set()), editorial)
            if interested_text:
                self.names(f"Annex A row {n} interested states", interested_text,
                           roles.get("interested-state", set()), editorial)
            # the rest of the participant cells, up to the first line of the main areas of discussion
            rest = []
            for b in blocks[gj + 1:]:
                text = self.paper.text(b[0], b[-1])
                if len(text) > 150 and re.search(r";|including|topics|areas|intends", text):
                    rest.append(self.paper.lines[b[0] - 1].strip())
                    break
                rest.append(text)
            rest_text = " \n ".join(rest)
            lead = {}
            for chunk in rest:
                for m in LEAD_RE.finditer(chunk):
                    role = LEAD_ROLES[norm(m.group(1))]
                    for name in re.split(r",\s*|\s+and\s+", m.group(2).strip()):
                        pid = self.resolve(name)
                        self.fact(pid is not None, f"Annex A row {n}: {role} {name!r} is no party of the data")
                        if pid:
                            lead.setdefault(role, set()).add(pid)
            for role in LEAD_ROLES.values():
                got, want = lead.get(role, set()), roles.get(role, set())
                if got or want:
                    self.fact(got == want, f"Annex A row {n}: {role} is {sorted(got)} in the paper, {sorted(want)} in the data")
            others = set().union(*[roles.get(r, set()) for r in ("observer", "participant", "secretariat", "coordinator")])
            found = self.parties_named(" ".join(LEAD_RE.sub("", chunk) for chunk in rest))
            members = roles.get("member", set())
            self.agree(found, others, ignore=members, editorial=editorial,
                       only_paper=lambda pid: f"Annex A row {n}: the paper names {pid} among observers, partners or secretariat; the data has no such role",
                       only_data=lambda pid: f"Annex A row {n}: {pid} is an observer, participant or secretariat in the data but not named in those cells")

    def footnote_groups(self):
        """Footnote i: each group's paragraph names its states and territories; they must be its members."""
        L = self.paper.lines
        kinds = {pa["id"]: pa["kind"] for pa in self.data["parties"]}
        start = next(i for i, l in enumerate(L) if l.startswith("i ") and "other regional groups" in l)
        groups = [p for p in self.data["processes"] if not p["inMatrix"]]
        starts = {}
        for p in groups:
            forms = [p["shortName"]] + list(p["aliases"])
            starts[p["id"]] = next((i + 1 for i in range(start, min(start + 60, len(L)))
                                    if any(re.match(rf"^\s*(The\s+)?{re.escape(f)}\b", L[i]) for f in forms)), None)
        for p in groups:
            line = starts[p["id"]]
            if line is None:
                self.fact(False, f"footnote i: no paragraph for {p['id']}")
                continue
            a, b = self.paper.paragraph(line)
            a = line  # a paragraph may run on into the next group's, without a blank line between
            b = min([b] + [x - 1 for x in starts.values() if x and x > line])
            found = {pid for pid in self.parties_named(self.paper.text(a, b)) if kinds[pid] != "organization"}
            members = {x["party"] for x in p["participants"] if "member" in x["roles"]}
            self.agree(found, members,
                       only_paper=lambda pid: f"footnote i, {p['id']}: the paper names {pid}; the data has it as no member",
                       only_data=lambda pid: f"footnote i, {p['id']}: {pid} is a member in the data, not named in the paper")

    def parties_named(self, text):
        """The ids of the parties whose names or aliases stand in `text`, longest name first, so that "Papua New
        Guinea" is not also "Guinea" (each name found is blanked out before shorter ones are looked for)."""
        text = " " + norm(text) + " "
        found = set()
        for key in sorted(self.keys, key=len, reverse=True):
            if len(key) >= 2 and f" {key} " in text:
                found.add(self.keys[key])
                text = text.replace(f" {key} ", " # ")
        return found

    def names(self, what, text, want, editorial):
        got = set()
        for piece in re.split(r",\s*", text):
            # "Bosnia and Herzegovina" is one name, "the UK and the USA" two
            names = [piece] if self.resolve(piece) else re.split(r"\s+and\s+", piece)
            for name in names:
                if not name.strip():
                    continue
                pid = self.resolve(name)
                self.fact(pid is not None, f"{what}: {name.strip()!r} is no party of the data")
                if pid:
                    got.add(pid)
        self.agree(got, want, editorial=editorial,
                   only_paper=lambda pid: f"{what}: {pid} is listed in the paper, not in the data",
                   only_data=lambda pid: f"{what}: {pid} is in the data, not in the paper")

    def agree(self, paper, data, only_paper, only_data, ignore=frozenset(), editorial=frozenset()):
        """Facts for the parties the paper names that the data lacks (leaving out `ignore`: named there for
        another reason) and for those the data has that the paper does not name (explained when `editorial`
        marks them); counts the parties on which the two agree. `only_paper` and `only_data` word the facts."""
        for pid in sorted(paper - data - ignore):
            self.fact(False, only_paper(pid))
        for pid in sorted(data - paper):
            self.fact(False, only_data(pid), "marked editorial in the data" if pid in editorial else None)
        self.compared += len(paper & data)

    # Annex D ----------------------------------------------------------------------------------------------------
    def annex_d(self):
        L = self.paper.lines
        start = max(i for i, l in enumerate(L) if "headings under which the IAMM" in l) + 1
        heads = [(int(m.group(1)), i + 1) for i in range(start, len(L))
                 for m in [re.match(r"^\s*(\d{1,2})\.\s+\S", L[i])] if m]
        practices = {p["number"]: p for p in self.data["practices"]}
        self.fact(sorted(n for n, _ in heads) == sorted(practices), "Annex D: the heading numbers differ")
        for k, (n, s) in enumerate(heads):
            e = heads[k + 1][1] - 1 if k + 1 < len(heads) else len(L)
            text = re.sub(r"^\s*\d{1,2}\.\s+", "", self.paper.text(s, e)).strip()
            groups = re.findall(r"\(including ([^()]*)\)", text)
            title = re.sub(r"\s*\(including [^()]*\)", "", text).strip()
            p = practices.get(n)
            if not p:
                self.fact(False, f"Annex D {n}: no practice with this number")
                continue
            self.fact(qnorm(p["title"]) == qnorm(title), f"Annex D {n}: heading {title!r} in the paper, {p['title']!r} in the data")
            paper_words = [w for g in groups for w in qnorm(g).split() if w != "and"]
            items = [re.sub(r"^(Temporary|Permanent):\s*", "", i.get("paperTitle") or i["title"]) for i in p["items"]]
            data_words = [w for i in items for w in qnorm(i).split() if w != "and"]
            self.fact(paper_words == data_words,
                      f"Annex D {n}: sub-headings {'; '.join(groups)!r} in the paper, {'; '.join(items)!r} in the data")
            self.compared += len(p["items"])

    # Events -----------------------------------------------------------------------------------------------------
    def events(self):
        for m in self.data["mechanisms"]:
            for e in m["events"]:
                tokens = date_tokens(e.get("date") or str(e["year"]))
                places = []
                if e["id"] in DATE_ANCHORS:
                    places.append(DATE_ANCHORS[e["id"]])
                words = norm(e["title"]).split()
                for line in self.paper.find(" ".join(words[:6])) if len(words) >= 2 else []:
                    places.append(self.paper.paragraph(line))
                if not places:
                    self.fact(False, f"event {e['id']}: no place in the paper to compare its date with")
                    continue
                text = " " + " ".join(norm(self.paper.text(a, b)) for a, b in places) + " "
                missing = [t for t in tokens if f" {t} " not in text]
                self.fact(not missing, f"event {e['id']}: date {e.get('date') or e['year']} — {', '.join(missing)} not found where the paper describes it")

    # Guide ------------------------------------------------------------------------------------------------------
    def guide(self):
        n = len(self.paper.lines)
        names = {}
        for pr in self.data["processes"]:
            names[("processes", pr["id"])] = [pr["name"], pr["shortName"]] + list(pr["aliases"])
        for pa in self.data["parties"]:
            names[("parties", pa["id"])] = [pa["name"]] + list(pa.get("aliases") or [])
        for me in self.data["mechanisms"]:
            names[("mechanisms", me["id"])] = [me["name"], me["shortName"]] + list(me["aliases"])
        numbers = {pr.get("number"): pr["id"] for pr in self.data["processes"] if pr.get("number")}
        row_of = {}  # a line of an Annex A row -> the process of that row (a cell there names it)
        for rn, blocks in self.rows():
            for line in range(blocks[0][0], blocks[-1][-1] + 1):
                row_of[line] = numbers.get(rn)
        for t in self.data.get("guide") or []:
            for pt in [t] + t["points"]:
                a, b = pt["lines"]
                self.fact(1 <= a <= b <= n, f"guide {pt['id']}: lines {a}-{b} are not lines of the paper")
            for pt in t["points"]:
                a, b = pt["lines"]
                window = " " + norm(self.paper.text(max(1, a - 3), min(n, b + 3))) + " "
                for kind in ("processes", "parties", "mechanisms"):
                    for rid in pt.get(kind) or []:
                        forms = names.get((kind, rid), [rid])
                        # a short form is enough: "Bali" for the Bali Process, "IOM"
                        ok = (kind == "processes" and row_of.get(a) == rid) or \
                            any(f" {norm(f)} " in window for f in forms) or \
                            any(f" {w} " in window for f in forms for w in norm(f).split() if len(w) > 3 and w[0].isalpha() and w not in COMMON)
                        self.fact(ok, f"guide {pt['id']}: links {rid}, which lines {a}-{b} do not name")


COMMON = {"regional", "conference", "process", "migration", "international", "organization", "dialogue", "consultations",
          "secretariat", "initiative", "ministerial", "countries", "states", "affairs", "ministry", "department",
          "global", "commission", "group", "meetings", "united", "nations", "development", "foreign", "federal",
          "office", "refugees", "coordination", "cooperation", "among", "between", "south", "west", "east", "north",
          "asia", "africa", "europe", "central", "people", "persons", "labour", "origin", "management", "republic"}


def qnorm(s):
    """norm(), with typographic quotes and dashes treated like plain ones."""
    return norm(s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-"))


def date_tokens(date):
    """"2004-12-16/17" -> ["2004", "december", "16", "17"]."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:/(\d{2}))?)?)?$", date)
    if not m:
        return [date]
    out = [m.group(1)]
    if m.group(2):
        out.append(MONTHS[int(m.group(2)) - 1])
    out += [str(int(x)) for x in (m.group(3), m.group(4)) if x]
    return out


def compare_with_paper(data, paper_path):
    c = Compare(data, Paper(paper_path))
    c.annex_a()
    c.footnote_groups()
    c.annex_d()
    c.events()
    c.guide()
    unexplained = [w for w, why in c.disagreements if not why]
    explained = [(w, why) for w, why in c.disagreements if why]
    print(f"paper comparison: {c.compared} facts compared, {len(c.disagreements)} disagreements "
          f"({len(explained)} explained by an editorial basis in the data)")
    for what, why in explained:
        print(f"  explained: {what} ({why})")
    for what in unexplained:
        problem(f"paper comparison: {what}")
    return c


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
        compare_with_paper(data, paper)

    for msg in problems:
        print("PROBLEM:", msg, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
