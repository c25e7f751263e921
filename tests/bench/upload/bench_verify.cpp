// How fast a resume checks the parts already sent (transfer/PartVerifier: every reused part read
// again, its CRC-64 computed), against a plain sequential read of the same file through the same
// 1 MiB buffer with no CRC, in the same run. Goal (issue 11): a ratio close to 1, so that the
// check costs what reading the file costs. Built and run by bench_verify.py (no CMake target).
//
//   bench_verify PATH [PART_MIB] [REPS]
// prints {"bytes", "plain_gb_per_s", "verify_gb_per_s", "ratio", ...} twice: "cached" (the file in
// the page cache) and "cold" (its pages dropped with POSIX_FADV_DONTNEED before each pass, which
// needs no privileges for a clean file), each the best of REPS (default 3).
#include "transfer/PartVerifier.h"

#include <QElapsedTimer>
#include <QFile>

#include <condition_variable>
#include <cstdio>
#include <fcntl.h>
#include <mutex>

namespace {

void dropCache(const QString& path)
{
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        ::posix_fadvise(f.handle(), 0, 0, POSIX_FADV_DONTNEED);
}

double plainRead(const QString& path, qint64* bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return -1;
    ::posix_fadvise(f.handle(), 0, 0, POSIX_FADV_SEQUENTIAL);
    QByteArray buffer(cvmi::transfer::PartVerifier::chunkSize, Qt::Uninitialized);
    QElapsedTimer timer;
    timer.start();
    qint64 total = 0;
    volatile char sink = 0;
    for (qint64 got; (got = f.read(buffer.data(), buffer.size())) > 0;) {
        total += got;
        sink = sink + buffer.at(0); // the bytes are used, as the CRC uses them
    }
    *bytes = total;
    return double(timer.nsecsElapsed()) / 1e9;
}

double verify(const QString& path, qint64 size, qint64 partSize)
{
    QList<cvmi::transfer::PartRange> parts;
    for (qint64 at = 0, n = 1; at < size; at += partSize, ++n)
        parts.append({int(n), at, qMin(partSize, size - at)});
    std::mutex mutex;
    std::condition_variable changed;
    QElapsedTimer timer;
    timer.start();
    cvmi::transfer::PartVerifier verifier(path, parts, [&] {
        std::lock_guard lock(mutex);
        changed.notify_all();
    });
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return verifier.finished(); });
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!verifier.readError().isEmpty() || verifier.bytesRead() != size)
        return -1;
    return seconds;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_verify PATH [PART_MIB] [REPS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const qint64 partSize = (argc > 2 ? atoll(argv[2]) : 8) * 1024 * 1024;
    const int reps = argc > 3 ? atoi(argv[3]) : 3;
    for (const bool cold : {false, true}) {
        double bestPlain = 0;
        double bestVerify = 0;
        qint64 bytes = 0;
        if (!cold)
            plainRead(path, &bytes); // into the page cache
        for (int i = 0; i < reps; ++i) {
            // Alternated, so that neither always runs first on a warmer machine.
            if (cold)
                dropCache(path);
            const double plain = plainRead(path, &bytes);
            if (cold)
                dropCache(path);
            const double checked = verify(path, bytes, partSize);
            if (plain <= 0 || checked <= 0) {
                std::fprintf(stderr, "bench_verify: cannot read %s\n", argv[1]);
                return 1;
            }
            bestPlain = bestPlain == 0 ? plain : qMin(bestPlain, plain);
            bestVerify = bestVerify == 0 ? checked : qMin(bestVerify, checked);
        }
        std::printf("{\"cache\": \"%s\", \"bytes\": %lld, \"part_size\": %lld, "
                    "\"plain_gb_per_s\": %.3f, \"verify_gb_per_s\": %.3f, \"ratio\": %.3f}\n",
                    cold ? "cold" : "cached", static_cast<long long>(bytes),
                    static_cast<long long>(partSize), double(bytes) / bestPlain / 1e9,
                    double(bytes) / bestVerify / 1e9, bestPlain / bestVerify);
    }
    return 0;
}
