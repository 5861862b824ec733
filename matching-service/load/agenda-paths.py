#!/usr/bin/env python3
"""The wrk script of agenda-load.sh: reads the organizer's participant list (JSON) on stdin and writes a Lua script
that asks for every participant's agenda in turn, each wrk thread starting at another participant, and prints one
RESULT line at the end (requests/s, p50, p75, p99, max in ms, 4xx/5xx answers).

usage: agenda-paths.py BASE_URL json|ics|revalidate < participants.json > agenda.lua
"""
import http.client
import json
import sys
import urllib.parse

base, mode = sys.argv[1], sys.argv[2]
listing = json.load(sys.stdin)
event = listing["event"]
quote = lambda s: urllib.parse.quote(s, safe="")
paths = ["/api/events/%s/participants/%s/agenda?token=%s%s"
         % (quote(event), quote(p["id"]), quote(p["token"]), "&format=ics" if mode == "ics" else "")
         for p in listing["participants"]]
if not paths:
    sys.exit("agenda-paths.py: the event has no participants")

tags = [""] * len(paths)
if mode == "revalidate":
    # What a browser holding its agenda sends: the ETag it was given, read once per participant.
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port or 80)
    for i, path in enumerate(paths):
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        if response.status != 200 or not response.getheader("ETag"):
            sys.exit("agenda-paths.py: %s answered %d without an ETag" % (path.split("?")[0], response.status))
        tags[i] = response.getheader("ETag")

lua = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
print("agendas = {")
for path, tag in zip(paths, tags):
    print("  {%s, %s}," % (lua(path), lua(tag)))
print("""}
threads = 0
setup = function(thread)
  thread:set("first", threads * 7919)
  threads = threads + 1
end
counter = nil
request = function()
  counter = (counter or first or 0) + 1
  local agenda = agendas[(counter % #agendas) + 1]
  if agenda[2] ~= "" then
    return wrk.format("GET", agenda[1], {["If-None-Match"] = agenda[2]})
  end
  return wrk.format("GET", agenda[1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f %.2f %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(75) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status))
end""")
