"""Reports of ``facilitator replay --check`` for CI: JUnit XML and JSON, chosen by suffix.

JUnit XML: one ``<testcase>`` per fixture (its replay time as ``time``), a ``<failure>`` naming
every difference, an ``<error>`` for a crash, and each turn's detail in ``<system-out>``.
JSON: the same, plus each turn's times and word error and the whole event log, for tools.
Both are written as files only the user can read, as a session record is.
"""

from __future__ import annotations

import datetime
import json
import platform
import re
import socket
import xml.etree.ElementTree as ET
from pathlib import Path

from facilitator.errors import FacilitatorError

REPORT_VERSION = 1  # of the JSON layout; bumped when a key changes meaning or goes away
FORMATS = {".xml": "junit", ".json": "json"}


def check_report_paths(paths: list[str]) -> list[Path]:
    """The --report files, checked before anything is replayed."""
    checked = []
    for given in paths:
        path = Path(given)  # its suffix was checked with the option (settings_schema.py)
        if not path.parent.is_dir():
            raise FacilitatorError(
                f"--report {given}: folder {path.parent} does not exist; create it first")
        checked.append(path)
    return checked


def write_reports(paths: list[Path], results: list, *, elapsed: float, jobs: int) -> None:
    from facilitator.records import write_private_file

    for path in paths:
        if FORMATS[path.suffix.lower()] == "junit":
            text = junit_xml(results, elapsed=elapsed)
        else:
            text = json.dumps(json_report(results, elapsed=elapsed, jobs=jobs), indent=1,
                              ensure_ascii=False) + "\n"
        try:
            write_private_file(path, text)
        except OSError as exc:
            raise FacilitatorError(
                f"--report {path}: cannot write it ({exc.strerror or exc}); choose another "
                "path") from None


def _summary(results: list) -> dict:
    count = {s: sum(r.status == s for r in results)
             for s in ("passed", "failed", "crashed", "replayed")}
    return {"fixtures": len(results), **count, "ok": all(r.ok for r in results)}


def json_report(results: list, *, elapsed: float, jobs: int) -> dict:
    return {
        "report": REPORT_VERSION,
        "finished": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"host": socket.gethostname(), "python": platform.python_version()},
        "jobs": jobs,
        "seconds": round(elapsed, 3),
        "summary": _summary(results),
        "fixtures": [_fixture_json(r) for r in results],
    }


def _fixture_json(result) -> dict:
    return {
        "name": result.name,
        "manifest": result.manifest,
        "truth": result.truth,
        "status": result.status,
        "first_difference": str(result.differences[0]) if result.differences else None,
        "differences": [{"kind": d.kind, "turn": d.turn, "message": d.message}
                        for d in result.differences],
        "crash": result.crash,
        "ended": result.ended,
        "expected_end": result.expected_end,
        "timings": {
            "replay_seconds": result.seconds,
            "cpu_seconds": result.cpu_seconds,
            "session_seconds": result.session_seconds,
            "real_time_factor": (round(result.seconds / result.session_seconds, 4)
                                 if result.session_seconds else None),
        },
        "worker": {"pid": result.worker, "fixtures": result.worker_fixtures,
                   "peak_mb": result.worker_peak_mb, "rss_mb": result.worker_rss_mb},
        "turns": [t.as_dict() for t in result.turns],
        "events": result.events,
    }


# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def junit_xml(results: list, *, elapsed: float) -> str:
    summary = _summary(results)
    suites = ET.Element("testsuites", name="facilitator replay --check",
                        tests=str(len(results)), failures=str(summary["failed"]),
                        errors=str(summary["crashed"]), time=f"{elapsed:.3f}")
    suite = ET.SubElement(
        suites, "testsuite", name="fixtures", tests=str(len(results)),
        failures=str(summary["failed"]), errors=str(summary["crashed"]), skipped="0",
        time=f"{elapsed:.3f}", hostname=socket.gethostname(),
        timestamp=datetime.datetime.now().isoformat(timespec="seconds"))
    for result in results:
        case = ET.SubElement(suite, "testcase", classname="replay", name=result.name,
                             file=result.manifest, time=f"{result.seconds:.3f}")
        properties = ET.SubElement(case, "properties")
        for name, value in (("status", result.status), ("truth", result.truth or "none"),
                            ("ended", result.ended), ("expected_end", result.expected_end),
                            ("session_seconds", result.session_seconds),
                            ("worker_peak_mb", result.worker_peak_mb)):
            if value is not None:
                ET.SubElement(properties, "property", name=name, value=_xml_text(str(value)))
        if result.status == "crashed":
            error = ET.SubElement(case, "error", message=_xml_text(result.crash or ""),
                                  type="crash")
            error.text = _xml_text(result.crash or "")
        elif result.status == "failed":
            first = result.differences[0]
            failure = ET.SubElement(case, "failure", message=_xml_text(str(first)),
                                    type=first.kind)
            failure.text = _xml_text("\n".join(f"[{d.kind}] {d}" for d in result.differences))
        out = ET.SubElement(case, "system-out")
        out.text = _xml_text(_turn_lines(result))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(
        suites, encoding="unicode") + "\n"


def _turn_lines(result) -> str:
    """Each turn on one line: where it was heard, what was heard, its times and word error."""
    if result.status == "replayed":
        return (f"No truth file: replayed only. Ended {result.ended} after "
                f"{result.session_seconds} s of session in {result.seconds:.1f} s.")
    lines = []
    for t in result.turns:
        mark = "ok  " if t.ok else "DIFF"
        if not t.compared and t.ok:
            mark = "--  "  # not compared: the replay had left its script before this turn
        where = (f"{t.listened['partner'] or 'either'} at {t.listened['stage']}"
                 if t.listened else "not heard")
        times = ""
        if t.decided_at is not None and t.true_end is not None:
            times = (f" | speech {t.speech_start:.2f}-{t.speech_end:.2f} s, true end "
                     f"{t.true_end:.2f} s, decided {t.latency:+.2f} s")
        wer = f" | WER {t.wer:.2f}" if t.wer is not None else ""
        verdict = f" | verdict {', '.join(t.verdicts)} (truth {t.verdict})" if t.verdict else ""
        lines.append(f"{mark} {t.index:3d} {t.partner} {t.stage}: {where}{times}{wer}"
                     f"{verdict} | heard {t.heard!r}")
    return "\n".join(lines)
