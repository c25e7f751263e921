#pragma once

// What a request sends, handed to libcurl as it asks for it: bytes in memory (the XML of
// Complete) or a range of the file being uploaded. A part is read from the file inside curl's
// read callback, straight into curl's own upload buffer: no part-sized buffer of ours, no second
// copy, and memory that does not grow with the part size (curl --parallel -T works the same
// way). Its CRC-64 is computed on the fly from the bytes just read, while they are in the CPU's
// cache, so the value compared with COS's is that of exactly the bytes that went out.
#include "util/Error.h"
#include "util/NativePath.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace cvmi::transfer {

class RequestBody {
public:
    virtual ~RequestBody() = default;
    virtual qint64 length() const = 0;
    // Copies the next bytes into `into` (at most `capacity`): their count, 0 at the end, -1 on a
    // read error (then error() says what).
    virtual qint64 read(char* into, qint64 capacity) = 0;
    // Back to the first byte: curl sends a body again when a reused connection turned out
    // closed before the request went out.
    virtual void rewind() = 0;
    virtual QString error() const { return {}; }
};

// Bytes the caller keeps alive until the transfer is gone.
class MemoryBody final : public RequestBody {
public:
    explicit MemoryBody(const QByteArray& bytes) : m_bytes(bytes) {}
    qint64 length() const override { return m_bytes.size(); }
    qint64 read(char* into, qint64 capacity) override;
    void rewind() override { m_position = 0; }

private:
    const QByteArray& m_bytes;
    qint64 m_position = 0;
};

// The file being uploaded, opened once per upload and shared by every part in flight: pread()
// has no file position, so parts read side by side without a lock.
class SourceFile {
public:
    // Opened by its bytes (the name need not be UTF-8), never blocking on a FIFO; nullptr with
    // *error ("upload.file") when it cannot be.
    static std::unique_ptr<SourceFile> open(const util::NativePath& path, Error* error);
    ~SourceFile();
    SourceFile(const SourceFile&) = delete;
    SourceFile& operator=(const SourceFile&) = delete;

    // Up to `length` bytes at `offset`: their count (short only at the end of the file), or -1
    // with *error.
    qint64 readAt(char* into, qint64 length, qint64 offset, QString* error) const;
    // Asks the kernel to start reading a range the network will want soon, so that a part's
    // first reads in curl's callback find the page cache filled instead of waiting for the disk.
    void prefetch(qint64 offset, qint64 length) const;

private:
    explicit SourceFile(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

// One range of the file as a request body.
class FileRangeBody final : public RequestBody {
public:
    FileRangeBody(const SourceFile& file, qint64 offset, qint64 length);
    qint64 length() const override { return m_length; }
    qint64 read(char* into, qint64 capacity) override;
    void rewind() override;
    QString error() const override { return m_error; }

    // Every byte was read (and so handed to curl) without an error: crc64() is the range's.
    bool complete() const { return m_position == m_length && m_error.isEmpty(); }
    quint64 crc64() const { return m_crc; }

private:
    const SourceFile& m_file;
    qint64 m_offset = 0;
    qint64 m_length = 0;
    qint64 m_position = 0;
    quint64 m_crc = 0;
    QString m_error;
};

} // namespace cvmi::transfer
