#!/usr/bin/env python3
"""Checks an rcpx checklist report (HTML on stdin or in the file given): it parses with every element closed
in order, and it refers to nothing outside itself: no <script>, <link>, <img>, <iframe>, <object> or <embed>,
no src=/href=/on…= attribute, no attribute value with http:, https:, file:, data: or javascript:, no url() or
@import in the style sheet. (Text may mention an address: a note is shown, never followed.) Prints the problems and exits 1, or
prints "ok" and the text content (one line per text node) with --text."""
import html.parser
import re
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN_TAGS = {"script", "link", "iframe", "object", "embed", "img", "audio", "video", "image", "use", "base"}


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.check(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)

    def check(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> refers to or runs something outside the page")
        for name, value in attrs:
            if value and re.search(r"(?i)(https?:|file:|ftp:|javascript:|data:|url\s*\(|^//)", value):
                self.problems.append(f"<{tag} {name}={value[:40]!r}> refers to something outside the page")
            if name in ("src", "href", "xlink:href", "action", "srcset", "data") or name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> refers to something outside the page or runs code")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {'<' + self.stack[-1] + '>' if self.stack else 'nothing'}")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            m = re.search(r"(?i)(https?:|file:|url\s*\(|@import)", data)
            if m:
                self.problems.append(f"the style sheet refers to something outside the page: {m.group(0)!r}")
            return
        if data.strip():
            self.text.append(data)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    source = open(args[0], encoding="utf-8").read() if args else sys.stdin.read()
    c = Checker()
    c.feed(source)
    c.close()
    if c.stack:
        c.problems.append("not closed at the end: " + " ".join(f"<{t}>" for t in c.stack))
    if not source.lstrip().lower().startswith("<!doctype html>"):
        c.problems.append("no <!DOCTYPE html> at the start")
    if c.problems:
        print("\n".join(c.problems))
        sys.exit(1)
    print("ok")
    if "--text" in sys.argv:
        print("\n".join(c.text))


main()
