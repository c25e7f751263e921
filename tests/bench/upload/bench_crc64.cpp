// CRC-64/ECMA throughput of cvmi::util::Crc64 (ISA-L) on one thread, and a file's CRC-64 for
// bench_upload.py to check what the emulator stored. Built on demand by bench_upload.py with
// Crc64.cpp from the source tree (no CMake target: it is a measurement, not a product).
//
//   bench_crc64 speed [MIB] [REPS]   one buffer of MIB MiB (default 1024), best of REPS (5);
//                                    prints {"bytes": N, "seconds": S, "gb_per_s": X}
//   bench_crc64 file PATH            prints the file's CRC-64 as COS's decimal header form
#include "util/Crc64.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>
#include <cstring>

namespace {

int speed(qsizetype mib, int reps)
{
    QByteArray buffer(mib * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32*>(buffer.data()), buffer.size() / 4);
    double best = 0;
    quint64 seen = 0;
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer timer;
        timer.start();
        const quint64 crc = cvmi::util::Crc64::compute(buffer.constData(), buffer.size());
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (i > 0 && crc != seen) { // the same bytes must give the same value every time
            std::fprintf(stderr, "bench_crc64: CRC changed between runs\n");
            return 1;
        }
        seen = crc;
        if (best == 0 || seconds < best)
            best = seconds;
    }
    std::printf("{\"bytes\": %lld, \"seconds\": %.6f, \"gb_per_s\": %.3f, \"crc64\": \"%llu\"}\n",
                static_cast<long long>(buffer.size()), best, double(buffer.size()) / best / 1e9,
                static_cast<unsigned long long>(seen));
    return 0;
}

int file(const char* path)
{
    QFile f(QString::fromLocal8Bit(path));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_crc64: cannot open %s: %s\n", path,
                     qPrintable(f.errorString()));
        return 1;
    }
    cvmi::util::Crc64 crc;
    QByteArray chunk(16 * 1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(chunk.data(), chunk.size());
        if (n < 0) {
            std::fprintf(stderr, "bench_crc64: cannot read %s\n", path);
            return 1;
        }
        if (n == 0)
            break;
        crc.update(chunk.constData(), n);
    }
    std::printf("%llu\n", static_cast<unsigned long long>(crc.value()));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc >= 2 && std::strcmp(argv[1], "speed") == 0)
        return speed(argc >= 3 ? std::atoi(argv[2]) : 1024, argc >= 4 ? std::atoi(argv[3]) : 5);
    if (argc == 3 && std::strcmp(argv[1], "file") == 0)
        return file(argv[2]);
    std::fprintf(stderr, "usage: bench_crc64 speed [MIB] [REPS] | bench_crc64 file PATH\n");
    return 2;
}
