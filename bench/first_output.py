#!/usr/bin/env python3
"""Milliseconds from process start to the first byte on its stdout (median of N runs).

  first_output.py N INPUT_FILE COMMAND [ARGS...]
"""
import statistics
import subprocess
import sys
import time


def main():
    runs, input_path, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    samples = []
    for _ in range(runs):
        with open(input_path, "rb") as stdin:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            first = process.stdout.read(1)
            elapsed = (time.perf_counter() - start) * 1000
            process.stdout.read()
            process.wait()
        if not first:
            sys.exit(f"no output from {' '.join(command)}")
        samples.append(elapsed)
    print(f"{statistics.median(samples):.1f} {min(samples):.1f} {max(samples):.1f}")


if __name__ == "__main__":
    main()
