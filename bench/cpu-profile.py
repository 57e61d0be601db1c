#!/usr/bin/env python3
"""CPU profile of the app from a dotnet-trace sampled-thread-time trace converted to speedscope.

Only samples whose leaf is CPU_TIME count (threads waiting, sleeping or blocked are left out), so the figures
are shares of the process's CPU. Prints inclusive shares of the frames matching a filter, then the top
exclusive frames.

    dotnet-trace collect -p PID --profile dotnet-sampled-thread-time --duration 00:00:00:15 -o t.nettrace
    dotnet-trace convert t.nettrace --format speedscope -o t
    python3 bench/cpu-profile.py t.speedscope.json 'HsctJournals|QueryCompiler.ExecuteAsync|RazorView.RenderAsync|PollGC'
"""
import collections
import json
import sys

trace = json.load(open(sys.argv[1]))
match = sys.argv[2].split("|") if len(sys.argv) > 2 else []
frames = [f["name"].split("!")[-1] for f in trace["shared"]["frames"]]
inclusive, exclusive, total = collections.Counter(), collections.Counter(), 0.0
for profile in trace["profiles"]:
    stack, last = [], None
    for event in profile["events"]:
        if stack and last is not None and frames[stack[-1]] == "CPU_TIME":
            elapsed = event["at"] - last
            total += elapsed
            names = [frames[f] for f in stack[:-1]]
            exclusive[names[-1]] += elapsed
            for name in set(names):
                inclusive[name] += elapsed
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            stack.pop()

print(f"CPU samples: {total:.0f} ms")
for name, value in inclusive.most_common():
    if not match or any(m in name for m in match):
        if value / total >= 0.005:
            print(f"{100 * value / total:6.2f}%  {name[:150]}")
print("--- exclusive")
for name, value in exclusive.most_common(20):
    print(f"{100 * value / total:6.2f}%  {name[:150]}")
