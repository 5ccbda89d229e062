#!/usr/bin/env python3
"""Make an EcoSite content folder of PAGES article pages over PARKS parks, fast enough for 1,000,000 pages.

usage: make-content.py PAGES OUTDIR [--parks P] [--jobs J]

Writes OUTDIR/ecosite/content in the same layout, front matter and body shape as the shared harness's
make-sites.py (site.yaml, parks/<id>/park.yaml, parks/<id>/news/<date>-item-<n>.md and .en.md, half of PAGES
each), without the Hugo tree. make-sites.py spent most of its time drawing every word of every sentence from
the random generator and writing each file twice (EcoSite and Hugo): 100,000 pages took 30 minutes on the
loaded benchmark machine. Here sentences are drawn from small pools made once, each park is written by one of
J worker processes, and every park folder is made once. The bodies differ from make-sites.py's (other random
draws) but have the same structure and vocabulary; the same arguments always give the same bytes, whatever J.
"""
import os, random, sys, textwrap
from multiprocessing import Pool

ZH = "生态 工业 园区 循环 经济 固废 利用 节能 减排 清洁 生产 信息 公开 企业 共生 资源 能源 废水 回用 管理".split()
EN = "eco industrial park circular economy solid waste reuse energy saving emission cleaner production disclosure enterprise symbiosis water".split()
POOL = 64  # sentences per language and length: enough variety for the search index and compression

def pools():
    rnd = random.Random(478)
    made = {}
    for n in (2, 3, 6, 10, 12, 15, 20, 25):
        made["zh", n] = ["".join(rnd.choice(ZH) for _ in range(n)) + "。" for _ in range(POOL)]
        made["en", n] = [" ".join(rnd.choice(EN) for _ in range(n)).capitalize() + "." for _ in range(POOL)]
    return made

SENTENCES = pools()

def body(rnd, lang):
    def s(n):
        return SENTENCES[lang, n][rnd.getrandbits(6)]
    h = ("工作进展", "下一步") if lang == "zh" else ("Progress", "Next steps")
    r = [rnd.randint(10, 99) for _ in range(4)]
    return (f"{s(12)} {s(10)}\n\n## {h[0]}\n\n{s(20)} **{s(3)}** {s(15)}\n\n"
            f"- {s(6)}\n- {s(6)}\n- {s(6)}\n\n"
            f"| 指标 / indicator | 2024 | 2025 |\n|---|---|---|\n"
            f"| {s(2)} | {r[0]} | {r[1]} |\n| {s(2)} | {r[2]} | {r[3]} |\n\n"
            f"## {h[1]}\n\n{s(25)}\n\n> {s(10)}\n")

def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

def park(job):
    eco, p, parks, items = job
    pid = f"park-{p + 1:03d}"
    news = os.path.join(eco, "parks", pid, "news")
    os.makedirs(news, exist_ok=True)
    write(os.path.join(eco, "parks", pid, "park.yaml"), textwrap.dedent(f"""\
        name: {{zh: 基准园区{p + 1}, en: Benchmark Park {p + 1}}}
        level: provincial
        status: approved
        standard: HJ 274-2015
        """))
    rnd = random.Random(478_000 + p)
    for i in range(p, items, parks):
        date = f"2026-{i % 10 + 1:02d}-{i % 28 + 1:02d}"
        slug = os.path.join(news, f"{date}-item-{i + 1:06d}")
        write(slug + ".md", f"---\ntitle: \"园区工作动态第{i + 1}期\"\ndate: {date}\n---\n\n" + body(rnd, "zh"))
        write(slug + ".en.md", f"---\ntitle: \"Park work update no. {i + 1}\"\ndate: {date}\n---\n\n" + body(rnd, "en"))

def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    pages, out = int(args[0]), args[1]
    parks = int(args[args.index("--parks") + 1]) if "--parks" in args else 10
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else os.cpu_count()
    items = max(1, pages // 2)
    eco = os.path.join(out, "ecosite", "content")
    os.makedirs(eco, exist_ok=True)
    write(os.path.join(eco, "site.yaml"), textwrap.dedent("""\
        title: {zh: 基准测试平台, en: Benchmark Platform}
        languages: [zh, en]
        as_of: 2026-11-01
        """))
    with Pool(jobs) as pool:
        for _ in pool.imap_unordered(park, [(eco, p, parks, items) for p in range(parks)]):
            pass

if __name__ == "__main__":
    main()
