#pragma once

#include "util/Error.h"
#include "util/NativePath.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace cvmi::disk {

struct Extent; // disk/DiskImage.h

// Counts what was actually read from the user's files, so the CLI (`--stats`) and the benchmark
// can prove that inspection reads metadata, not the whole image. Shared by every file of an image.
struct ReadStats {
    std::atomic<uint64_t> bytesRead{0};
    std::atomic<uint64_t> readCalls{0};
};

// Random-access bytes: a file on disk, or memory for the fuzzers. Readers only see this interface.
// readAt() must be safe to call from one thread at a time per object.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    virtual uint64_t size() const = 0;
    // Reads exactly `length` bytes at `offset`. A read past the end is an error ("truncated"),
    // never a silent short read.
    virtual bool readAt(uint64_t offset, void* buffer, size_t length, Error* error) = 0;
    // The file name for messages.
    virtual QString name() const = 0;

    // Which bytes of [offset, offset+length) (within size()) hold data and which are holes that
    // read as zeros, in order and merged, without reading them. The default says "all data",
    // true for any source: a plain file's holes are a bonus, never needed for correctness.
    virtual bool mapData(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error);

    // Reads up to `length` bytes at `offset`, clamped to the end; returns what was read.
    QByteArray readUpTo(uint64_t offset, size_t length, Error* error);
};

class FileByteSource final : public ByteSource {
public:
    // The image the user chose: symbolic links are followed (a link to one's image is normal),
    // anything but a regular file is refused, and a FIFO never blocks the open.
    static std::unique_ptr<FileByteSource> open(const util::NativePath& path,
                                                std::shared_ptr<ReadStats> stats, Error* error);
    // A file an image names (a VMDK extent): `relative` must stay beneath `folderFd`, with no
    // symbolic link on the way. `shown` names it in messages.
    static std::unique_ptr<FileByteSource> openBeneath(int folderFd, const QByteArray& relative,
                                                       const QString& shown,
                                                       std::shared_ptr<ReadStats> stats,
                                                       Error* error);
    ~FileByteSource() override;

    uint64_t size() const override { return m_size; }
    bool readAt(uint64_t offset, void* buffer, size_t length, Error* error) override;
    QString name() const override { return m_path; }
    // SEEK_DATA / SEEK_HOLE; "all data" where the file system has no such map.
    bool mapData(uint64_t offset, uint64_t length, QList<Extent>* out, Error* error) override;

private:
    static std::unique_ptr<FileByteSource> adopt(int fd, const QString& shown, uint64_t size,
                                                 std::shared_ptr<ReadStats> stats);
    FileByteSource(int fd, QString path, uint64_t size, std::shared_ptr<ReadStats> stats);
    bool nextRun(uint64_t offset, bool* data, uint64_t* runEnd, Error* error);
    int m_fd;
    QString m_path;
    uint64_t m_size;
    std::shared_ptr<ReadStats> m_stats;
};

class MemoryByteSource final : public ByteSource {
public:
    explicit MemoryByteSource(QByteArray data, QString name = QStringLiteral("memory"))
        : m_data(std::move(data)), m_name(std::move(name))
    {
    }
    uint64_t size() const override { return uint64_t(m_data.size()); }
    bool readAt(uint64_t offset, void* buffer, size_t length, Error* error) override;
    QString name() const override { return m_name; }

private:
    QByteArray m_data;
    QString m_name;
};

} // namespace cvmi::disk
