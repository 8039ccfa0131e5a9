#!/usr/bin/env bash
# Capacity of a lesson page against the framework floor, in alternating rounds.
# Starts a server (the embedded database, 32 extra demo students) for each WAR to measure, signs the
# students in, warms up, then runs `rounds` rounds; in each, for every WAR in turn, wrk asks for the
# lesson page and then the floor for `seconds` each (16 connections, every request with one of the 32
# students' sessions). For each run it prints requests per second, p50/p99, non-2xx answers and the
# server's CPU time per request (from /proc/<pid>/stat); then medians and ratios per WAR.
# Usage: bench/capacity.sh [rounds] [seconds]      # defaults: 4 15
#   DODAM_BENCH_WAR="a.war b.war"  the builds to compare (default target/dodam-bench.war, the bench build: it
#                                  holds the floor page), one server each on
#                                  ports 8089, 8090, ... (DODAM_BENCH_PORT), measured in the same minutes
#   DODAM_BENCH_WARMUP             seconds of warm-up per server (default 240: the JIT compiler is still at
#                                  work for minutes on two cores)
#   DODAM_BENCH_LESSON             the lesson URL
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-4}
seconds=${2:-15}
port=${DODAM_BENCH_PORT:-8089}
read -r -a wars <<<"${DODAM_BENCH_WAR:-target/dodam-bench.war}"
warmup=${DODAM_BENCH_WARMUP:-240}
lesson=${DODAM_BENCH_LESSON:-student/lesson.xhtml?id=consent-group-photos-and-screenshots&section=2}
# The floor page bench-floor.xhtml is only in the bench build (src/bench), never in the WAR a school runs.
mvn -q -Pbench -DskipTests package # every time: a bench build left over from older sources would measure old code
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null 2>&1 || true; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
source bench/sessions.sh

work=$(mktemp -d)
pids=()
cleanup() {
  for i in "${!pids[@]}"; do kill "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true
    cp "$work/server$i.log" "target/bench-capacity-server$i.log" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
for i in "${!wars[@]}"; do
  mkdir -p "$work/data$i"
  DODAM_DATA_DIR="$work/data$i" DODAM_DEMO=true DODAM_DEMO_PASSWORD=bench-pass-2026 DODAM_DEMO_EXTRA_STUDENTS=32 DODAM_SIGNIN_ACCOUNT_FAILURES=1000 DODAM_SIGNIN_CLIENT_FAILURES=100000 \
    java -Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=256m -jar target/payara-micro.jar \
    --deploy "${wars[$i]}" --contextroot / --port $((port + i)) --nohazelcast --prebootcommandfile target/pre-boot-commands.txt > "$work/server$i.log" 2>&1 &
  pids[$i]=$!
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$((port + i))/health/ready" && break; sleep 0.3; done
done
for i in "${!wars[@]}"; do
  sign_in_sessions "http://127.0.0.1:$((port + i))" 32
  mv "$DODAM_BENCH_COOKIES" "$work/cookies$i"
  curl -fs -o /dev/null -b "JSESSIONID=$(head -1 "$work/cookies$i")" "http://127.0.0.1:$((port + i))/$lesson" \
    || { echo "${wars[$i]}: the lesson page does not answer 200 for a signed-in bench student" >&2; exit 1; }
done

hz=$(getconf CLK_TCK)
run() {  # $1 = server index, $2 = label, $3 = path, $4 = seconds; prints one row
  local before after out total non2xx
  before=$(awk '{print $14 + $15}' "/proc/${pids[$1]}/stat")
  out=$(DODAM_BENCH_COOKIES="$work/cookies$1" wrk -t2 -c16 -d"$4"s --latency -s bench/sessions.lua "http://127.0.0.1:$((port + $1))/$3")
  after=$(awk '{print $14 + $15}' "/proc/${pids[$1]}/stat")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '%-3s %-7s %9s %8s %8s %7s %12.2f\n' "$1" "$2" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" "${non2xx:-0}" \
    "$(echo "($after - $before) * 1000 / $hz / $total" | bc -l)"
}
for i in "${!wars[@]}"; do
  echo "server $i: ${wars[$i]} (port $((port + i))); warm-up ${warmup} s, both pages in turn (not reported)"
  for _ in $(seq 1 $((warmup / 60))); do run "$i" lesson "$lesson" 30 >/dev/null; run "$i" floor bench-floor.xhtml 30 >/dev/null; done
done
echo "uptime before: $(uptime)"
printf '%-3s %-7s %9s %8s %8s %7s %12s\n' war page req/s p50 p99 non-2xx cpu_ms/req
for _ in $(seq 1 "$rounds"); do
  for i in "${!wars[@]}"; do
    run "$i" lesson "$lesson" "$seconds"
    run "$i" floor bench-floor.xhtml "$seconds"
  done
done | tee "$work/rows"
echo "uptime after: $(uptime)"
python3 - "$work/rows" "${wars[@]}" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for i, war in enumerate(sys.argv[2:]):
    def col(page, c): return [float(r[c]) for r in rows if r[0] == str(i) and r[1] == page]
    lr, fr, lc, fc = col("lesson", 2), col("floor", 2), col("lesson", 6), col("floor", 6)
    print(f"{war}: median req/s lesson {statistics.median(lr):.0f}, floor {statistics.median(fr):.0f}, "
          f"ratio {statistics.median(lr) / statistics.median(fr):.2f} (per round {', '.join(f'{a / b:.2f}' for a, b in zip(lr, fr))}); "
          f"median CPU per request lesson {statistics.median(lc):.2f} ms, floor {statistics.median(fc):.2f} ms, "
          f"ratio {statistics.median(fc) / statistics.median(lc):.2f}")
PY
