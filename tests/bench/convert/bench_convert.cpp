// The converter alone, for tests/bench/convert/bench_convert.py: converts IMAGE into a qcow2
// file the way a converted upload streams it (the header region written last), and prints one
// JSON line with the stream's length, the source's bytes read and the wall and CPU time.
// Usage: bench_convert IMAGE OUT.qcow2 [THREADS] [LEVEL]    (OUT may be /dev/null)
#include "convert/Qcow2Stream.h"
#include "disk/DiskImageOpener.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace cvmi;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_convert IMAGE OUT.qcow2 [THREADS] [LEVEL]\n");
        return 2;
    }
    const int threads = argc > 3 ? std::atoi(argv[3]) : 0;
    const int level = argc > 4 ? std::atoi(argv[4]) : 6;
    QElapsedTimer clock;
    clock.start();
    Error error;
    auto image = disk::openDiskImage(QString::fromLocal8Bit(argv[1]), &error);
    if (!image) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    const int fd = ::open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        std::perror(argv[2]);
        return 1;
    }
    convert::Qcow2Stream stream(*image, convert::Qcow2StreamSettings{level, threads});
    QByteArray buffer(8 << 20, '\0');
    qint64 n;
    while ((n = stream.read(buffer.data(), buffer.size())) > 0)
        if (::write(fd, buffer.constData(), size_t(n)) != n) {
            std::perror("write");
            return 1;
        }
    if (n < 0) {
        std::fprintf(stderr, "%s\n", qPrintable(stream.error().message));
        return 1;
    }
    const QByteArray header = stream.header();
    if (::pwrite(fd, header.constData(), size_t(header.size()), 0) != header.size() ||
        ::close(fd) != 0) {
        std::perror("header");
        return 1;
    }
    std::printf("{\"bytes\": %lld, \"source_read\": %lld, \"virtual_size\": %llu, "
                "\"seconds\": %.3f, \"cpu_seconds\": %.3f}\n",
                stream.bytesProduced(), stream.sourceBytesRead(), qulonglong(stream.virtualSize()),
                double(clock.nsecsElapsed()) / 1e9, cpuSeconds());
    return 0;
}
