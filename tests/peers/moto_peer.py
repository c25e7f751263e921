#!/usr/bin/env python3
"""boto3's side of tst_moto_peer: what the C++ test needs from a client nobody here wrote, run
with the same Python that runs moto_server (so that boto3 and moto come from one installation).

  moto_peer.py probe
      exits 0 when moto (with its server extra) and boto3 import; prints their versions.
  moto_peer.py setup --endpoint URL --bucket B [--region R]
      while moto still accepts unsigned requests (INITIAL_NO_AUTH_ACTION_COUNT): an IAM user with
      a policy allowing S3, an access key for it, and the bucket. Exactly 4 actions, which the
      test passes as the count, so that every later request must carry a valid SigV4 signature.
      Prints {"accessKeyId": ..., "secretAccessKey": ...} on stdout, nothing else.
  moto_peer.py get --endpoint URL --bucket B --key K --out FILE
  moto_peer.py uploads --endpoint URL --bucket B        prints {"uploads": [[key, id], ...]}
  moto_peer.py parts --endpoint URL --bucket B --key K --upload-id ID
      prints {"parts": [[number, size, etag], ...]}
      (these three sign with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment,
      never from the command line, so the secret does not show in a process list.)

A boto3 error prints its code and message on stderr and exits 1."""
import argparse
import json
import sys

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

# The actions `setup` runs; the test sets INITIAL_NO_AUTH_ACTION_COUNT to this.
SETUP_ACTIONS = 4

S3_POLICY = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}],
})


def config():
    options = dict(signature_version="s3v4", s3={"addressing_style": "path"},
                   retries={"max_attempts": 1})
    try:  # botocore >= 1.36 would add CRC32 checksum trailers; keep requests plain
        return Config(request_checksum_calculation="when_required",
                      response_checksum_validation="when_required", **options)
    except TypeError:
        return Config(**options)


def client(service, args, key_id=None, secret=None):
    # Without explicit keys boto3 reads the environment (AWS_ACCESS_KEY_ID, ...).
    return boto3.client(service, endpoint_url=args.endpoint, region_name=args.region,
                        aws_access_key_id=key_id, aws_secret_access_key=secret, config=config())


def setup(args):
    # Any key signs these: moto does not check signatures for its first actions.
    iam = client("iam", args, "AKIAUNCHECKED0000000", "unchecked")
    iam.create_user(UserName="cvmi-peer")
    iam.put_user_policy(UserName="cvmi-peer", PolicyName="s3-all", PolicyDocument=S3_POLICY)
    key = iam.create_access_key(UserName="cvmi-peer")["AccessKey"]
    s3 = client("s3", args, "AKIAUNCHECKED0000000", "unchecked")
    s3.create_bucket(Bucket=args.bucket)
    print(json.dumps({"accessKeyId": key["AccessKeyId"],
                      "secretAccessKey": key["SecretAccessKey"]}))


def get(args):
    client("s3", args).download_file(args.bucket, args.key, args.out)


def uploads(args):
    answer = client("s3", args).list_multipart_uploads(Bucket=args.bucket)
    print(json.dumps({"uploads": [[u["Key"], u["UploadId"]] for u in answer.get("Uploads", [])]}))


def parts(args):
    answer = client("s3", args).list_parts(Bucket=args.bucket, Key=args.key,
                                           UploadId=args.upload_id)
    print(json.dumps({"parts": [[p["PartNumber"], p["Size"], p["ETag"]]
                                for p in answer.get("Parts", [])]}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["probe", "setup", "get", "uploads", "parts"])
    ap.add_argument("--endpoint")
    ap.add_argument("--region", default="us-east-1")
    ap.add_argument("--bucket")
    ap.add_argument("--key")
    ap.add_argument("--upload-id")
    ap.add_argument("--out")
    args = ap.parse_args()
    if args.command == "probe":
        import moto
        import moto.server  # noqa: F401 (the server extra: flask, werkzeug)
        print(f"moto {moto.__version__}, boto3 {boto3.__version__}, botocore "
              f"{botocore.__version__}")
        return 0
    try:
        {"setup": setup, "get": get, "uploads": uploads, "parts": parts}[args.command](args)
    except ClientError as e:
        error = e.response.get("Error", {})
        print(f"{error.get('Code')}: {error.get('Message')}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
