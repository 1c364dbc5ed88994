#!/usr/bin/env bash
# Checks deploy/ offline (no Docker daemon, no Kubernetes cluster):
#  1. compose.yaml: `docker compose config` when Docker's compose plugin is installed, else `docker-compose config`
#     (Debian's docker-compose package) — both parse, merge and validate the file against the compose schema;
#  2. k8s/: `kubectl kustomize` (every manifest parses into objects), then `kubectl apply --dry-run=client
#     --validate=false` against a local stub that answers only API discovery (kube-discovery-stub.py), so kubectl
#     maps and processes every object as it would for a cluster. Schema validation against a real API server's
#     OpenAPI needs a cluster: `kubectl apply --dry-run=server -k deploy/k8s`.
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
