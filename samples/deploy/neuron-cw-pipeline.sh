#!/usr/bin/env bash
# Runs neuron-monitor | neuron-cw with pipefail semantics: the pipeline fails if either side fails,
# and a signal to this script reaches both (systemd sends SIGTERM to the whole control group).
# Binaries and settings come from the environment so systemd, cron, ECS and Kubernetes share this script.
set -euo pipefail

NEURON_MONITOR="${NEURON_MONITOR:-/opt/aws/neuron/bin/neuron-monitor}"
NEURON_CW="${NEURON_CW:-/usr/local/bin/neuron-cw}"
NEURON_MONITOR_CONFIG="${NEURON_MONITOR_CONFIG:-/etc/neuron-cw/monitor.conf}"
# shellcheck disable=SC2206 # word splitting of the flag list is intended
cw_args=(${NEURON_CW_ARGS:-})

config_args=()
if [[ -f "$NEURON_MONITOR_CONFIG" ]]; then
  config_args=(-c "$NEURON_MONITOR_CONFIG")
fi

"$NEURON_MONITOR" "${config_args[@]}" | "$NEURON_CW" "${config_args[@]}" "${cw_args[@]}"
