#!/usr/bin/env bash
# Agenda reads under load: every participant of EVENT in turn, each with its own token, on a running service.
# usage: agenda-load.sh BASE_URL ORGANIZER_TOKEN EVENT_ID [wrk options, default: -t2 -c32 -d30s]
# Needs curl, python3 and wrk (Debian: apt-get install wrk). The event must be solved already.
set -euo pipefail
base="$1"; token="$2"; event="$3"; shift 3
opts=("$@"); [ ${#opts[@]} -gt 0 ] || opts=(-t2 -c32 -d30s)
script="$(mktemp --suffix .lua)"
trap 'rm -f "$script"' EXIT
curl -fsS -H "Authorization: Bearer $token" "$base/api/events/$event/participants" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("paths = {")
for p in d["participants"]:
    print("  \"/api/events/%s/participants/%s/agenda?token=%s\"," % (d["event"], p["id"], p["token"]))
print("}\ncounter = 0\nrequest = function()\n  counter = counter + 1\n  return wrk.format(\"GET\", paths[(counter % #paths) + 1])\nend")
' > "$script"
echo "participants: $(grep -c agenda "$script")" >&2
wrk "${opts[@]}" -s "$script" "$base" > /dev/null   # warm-up
exec wrk "${opts[@]}" --latency -s "$script" "$base"
