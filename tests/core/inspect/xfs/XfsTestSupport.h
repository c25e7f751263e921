#pragma once

// Shared by the XfsGuestFs tests: the fixture images of tests/fixtures/make-xfs-images.sh, what
// xfs_db says about them, and a disk in memory for damaged copies.
#include "TestSupport.h"
#include "disk/DiskImage.h"
#include "inspect/GuestFs.h"
#include "inspect/GuestPath.h"

#include <QFile>
#include <QMap>
#include <QTest>

#include <cstring>

namespace cvmi::test::xfs {

using namespace cvmi::inspect;

// A disk held in memory, for the damaged copies.
class MemoryDisk final : public disk::DiskImage {
public:
    explicit MemoryDisk(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    QString format() const override { return QStringLiteral("raw"); }
    QString subformat() const override { return {}; }
    uint64_t virtualSize() const override { return uint64_t(m_bytes.size()); }
    bool read(uint64_t offset, void* buffer, size_t length, Error* error) override
    {
        if (!checkRange(offset, length, error))
            return false;
        std::memcpy(buffer, m_bytes.constData() + offset, length);
        return true;
    }

private:
    QByteArray m_bytes;
};

inline QString dir()
{
    return test::fixtureDir() + QStringLiteral("/xfs/");
}

inline QByteArray xfsDb(const QString& image, const QStringList& commands)
{
    QStringList arguments{QStringLiteral("-r")};
    for (const QString& command : commands)
        arguments << QStringLiteral("-c") << command;
    arguments << dir() + image;
    QByteArray out;
    if (!test::runTool(QStringLiteral("/usr/sbin/xfs_db"), arguments, &out))
        return "xfs_db failed";
    return out;
}

// name -> inode number, as xfs_db's `ls` prints them ("offset inode type hash namelen name").
inline QMap<QString, uint64_t> xfsDbListing(const QString& image, const QString& path)
{
    QMap<QString, uint64_t> names;
    const QByteArray out = xfsDb(image, {QStringLiteral("path ") + path, QStringLiteral("ls")});
    for (const QByteArray& line : out.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 7 && fields[5] != "." && fields[5] != "..")
            names.insert(QString::fromUtf8(fields[5]), fields[1].toULongLong());
    }
    return names;
}

inline uint64_t xfsDbValue(const QString& image, const QString& path, const QString& field)
{
    const QByteArray out =
        xfsDb(image, {QStringLiteral("path ") + path, QStringLiteral("p ") + field});
    return out.mid(out.indexOf('=') + 1).trimmed().split(' ').first().toULongLong(); // "1 (local)"
}

inline QMap<QString, uint64_t> listing(GuestFs& fs, const GuestNode& node)
{
    QMap<QString, uint64_t> names;
    QList<GuestDirEntry> entries;
    Error error;
    if (!fs.listDirectory(node, &entries, &error))
        qWarning("listing failed: %s", qPrintable(error.message));
    for (const GuestDirEntry& entry : entries)
        names.insert(entry.name, entry.node.id);
    return names;
}

inline QByteArray readAll(GuestFs& fs, const QString& path)
{
    Error error;
    const std::optional<QByteArray> bytes = GuestPath::readFile(fs, path, 64 << 20, &error);
    return bytes ? *bytes : "failed: " + error.message.toUtf8();
}

// xfs_db's "0x10600 (67072)": the number in parentheses.
inline uint64_t xfsDbConvert(const QString& image, const QString& what)
{
    const QByteArray out =
        xfsDb(image, {QStringLiteral("convert ") + what + QStringLiteral(" byte")});
    return out.mid(out.indexOf('(') + 1).split(')').first().toULongLong();
}

inline uint64_t inodeByte(const QString& image, const QString& path)
{
    const QByteArray out = xfsDb(image, {QStringLiteral("path ") + path, QStringLiteral("inode")});
    // "current inode number is N"
    const uint64_t ino = out.mid(out.lastIndexOf(' ') + 1).trimmed().toULongLong();
    return xfsDbConvert(image, QStringLiteral("ino %1").arg(ino));
}

inline uint64_t firstBlockByte(const QString& image, const QString& path)
{
    const QByteArray out = xfsDb(image, {QStringLiteral("path ") + path, QStringLiteral("bmap")});
    const uint64_t fsblock =
        out.mid(out.indexOf("startblock ") + 11).split(' ').first().toULongLong();
    return xfsDbConvert(image, QStringLiteral("fsblock %1").arg(fsblock));
}

inline QByteArray imageBytes(const QString& image)
{
    QFile file(dir() + image);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void put16(QByteArray* bytes, uint64_t at, uint16_t value)
{
    (*bytes)[qsizetype(at)] = char(value >> 8);
    (*bytes)[qsizetype(at + 1)] = char(value);
}

inline void put64(QByteArray* bytes, uint64_t at, uint64_t value)
{
    for (int i = 0; i < 8; ++i)
        (*bytes)[qsizetype(at + i)] = char(value >> (56 - 8 * i));
}

} // namespace cvmi::test::xfs
