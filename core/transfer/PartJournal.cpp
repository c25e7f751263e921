#include "transfer/PartJournal.h"

#include "transfer/DestinationLock.h"
#include "util/Crc64.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cvmi::transfer {

namespace {

const QByteArray magic = QByteArrayLiteral("cvmi-parts 1 ");

QString systemError()
{
    return QString::fromLocal8Bit(strerror(errno));
}

// "<number> <size> <crc64> <etag, percent-encoded>": false on anything else, so that a line
// cut short or overwritten ends the journal instead of adding a wrong part.
bool parseLine(const QByteArray& line, int* number, CheckpointPart* part)
{
    const QList<QByteArray> fields = line.split(' ');
    if (fields.size() != 4)
        return false;
    bool okNumber = false;
    bool okSize = false;
    *number = fields[0].toInt(&okNumber);
    part->size = fields[1].toLongLong(&okSize);
    part->etag = QString::fromUtf8(QByteArray::fromPercentEncoding(fields[3]));
    return okNumber && okSize && *number >= 1 && *number <= 10000 && part->size > 0 &&
           !part->etag.isEmpty() &&
           util::Crc64::fromDecimal(QString::fromLatin1(fields[2]), &part->crc64);
}

} // namespace

PartJournal::~PartJournal()
{
    close();
}

QString PartJournal::pathFor(const QString& recordPath)
{
    QString path = recordPath;
    if (path.endsWith(QLatin1String(".json")))
        path.chop(5);
    return path + QStringLiteral(".parts");
}

bool PartJournal::open(const QString& recordPath, const QString& uploadId, Error* error)
{
    close();
    m_path = pathFor(recordPath);
    m_fd = ::open(QFile::encodeName(m_path).constData(),
                  O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    const auto failed = [&](const QString& why) {
        close();
        return fail(
            error, QStringLiteral("upload.checkpoint"),
            tr("Cannot write the resume record \"%1\": %2. %3")
                .arg(m_path, why,
                     DestinationLock::unwritableAdvice(QFileInfo(recordPath).absolutePath())));
    };
    if (m_fd < 0)
        return failed(systemError());
    if (!writeAll(magic + uploadId.toUtf8().toPercentEncoding() + '\n', error))
        return failed(error ? error->message : QString());
    sync();
    return true;
}

bool PartJournal::append(int number, const CheckpointPart& part, Error* error)
{
    if (m_fd < 0)
        return true;
    const QByteArray line = QByteArray::number(number) + ' ' + QByteArray::number(part.size) + ' ' +
                            util::Crc64::toDecimal(part.crc64).toLatin1() + ' ' +
                            part.etag.toUtf8().toPercentEncoding() + '\n';
    if (!writeAll(line, error))
        return false;
    if (!m_dirty)
        m_sinceSync.start(); // the oldest unsynced line's age decides when to sync
    m_dirty = true;
    return true;
}

bool PartJournal::writeAll(const QByteArray& bytes, Error* error)
{
    // O_APPEND: each line goes to the end in one write; a crash can only cut the last one.
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(error, QStringLiteral("upload.checkpoint"),
                        tr("Cannot write the resume record \"%1\": %2.")
                            .arg(m_path, n < 0 ? systemError() : QStringLiteral("0 bytes")));
        done += n;
    }
    return true;
}

void PartJournal::syncIfDue()
{
    if (m_dirty && m_sinceSync.elapsed() >= syncIntervalMs)
        sync();
}

void PartJournal::sync()
{
    if (m_fd < 0)
        return;
    ::fdatasync(m_fd);
    m_dirty = false;
}

void PartJournal::close()
{
    if (m_fd < 0)
        return;
    sync();
    ::close(m_fd);
    m_fd = -1;
}

void PartJournal::readInto(const QString& recordPath, const QString& uploadId,
                           QMap<int, CheckpointPart>* parts)
{
    QFile file(pathFor(recordPath));
    if (uploadId.isEmpty() || !file.open(QIODevice::ReadOnly))
        return;
    const QByteArray bytes = file.read(maxBytes);
    qsizetype at = bytes.indexOf('\n');
    if (at < 0 || bytes.left(at) != magic + uploadId.toUtf8().toPercentEncoding())
        return;
    for (;;) {
        const qsizetype end = bytes.indexOf('\n', at + 1);
        if (end < 0)
            return; // the end, or a last line cut short
        int number = 0;
        CheckpointPart part;
        if (!parseLine(bytes.mid(at + 1, end - at - 1), &number, &part))
            return;
        parts->insert(number, part);
        at = end;
    }
}

void PartJournal::remove(const QString& recordPath)
{
    QFile::remove(pathFor(recordPath));
}

} // namespace cvmi::transfer
