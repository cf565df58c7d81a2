"""Coverage-guided fuzzing of every reader with atheris (libFuzzer), run by hand.

The hypothesis tests of this folder draw from strategies written for each
format; this harness lets libFuzzer mutate bytes towards new branches of the
ingestion code (chronicle.ingest and the parsers it calls are instrumented),
starting from a seed corpus of the project's own pages, feeds, rows and
archives. Each reader is one target; `all` runs each target in its own process
and prints a table: inputs tried, crashes, hangs.

    pip install "atheris>=2.3,<4"        # not needed by `make test`
    nice python tests/reliability/fuzz_readers_atheris.py all --runs 20000 --seconds 300 --json fuzz.json
    nice python tests/reliability/fuzz_readers_atheris.py html -runs=5000     # one target; libFuzzer flags pass through

A crash is any exception other than IngestError from read_article, any
exception at all from iter_inputs, or a broken invariant (invariants.py: an
Article with text, or an error record with code and message, both encodable
as UTF-8). A hang is an input that takes longer than --hang seconds (an
interval timer interrupts it). Neither stops the run: each is counted, its
input saved under --artifacts, and the first lines of its traceback kept.
No input ever reaches the network: rows and feed items that name a URL are
fetched through a transport that answers 404 without a connection.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

HANG_SECONDS = 10.0


class Hang(Exception):
    """Raised by the interval timer inside an input that ran past the bound."""


# -- the seed corpus: the project's own prose in every format -------------------------------

def _sentences() -> list[str]:
    from hostile import SENTENCES

    return SENTENCES


def seeds(target: str) -> list[bytes]:
    """A few valid inputs of the target's format, so mutation starts from the real grammar."""
    s = _sentences()
    body = " ".join(s)
    page = (f"<!doctype html><html><head><title>Protest in Basra</title>"
            f'<meta property="article:published_time" content="2021-03-05"></head><body><nav><a href="/">Home</a></nav>'
            f"<article><h1>Protest in Basra</h1>" + "".join(f"<p>{x}</p>" for x in s) + "</article></body></html>")
    if target in ("text", "bytes"):
        return [body.encode(), s[0].encode("utf-16"), ("\u200f" + body + "\u2028").encode()]
    if target == "html":
        return [page.encode(), b"<div>" * 50 + s[1].encode()]
    if target == "jsonl":
        rows = [json.dumps({"id": f"r{i}", "text": x, "published": "2021-03-05"}) for i, x in enumerate(s[:3])]
        rows.append(json.dumps({"id": "h", "html": page}))
        return [("\n".join(rows) + "\n").encode(), b'{"text": 5}\n{\n']
    if target == "csv":
        return [("id,title,text\n" + "".join(f'r{i},"T {i}","{x}"\n' for i, x in enumerate(s[:3]))).encode(),
                ("id\ttext\n" + "".join(f"r{i}\t{x}\n" for i, x in enumerate(s[:3]))).encode()]
    if target == "rss":
        items = "".join(f"<item><title>T{i}</title><guid>g{i}</guid><description>{body}</description></item>"
                        for i in range(2))
        atom = "".join(f"<entry><title>T{i}</title><id>urn:g{i}</id><content type='text'>{body}</content></entry>"
                       for i in range(2))
        return [f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode(),
                f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{atom}</feed>'.encode()]
    if target == "warc":
        return [_warc([page, page.replace("Basra", "Mosul")], gz=False), _warc([page], gz=True)]
    if target == "gzip":
        return [gzip.compress(body.encode()), gzip.compress(page.encode())]
    if target == "anyfile":
        return [b"\x00" + name.encode() + b"\x00" + data for name, data in
                (("x.jsonl", seeds("jsonl")[0]), ("x.csv", seeds("csv")[0]), ("x.html", page.encode()),
                 ("x.warc", seeds("warc")[0]), ("x.rss", seeds("rss")[0]))]
    raise ValueError(target)


def _warc(pages: list[str], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example.org/2021/03/05/story-{i}", "response",
                                                      payload=io.BytesIO(page.encode()), http_headers=headers))
    return out.getvalue()


# -- the targets: bytes in, nothing out; an exception or assertion is a finding ------------

