#!/usr/bin/env bash
# Checks deploy/ offline (no Docker daemon, no Kubernetes cluster):
#  1. compose.yaml: `docker compose config` when Docker's compose plugin is installed, else `docker-compose config`
#     (Debian's docker-compose package) — both parse, merge and validate the file against the compose schema;
#  2. k8s/: `kubectl kustomize` (every manifest parses into objects), then `kubectl apply --dry-run=client
#     --validate=false` against a local stub that answers only API discovery (kube-discovery-stub.py), so kubectl
#     maps and processes every object as it would for a cluster. Schema validation against a real API server's
#     OpenAPI needs a cluster: `kubectl apply --dry-run=server -k deploy/k8s`.
#  3. the silo starts as the compose services start it: the Dockerfile's ENTRYPOINT arguments (--host 0.0.0.0) with
#     silo.env's settings, on the memory backend and spare ports (the image itself needs Docker), until /healthz
#     answers; then the same with only a key entry written by `new-api-key --env-file` (the Kubernetes way), where a
#     call without the key must get 401.
set -euo pipefail
cd "$(dirname "$0")"

if docker compose version >/dev/null 2>&1; then
  docker compose -f compose.yaml config --quiet
  echo "docker compose -f deploy/compose.yaml config: valid"
elif command -v docker-compose >/dev/null 2>&1; then
  docker-compose -f compose.yaml config --quiet
  echo "docker-compose -f deploy/compose.yaml config: valid"
else
  echo "neither docker compose nor docker-compose is installed (apt-get install docker-compose)" >&2
  exit 1
fi

objects=$(kubectl kustomize k8s)
echo "kubectl kustomize deploy/k8s: $(grep -c '^kind:' <<<"$objects") objects"

port=$(( 20000 + RANDOM % 40000 ))
python3 kube-discovery-stub.py "$port" & stub=$!
trap 'kill $stub 2>/dev/null || true' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
kubectl --server "http://127.0.0.1:$port" apply --dry-run=client --validate=false -k k8s
echo "kubectl apply --dry-run=client -k deploy/k8s: accepted"

cd ..
dotnet build silo -v q --nologo >/dev/null
dll=silo/bin/Debug/net10.0/TradeGrid.Silo.dll
read -r -a image_args < <(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' deploy/Dockerfile | tr -d '",' | sed 's/^.*TradeGrid.Silo.dll//')
start_silo() { # $1: env file; prints nothing, leaves $silo and $http set
  http=$(( 20000 + RANDOM % 40000 ))
  env $(grep -v '^#' "$1" | grep .) dotnet "$dll" "${image_args[@]}" --grpc-port $((http + 1)) --http-port "$http" \
    --silo-port $((http + 2)) --gateway-port 0 --no-default-data >"$tmp/silo.log" 2>&1 & silo=$!
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && return 0
    kill -0 $silo 2>/dev/null || { cat "$tmp/silo.log" >&2; return 1; }
    sleep 0.5
  done
  cat "$tmp/silo.log" >&2; return 1
}
tmp=$(mktemp -d)
trap 'kill $stub $silo 2>/dev/null || true; rm -rf "$tmp"' EXIT
start_silo deploy/silo.env
echo "silo with ${image_args[*]} and deploy/silo.env: started, /healthz answers"
kill $silo; wait $silo 2>/dev/null || true

key=$(dotnet "$dll" new-api-key --id ops --role admin --env-file "$tmp/keys.env" | sed -n 's/^key .*: //p')
start_silo "$tmp/keys.env"
without=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/v1/fits")
with=$(curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $key" "http://127.0.0.1:$http/v1/fits")
[ "$without" = 401 ] && [ "$with" = 200 ] || { echo "GET /v1/fits: $without without the key, $with with it (want 401, 200)" >&2; exit 1; }
echo "silo with ${image_args[*]} and a new-api-key env file: started; GET /v1/fits: 401 without the key, 200 with it"
kill $silo; wait $silo 2>/dev/null || true
