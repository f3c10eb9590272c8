#!/usr/bin/env python3
"""Fixed cost of a run (start to exit) of one or more builds, measured side by side: wall and CPU (user+sys of the
process and its threads, from wait4) per run, median with the 10th and 90th percentiles. The builds take turns, in
alternating order, so load from anything else on the machine falls on all of them alike.

  startup_cost.py RUNS INPUT_FILE LABEL=COMMAND [LABEL=COMMAND ...]

COMMAND is split like a shell word list, e.g. 'base=bench/out/a/neuron-cw --dry-run'; INPUT_FILE is its stdin
(/dev/null for an empty input). stdout and stderr are discarded; a non-zero exit is reported.
"""
import os
import shlex
import statistics
import sys
import time


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run_once(argv, input_path, devnull):
    stdin = os.open(input_path, os.O_RDONLY)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(stdin, 0)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - start) * 1000
    os.close(stdin)
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, os.waitstatus_to_exitcode(status)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs, input_path = int(sys.argv[1]), sys.argv[2]
    builds = []
    for spec in sys.argv[3:]:
        label, command = spec.split("=", 1)
        builds.append((label, shlex.split(command), [], []))
    devnull = os.open(os.devnull, os.O_WRONLY)
    for i in range(runs):
        for label, argv, walls, cpus in builds if i % 2 == 0 else reversed(builds):
            wall, cpu, code = run_once(argv, input_path, devnull)
            if code != 0:
                print(f"{label}: exit code {code}", file=sys.stderr)
            walls.append(wall)
            cpus.append(cpu)
    print(f"{runs} runs each, load average {os.getloadavg()[0]:.2f} at the end")
    for label, _, walls, cpus in builds:
        print(f"{label}: wall median {statistics.median(walls):.2f} ms (p10 {percentile(walls, 0.1):.2f}, p90 {percentile(walls, 0.9):.2f});"
              f" CPU median {statistics.median(cpus):.2f} ms (p10 {percentile(cpus, 0.1):.2f}, p90 {percentile(cpus, 0.9):.2f})")


if __name__ == "__main__":
    main()
