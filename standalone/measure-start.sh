#!/usr/bin/env bash
# Times standalone from launch to readiness 200, for docs/benchmarks.md: on a fresh data directory
# (initdb, Flyway, demo data) and on an existing one, each with PostgreSQL's binaries still to be
# unpacked ("cold", as on a machine's first run) and already unpacked ("warm").
#   ./mvnw -pl standalone -am package -DskipTests && standalone/measure-start.sh [runs]
# Prints one line per start and the median of each case.
set -euo pipefail
cd "$(dirname "$0")"
jar=$(ls target/standalone-*.jar | grep -v original | head -n 1)
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start <data dir> <binaries dir>: milliseconds from launch to readiness 200
start() {
  local port pid began ended
  port=$(free_port)
  began=$(date +%s%N)
  PARLEY_DATA_DIR="$1" PORT="$port" java -Dot.epg.working-dir="$2" -jar "$jar" > "$work/last.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/last.log" >&2; exit 1; }
    sleep 0.05
  done
  ended=$(date +%s%N)
  kill -TERM "$pid"
  wait "$pid" || true
  echo $(( (ended - began) / 1000000 ))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for binaries in cold warm; do
  for data in fresh existing; do
    for run in $(seq 1 "$runs"); do
      if [ "$data" = fresh ]; then rm -rf "$work/data"; elif [ ! -d "$work/data" ]; then start "$work/data" "$work/binaries" > /dev/null; fi
      if [ "$binaries" = cold ]; then rm -rf "$work/binaries"; fi
      ms=$(start "$work/data" "$work/binaries")
      echo "$binaries binaries, $data data directory, run $run: $ms ms" >&2
      echo "$ms" >> "$work/$binaries-$data"
    done
    echo "$binaries binaries, $data data directory: median $(median < "$work/$binaries-$data") ms of $runs"
  done
done
