#!/usr/bin/env python3
"""Runs one libFuzzer target for a fixed time on a copy of its seed corpus.

    run_fuzzer.py FUZZER SEED_DIR WORK_DIR SECONDS

The seeds are copied to WORK_DIR/corpus (libFuzzer adds the inputs it finds
there, never to the source tree); a crash leaves WORK_DIR/crash-* behind and
fails the test. The last line reports the executions, for the test command's
summary: "fuzz: TARGET N executions in S s"."""
import os
import re
import shutil
import subprocess
import sys

fuzzer, seeds, work, secs = sys.argv[1:5]
corpus = os.path.join(work, "corpus")
shutil.rmtree(corpus, ignore_errors=True)  # start from the seeds every time
os.makedirs(corpus, exist_ok=True)
for name in os.listdir(seeds):
    shutil.copy(os.path.join(seeds, name), corpus)
env = dict(os.environ, UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1",
           ASAN_OPTIONS="halt_on_error=1:detect_leaks=1")
proc = subprocess.run(
    # A fixed seed and a fixed number of runs make the test command's fuzzing
    # reproducible (what passes here passes in CI); tools/fuzz.sh explores with
    # random seeds for as long as it is asked.
    [fuzzer, f"-max_total_time={secs}", "-rss_limit_mb=2048", "-malloc_limit_mb=512"]
    + ([f"-seed={os.environ['XP_FUZZ_SEED']}", f"-runs={os.environ.get('XP_FUZZ_RUNS', '15000')}"]
       if os.environ.get("XP_FUZZ_SEED") else []) + [
     "-print_final_stats=1", f"-artifact_prefix={work}/", corpus],
    env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
out = proc.stdout
runs = re.search(r"stat::number_of_executed_units:\s*(\d+)", out)
target = os.path.basename(fuzzer).removeprefix("fuzz_")
if proc.returncode != 0:
    sys.stdout.write(out[-6000:])
    print(f"fuzz: {target} FAILED (exit {proc.returncode}); reproducer in {work}")
    sys.exit(1)
print(f"fuzz: {target} {runs.group(1) if runs else '?'} executions (at most {secs} s)")
