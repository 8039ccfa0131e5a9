#!/usr/bin/env bash
# Counsellor inbox benchmark: the demo school with many reports (default 20,000: one in ten still open, a
# fifth urgent, received over two years, each with a 2,000-character sealed description as stored reports
# have), written straight into the running server's embedded database. Signs in as the demo counsellor and
# asks for three pages of the inbox (the default first page of open cases, urgent first; closed cases, oldest
# first, page 500; all open cases newest first, page 3): a warm-up, then one connection for a fixed time each.
# Prints p50/p95 per page and the SQL statements per render (the bench build's counter).
# Usage: bench/inbox.sh [reports]
#   DODAM_BENCH_SECONDS (default 20), DODAM_BENCH_WARMUP (default 20), DODAM_BENCH_PORT (default 8089)
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-20000}
port=${DODAM_BENCH_PORT:-8089}
seconds=${DODAM_BENCH_SECONDS:-20}
warmup=${DODAM_BENCH_WARMUP:-20}
java_flags=${JAVA_FLAGS:--Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=256m}
mvn -q -Pbench -DskipTests package # every time: a bench build left over from older sources would measure old code
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null 2>&1; } || true
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
h2=$(ls ~/.m2/repository/com/h2database/h2/"$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)"/h2-*.jar)

data=target/bench-inbox-data
rm -rf "$data"
url="jdbc:h2:file:$PWD/$data/dodam;AUTO_SERVER=TRUE;WRITE_DELAY=0"
log=target/bench-inbox-server.log
password=bench-inbox-pass-2026
env DODAM_DB_URL="$url" DODAM_DATA_DIR="$data" DODAM_DEMO=true DODAM_DEMO_PASSWORD="$password" DODAM_SQL_COUNT=true \
  java $java_flags -jar target/payara-micro.jar --deploy target/dodam-bench.war --contextroot / --port "$port" --nohazelcast \
  --prebootcommandfile target/pre-boot-commands.txt > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && break
  kill -0 "$pid" 2>/dev/null || { echo "server exited; see $log"; tail -20 "$log"; exit 1; }
  sleep 0.2
done

echo "== writing $reports reports into the demo school"
java -cp "$h2" org.h2.tools.Shell -url "$url" -user dodam -password dodam -sql "
insert into incident_report (id, school_id, receipt_hash, reporter_role, category, urgent, submitted_on, status, outcome,
    sealed_place, sealed_happened_on, sealed_description, closed_at, version)
select 4503599627370496 + cast(rand() * 9000000000000000000 as bigint), s.school_id, cast(random_uuid() as varchar), 'OTHER',
    case mod(x * 7919, 6) when 0 then 'DEEPFAKE' when 1 then 'INTIMATE_IMAGES' when 2 then 'SEXTORTION'
        when 3 then 'HIDDEN_CAMERA' when 4 then 'GROUP_CHAT' else 'OTHER' end,
    mod(x * 104729, 5) = 0, dateadd(day, -mod(x * 37, 730), current_date),
    case when mod(x * 31, 10) <> 0 then 'CLOSED' when mod(x, 4) = 0 then 'NEW' when mod(x, 4) = 1 then 'TRIAGED'
        when mod(x, 4) = 2 then 'IN_PROGRESS' else 'REFERRED' end,
    case when mod(x * 31, 10) <> 0 then 'RESOLVED_IN_SCHOOL' end, repeat('p', 200), repeat('d', 60), repeat('x', 2000),
    case when mod(x * 31, 10) <> 0 then dateadd(day, 3 - mod(x * 37, 730), current_timestamp) end, 0
from system_range(1, $reports), (select school_id from account where username = 'demo-counsellor') s" > /dev/null
java -cp "$h2" org.h2.tools.Shell -url "$url" -user dodam -password dodam -sql \
  "select count(*) as reports, sum(case when status <> 'CLOSED' then 1 else 0 end) as open_cases from incident_report"

jar=$(mktemp)
vs=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login.xhtml" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | tail -1 | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: http://127.0.0.1:$port" --data-urlencode "signin=signin" --data-urlencode "signin:username=demo-counsellor" \
  --data-urlencode "signin:password=$password" --data-urlencode "signin:submit=x" --data-urlencode "jakarta.faces.ViewState=$vs" \
  "http://127.0.0.1:$port/login.xhtml"
cookie=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
rm -f "$jar"

summary=()
for query in "" "?show=closed&sort=oldest&page=500" "?sort=newest&page=3"; do
  page="http://127.0.0.1:$port/counsellor/index.xhtml$query"
  rows=$(curl -s -H "Cookie: JSESSIONID=$cookie" -H "Accept-Language: en" "$page" | grep -o 'href="/counsellor/case.xhtml?id=[0-9]*"' | wc -l)
  [ "$rows" -eq 20 ] || { echo "the inbox$query shows $rows cases, not 20: sign-in or data failed"; exit 1; }
  wrk -t1 -c1 -d"${warmup}s" -H "Cookie: JSESSIONID=$cookie" -H "Accept-Language: en" "$page" > /dev/null
  one=$(wrk -t1 -c1 -d"${seconds}s" -s bench/percentiles.lua -H "Cookie: JSESSIONID=$cookie" -H "Accept-Language: en" "$page" | tail -1)
  echo "inbox${query:-} 1 connection: $one"
  summary+=("$(printf '%-36s %s' "index.xhtml${query}" "$(echo "$one" | grep -o 'p50_ms=[0-9.]* p95_ms=[0-9.]*')")")
done
echo "load: $(uptime)"
queries=$(grep -o 'SQL statements: [0-9]* GET /counsellor/index.xhtml' "$log" | awk '{print $3}' | sort -n | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')
echo
echo "== inbox benchmark ($reports reports in one school)"
printf '%s\n' "${summary[@]}"
echo "SQL statements per inbox render (count x renders): $queries"
