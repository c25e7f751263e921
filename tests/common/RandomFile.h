#pragma once

// A file of `size` pseudo-random bytes from `seed` (so it does not compress and the same seed
// gives the same bytes): the upload tests' images. Its path, or an empty string when it cannot be
// written.
#include <QByteArray>
#include <QFile>
#include <QRandomGenerator>
#include <QString>

namespace cvmi::test {

inline QString writeRandomFile(const QString& path, qint64 size, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator gen(seed);
    QByteArray chunk(1024 * 1024, Qt::Uninitialized);
    for (qint64 done = 0; done < size; done += chunk.size()) {
        gen.fillRange(reinterpret_cast<quint32*>(chunk.data()), chunk.size() / 4);
        if (f.write(chunk.constData(), qMin<qint64>(chunk.size(), size - done)) < 0)
            return {};
    }
    return path;
}

} // namespace cvmi::test
