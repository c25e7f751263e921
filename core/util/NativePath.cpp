#include "util/NativePath.h"

#include <QFile>

#include <cerrno>
#include <unistd.h>

namespace cvmi::util {

namespace {

// Length of the valid UTF-8 sequence at `at` (1..4), or 0 when the bytes there are not one
// (stray continuation, overlong form, surrogate, above U+10FFFF, cut short).
int utf8SequenceLength(const QByteArray& s, qsizetype at)
{
    const auto byte = [&](qsizetype i) {
        return uchar(s.at(i));
    };
    const uchar lead = byte(at);
    if (lead < 0x80)
        return 1;
    int length = 0;
    uint min = 0;
    uint cp = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, min = 0x80, cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, min = 0x800, cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, min = 0x10000, cp = lead & 0x07;
    } else {
        return 0;
    }
    if (at + length > s.size())
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(at + i) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return length;
}

} // namespace

NativePath::NativePath(const QString& path) : m_bytes(QFile::encodeName(path)) {}

NativePath NativePath::fromBytes(QByteArray bytes)
{
    NativePath p;
    p.m_bytes = std::move(bytes);
    return p;
}

bool NativePath::isValidUtf8() const
{
    for (qsizetype i = 0; i < m_bytes.size();) {
        const int n = utf8SequenceLength(m_bytes, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

namespace {
template <typename Invalid> QString decode(const QByteArray& bytes, Invalid invalid)
{
    QString out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size();) {
        const int n = utf8SequenceLength(bytes, i);
        if (n == 0) {
            out += invalid(uchar(bytes.at(i)));
            ++i;
        } else {
            out += QString::fromUtf8(bytes.constData() + i, n);
            i += n;
        }
    }
    return out;
}
} // namespace

QString displayBytes(const QByteArray& bytes)
{
    return decode(bytes, [](uchar byte) {
        return QStringLiteral("\\x%1").arg(uint(byte), 2, 16, QLatin1Char('0'));
    });
}

QString textWithReplacements(const QByteArray& bytes)
{
    return decode(bytes, [](uchar) { return QStringLiteral("_"); });
}

QString NativePath::display() const
{
    return displayBytes(m_bytes);
}

QByteArray NativePath::fileNameBytes() const
{
    const qsizetype slash = m_bytes.lastIndexOf('/');
    return slash < 0 ? m_bytes : m_bytes.mid(slash + 1);
}

QString NativePath::fileNameDisplay() const
{
    return displayBytes(fileNameBytes());
}

NativePath NativePath::directory() const
{
    const qsizetype slash = m_bytes.lastIndexOf('/');
    if (slash < 0)
        return fromBytes(QByteArrayLiteral("."));
    if (slash == 0)
        return fromBytes(QByteArrayLiteral("/"));
    return fromBytes(m_bytes.left(slash));
}

NativePath NativePath::absolute() const
{
    QByteArray full = m_bytes;
    if (!full.startsWith('/')) {
        QByteArray cwd(4096, Qt::Uninitialized);
        while (!::getcwd(cwd.data(), size_t(cwd.size())) && errno == ERANGE)
            cwd.resize(cwd.size() * 2);
        cwd.truncate(qsizetype(qstrlen(cwd.constData())));
        full = cwd + '/' + full;
    }
    QList<QByteArray> kept;
    for (const QByteArray& part : full.split('/')) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(part);
    }
    return fromBytes('/' + kept.join('/'));
}

} // namespace cvmi::util
