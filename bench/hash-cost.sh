#!/usr/bin/env bash
# What one password check costs on this machine: PBKDF2-HMAC-SHA512 at 210,000 iterations (hashes made before
# Argon2id) and Argon2id m=19456,t=2,p=1 (OWASP's first recommendation), through Passwords.matches, on one thread
# and on two at once, with the server's JVM flags. Prints p50/p95 ms per check and checks per second.
# Usage: bench/hash-cost.sh [checks]   (default 20 per kind and thread)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
JAVA_FLAGS=${JAVA_FLAGS:-"-Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=256m"}
mvn -q -Pbench -DskipTests package
mvn -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/hash-cost.classpath > /dev/null
echo "uptime: $(uptime)"
# shellcheck disable=SC2086 # JAVA_FLAGS is a list of flags
java $JAVA_FLAGS -cp "target/classes:target/bench-classes:$(cat target/hash-cost.classpath)" org.dodam.bench.HashCost "$runs"
echo "uptime: $(uptime)"
