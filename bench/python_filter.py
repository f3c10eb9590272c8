#!/usr/bin/env python3
"""The baseline users reach for (AWS's sample script style): json.loads every line and pull out
per-core utilization, printing one compact JSON line per core. Same extraction as the jq baseline."""
import json
import sys


def main():
    out = sys.stdout
    for line in sys.stdin.buffer:
        line = line.strip()
        if not line:
            continue
        try:
            report = json.loads(line)
        except ValueError:
            continue
        instance = (report.get("instance_info") or {}).get("instance_id")
        for runtime in report.get("neuron_runtime_data") or []:
            cores = (((runtime.get("report") or {}).get("neuroncore_counters") or {}).get("neuroncores_in_use")) or {}
            for core, counters in cores.items():
                value = counters.get("neuroncore_utilization")
                if value is not None:
                    out.write(json.dumps({"InstanceId": instance, "NeuronCore": core, "Value": value}, separators=(",", ":")))
                    out.write("\n")


if __name__ == "__main__":
    main()
