#!/usr/bin/env bash
# Dashboard benchmark on a generated district: for each database (H2, then PostgreSQL when one answers at
# 127.0.0.1:5432), migrate an empty database by starting Dodam once, write the district with
# DistrictGenerator (50 schools, 3,000 classes, 100,000 students, 2,000,000 progress rows, quiz attempts
# and answers), start Dodam on it with DODAM_SQL_COUNT=true, sign in as the district's known teacher and
# request the dashboard of their 35-student class: a warm-up, then one connection for a fixed time (render
# time), then four connections (four teachers at once). Prints the generator's run time, the SQL
# statements per dashboard render and p50/p95 render times.
# Usage: bench/dashboard.sh [h2] [postgresql]
#   DODAM_DISTRICT="schools classes students progressRows"  a smaller district (default: the full one)
#   DODAM_BENCH_SECONDS (default 30), DODAM_BENCH_PORT (default 8089)
#   DODAM_BENCH_WAR      another build of the WAR to measure (default target/dodam-bench.war: the statement
#                        counter, DODAM_SQL_COUNT, is only in the bench build)
#   DODAM_BENCH_REUSE=1  measure again on the district of the previous run (no new database, no generator)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${DODAM_BENCH_PORT:-8089}
seconds=${DODAM_BENCH_SECONDS:-30}
databases=${*:-h2 postgresql}
war=${DODAM_BENCH_WAR:-target/dodam-bench.war}
java_flags=${JAVA_FLAGS:--Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=256m}
mvn -q -Pbench -DskipTests package # every time: a bench build left over from older sources would measure old code
mvn -q -Pdistrict test-compile
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null 2>&1; } || true
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

pid=
stop_server() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi
}
trap stop_server EXIT

# start_server LOG [VAR=value ...]: Dodam on $port with the database of $url, until /health/ready answers.
start_server() {
  local log=$1; shift
  env DODAM_DB_URL="$url" DODAM_DB_USER="$user" DODAM_DB_PASSWORD="$password" DODAM_DEMO=false \
      DODAM_DATA_DIR="target/bench-district-data" "$@" \
    java $java_flags -jar target/payara-micro.jar --deploy "$war" --contextroot / --port "$port" --nohazelcast --prebootcommandfile target/pre-boot-commands.txt \
    > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 900); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "server exited; see $log"; tail -20 "$log"; exit 1; }
    sleep 0.2
  done
  echo "server not ready; see $log"; exit 1
}

