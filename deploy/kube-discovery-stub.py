#!/usr/bin/env python3
"""Answers kubectl's API discovery (and nothing else) so that `kubectl apply --dry-run=client` runs without a
cluster: kubectl needs to map each manifest's apiVersion/kind to a resource before it can dry-run it. Serves only
the groups deploy/k8s uses. Usage: kube-discovery-stub.py PORT (deploy/check.sh starts and stops it)."""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

def resources(group_version, items):
    return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": group_version,
            "resources": [{"name": n, "singularName": "", "namespaced": True, "kind": k,
                           "verbs": ["create", "delete", "get", "list", "patch", "update", "watch"]} for n, k in items]}

ROUTES = {
    "/api": {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": []},
    "/api/v1": resources("v1", [("secrets", "Secret"), ("services", "Service"), ("configmaps", "ConfigMap")]),
    "/apis": {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
        {"name": g, "versions": [{"groupVersion": f"{g}/v1", "version": "v1"}],
         "preferredVersion": {"groupVersion": f"{g}/v1", "version": "v1"}} for g in ("apps", "batch")]},
    "/apis/apps/v1": resources("apps/v1", [("statefulsets", "StatefulSet"), ("deployments", "Deployment")]),
    "/apis/batch/v1": resources("batch/v1", [("jobs", "Job")]),
}

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = ROUTES.get(self.path.split("?")[0])
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass

HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