_FILE_NAMES = {"jsonl": "rows.jsonl", "csv": "rows.csv", "rss": "news.xml", "warc": "crawl.warc", "gzip": "x.gz"}
_ANY_NAMES = ["x.jsonl", "x.ndjson", "x.csv", "x.tsv", "x.rss", "x.xml", "x.warc", "x.warc.gz", "x.gz", "x.html",
              "x.txt", "noext"]


class Targets:
    """One callable per reader, sharing a scratch folder and an offline fetcher."""

    def __init__(self, scratch: str):
        import httpx

        from chronicle.ingest.fetch import Fetcher

        self.scratch = Path(scratch)
        self.fetcher = Fetcher(transport=httpx.MockTransport(lambda request: httpx.Response(404)), retries=0,
                               allow_private=False)

    def read(self, source, **fields) -> None:
        from chronicle.ingest import IngestError, read_article
        from chronicle.record import Article
        from invariants import check_item

        try:
            article = read_article(source, **fields)
        except IngestError as exc:
            assert exc.code and exc.message, "an IngestError must carry a code and a message"
            return
        assert isinstance(article, Article)
        if article.text:
            check_item(article)
        else:
            assert article.meta.get("empty"), "an empty Article must say why"

    def files(self, name: str, data: bytes) -> None:
        from chronicle.ingest import iter_inputs
        from invariants import check_item

        path = self.scratch / name
        path.write_bytes(data)
        try:
            for item in iter_inputs([str(path)], fetcher=self.fetcher):
                check_item(item)
        finally:
            path.unlink(missing_ok=True)

    def run(self, target: str, data: bytes) -> None:
        if target == "bytes":
            self.read(data)
        elif target == "text":
            # surrogateescape turns undecodable bytes into lone surrogates: the hardest str to carry
            self.read(data.decode("utf-8", "surrogateescape"))
        elif target == "html":
            self.read(b"<!doctype html><html>" + data)
        elif target in _FILE_NAMES:
            self.files(_FILE_NAMES[target], gzip.compress(data, 1) if target == "gzip" else data)
        elif target == "anyfile":
            # the first byte picks the file name, so the sniffer meets every format's content under every name
            name = _ANY_NAMES[data[0] % len(_ANY_NAMES)] if data else "noext"
            self.files(name, data[1:])
        else:
            raise ValueError(f"unknown target {target!r}")


TARGETS = ["bytes", "text", "html", "jsonl", "csv", "rss", "warc", "gzip", "anyfile"]


# -- one target under libFuzzer --------------------------------------------------------------

class Findings:
    """Counts and saves what went wrong; written out at once, since libFuzzer ends the process by exit()."""

    def __init__(self, target: str, artifacts: Path, summary: Path):
        self.target, self.artifacts, self.summary = target, artifacts, summary
        self.inputs = self.crashes = self.hangs = 0
        self.kinds: dict[str, int] = {}
        self.started = time.monotonic()

    def record(self, kind: str, data: bytes, detail: str) -> None:
        key = f"{kind}: {detail.splitlines()[-1][:200] if detail else ''}"
        first = key not in self.kinds
        self.kinds[key] = self.kinds.get(key, 0) + 1
        if first:  # one saved input per distinct finding
            self.artifacts.mkdir(parents=True, exist_ok=True)
            name = f"{self.target}-{kind}-{hashlib.sha1(data).hexdigest()[:12]}"
            (self.artifacts / name).write_bytes(data)
            (self.artifacts / (name + ".txt")).write_text(detail)
        self.write()

    def write(self) -> None:
        self.summary.write_text(json.dumps({
            "target": self.target, "inputs": self.inputs, "crashes": self.crashes, "hangs": self.hangs,
            "seconds": round(time.monotonic() - self.started, 1), "findings": self.kinds}, indent=1))


