#!/usr/bin/env bash
# Runs neuron-monitor | neuron-cw for systemd, cron, ECS and Kubernetes, configured from the environment:
#   NEURON_MONITOR         neuron-monitor binary (default /opt/aws/neuron/bin/neuron-monitor)
#   NEURON_CW              neuron-cw binary (default /usr/local/bin/neuron-cw)
#   NEURON_MONITOR_CONFIG  monitor.conf given to both (default /etc/neuron-cw/monitor.conf; must exist;
#                          set it empty to run both without a config)
#   NEURON_CW_ARGS         extra neuron-cw flags, split at spaces. A value with spaces goes in its own variable
#                          instead: every neuron-cw option has one (NEURON_CW_DIMENSION="Team=ML Platform").
#
# Works as PID 1 in a container: on SIGTERM or SIGINT it stops neuron-monitor; neuron-cw then sees the end of its
# input, sends what it buffered (within --shutdown-timeout) and exits, and this script exits with neuron-cw's code.
# If neuron-monitor fails on its own, the script exits with neuron-monitor's code after neuron-cw has flushed.
set -uo pipefail

NEURON_MONITOR="${NEURON_MONITOR:-/opt/aws/neuron/bin/neuron-monitor}"
NEURON_CW="${NEURON_CW:-/usr/local/bin/neuron-cw}"
NEURON_MONITOR_CONFIG="${NEURON_MONITOR_CONFIG-/etc/neuron-cw/monitor.conf}"
read -r -a cw_args <<<"${NEURON_CW_ARGS:-}"

config_args=()
if [[ -n "$NEURON_MONITOR_CONFIG" ]]; then
  if [[ ! -f "$NEURON_MONITOR_CONFIG" ]]; then
    echo "neuron-cw-pipeline: NEURON_MONITOR_CONFIG=$NEURON_MONITOR_CONFIG is not a file (give an existing monitor.conf, or set it empty to run without one)" >&2
    exit 2
  fi
  config_args=(-c "$NEURON_MONITOR_CONFIG")
fi

# Both sides run in the background with their pids known, so this shell stays free to take signals
# (as PID 1 it gets no default action for SIGTERM: without a trap the container runtime would SIGKILL everything).
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkfifo "$work/reports"
"$NEURON_MONITOR" "${config_args[@]}" >"$work/reports" &
monitor_pid=$!
"$NEURON_CW" "${config_args[@]}" "${cw_args[@]}" <"$work/reports" &
cw_pid=$!

stopping=0
stop() {
  stopping=1
  kill -TERM "$monitor_pid" 2>/dev/null
}
trap stop TERM INT

# wait returns early (above 128) when a trapped signal arrives: wait again until neuron-cw has really exited.
while true; do
  wait "$cw_pid"
  cw_rc=$?
  if ((cw_rc > 128)) && kill -0 "$cw_pid" 2>/dev/null; then
    continue
  fi
  break
done

# neuron-cw is gone (end of input, a usage error, a crash): neuron-monitor has no reader left.
kill -TERM "$monitor_pid" 2>/dev/null
wait "$monitor_pid"
monitor_rc=$?
if ((stopping == 0 && cw_rc == 0 && monitor_rc != 0 && monitor_rc != 143)); then
  echo "neuron-cw-pipeline: neuron-monitor exited with $monitor_rc" >&2
  exit "$monitor_rc"
fi
exit "$cw_rc"
