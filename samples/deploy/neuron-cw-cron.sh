#!/usr/bin/env bash
# Cron wrapper: starts the neuron-monitor | neuron-cw pipeline unless it is already running, and logs.
#   * * * * * /usr/local/bin/neuron-cw-cron.sh
# Settings come from the same file systemd reads (NEURON_CW_ENV_FILE, default /etc/neuron-cw/neuron-cw.env).
# flock on a lock file makes "already running" exact (no pid-file races); the lock is held by the
# pipeline for as long as it runs and released by the kernel when it exits, whatever the reason.
set -uo pipefail

ENV_FILE="${NEURON_CW_ENV_FILE:-/etc/neuron-cw/neuron-cw.env}"
if [[ -f "$ENV_FILE" ]]; then
  set -a # every KEY=value of the file is exported to the pipeline
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  set +a
fi

LOCK_FILE="${NEURON_CW_LOCK_FILE:-/var/lock/neuron-cw.lock}"
LOG_FILE="${NEURON_CW_LOG_FILE:-/var/log/neuron-cw.log}"
PIPELINE="${NEURON_CW_PIPELINE:-$(dirname "$0")/neuron-cw-pipeline.sh}"

exec 9>"$LOCK_FILE"
if ! flock -n 9; then
  exit 0 # already running
fi

echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) neuron-cw-cron: starting pipeline" >>"$LOG_FILE"
"$PIPELINE" >>"$LOG_FILE" 2>&1
rc=$?
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) neuron-cw-cron: pipeline exited with $rc" >>"$LOG_FILE"
exit "$rc"
