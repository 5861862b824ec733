#!/usr/bin/env bash
# Agenda reads under load on a running service: every request a different participant of EVENT with its own token,
# at 8 and then 32 connections; one line each with requests per second and latency percentiles (see README.md).
#
# usage: agenda-load.sh BASE_URL ORGANIZER_TOKEN EVENT_ID [json|ics|revalidate] [DURATION]
#   json        the agenda as JSON (default)
#   ics         the agenda as iCalendar (?format=ics)
#   revalidate  the agenda as JSON with If-None-Match of the participant's current ETag: what a browser that
#               already holds its agenda asks (expects 304)
#   DURATION    of each measured run, wrk's syntax (default 30s); each is preceded by a 10 s warm-up
# Needs curl, python3 and wrk (Debian: apt-get install wrk). The event must have a published schedule.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '4,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
base="${1%/}"; token="$2"; event="$3"; mode="${4:-json}"; duration="${5:-30s}"
case "$mode" in json|ics|revalidate) ;; *) echo "agenda-load.sh: unknown mode ($mode); json, ics or revalidate." >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "agenda-load.sh: wrk is missing (apt-get install wrk)." >&2; exit 2; }

script="$(mktemp --suffix .lua)"
trap 'rm -f "$script"' EXIT
curl -fsS -H "Authorization: Bearer $token" "$base/api/events/$event/participants" \
  | python3 "$(dirname "$0")/agenda-paths.py" "$base" "$mode" > "$script"
echo "event $event, $(grep -c '^  {' "$script") participants, mode $mode, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

printf '%-12s %-11s %-10s %-9s %-9s %-9s %-9s %s\n' mode connections requests/s p50 p75 p99 max 4xx/5xx
for connections in 8 32; do
  wrk -t2 -c"$connections" -d10s -s "$script" "$base" > /dev/null   # warm-up
  result="$(wrk -t2 -c"$connections" -d"$duration" -s "$script" "$base" | grep '^RESULT')"
  read -r _ rps p50 p75 p99 max bad <<< "$result"
  printf '%-12s %-11s %-10s %-9s %-9s %-9s %-9s %s\n' "$mode" "$connections" "$rps" "$p50" "$p75" "$p99" "$max" "$bad"
  if [ "$bad" != 0 ]; then
    echo "agenda-load.sh: $bad answers were 4xx or 5xx: the figures above are not agenda reads." >&2
    exit 1
  fi
done
