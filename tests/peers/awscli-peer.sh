#!/usr/bin/env bash
# An independent S3 client against our emulator: Debian's AWS CLI (whose SigV4 signing,
# multipart splitting and XML parsing nobody here wrote) uploads a file in several parts with
# `aws s3 cp`, lists it, and downloads it again. The object must come back byte-identical, and
# the emulator's x-cos-hash-crc64ecma must equal the file's CRC-64/ECMA computed here
# independently, so that the emulator and our own clients cannot share one misunderstanding.
#
#   awscli-peer.sh EMULATOR_BINARY WORK_DIR
# Exit 0: agreed; 77: the AWS CLI is not installed (CTest: skipped); anything else: failed.
set -euo pipefail
emulator=$1
work=$2

# Debian's package first: a pip-installed CLI elsewhere on PATH may be a different major version.
aws=/usr/bin/aws
[[ -x $aws ]] || aws=$(command -v aws || true)
if [[ -z $aws ]]; then
    echo "SKIP: the AWS CLI is not installed (Debian: awscli)"
    exit 77
fi

rm -rf "$work"
mkdir -p "$work/state" "$work/home"
export HOME=$work/home AWS_CONFIG_FILE=$work/home/config AWS_SHARED_CREDENTIALS_FILE=$work/home/credentials
export AWS_ACCESS_KEY_ID=AKIDAWSCLIPEER0000001 AWS_SECRET_ACCESS_KEY=awscli-peer-secret
export AWS_DEFAULT_REGION=ap-guangzhou AWS_PAGER=""
# Newer botocore adds CRC32 trailers in aws-chunked bodies, which COS does not define.
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
cat > "$AWS_CONFIG_FILE" <<CFG
[default]
region = ap-guangzhou
s3 =
    addressing_style = path
    multipart_threshold = 5MB
    multipart_chunksize = 5MB
    max_concurrent_requests = 3
CFG

"$emulator" --port 0 --state-dir "$work/state" \
    --account "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY:1250000000" > "$work/emulator.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
endpoint=
for _ in $(seq 100); do
    endpoint=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$work/emulator.log" 2>/dev/null || true)
    [[ -n $endpoint ]] && break
    kill -0 $pid 2>/dev/null || { cat "$work/emulator.log"; exit 1; }
    sleep 0.1
done
[[ -n $endpoint ]] || { echo "the emulator did not start"; cat "$work/emulator.log"; exit 1; }

bucket=awscli-1250000000
# 12 MiB + 12345 bytes: three 5 MiB parts, the last one short and odd-sized.
head -c $((12 * 1024 * 1024 + 12345)) /dev/urandom > "$work/disk.raw"

s3() { "$aws" --endpoint-url "$endpoint" "$@"; }
s3 s3 mb "s3://$bucket"
s3 s3 cp "$work/disk.raw" "s3://$bucket/images/disk one.raw" --no-progress
s3 s3 cp "s3://$bucket/images/disk one.raw" "$work/back.raw" --no-progress
cmp "$work/disk.raw" "$work/back.raw"
# The AWS CLI uploads in parts only above its threshold: prove it did (3 parts).
etag=$(s3 s3api head-object --bucket "$bucket" --key "images/disk one.raw" --query ETag --output text)
[[ $etag == *-3\"* || $etag == *-3 ]] || { echo "expected a 3-part ETag, got $etag"; exit 1; }

crc=$(s3 s3api head-object --bucket "$bucket" --key "images/disk one.raw" --debug 2>&1 |
    sed -n "s/.*'x-cos-hash-crc64ecma': '\([0-9]*\)'.*/\1/p" | head -1)
expected=$(python3 - "$work/disk.raw" <<'PY'
import sys
# CRC-64/XZ (ECMA-182 polynomial, reflected, inverted), written from the definition.
poly = 0xC96C5795D7870F42
table = []
for n in range(256):
    c = n
    for _ in range(8):
        c = (c >> 1) ^ poly if c & 1 else c >> 1
    table.append(c)
crc = 0xFFFFFFFFFFFFFFFF
with open(sys.argv[1], "rb") as f:
    data = f.read()
for b in data:
    crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
print(crc ^ 0xFFFFFFFFFFFFFFFF)
PY
)
[[ $crc == "$expected" ]] || { echo "CRC-64 mismatch: emulator $crc, file $expected"; exit 1; }
echo "OK awscli $("$aws" --version 2>&1 | cut -d' ' -f1): 3 parts, CRC-64 $crc"
