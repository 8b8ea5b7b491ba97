#!/usr/bin/env bash
# HTTP benchmarks against the built distribution (distribution/target/veto):
#  1. wrk, 64 connections: GET /health/live (the HTTP floor) and POST /v1/check (different prompts, the
#     bundled keyword classifier and policy), side by side on the same server;
#  2. time to first token of a streamed completion, straight from a stub model server and through
#     `veto serve --upstream` in front of it, with the model streaming at once and paced.
# Needs wrk (apt-get install wrk). Build first: ./mvnw -q -DskipTests install
# CONFIG=FILE serves with that configuration file instead of the distribution's (benchmarks/http/*.conf:
# the documented variants); ONLY=throughput or ONLY=ttft runs one part; DURATION and WARMUP as below.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${DURATION:-30s}"
veto=distribution/target/veto/bin/veto
classes=benchmarks/target/classes
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[ -x "$veto" ] && [ -d "$classes" ] || { echo "build first: ./mvnw -q -DskipTests install" >&2; exit 1; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  pids=()
}
trap cleanup EXIT

await() { for _ in $(seq 1 200); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }

serve() { # port, extra args...
  local port=$1; shift
  local config=()
  if [ -n "${CONFIG:-}" ]; then # beside the distribution's application.conf, which it may include
    cp "$CONFIG" distribution/target/veto/conf/benchmark.conf
    config=(-c "$(realpath distribution/target/veto/conf/benchmark.conf)")
  fi
  JAVA_OPTS="${JAVA_OPTS:--Xmx1g}" "$veto" serve --port "$port" "${config[@]}" "$@" >/tmp/veto-bench-$port.log 2>&1 &
  pids+=($!)
  await "http://127.0.0.1:$port/health/live"
}

if [ "${ONLY:-throughput}" = throughput ]; then
echo "== throughput and latency at 64 connections, $duration each"
serve 18181
# warm-up: on two cores the JIT competes with 64 request threads; it compiles for about 100 s of CPU before
# the server reaches its steady state
wrk -t1 -c64 -d20s http://127.0.0.1:18181/health/live >/dev/null
wrk -t1 -c64 -d"${WARMUP:-100s}" -s benchmarks/http/check.lua http://127.0.0.1:18181 >/dev/null
echo "-- GET /health/live (HTTP floor)"
wrk -t1 -c64 -d"$duration" --latency http://127.0.0.1:18181/health/live
echo "-- POST /v1/check"
wrk -t1 -c64 -d"$duration" --latency -s benchmarks/http/check.lua http://127.0.0.1:18181
cleanup
fi

[ "${ONLY:-ttft}" = ttft ] || exit 0
for pace in ${PACES:-0 20}; do
  echo "== time to first token, model streaming 60 events ${pace} ms apart"
  # nodelay: as real model servers do; without it Nagle's algorithm and delayed ACKs add 40 ms per burst
  java -Dsun.net.httpserver.nodelay=true -cp "$classes" dev.veto.benchmarks.http.StubModelServer 18282 "$pace" & pids+=($!)
  sleep 1
  serve 18283 --upstream http://127.0.0.1:18282/v1
  # the input side is shared with /v1/check: warm it there, so the sequential probe meets compiled code
  wrk -t1 -c8 -d40s -s benchmarks/http/check.lua http://127.0.0.1:18283 >/dev/null
  java -cp "$classes" dev.veto.benchmarks.http.TimeToFirstToken http://127.0.0.1:18282/v1 http://127.0.0.1:18283/v1 \
      "$([ "$pace" = 0 ] && echo 2000 || echo 100)"
  cleanup
done
