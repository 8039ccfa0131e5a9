#!/usr/bin/env bash
# Time from process start to ready (/health/ready answers 200) and resident memory after ready,
# for a first start on an empty embedded database (migrations + demo school) and for a restart.
# Usage: bench/startup.sh [runs]   (builds the WAR first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${DODAM_BENCH_PORT:-8089}
# The same JVM flags as `mvn -Prun package` uses.
JAVA_FLAGS=${JAVA_FLAGS:-"-Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=256m"}
[ -f target/dodam.war ] && [ -f target/payara-micro.jar ] && [ -f target/pre-boot-commands.txt ] || mvn -q -DskipTests package

measure() {  # $1 = data dir; prints "seconds rss_mb"
  local start pid ready rss
  start=$(date +%s.%N)
  DODAM_DATA_DIR="$1" DODAM_DEMO=true java $JAVA_FLAGS -jar target/payara-micro.jar --deploy target/dodam.war --contextroot / \
    --port "$port" --nohazelcast --prebootcommandfile target/pre-boot-commands.txt > "$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; then break; fi
    kill -0 "$pid" 2>/dev/null || { echo "server exited, see $1.log" >&2; exit 1; }
    sleep 0.1
  done
  ready=$(date +%s.%N)
  sleep 2
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%.1f %s\n' "$(echo "$ready - $start" | bc)" "$rss"
}

work=$(mktemp -d)
echo "run  kind         ready_s  rss_mb"
for i in $(seq 1 "$runs"); do
  dir="$work/data-$i"
  read -r s m < <(measure "$dir"); printf '%-4s %-12s %7s %7s\n' "$i" "first-start" "$s" "$m"
  read -r s m < <(measure "$dir"); printf '%-4s %-12s %7s %7s\n' "$i" "restart" "$s" "$m"
done
rm -rf "$work"
