#!/usr/bin/env python3
"""Deterministic generator of trn1.32xlarge neuron-monitor reports (one JSON report per line).

Every group is present: 2 runtimes x 16 NeuronCores (32 cores), memory breakdown per core,
execution stats with latency percentiles, runtime vCPU usage, 128 vCPUs in usage_data,
memory_info and 16 devices in neuron_hw_counters. Values vary per report (seeded RNG) so the
aggregator sees realistic distinct values.

  generate_reports.py --mb 80 > reports.jsonl        # about 80 MB
  generate_reports.py --count 1000000 --distinct 1000  # 1M reports cycling over 1000 distinct ones (soak)
"""
import argparse
import json
import random
import sys

CORES_PER_RUNTIME = 16
VCPUS = 128
DEVICES = 16


def percentiles(rng, base):
    keys = ["p0", "p1", "p25", "p50", "p75", "p99", "p100"]
    return {k: round(base * (1 + i * 0.1) + rng.random() * 1e-3, 6) for i, k in enumerate(keys)}


def runtime(rng, pid, tag, first_core):
    cores = {str(first_core + i): {"neuroncore_utilization": round(rng.uniform(0, 100), 6)}
             for i in range(CORES_PER_RUNTIME)}
    mem_cores = {str(first_core + i): {"constants": 0, "model_code": 100752896 + rng.randrange(4096),
                                       "model_shared_scratchpad": 0, "runtime_memory": 0,
                                       "tensors": 9912852 + rng.randrange(1 << 20)}
                 for i in range(CORES_PER_RUNTIME)}
    completed = rng.randrange(100, 500)
    return {
        "pid": pid,
        "neuron_runtime_tag": tag,
        "error": "",
        "report": {
            "execution_stats": {
                "period": 1.0,
                "error_summary": {"generic": 0, "numerical": 0, "transient": 0, "model": 0, "runtime": 0, "hardware": 0},
                "execution_summary": {"completed": completed, "completed_with_err": 0, "completed_with_num_err": 0,
                                      "timed_out": 0, "incorrect_input": 0, "failed_to_queue": 0},
                "latency_stats": {"total_latency": percentiles(rng, 0.010), "device_latency": percentiles(rng, 0.009)},
                "error": "",
            },
            "memory_used": {
                "period": 1.0,
                "neuron_runtime_used_bytes": {
                    "host": 9043968 + rng.randrange(1 << 16),
                    "neuron_device": 3541303936 + rng.randrange(1 << 20),
                    "usage_breakdown": {
                        "host": {"application_memory": 655360, "constants": 0, "dma_buffers": 8388608, "tensors": 0},
                        "neuroncore_memory_usage": mem_cores,
                    },
                },
                "loaded_models": [],
                "error": "",
            },
            "neuron_runtime_vcpu_usage": {"period": 1.0, "vcpu_usage": {"user": round(rng.uniform(0, 100), 2),
                                                                         "system": round(rng.uniform(0, 10), 2)}, "error": ""},
            "neuroncore_counters": {"period": 1.0, "neuroncores_in_use": cores, "error": ""},
        },
    }


def cpu(rng):
    user = round(rng.uniform(0, 90), 2)
    system = round(rng.uniform(0, 10), 2)
    return {"user": user, "nice": 0, "system": system, "idle": round(100 - user - system, 2),
            "io_wait": 0.1, "irq": 0, "soft_irq": 0.1}


def report(rng):
    return {
        "neuron_runtime_data": [runtime(rng, 457402, "trainer", 0), runtime(rng, 457501, "evaluator", CORES_PER_RUNTIME)],
        "system_data": {
            "memory_info": {"period": 1.0, "memory_total_bytes": 540553609216,
                            "memory_used_bytes": 72543928320 + rng.randrange(1 << 30),
                            "swap_total_bytes": 0, "swap_used_bytes": 0, "error": ""},
            "neuron_hw_counters": {"period": 1.0, "neuron_devices": [
                {"neuron_device_index": d, "mem_ecc_corrected": rng.randrange(2), "mem_ecc_uncorrected": 0,
                 "sram_ecc_uncorrected": 0, "sram_ecc_corrected": 0} for d in range(DEVICES)], "error": ""},
            "vcpu_usage": {"period": 1.0, "average_usage": cpu(rng),
                           "usage_data": {str(i): cpu(rng) for i in range(VCPUS)}, "error": ""},
        },
        "instance_info": {"instance_name": "", "instance_id": "i-0fedcba9876543210", "instance_type": "trn1.32xlarge",
                          "instance_availability_zone": "us-east-1a", "instance_availability_zone_id": "use1-az4",
                          "instance_region": "us-east-1", "ami_id": "ami-0abc", "subnet_id": "subnet-0abc", "error": ""},
        "neuron_hardware_info": {"neuron_device_count": DEVICES, "neuroncore_per_device_count": 2, "error": ""},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, help="stop after about this many megabytes (10^6 bytes)")
    parser.add_argument("--count", type=int, help="number of reports")
    parser.add_argument("--distinct", type=int, default=0, help="cycle over this many distinct reports (0: all distinct)")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--progress-every", type=int, default=0, help="after every N reports, flush and print 'progress N' on stderr")
    args = parser.parse_args()
    if (args.mb is None) == (args.count is None):
        parser.error("give exactly one of --mb or --count")

    rng = random.Random(args.seed)
    cycle = [(json.dumps(report(rng), separators=(",", ":")) + "\n").encode() for _ in range(args.distinct)]
    out = sys.stdout.buffer
    limit = int(args.mb * 1_000_000) if args.mb is not None else None
    written = n = 0
    try:
        while (limit is None or written < limit) and (args.count is None or n < args.count):
            line = cycle[n % len(cycle)] if cycle else (json.dumps(report(rng), separators=(",", ":")) + "\n").encode()
            out.write(line)
            written += len(line)
            n += 1
            if args.progress_every and n % args.progress_every == 0:
                out.flush()
                print(f"progress {n}", file=sys.stderr, flush=True)
        out.flush()
    except BrokenPipeError:
        pass
    print(f"generated {n} reports, {written} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