summary=()
for db in $databases; do
  case $db in
    h2)
      url="jdbc:h2:file:$PWD/target/bench-district-h2/dodam"; user=dodam; password=dodam ;;
    postgresql)
      if ! psql -h 127.0.0.1 -U postgres -d test -Atqc 'select 1' >/dev/null 2>&1; then
        echo "== postgresql: no server at 127.0.0.1:5432, skipped"; continue
      fi
      url="jdbc:postgresql://127.0.0.1:5432/dodam_bench"; user=postgres; password= ;;
    *) echo "unknown database $db (h2 or postgresql)"; exit 1 ;;
  esac
  if [ "${DODAM_BENCH_REUSE:-0}" = 1 ] && [ -f "target/bench-district-$db.properties" ]; then
    echo "== $db: reusing the district of the previous run"
    wall=$(sed -n 's/^wall_s=//p' "target/bench-district-$db.properties")
  else
    rm -f "target/bench-district-$db.properties"
    if [ "$db" = h2 ]; then
      rm -rf target/bench-district-h2
    else
      dropdb -h 127.0.0.1 -U postgres --if-exists --force dodam_bench
      createdb -h 127.0.0.1 -U postgres dodam_bench
    fi
    echo "== $db: migrate and load the curriculum (first start)"
    start_server "target/bench-dashboard-$db-first.log"
    stop_server

    echo "== $db: generate the district"
    started=$(date +%s.%N)
    DODAM_DB_URL="$url" DODAM_DB_USER="$user" DODAM_DB_PASSWORD="$password" \
      mvn -q -Pdistrict exec:java -Dexec.args="${DODAM_DISTRICT:-}" -Ddistrict.out="target/bench-district-$db.properties" \
      | tee "target/bench-district-$db.log"
    wall=$(echo "$(date +%s.%N) - $started" | bc)
    echo "wall_s=$wall" >> "target/bench-district-$db.properties"
  fi
  generator_s=$(sed -n 's/^generator_s=//p' "target/bench-district-$db.properties")
  school=$(sed -n 's/^school=//p' "target/bench-district-$db.properties")
  teacher=$(sed -n 's/^teacher=//p' "target/bench-district-$db.properties")
  pass=$(sed -n 's/^password=//p' "target/bench-district-$db.properties")
  class=$(sed -n 's/^class=//p' "target/bench-district-$db.properties")
  [ "$db" = postgresql ] && psql -h 127.0.0.1 -U postgres -d dodam_bench -Atqc \
    "select 'database size: ' || pg_size_pretty(pg_database_size('dodam_bench'))"
  [ "$db" = h2 ] && echo "database size: $(du -sh target/bench-district-h2 | cut -f1)"

  echo "== $db: dashboard of class $class as $teacher"
  log="target/bench-dashboard-$db-server.log"
  start_server "$log" DODAM_SQL_COUNT=true DODAM_SIGNIN_ACCOUNT_FAILURES=1000 DODAM_SIGNIN_CLIENT_FAILURES=100000
  jar=$(mktemp)
  vs=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login.xhtml" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | tail -1 | sed 's/.*value="//;s/"//')
  curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: http://127.0.0.1:$port" --data-urlencode "signin=signin" --data-urlencode "signin:school=$school" --data-urlencode "signin:username=$teacher" \
    --data-urlencode "signin:password=$pass" --data-urlencode "signin:submit=x" --data-urlencode "jakarta.faces.ViewState=$vs" \
    "http://127.0.0.1:$port/login.xhtml"
  cookie=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
  rm -f "$jar"
  page="http://127.0.0.1:$port/teacher/dashboard.xhtml?id=$class"
  rows=$(curl -s -H "Cookie: JSESSIONID=$cookie" -H "Accept-Language: en" "$page" | grep -o 'student=[0-9]*' | sort -u | wc -l)
  [ "$rows" -eq 35 ] || { echo "the dashboard shows $rows students, not 35: sign-in or class failed"; exit 1; }
  wrk -t1 -c1 -d10s -H "Cookie: JSESSIONID=$cookie" -H "Accept-Language: en" "$page" > /dev/null
  echo "load: $(uptime)"
  one=$(wrk -t1 -c1 -d"${seconds}s" -s bench/percentiles.lua -H "Cookie: JSESSIONID=$cookie" -H "Accept-Language: en" "$page" | tail -1)
  echo "1 connection:  $one"
  four=$(wrk -t2 -c4 -d"${seconds}s" -s bench/percentiles.lua -H "Cookie: JSESSIONID=$cookie" -H "Accept-Language: en" "$page" | tail -1)
  echo "4 connections: $four"
  echo "load: $(uptime)"
  queries=$(grep -o 'SQL statements: [0-9]* GET /teacher/dashboard.xhtml' "$log" | awk '{print $3}' | sort -n | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')
  echo "SQL statements per dashboard render (count x renders): $queries"
  stop_server
  summary+=("$(printf '%-10s generator %6.1f s (wall %5.1f s)  queries/render %-14s  1 conn: %s  4 conn: %s' "$db" "$generator_s" "$wall" "$queries" \
    "$(echo "$one" | grep -o 'p50_ms=[0-9.]* p95_ms=[0-9.]*')" "$(echo "$four" | grep -o 'p50_ms=[0-9.]* p95_ms=[0-9.]*')")")
done
echo
echo "== dashboard benchmark (class of 35 students, district ${DODAM_DISTRICT:-50 3000 100000 2000000})"
printf '%s\n' "${summary[@]}"
