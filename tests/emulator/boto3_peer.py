#!/usr/bin/env python3
"""An independent client against the emulator: boto3 (whose SigV4 signing and S3 XML parsing
nobody here wrote) creates a bucket, runs a multipart upload with ListParts pagination,
completes it, reads the object back, and aborts a second upload, all in path style.

Prints "OK <size>" and exits 0 when everything agrees; any mismatch raises."""
import argparse
import sys

import boto3
from botocore.config import Config


def pattern(length):
    # The same bytes as crc64.json's multipart vector: byte i = (i*31 + 7) % 251.
    return bytes((i * 31 + 7) % 251 for i in range(length))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--access-key", required=True)
    ap.add_argument("--secret-key", required=True)
    ap.add_argument("--bucket", required=True)
    ap.add_argument("--region", default="ap-guangzhou")
    ap.add_argument("--size", type=int, default=3 * 1024 * 1024 + 4321)
    args = ap.parse_args()

    options = dict(signature_version="s3v4", s3={"addressing_style": "path"},
                   retries={"max_attempts": 1})
    try:  # botocore >= 1.36 would add CRC32 checksums that COS does not define
        config = Config(request_checksum_calculation="when_required",
                        response_checksum_validation="when_required", **options)
    except TypeError:
        config = Config(**options)
    s3 = boto3.client("s3", endpoint_url=args.endpoint, region_name=args.region,
                      aws_access_key_id=args.access_key,
                      aws_secret_access_key=args.secret_key, config=config)

    s3.create_bucket(Bucket=args.bucket,
                     CreateBucketConfiguration={"LocationConstraint": args.region})
    names = [b["Name"] for b in s3.list_buckets()["Buckets"]]
    assert args.bucket in names, names

    data = pattern(args.size)
    part_size = 1024 * 1024
    key = "peer/disk image+1.raw"
    upload = s3.create_multipart_upload(Bucket=args.bucket, Key=key)["UploadId"]
    parts = []
    for number, offset in enumerate(range(0, len(data), part_size), start=1):
        r = s3.upload_part(Bucket=args.bucket, Key=key, UploadId=upload, PartNumber=number,
                           Body=data[offset:offset + part_size])
        parts.append({"PartNumber": number, "ETag": r["ETag"]})

    first = s3.list_parts(Bucket=args.bucket, Key=key, UploadId=upload, MaxParts=2)
    assert first["IsTruncated"] and len(first["Parts"]) == 2, first
    rest = s3.list_parts(Bucket=args.bucket, Key=key, UploadId=upload,
                         PartNumberMarker=first["NextPartNumberMarker"])
    listed = first["Parts"] + rest["Parts"]
    assert [p["ETag"] for p in listed] == [p["ETag"] for p in parts], listed
    uploads = s3.list_multipart_uploads(Bucket=args.bucket)["Uploads"]
    assert any(u["UploadId"] == upload for u in uploads), uploads

    done = s3.complete_multipart_upload(Bucket=args.bucket, Key=key, UploadId=upload,
                                        MultipartUpload={"Parts": parts})
    assert done["ETag"], done
    crc = done["ResponseMetadata"]["HTTPHeaders"].get("x-cos-hash-crc64ecma")
    assert crc, done["ResponseMetadata"]["HTTPHeaders"]

    got = s3.get_object(Bucket=args.bucket, Key=key)
    assert got["Body"].read() == data
    ranged = s3.get_object(Bucket=args.bucket, Key=key, Range="bytes=100-199")["Body"].read()
    assert ranged == data[100:200]
    head = s3.head_object(Bucket=args.bucket, Key=key)
    assert head["ContentLength"] == len(data)

    second = s3.create_multipart_upload(Bucket=args.bucket, Key="peer/aborted")["UploadId"]
    s3.abort_multipart_upload(Bucket=args.bucket, Key="peer/aborted", UploadId=second)
    left = s3.list_multipart_uploads(Bucket=args.bucket).get("Uploads", [])
    assert not any(u["UploadId"] == second for u in left), left

    print("OK", len(data), crc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
