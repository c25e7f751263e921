#!/usr/bin/env python3
"""Signs S3 requests with botocore's S3SigV4Auth at a fixed time: the reference for tst_sigv4signer.

Reads a JSON list of requests on stdin:
  {"access_key", "secret_key", "token" (or ""), "region", "timestamp" (Unix seconds), "method",
   "host", "path" (decoded), "query": [[name, value], ...] (decoded), "headers": [[name, value]],
   "payload": "UNSIGNED" or {"body": "<text>"}}
and prints a JSON list with, for each, the headers botocore set: Authorization, X-Amz-Date,
X-Amz-Content-SHA256 (and X-Amz-Security-Token), plus its canonical request for diagnosis.
The path is percent-encoded here the way botocore's S3 serializer does (quote, safe '/~'), and
the query goes through botocore's own parameter encoding, so neither comes from the C++ code.
"""
import datetime
import json
import sys
import types
from unittest import mock
from urllib.parse import quote

from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def sign(case):
    credentials = Credentials(case["access_key"], case["secret_key"], case["token"] or None)
    url = "https://" + case["host"] + quote(case["path"], safe="/~")
    payload = case["payload"]
    body = b"" if payload == "UNSIGNED" else payload["body"].encode("utf-8")
    request = AWSRequest(method=case["method"], url=url, data=body,
                         params=[tuple(pair) for pair in case["query"]])
    # HTTPHeaders keeps repeated names (assignment appends), as a real request may carry them.
    for name, value in case["headers"]:
        request.headers[name] = value
    request.headers["Host"] = case["host"]
    if payload == "UNSIGNED":
        request.context["client_config"] = types.SimpleNamespace(
            s3={"payload_signing_enabled": False})
    fixed = datetime.datetime.fromtimestamp(case["timestamp"], datetime.timezone.utc)
    fixed = fixed.replace(tzinfo=None)
    auth = S3SigV4Auth(credentials, "s3", case["region"])
    seen = []
    original = auth.canonical_request

    def record(req):
        seen.append(original(req))
        return seen[-1]

    with mock.patch("botocore.auth.get_current_datetime", return_value=fixed), \
            mock.patch.object(auth, "canonical_request", side_effect=record):
        auth.add_auth(request)
    canonical = seen[-1]
    result = {name: request.headers[name] for name in
              ("Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token")
              if name in request.headers}
    result["canonical_request"] = canonical
    return result


def main():
    cases = json.load(sys.stdin)
    json.dump([sign(case) for case in cases], sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
