#!/usr/bin/env python3
"""Re-runs every sample in docs/CLI.md and writes the real output back.

A sample is a ```console block whose first line is `$ rcpx ARGS`. Its output is replaced by what the binary
prints now (stdout a pipe, so 80 columns and no colour). A block that ends with a line `…` keeps as many lines
as it has. `; echo "exit $?"` at the end shows stdout and stderr and then the exit status; `> list.txt` sends
stdout to a file. Commands run in a scratch directory holding `Resources` (this checkout's) and two broken data
files, `broken.json` and `broken-syntax.json`, made as Tests/RCPXTests/CLIDocsTests.swift makes them.

Usage: scripts/update-cli-doc.py [path/to/rcpx]     (default: .build-cli/debug/rcpx)
"""
import json, os, shlex, subprocess, sys, tempfile

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rcpx = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, ".build-cli/debug/rcpx"))
doc_path = os.path.join(repo, "docs/CLI.md")

work = tempfile.mkdtemp(prefix="rcpx-doc-")
os.symlink(os.path.join(repo, "Resources"), os.path.join(work, "Resources"))
data = json.load(open(os.path.join(repo, "Resources/rcp-data.json")))
bali = next(p for p in data["processes"] if p["id"] == "bali")
bali["participants"][0]["party"] = "atlantis"
data["processes"].append(data["processes"][0])
json.dump(data, open(os.path.join(work, "broken.json"), "w"))
open(os.path.join(work, "broken-syntax.json"), "w").write('{\n  "formatVersion": 1,\n  "regions": [ }\n')

env = dict(os.environ)
env.pop("NO_COLOR", None)


def output(command):
    shows_status = command.endswith('; echo "exit $?"')
    if shows_status:
        command = command[: -len('; echo "exit $?"')]
    to_file = command.endswith(" > list.txt")
    if to_file:
        command = command[: -len(" > list.txt")]
    args = shlex.split(command)[1:]
    stdout = open(os.path.join(work, "list.txt"), "w") if to_file else subprocess.PIPE
    p = subprocess.run([rcpx] + args, cwd=work, env=env, stdout=stdout, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL, text=True)
    out = "" if to_file else p.stdout
    if shows_status:
        return (out + p.stderr).rstrip("\n").split("\n") + ["exit %d" % p.returncode]
    if p.returncode != 0:
        sys.exit("%s exited %d: %s" % (command, p.returncode, p.stderr))
    return out.rstrip("\n").split("\n")


lines = open(doc_path).read().split("\n")
result, i = [], 0
while i < len(lines):
    line = lines[i]
    result.append(line)
    i += 1
    if line != "```console" or i >= len(lines) or not lines[i].startswith("$ rcpx"):
        continue
    command = lines[i]
    end = lines.index("```", i)
    old = lines[i + 1 : end]
    new = output(command[2:])
    if old and old[-1] == "…":
        new = new[: len(old) - 1] + ["…"]
    result += [command] + new
    i = end
open(doc_path, "w").write("\n".join(result))
