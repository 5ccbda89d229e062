#!/usr/bin/env python3
"""Run a command several times and print its median wall time, CPU time and peak memory. Prints figures; never fails
on them.

usage: measure.py LABEL RUNS [--fresh PATH] -- COMMAND WORDS...

--fresh PATH deletes PATH before every run (a build's output folder, so that every build is a cold one). Wall time
comes from a monotonic clock around each run, CPU time (user and system) and peak memory from the kernel's accounting
of that child process alone (wait4), so one run's figures never mix with another's. The command's own output is discarded; a failing run stops the
script with its output.
"""
import os, shutil, statistics, subprocess, sys, time

def main(argv):
    if "--" not in argv or len(argv) < 4:
        sys.exit(__doc__)
    split = argv.index("--")
    label, runs, opts, command = argv[0], int(argv[1]), argv[2:split], argv[split + 1:]
    fresh = opts[opts.index("--fresh") + 1] if "--fresh" in opts else None
    times, cpus, peaks = [], [], []
    for _ in range(runs):
        if fresh:
            shutil.rmtree(fresh, ignore_errors=True)
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        output = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            sys.stderr.write(output.decode(errors="replace"))
            sys.exit(f"{label}: {' '.join(command)} exited with {child.returncode}")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
    print(f"{label}: median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}, {runs} runs),"
          f" cpu {statistics.median(cpus):.3f} s, peak {statistics.median(peaks):.0f} MB")

if __name__ == "__main__":
    main(sys.argv[1:])
