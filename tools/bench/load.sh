#!/usr/bin/env bash
# Load benchmark of the web server: starts `custodiet serve` from the shaded jar in its own process
# on a fresh data directory, then runs wrk against a baseline (/health) and the two read endpoints
# the quality bar names, and prints requests/s, p99 latency and errors for each, side by side.
#
# Usage: tools/bench/load.sh [DURATION_SECONDS] [CONNECTIONS]     (defaults: 20 s, 32 connections)
# Needs wrk (Debian/Ubuntu: apt-get install -y wrk) and Java 17; the jar is built when missing.
# Bar: >= 5,000 requests/s, p99 < 20 ms, zero errors for /api/v1/figures and /api/v1/countries/KEN.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-20}"
connections="${2:-32}"
threads="${WRK_THREADS:-1}"

if ! command -v wrk >/dev/null; then
  echo "load.sh: wrk is missing; install it with: apt-get install -y wrk" >&2
  exit 2
fi
jar="$root/app/target/custodiet.jar"
if [[ ! -f "$jar" ]]; then
  echo "load.sh: building the jar..." >&2
  (cd "$root" && ./mvnw -q -B -ntp package -pl app -am -DskipTests -Djacoco.skip=true \
    -Dspotless.check.skip=true) >&2
fi

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
java ${CUSTODIET_JAVA_OPTS:-} -jar "$jar" --data "$work/data" serve --host 127.0.0.1 --port "$port" \
  >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
cleanup() {
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if curl -fsS "$base/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "load.sh: the server exited; its log:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.5
done
curl -fsS "$base/health" >/dev/null

endpoints=(/health /api/v1/figures /api/v1/countries/KEN)
# Warm up: the JIT, and the response cache for the read endpoints.
for path in "${endpoints[@]}"; do
  wrk -t"$threads" -c"$connections" -d5s "$base$path" >/dev/null
done

echo "custodiet load benchmark: wrk -t$threads -c$connections -d${duration}s on $(nproc) cores," \
  "server and wrk on the same machine (loopback)"
printf '%-24s %12s %10s %10s %10s %8s %15s\n' endpoint "requests/s" "p50 ms" "p99 ms" requests errors \
  "server p99 ms"
cat >"$work/parse.py" <<'PY'
import re, sys
out = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    if not m:
        return float("nan")
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
total = int(re.search(r"(\d+) requests in", out).group(1))
errors = 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
if m:
    errors += sum(int(x) for x in m.groups())
m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
if m:
    errors += int(m.group(1))
server = sorted(float(x) for x in re.findall(r" ms=([\d.]+) ", open(sys.argv[2]).read()))
server_p99 = server[int(len(server) * 0.99)] if server else float("nan")
print("%-24s %12.0f %10.2f %10.2f %10d %8d %15.2f"
      % (sys.argv[1], rps, ms("50"), ms("99"), total, errors, server_p99))
PY
for path in "${endpoints[@]}"; do
  sleep 1 # let the access log drain before marking where this run's lines start
  before="$(wc -l <"$work/server.log")"
  result="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$base$path")"
  sleep 1
  tail -n +"$((before + 1))" "$work/server.log" | grep -F "path=$path " >"$work/run.log" || true
  python3 "$work/parse.py" "$path" "$work/run.log" <<<"$result"
done
echo "(p50/p99: as wrk measures them, client side; server p99: time inside the server, from its"
echo " access log, without queueing for a CPU before the request is read)"
echo "server log lines (one per request): $(grep -c 'custodiet.access' "$work/server.log" || true)"
