#!/usr/bin/env bash
# Agenda reads through one replica against two, in one run: each request a different participant (see README.md).
# First 32 connections to replica A alone, then 16 to A and 16 to B at the same time (as a load balancer would
# spread them); requests per second (the sum over both) and each replica's p50/p99.
#
# usage: replicas-load.sh BASE_A BASE_B ORGANIZER_TOKEN EVENT_ID [DURATION]
#   The two replicas share one database; the event must have a published schedule. DURATION as wrk's (default 30s).
set -euo pipefail
if [ $# -lt 4 ]; then
  sed -n '5,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
a="${1%/}"; b="${2%/}"; token="$3"; event="$4"; duration="${5:-30s}"
command -v wrk >/dev/null || { echo "replicas-load.sh: wrk is missing (apt-get install wrk)." >&2; exit 2; }
script="$(mktemp --suffix .lua)"; out_a="$(mktemp)"; out_b="$(mktemp)"
trap 'rm -f "$script" "$out_a" "$out_b"' EXIT
# Tokens issued by A: the same on B, whose token secret is the one in the shared database.
curl -fsS -H "Authorization: Bearer $token" "$a/api/events/$event/participants" \
  | python3 "$(dirname "$0")/agenda-paths.py" "$a" json > "$script"
echo "event $event, $(grep -c '^  {' "$script") participants, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '%-22s %-10s %-9s %-9s %-9s %s\n' setup requests/s p50 p99 max 4xx/5xx
run() { wrk -t1 -c"$2" -d"$3" -s "$script" "$1" | grep '^RESULT'; }
wrk -t2 -c32 -d10s -s "$script" "$a" > /dev/null; wrk -t2 -c32 -d10s -s "$script" "$b" > /dev/null  # warm-up
read -r _ rps p50 _ p99 max bad <<< "$(run "$a" 32 "$duration")"
printf '%-22s %-10s %-9s %-9s %-9s %s\n' "one replica, 32 conn" "$rps" "$p50" "$p99" "$max" "$bad"
run "$a" 16 "$duration" > "$out_a" & run "$b" 16 "$duration" > "$out_b"; wait
read -r _ rps_a p50_a _ p99_a max_a bad_a < "$out_a"
read -r _ rps_b p50_b _ p99_b max_b bad_b < "$out_b"
printf '%-22s %-10s %-9s %-9s %-9s %s\n' "two replicas, 16+16" "$((rps_a + rps_b))" "$p50_a/$p50_b" "$p99_a/$p99_b" \
  "$max_a/$max_b" "$((bad_a + bad_b))"
