// A minimal COS/S3 multipart sink for bench_upload.py: it answers Initiate, UploadPart (with an
// ETag and, with --crc64, the part's x-cos-hash-crc64ecma), ListParts, Complete (with --crc64 the
// object's CRC-64 combined from the parts' in part order), Abort, ListMultipartUploads, HEAD of a
// completed object, and single PUTs, and discards every body, so that a benchmark measures the
// client and not the server. No signature is checked. Built on demand by bench_upload.py (no
// CMake target: it is a measurement tool, not a product).
//
//   cvmi_multipart_sink [--port N] [--bind 127.0.0.1] [--crc64] [--log]
//       (--log: every request's method, bucket/key, query names and status on stderr)
//       prints "listening on http://ADDRESS:PORT" and serves until SIGTERM/SIGINT;
//       GET /_sink/stats answers {"body_bytes", "parts", "requests", "connections",
//       "uploads_open", "cpu_s", "crc64"}
//   cvmi_multipart_sink --self-test
//       checks the CRC-64 combine against ISA-L and exits 0 when it agrees
#include "SinkCrc.h"
#include "SinkServer.h"
#include "SinkStore.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

volatile bool stopRequested = false;

void onStop(int)
{
    stopRequested = true;
}

int usage()
{
    std::fprintf(stderr,
                 "usage: cvmi_multipart_sink [--port N] [--bind ADDRESS] [--crc64] [--log]\n"
                 "       cvmi_multipart_sink --self-test\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace cvmi::bench::sink;
    int port = 0;
    std::string address = "127.0.0.1";
    bool crc64 = false;
    bool log = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--crc64") {
            crc64 = true;
        } else if (arg == "--log") {
            log = true;
        } else if (arg == "--self-test") {
            const bool ok = crc64SelfTest();
            std::printf("CRC-64 combine self-test: %s\n", ok ? "ok" : "FAILED");
            return ok ? 0 : 1;
        } else if (arg == "--port" && i + 1 < argc) {
            port = std::atoi(argv[++i]);
        } else if (arg == "--bind" && i + 1 < argc) {
            address = argv[++i];
        } else {
            return usage();
        }
    }
    struct sigaction action {};
    action.sa_handler = onStop;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    SinkStore store(crc64);
    SinkServer server(&store, crc64, log);
    if (!server.listen(address, port))
        return 1;
    std::printf("listening on http://%s:%d%s\n", address.c_str(), server.port(),
                crc64 ? " (CRC-64 on)" : "");
    std::fflush(stdout);
    return server.run(&stopRequested);
}
