#!/usr/bin/env bash
# Load benchmark: 200 students for two minutes against the embedded database, with Gatling.
# Starts its own server on port 8089 with 200 extra demo students, runs StudentLoad, prints the
# per-request table (throughput, p50/p95/p99, errors) and stops the server.
# Usage: bench/load.sh [students] [seconds]
#   DODAM_BENCH_ARRIVAL seconds over which the students arrive and sign in (default 20)
#   DODAM_BENCH_WARMUP  seconds of warm-up rounds before the measured ones (default 180: the JIT compiler
#                       is still at work for minutes on two cores)
set -euo pipefail
cd "$(dirname "$0")/.."
students=${1:-200}
seconds=${2:-120}
port=${DODAM_BENCH_PORT:-8089}
# The bench build: the WAR a school runs plus the floor page bench-floor.xhtml (src/bench).
mvn -q -Pbench -DskipTests package # every time: a bench build left over from older sources would measure old code
data=$(mktemp -d)
DODAM_DATA_DIR="$data" DODAM_DEMO=true DODAM_DEMO_PASSWORD=bench-pass-2026 DODAM_DEMO_EXTRA_STUDENTS="$students" \
DODAM_SIGNIN_ACCOUNT_FAILURES=1000 DODAM_SIGNIN_CLIENT_FAILURES=100000 \
  java -Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=256m -jar target/payara-micro.jar \
  --deploy target/dodam-bench.war --contextroot / --port "$port" --nohazelcast --prebootcommandfile target/pre-boot-commands.txt > "$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; cp "$data/server.log" target/bench-load-server.log; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.2; done
mvn -q -Pbench-load gatling:test -Ddodam.url="http://127.0.0.1:$port" -Ddodam.students="$students" \
  -Ddodam.seconds="$seconds" -Ddodam.arrivalSeconds="${DODAM_BENCH_ARRIVAL:-20}" -Ddodam.warmUpSeconds="${DODAM_BENCH_WARMUP:-180}" > target/bench-load.log 2>&1
report=$(ls -d target/gatling/*/ | tail -1)
echo "Full report: ${report}index.html"
# The report's statistics table, as text (count, OK, KO, req/s, min, p50, p75, p95, p99, max, mean).
if command -v chromium >/dev/null; then
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --dump-dom "file://$PWD/${report}index.html" 2>/dev/null \
    | python3 bench/gatling-table.py | tee target/bench-load-table.txt
fi

# Capacity: the most requests per second the server answers for lesson pages and for the framework
# floor (wrk from Debian's packages), 32 connections, in three rounds that take turns (lesson 20 s, then
# floor 20 s), so that neither page gets the JIT compiler's later work alone; then the median of each and
# their ratio. Every request carries the session of one of 32 signed-in students, so neither page makes a
# new session per request (a page without a cookie would, and 100,000 sessions fill the heap).
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null 2>&1 || true; }
if command -v wrk >/dev/null; then
  source bench/sessions.sh
  sign_in_sessions "http://127.0.0.1:$port" 32
  rows=$(mktemp)
  echo "== capacity, 32 connections, 20 s per run: page, req/s, p50, p99, non-2xx"
  for _ in 1 2 3; do
    for target in "student/lesson.xhtml?id=consent-group-photos-and-screenshots&section=2" "bench-floor.xhtml"; do
      out=$(wrk -t2 -c32 -d20s --latency -s bench/sessions.lua "http://127.0.0.1:$port/$target")
      non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
      printf '%-7s %9s %8s %8s %5s\n' "${target%%.xhtml*}" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" "${non2xx:-0}" | tee -a "$rows"
    done
  done
  python3 - "$rows" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
lesson = statistics.median(float(r[1]) for r in rows if r[0].endswith("lesson"))
floor = statistics.median(float(r[1]) for r in rows if r[0].endswith("floor"))
print(f"median req/s: lesson page {lesson:.0f}, floor {floor:.0f}; lesson / floor = {lesson / floor:.2f}")
PY
  rm -f "$DODAM_BENCH_COOKIES" "$rows"
fi
