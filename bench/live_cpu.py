#!/usr/bin/env python3
"""CPU per report of a live run: neuron-cw sending to a loopback CloudWatch stand-in, fed one report a second.

  live_cpu.py [--seconds 120] [--bin bench/out/aot/neuron-cw] [--config samples/monitor-all-groups.conf]

Replays trn1.32xlarge reports with every group (bench/generate_reports.py) at one per second into the real
binary, which sends PutMetricData (Query protocol, gzip, SigV4 with dummy keys) to a tiny HTTP server on
127.0.0.1 that answers 200 with the standard XML. CPU is utime+stime from the child's rusage (wait4) after end
of input, so the final flush, its encoding, gzip and the request are all counted; start-up is left out by
subtracting a 2-report run of the same kind (the least of three). Prints CPU ms per report.
"""
import argparse
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESPONSE = (b'<PutMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">'
            b"<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId>"
            b"</ResponseMetadata></PutMetricDataResponse>")


class StandIn(BaseHTTPRequestHandler):
    requests = 0
    body_bytes = 0

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        StandIn.requests += 1
        StandIn.body_bytes += length
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(RESPONSE)))
        self.end_headers()
        self.wfile.write(RESPONSE)

    def log_message(self, *args):
        pass


def cpu_seconds_from_stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # After the ")": state is field 3, utime field 14, stime field 15 (1-based in proc(5)).
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def replay(binary, config, reports, env, port):
    """Feeds reports at one a second; returns (CPU s from the child's rusage, CPU s at the second report from
    /proc/PID/stat, stderr lines, exit code)."""
    command = [binary, "--region", "us-east-1", "--endpoint-url", f"http://127.0.0.1:{port}", "--config", config]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    start = time.monotonic()
    baseline = 0.0
    for i, report in enumerate(reports):
        time.sleep(max(0.0, start + i - time.monotonic()))
        process.stdin.write(report)
        process.stdin.flush()
        if i == 1:
            baseline = cpu_seconds_from_stat(process.pid)  # the first report is read and mapped by now
    time.sleep(max(0.0, start + len(reports) - time.monotonic()))
    process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    stderr = process.stderr.read().decode(errors="replace").strip().splitlines()
    return usage.ru_utime + usage.ru_stime, baseline, stderr, os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--bin", default=os.path.join(ROOT, "bench/out/aot/neuron-cw"))
    parser.add_argument("--config", default=os.path.join(ROOT, "samples/monitor-all-groups.conf"))
    args = parser.parse_args()

    reports = subprocess.run([sys.executable, os.path.join(ROOT, "bench/generate_reports.py"), "--count", str(args.seconds)],
                             check=True, capture_output=True).stdout.splitlines(keepends=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDEXAMPLELIVECPU", AWS_SECRET_ACCESS_KEY="live-cpu-bench-not-a-secret",
               AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")

    # A short run of the same kind (start-up, two reports, the final flush and its request) measured whole, so that
    # start-up is subtracted with rusage's microseconds rather than /proc's 10 ms clock ticks.
    # Start-up CPU only ever comes out higher than it is (page faults, a busy machine): the least of three short runs is
    # taken, so the per-report figure errs on the high side.
    short = 2
    short_runs = []
    for _ in range(3):
        short_cpu, _, stderr, code = replay(args.bin, args.config, reports[:short], env, server.server_port)
        if code != 0:
            sys.exit(f"neuron-cw exited {code} (short run): {stderr[-3:]}")
        short_runs.append(short_cpu)
    short_total = min(short_runs)
    StandIn.requests = StandIn.body_bytes = 0
    total, baseline, stderr, code = replay(args.bin, args.config, reports, env, server.server_port)
    server.shutdown()
    if code != 0 or StandIn.requests == 0:
        sys.exit(f"neuron-cw exited {code} after {StandIn.requests} requests: {stderr[-3:]}")

    counted = len(reports) - 1  # reports after the baseline's first one
    print(f"reports: {len(reports)} at 1/s; requests to the stand-in: {StandIn.requests} ({StandIn.body_bytes} body bytes, gzip)")
    print(f"CPU: start-up and first report {baseline * 1000:.0f} ms (/proc ticks); {total * 1000:.1f} ms in all; "
          f"a {short}-report run {short_total * 1000:.1f} ms in all (least of {', '.join(f'{c * 1000:.1f}' for c in short_runs)})")
    print(f"live CPU per report: {(total - short_total) * 1000 / (len(reports) - short):.3f} ms "
          f"(end to end: read, map, aggregate, encode, gzip, sign, send; start-up excluded: the {short}-report run subtracted)")
    print(f"  (the /proc tick baseline instead: {(total - baseline) * 1000 / counted:.3f} ms)")


if __name__ == "__main__":
    main()