def fuzz_one(target: str, libfuzzer_args: list[str], artifacts: Path, summary: Path, hang: float) -> None:
    import atheris

    import importlib
    import pkgutil

    # the readers import their parsers lazily: everything is imported here, inside the block, to be instrumented
    parsers = ["trafilatura", "htmldate", "courlan", "justext", "feedparser", "warcio"]
    with atheris.instrument_imports(include=["chronicle.ingest", *parsers]):
        import chronicle.ingest

        for mod in pkgutil.walk_packages(chronicle.ingest.__path__, "chronicle.ingest."):
            importlib.import_module(mod.name)
        for name in parsers:
            try:
                importlib.import_module(name)
            except ImportError:
                pass

    findings = Findings(target, artifacts, summary)
    scratch = tempfile.mkdtemp(prefix=f"chronicle-fuzz-{target}-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    targets = Targets(scratch)

    def on_alarm(signum, frame):
        raise Hang(f"input ran past {hang} s")

    signal.signal(signal.SIGALRM, on_alarm)

    def one_input(data: bytes) -> None:
        findings.inputs += 1
        signal.setitimer(signal.ITIMER_REAL, hang)
        try:
            targets.run(target, data)
        except Hang:
            findings.hangs += 1
            findings.record("hang", data, traceback.format_exc(limit=-12))
        except Exception:  # noqa: BLE001 - every other exception is a crash: counted, saved, and the run goes on
            findings.crashes += 1
            findings.record("crash", data, traceback.format_exc(limit=-12))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if findings.inputs % 250 == 0:
            findings.write()

    corpus = Path(scratch) / "corpus"
    corpus.mkdir()
    for i, seed in enumerate(seeds(target)):
        (corpus / f"seed-{i}").write_bytes(seed)
    findings.write()
    atheris.Setup([sys.argv[0], *libfuzzer_args, str(corpus)], one_input)
    atheris.Fuzz()


# -- every target, one process each, and the table ---------------------------------------------

def run_all(targets: list[str], runs: int, seconds: int, hang: float, out: Path) -> list[dict]:
    rows = []
    for target in targets:
        summary = out / f"{target}.json"
        summary.unlink(missing_ok=True)
        cmd = [sys.executable, __file__, target, "--hang", str(hang), "--summary", str(summary),
               "--artifacts", str(out / "artifacts"), f"-runs={runs}", f"-max_total_time={seconds}",
               "-max_len=8192", "-rss_limit_mb=4096", f"-timeout={int(hang * 3) + 30}", "-print_final_stats=1"]
        t0 = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=seconds + 600)
        wall = time.monotonic() - t0
        found = json.loads(summary.read_text()) if summary.exists() else {"target": target, "inputs": 0}
        done = re.findall(r"Done (\d+) runs", proc.stderr)
        if done:
            found["inputs"] = max(found["inputs"], int(done[-1]))  # the last inputs after the final write
        cov = re.findall(r"#\d+\s+\w+\s+cov: (\d+) ft: (\d+)", proc.stderr)
        found.update(wall_s=round(wall, 1), exit=proc.returncode, coverage=int(cov[-1][0]) if cov else None,
                     features=int(cov[-1][1]) if cov else None)
        if proc.returncode not in (0,) and not done:
            found["stderr_tail"] = proc.stderr[-2000:]
        rows.append(found)
        print(f"{target:8s} inputs {found['inputs']:7d}  crashes {found.get('crashes', '?'):>3}  "
              f"hangs {found.get('hangs', '?'):>3}  coverage {found['coverage']}  {wall:6.0f} s", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    flags = [a for a in argv if a.startswith("-") and "=" in a and not a.startswith("--")]  # libFuzzer's -x=y
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=TARGETS + ["all"])
    parser.add_argument("--runs", type=int, default=20000, help="inputs per target (all)")
    parser.add_argument("--seconds", type=int, default=300, help="time bound per target (all)")
    parser.add_argument("--hang", type=float, default=HANG_SECONDS, help="seconds after which an input is a hang")
    parser.add_argument("--summary", type=Path, help="JSON counts of one target (written as it runs)")
    parser.add_argument("--artifacts", type=Path, default=Path("fuzz-artifacts"))
    parser.add_argument("--json", type=Path, help="all: write every target's counts here")
    parser.add_argument("--only", help="all: comma-separated targets")
    args = parser.parse_args([a for a in argv if a not in flags])
    if args.target == "all":
        out = Path(tempfile.mkdtemp(prefix="chronicle-fuzz-"))
        args.artifacts = args.artifacts.resolve()
        rows = run_all(args.only.split(",") if args.only else TARGETS, args.runs, args.seconds, args.hang, out)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1))
        return 1 if any(r.get("crashes") or r.get("hangs") for r in rows) else 0
    fuzz_one(args.target, flags, args.artifacts, args.summary or Path(f"fuzz-{args.target}.json"), args.hang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
