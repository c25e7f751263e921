#include "inspect/Initramfs.h"

#include "inspect/CpioScanner.h"
#include "inspect/InitramfsStream.h"
#include "inspect/InspectionBudget.h"

#include <QCoreApplication>

#include <algorithm>

namespace cvmi::inspect {

using namespace initramfs;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::Initramfs)
};

// The note for a scan a bound stopped; sets scan->timedOut when it was the deadline.
void noteStop(Stop stop, const Meter& meter, InitramfsScan* scan)
{
    const InitramfsLimits& limits = meter.limits();
    switch (stop) {
    case Stop::TimeUp:
        scan->timedOut = true;
        scan->note = Text::tr("it was not read within the time limit");
        break;
    case Stop::TooBig:
        scan->note = Text::tr("it unpacks to more than %1 MiB").arg(limits.maxOutput >> 20);
        break;
    case Stop::BudgetSpent:
        scan->note = Text::tr("the initramfs files together unpack to more than %1 MiB, the most "
                              "one inspection unpacks")
                         .arg(limits.budget ? limits.budget->maxDecompressed() >> 20 : 0);
        break;
    case Stop::NoOutput:
        scan->note = Text::tr("%1 MiB of it were read without unpacking anything (padding, or a "
                              "decompression bomb)")
                         .arg(limits.maxInputWithoutOutput >> 20);
        break;
    case Stop::None:
        break;
    }
}

// The scan's end with what was read so far and why it stopped there.
void ended(InitramfsScan* scan, const CpioScanner& scanner, const QString& note)
{
    scan->note = note;
    scan->entries = scanner.entries();
}

// 1. Uncompressed archives at the front (dracut's early microcode, or all of it), from *pos on.
// What was read past them (the start of the compressed part) is left in *rest, so no byte is read
// twice. False when *scan is already the answer (an error, a limit, a damaged or cut-short
// archive).
bool scanUncompressed(uint64_t size, const InitramfsReader& read, CpioScanner& scanner,
                      Meter& meter, uint64_t* pos, QByteArray* rest, InitramfsScan* scan)
{
    while (*pos < size) {
        if (!meter.mayRead()) {
            noteStop(meter.stopped(), meter, scan);
            scan->entries = scanner.entries();
            return false;
        }
        QByteArray chunk;
        if (!read(*pos, size_t(std::min<uint64_t>(kChunk, size - *pos)), &chunk)) {
            scan->note = Text::tr("the file could not be read");
            return false;
        }
        if (chunk.isEmpty())
            break; // the end of the file
        const uint64_t entriesBefore = scanner.entries();
        const size_t used =
            scanner.feed(reinterpret_cast<const uint8_t*>(chunk.constData()), size_t(chunk.size()));
        *pos += used;
        meter.read(used);
        if (scanner.entries() != entriesBefore)
            meter.progressed();
        if (scanner.foundAll())
            break;
        if (scanner.state() == CpioScanner::State::Broken) {
            ended(scan, scanner, Text::tr("the cpio archive is damaged near byte %1").arg(*pos));
            return false;
        }
        if (scanner.state() == CpioScanner::State::Foreign) {
            *rest = chunk.mid(qsizetype(used));
            break;
        }
    }
    if (scanner.state() == CpioScanner::State::Header ||
        scanner.state() == CpioScanner::State::Name ||
        (scanner.state() == CpioScanner::State::Skip && !scanner.foundAll())) {
        ended(scan, scanner, Text::tr("the cpio archive is cut short"));
        return false;
    }
    scan->compression = QStringLiteral("none");
    return true;
}

// 2. The compressed main archive at pos, whose first bytes (`rest`) may be read already. False
// when *scan is already the answer.
bool scanCompressed(uint64_t size, uint64_t pos, QByteArray rest, const InitramfsReader& read,
                    CpioScanner& scanner, Meter& meter, InitramfsScan* scan)
{
    if (rest.size() < 8) {
        QByteArray more;
        const uint64_t at = pos + uint64_t(rest.size());
        if (at < size && !read(at, size_t(std::min<uint64_t>(kChunk, size - at)), &more)) {
            scan->note = Text::tr("the file could not be read");
            return false;
        }
        rest += more;
    }
    const Compression* compression = compressionOf(rest);
    if (!compression) {
        scan->compression = compressionGuess(rest);
        scan->note = Text::tr("its %1 compression is not supported here").arg(scan->compression);
        return false;
    }
    scan->compression = QString::fromLatin1(compression->name);
    scanner.resetForNewStream();
    Sink sink(scanner, meter);
    const uint64_t next = pos + uint64_t(rest.size());
    Input input(read, std::move(rest), next, size, meter);
    QString note;
    const bool ok = compression->decode(input, sink, &note);
    // Padding after a complete archive is no reason to call it unread; anything else is.
    const bool onlyPaddingLeft = meter.stopped() == Stop::NoOutput && scanner.sawTrailer() &&
                                 scanner.state() == CpioScanner::State::Seeking;
    if (meter.stopped() != Stop::None && !onlyPaddingLeft) {
        noteStop(meter.stopped(), meter, scan);
        scan->entries = scanner.entries();
        return false;
    }
    if (!ok) {
        ended(scan, scanner, note.isEmpty() ? Text::tr("the file could not be read") : note);
        return false;
    }
    if (!scanner.foundAll() && !scanner.sawTrailer()) {
        // No end-of-archive marker: the compressed data ended early, or held no cpio.
        ended(scan, scanner,
              Text::tr("the compressed archive is cut short or holds no cpio archive"));
        return false;
    }
    if (scanner.state() == CpioScanner::State::Broken ||
        (scanner.state() == CpioScanner::State::Foreign && !scanner.sawTrailer())) {
        ended(scan, scanner, Text::tr("the unpacked data is not a cpio archive"));
        return false;
    }
    return true;
}

InitramfsScan walk(uint64_t size, const InitramfsReader& read,
                   const QList<InitramfsQuestion>& questions, Meter& meter)
{
    InitramfsScan scan;
    CpioScanner scanner(questions);
    uint64_t pos = 0;
    QByteArray rest;
    if (!scanUncompressed(size, read, scanner, meter, &pos, &rest, &scan))
        return scan;
    if (!scanner.foundAll() && scanner.state() == CpioScanner::State::Foreign &&
        !scanCompressed(size, pos, std::move(rest), read, scanner, meter, &scan))
        return scan;
    scan.read = true;
    scan.found = scanner.found();
    scan.entries = scanner.entries();
    return scan;
}

} // namespace

InitramfsScan scanInitramfs(uint64_t size, const InitramfsReader& read,
                            const QList<InitramfsQuestion>& questions, uint64_t maxOutput)
{
    InitramfsLimits limits;
    limits.maxOutput = maxOutput;
    return scanInitramfs(size, read, questions, limits);
}

InitramfsScan scanInitramfs(uint64_t size, const InitramfsReader& read,
                            const QList<InitramfsQuestion>& questions,
                            const InitramfsLimits& limits)
{
    uint64_t bytesRead = 0;
    const InitramfsReader counted = [&](uint64_t offset, size_t length, QByteArray* out) {
        const bool ok = read(offset, length, out);
        bytesRead += uint64_t(out->size());
        return ok;
    };
    Meter meter(limits);
    // What is beyond the file's allocated blocks is a hole: zeros the file system invents.
    InitramfsScan scan = walk(std::min(size, limits.maxInput), counted, questions, meter);
    scan.bytesRead = bytesRead;
    scan.bytesUnpacked = meter.unpacked();
    return scan;
}

} // namespace cvmi::inspect
