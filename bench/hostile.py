#!/usr/bin/env python3
"""Write one content folder of a pathological shape at size N (see bench/hostile.sh).

usage: hostile.py SHAPE N OUTDIR
"""
import os, sys

SITE = "title: {zh: 压力测试, en: Stress}\nlanguages: [zh, en]\nas_of: 2026-11-29\n"
PARK = "name: {zh: 测试园区, en: Test Park}\nlevel: national\nstatus: named\n"
FRONT = "---\ntitle: 测试\ndate: 2026-11-20\n---\n\n"


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def shape(name, n, root):
    write(root, "site.yaml", SITE)
    write(root, "parks/demo/park.yaml", PARK)
    news = "parks/demo/news/2026-11-20-x.md"
    if name == "nested-divs":
        write(root, news, FRONT + "<div>" * n + "x" + "</div>" * n + "\n")
    elif name == "flat-html":
        write(root, news, FRONT + "<span>x</span><foo>y</foo>" * n + "\n")
    elif name == "unclosed-brackets":
        write(root, news, FRONT + "[a " * n + "\n")
    elif name == "emphasis-runs":
        write(root, news, FRONT + "*a **b " * n + "\n")
    elif name == "backticks":
        write(root, news, FRONT + "`a ``b " * n + "\n")
    elif name == "link-refs":
        write(root, news, FRONT + "".join(f"[l{i}] " for i in range(n)) + "\n\n" + "".join(f"[l{i}]: https://example.com/{i}\n" for i in range(n)))
    elif name == "yaml-keys":
        write(root, "parks/demo/park.yaml", PARK + "".join(f"k{i}: v\n" for i in range(n)))
    elif name == "enterprises-and-flows":
        write(root, "parks/demo/enterprises.yaml", "enterprises:\n" + "".join(f"  - {{id: e{i}, name: 企业{i}}}\n" for i in range(n)))
        write(root, "parks/demo/waste/2025.yaml", "year: 2025\nflows:\n" + "".join(f"  - {{from: e{i}, to: e{(i + 1) % n}, material: 钢渣, quantity: 1, unit: t}}\n" for i in range(n)))
    elif name == "matching-listings":
        write(root, "parks/demo/enterprises.yaml", "enterprises:\n  - {id: e, name: 企业}\n")
        for i in range(n):
            kind = "supply" if i % 2 == 0 else "demand"
            write(root, f"parks/demo/exchange/l{i}.yaml", f"kind: {kind}\ncategory: waste\nenterprise: e\nmaterial: 废矿物油\ncode: 900-249-08\nposted: 2026-10-01\n")
    elif name == "catalog-indicators":
        write(root, "indicators.yaml", "replace: true\ncategories:\n  - {id: c, zh: 类, en: C}\nindicators:\n" + "".join(f"  - {{id: i{i}, category: c, zh: 指标{i}, en: I{i}}}\n" for i in range(n)))
        write(root, "parks/demo/indicators/2025.yaml", "year: 2025\nvalues:\n" + "".join(f"  - {{indicator: i{i}, value: 1, target: \">= 0\"}}\n" for i in range(n)))
    else:
        sys.exit(f"unknown shape {name}")


if __name__ == "__main__":
    shape(sys.argv[1], int(sys.argv[2]), sys.argv[3])
