#!/usr/bin/env python3
"""Per-file summary of one or more Stryker mutation-report.json files (docs/security.md, "Mutation testing"):
killed + timeout, survived, no coverage, compile errors, and the score (killed + timeout) / (killed + timeout +
survived + no coverage), as a Markdown table. With -v, also each surviving or uncovered mutant with its line.
Usage: python3 bench/mutation-summary.py [-v] StrykerOutput/*/reports/mutation-report.json ..."""
import json, sys, collections
rows = collections.OrderedDict()
show = '-v' in sys.argv
for path in [a for a in sys.argv[1:] if a != '-v']:
    rep = json.load(open(path))
    for f, d in rep['files'].items():
        short = f.split('EcoSite.Core/')[-1]
        c = collections.Counter(m['status'] for m in d['mutants'])
        if sum(c[s] for s in ('Killed','Timeout','Survived','NoCoverage')) == 0: continue
        rows[short] = c
        if show:
            lines = d['source'].split('\n')
            for m in d['mutants']:
                if m['status'] in ('Survived','NoCoverage'):
                    l = m['location']['start']['line']
                    print(f"{short}:{l}:{m['location']['start']['column']} {m['status']} {m['mutatorName']}: {m.get('replacement','')[:80]!r} | {lines[l-1].strip()[:100]}")
tot = collections.Counter()
print('| file | killed + timeout | survived | no coverage | compile errors | score |')
print('|---|---|---|---|---|---|')
for f, c in sorted(rows.items(), key=lambda kv: kv[0]):
    k = c['Killed'] + c['Timeout']; s = c['Survived']; n = c['NoCoverage']; e = c['CompileError']
    tot.update(c)
    print(f"| `{f}` | {k} | {s} | {n} | {e} | {100*k/max(1,k+s+n):.1f}% |")
k = tot['Killed'] + tot['Timeout']; s = tot['Survived']; n = tot['NoCoverage']
print(f"| **total** | {k} | {s} | {n} | {tot['CompileError']} | **{100*k/max(1,k+s+n):.2f}%** |")
