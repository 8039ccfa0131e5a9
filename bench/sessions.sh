# Sourced by the benchmark scripts: sign_in_sessions URL N signs in bench-student001…N through the real
# sign-in form and writes their JSESSIONID values, one a line, to the file named by DODAM_BENCH_COOKIES
# (made here), for bench/sessions.lua.
sign_in_sessions() {
  local url=$1 n=$2 i jar vs
  export DODAM_BENCH_COOKIES
  DODAM_BENCH_COOKIES=$(mktemp)
  for i in $(seq 1 "$n"); do
    jar=$(mktemp)
    vs=$(curl -s -c "$jar" -b "$jar" "$url/login.xhtml" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | tail -1 | sed 's/.*value="//;s/"//')
    curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: ${url%/}" --data-urlencode "signin=signin" \
      --data-urlencode "signin:username=$(printf 'bench-student%03d' "$i")" --data-urlencode "signin:password=bench-pass-2026" \
      --data-urlencode "signin:submit=x" --data-urlencode "jakarta.faces.ViewState=$vs" "$url/login.xhtml"
    awk '$6 == "JSESSIONID" {print $7}' "$jar" >> "$DODAM_BENCH_COOKIES"
    rm -f "$jar"
  done
}
