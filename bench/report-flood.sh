#!/usr/bin/env bash
# A flood of wrong receipt codes from one client behind the school's proxy, and a real reporter behind the
# same proxy opening their report meanwhile: how long the real reporter waits, and whether they get in.
# Usage: bench/report-flood.sh [flood-seconds] [connections]     (defaults: 30 32)
# Needs the packaged WAR (mvn -DskipTests package) and wrk (installed from Debian's packages when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-32}
port=${DODAM_BENCH_PORT:-8089}
dir=target/bench-flood
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null 2>&1 || true; }
command -v wrk >/dev/null || { echo "wrk is missing" >&2; exit 1; }

rm -rf "$dir" && mkdir -p "$dir"
DODAM_DATA_DIR="$PWD/$dir/data" DODAM_DEMO=true DODAM_DEMO_PASSWORD=bench-pass-2026 DODAM_TRUSTED_PROXIES=127.0.0.1 \
  java -Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=256m -jar target/payara-micro.jar \
  --deploy target/dodam.war --contextroot / --port "$port" --nohazelcast --prebootcommandfile target/pre-boot-commands.txt > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -fs "$base/health/ready" >/dev/null 2>&1; do sleep 1; done

# The school's report link, as its counsellor's home page shows it.
curl -s -c "$dir/cookies" -o /dev/null -H "Origin: $base" -d 'signin=signin&return=/login.xhtml&signin:username=demo-counsellor&signin:password=bench-pass-2026&signin:submit=x&jakarta.faces.ViewState=stateless' "$base/login.xhtml"
link=$(curl -s -b "$dir/cookies" "$base/counsellor/index.xhtml" | grep -o 's=[0-9a-f]\{24\}' | head -1 | cut -c3-)

# One real report, from the real reporter's address behind the proxy.
form=$(curl -s -H 'X-Forwarded-For: 198.51.100.8' "$base/report/index.xhtml?s=$link")
token=$(grep -o 'name="token" value="[^"]*"' <<<"$form" | cut -d'"' -f4)
code=$(curl -s -H 'X-Forwarded-For: 198.51.100.8' --data-urlencode report=report --data-urlencode "s=$link" \
  --data-urlencode "token=$token" --data-urlencode report:role=TARGET --data-urlencode report:category=DEEPFAKE \
  --data-urlencode report:danger=false --data-urlencode "report:description=bench report" --data-urlencode report:send=Send \
  --data-urlencode jakarta.faces.ViewState=stateless "$base/report/index.xhtml?s=$link" | grep -o '[2-9A-HJ-NP-Z]\{4\}-[2-9A-HJ-NP-Z]\{4\}-[2-9A-HJ-NP-Z]\{4\}-[2-9A-HJ-NP-Z]\{4\}' | head -1)
[ -n "$code" ] || { echo "no receipt code" >&2; exit 1; }

open_once() {
  curl -s -o "$dir/open.html" -w '%{time_total}' -H 'X-Forwarded-For: 198.51.100.8' \
    --data-urlencode followUp=followUp --data-urlencode "s=$link" --data-urlencode "followUp:code=$1" \
    --data-urlencode followUp:open=Open --data-urlencode jakarta.faces.ViewState=stateless "$base/report/follow-up.xhtml"
  grep -q 'id="threadTitle"' "$dir/open.html" && echo " opened" || echo " refused"
}
summary() { sort -n | awk '{a[NR]=$1} END {printf "median %.3f s, max %.3f s over %d opens\n", a[int((NR+1)/2)], a[NR], NR}'; }

echo "== the real reporter opens their report, no flood (10 times)"
for i in $(seq 10); do open_once "$code"; done | tee "$dir/quiet.txt" | grep -c opened | sed 's/^/opened: /'
awk '{print $1}' "$dir/quiet.txt" | summary

cat > "$dir/flood.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Forwarded-For"] = "198.51.100.7"
wrk.body = "followUp=followUp&s=$link&followUp%3Acode=ZZZZ-ZZZZ-ZZZZ-ZZZ2&followUp%3Aopen=Open&jakarta.faces.ViewState=stateless"
LUA
echo "== $connections connections send wrong codes for $seconds s from one client; the real reporter opens meanwhile"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "$dir/flood.lua" "$base/report/follow-up.xhtml" > "$dir/wrk.txt" &
flood=$!
sleep 5
for i in $(seq 10); do open_once "$code"; sleep 1; done | tee "$dir/flooded.txt" | grep -c opened | sed 's/^/opened: /'
awk '{print $1}' "$dir/flooded.txt" | summary
wait $flood
grep -E "Requests/sec|Latency |Non-2xx|  50%|  99%|requests in" "$dir/wrk.txt"
