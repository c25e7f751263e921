#!/usr/bin/env python3
"""Protocol check of cvmi_multipart_sink, run by bench_upload.py before it measures anything
(and on its own: check_sink.py PATH-TO-SINK). Over raw sockets, so that keep-alive, pipelining,
Expect: 100-continue and the limits are exercised as sent: Initiate, parts, ListParts with
pages, Complete (wrong ETag, wrong order, then right; the object's CRC-64 must equal that of a
single PUT of the same bytes), HEAD, ListMultipartUploads, Abort, an unknown upload, a chunked
body and an oversized head. Exits 1 with the first difference."""
import os
import re
import socket
import subprocess
import sys

BUCKET = "check-1250000000"


class Connection:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buffer = b""

    def send(self, method, target, body=b"", headers=(), expect=False):
        head = [f"{method} {target} HTTP/1.1", f"Host: {BUCKET}.cos.ap-guangzhou.myqcloud.com",
                f"Content-Length: {len(body)}", *headers]
        if expect:
            head.append("Expect: 100-continue")
        self.sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        if expect:
            status, _, _ = self.read()
            check(status == 100, f"{method} {target}: no 100 Continue ({status})")
        self.sock.sendall(body)

    def read(self, head_only=False):
        while b"\r\n\r\n" not in self.buffer:
            self.fill()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode().split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:])}
        length = 0 if head_only or status in (100, 204) else int(headers.get("content-length", 0))
        while len(self.buffer) < length:
            self.fill()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return status, headers, body.decode()

    def fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError("closed by the sink")
        self.buffer += data

    def call(self, method, target, body=b"", **kw):
        self.send(method, target, body, **kw)
        return self.read(head_only=method == "HEAD")


def check(condition, what):
    if not condition:
        sys.exit(f"check_sink: {what}")


def main():
    sink = subprocess.Popen([sys.argv[1], "--port", "0", "--crc64"], stdout=subprocess.PIPE,
                            text=True)
    try:
        port = int(re.search(r":(\d+)", sink.stdout.readline()).group(1))
        run(port)
    finally:
        sink.terminate()
        sink.wait()
    print("check_sink: ok")


def run(port):
    c = Connection(port)
    parts = [os.urandom(n) for n in (300000, 300000, 12345)]
    status, _, text = c.call("POST", "/obj/a%20b?uploads")
    upload_id = re.search(r"<UploadId>(\w+)</UploadId>", text).group(1)
    check(status == 200 and "<Key>obj/a b</Key>" in text, f"Initiate: {status} {text}")
    etags = []
    for n, body in enumerate(parts, 1):
        status, headers, _ = c.call("PUT", f"/obj/a%20b?partNumber={n}&uploadId={upload_id}",
                                    body, expect=n == 1)
        check(status == 200 and headers.get("etag") and headers.get("x-cos-hash-crc64ecma"),
              f"part {n}: {status} {headers}")
        etags.append(headers["etag"])
    # Pipelined: two ListParts pages sent before either answer is read.
    c.send("GET", f"/obj/a%20b?uploadId={upload_id}&max-parts=2")
    c.send("GET", f"/obj/a%20b?uploadId={upload_id}&max-parts=2&part-number-marker=2")
    (_, _, first), (_, _, second) = c.read(), c.read()
    check("<IsTruncated>true</IsTruncated>" in first and first.count("<Part>") == 2 and
          "<NextPartNumberMarker>2</NextPartNumberMarker>" in first, f"ListParts page 1: {first}")
    check("<PartNumber>3</PartNumber>" in second and second.count("<Part>") == 1 and
          "<Size>12345</Size>" in second, f"ListParts page 2: {second}")
    status, _, text = c.call("GET", "/?uploads&prefix=obj/")
    check(upload_id in text and "<Initiated>" in text, f"ListMultipartUploads: {text}")

    def complete(numbered):
        xml = "<CompleteMultipartUpload>" + "".join(
            f"<Part><PartNumber>{n}</PartNumber><ETag>{e.replace(chr(34), '&quot;')}</ETag>"
            "</Part>" for n, e in numbered) + "</CompleteMultipartUpload>"
        return c.call("POST", f"/obj/a%20b?uploadId={upload_id}", xml.encode())

    status, _, text = complete([(1, etags[0]), (2, etags[0]), (3, etags[2])])
    check(status == 400 and "InvalidPart" in text, f"Complete with a wrong ETag: {status}")
    status, _, text = complete([(2, etags[1]), (1, etags[0])])
    check(status == 400 and "InvalidPartOrder" in text, f"Complete out of order: {status}")
    status, headers, text = complete(list(zip((1, 2, 3), etags)))
    check(status == 200 and "<CompleteMultipartUploadResult>" in text, f"Complete: {text}")
    status, whole, _ = c.call("PUT", "/whole", b"".join(parts))
    check(headers.get("x-cos-hash-crc64ecma") == whole.get("x-cos-hash-crc64ecma"),
          f"combined CRC {headers.get('x-cos-hash-crc64ecma')}, whole "
          f"{whole.get('x-cos-hash-crc64ecma')}")
    status, headers, _ = c.call("HEAD", "/obj/a%20b")
    check(status == 200 and headers.get("content-length") == str(sum(map(len, parts))),
          f"HEAD: {status} {headers}")
    status, _, text = c.call("GET", f"/obj/a%20b?uploadId={upload_id}")
    check(status == 404 and "NoSuchUpload" in text, f"ListParts after Complete: {status}")
    status, _, text = c.call("POST", "/x?uploads")
    other = re.search(r"<UploadId>(\w+)</UploadId>", text).group(1)
    check(c.call("DELETE", f"/x?uploadId={other}")[0] == 204, "Abort")
    check(c.call("PUT", f"/x?partNumber=1&uploadId={other}", b"z")[0] == 404, "part after Abort")
    check(c.call("PUT", f"/x?partNumber=10001&uploadId={other}", b"z")[0] == 400, "part 10001")

    chunked = Connection(port)
    chunked.sock.sendall(b"PUT /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n")
    check(chunked.read()[0] == 411, "a chunked body")
    big = Connection(port)
    big.sock.sendall(b"GET / HTTP/1.1\r\nHost: h\r\nX-Pad: " + b"a" * 20000 + b"\r\n\r\n")
    check(big.read()[0] == 431, "an oversized head")


if __name__ == "__main__":
    main()
