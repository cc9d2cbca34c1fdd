"""pytest plugin loaded by tools/run_array_api_tests.py: writes every failed,
erroring or XPASS test as its whole pytest node id (spaces and all), one a line,
to the file named by XPARRAY_OUTCOMES, as `FAILED <id>`, `ERROR <id>` or
`XPASS <id>`. The runner reads that file instead of parsing pytest's summary,
whose lines it cannot split where an id holds a space."""
import os

_lines = []


def pytest_runtest_logreport(report):
    if report.failed:
        kind = "FAILED" if report.when == "call" else "ERROR"
    elif report.when == "call" and report.passed and hasattr(report, "wasxfail"):
        kind = "XPASS"
    else:
        return
    line = f"{kind} {report.nodeid}"
    if line not in _lines:
        _lines.append(line)


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get("XPARRAY_OUTCOMES")
    if path:
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(x + "\n" for x in _lines))
