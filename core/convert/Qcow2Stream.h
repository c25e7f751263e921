#pragma once

// Any disk image we can read, turned into a compressed, sparse qcow2 v3 byte stream while it is
// uploaded: no temporary copy, no second wait. 64 KiB clusters; clusters that are unallocated in
// the source's map or all zeros are left out (they read as zeros: no L2 entry); every other
// cluster is deflate-compressed (qcow2's standard compressed clusters, compression type zlib,
// raw deflate with a 4 KiB window as qemu writes and reads them) or stored as it is where
// compression saves less than one 512-byte sector.
//
// The layout streams. A qcow2 needs tables that point at data written after them; a multipart
// upload may send its parts in any order. So the stream is:
//   [header region: header | L1 table | refcount table]   fixed size, known from the virtual size
//   [data clusters of guest range 0..512 MiB | their L2 table]   one L2 table per 512 MiB range
//   [... the same for each 512 MiB range that holds data ...]
//   [refcount blocks]
// Only the header region depends on what comes after it: read() yields zeros there, and header()
// gives its real bytes once the stream has ended. The upload keeps its first part in memory and
// sends it last with the header patched in; every other part is final as soon as it is read.
// We chose this over "header part last with the tables at the end" because the L2 tables then
// follow their data by at most 512 MiB (a reader never seeks far back) and only one part waits.
//
// Deterministic: the same source and settings() give the same bytes, whatever the thread count
// and timing, so a resumed upload regenerates the stream and checks each part already sent
// against the CRC-64 on record before sending the rest.
//
// Work is spread over threads: one reads the source (a DiskImage is used from one thread), the
// others compress clusters, and read() hands out their results in order. Memory is bounded:
// at most `window` clusters (input and output) are in flight whatever the disk's size; the
// refcounts (2 bytes per 64 KiB of output) and the L1 table (8 bytes per 512 MiB) grow with the
// output, about 32 KiB per GiB.
#include "disk/DiskImage.h"
#include "util/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <memory>

namespace cvmi::convert {

struct Qcow2StreamSettings {
    int compressionLevel = 6; // zlib's level: part of the bytes (and so of a resume's identity)
    int threads = 0;          // compressing threads; 0: one per core. Does not change the bytes.
};

class Qcow2Stream {
    Q_DECLARE_TR_FUNCTIONS(cvmi::convert::Qcow2Stream)
public:
    static constexpr int clusterBits = 16;
    static constexpr qint64 clusterSize = qint64(1) << clusterBits;

    // `image` must outlive the stream and is read only by it until the stream is destroyed.
    explicit Qcow2Stream(disk::DiskImage& image, Qcow2StreamSettings settings = {});
    ~Qcow2Stream(); // stops and joins the threads
    Qcow2Stream(const Qcow2Stream&) = delete;
    Qcow2Stream& operator=(const Qcow2Stream&) = delete;

    // What decides the bytes besides the source, e.g. "qcow2-stream/1 cluster=65536 zlib=6":
    // recorded with a resumable upload, which refuses to resume under another one.
    QString identity() const;
    uint64_t virtualSize() const;
    // The length of the header region at offset 0 (whole clusters): an upload's first part is at
    // least this long.
    qint64 headerSize() const;

    // The next bytes of the stream, in order from offset 0 (the header region as zeros): their
    // count, 0 at the end, -1 on an error (error(): "convert.read" when the source could not be
    // read, with its message; "convert.stopped" after stop()).
    qint64 read(char* into, qint64 capacity);
    bool atEnd() const;
    Error error() const;
    // After atEnd(): the header region's bytes, headerSize() long, to replace the zeros read().
    QByteArray header() const;
    qint64 bytesProduced() const; // read() so far (after atEnd(): the stream's length)

    // From any thread: read() returns -1 soon after.
    void stop();

    // Progress, from any thread: the source's bytes read so far (data extents only: the holes
    // are not read), and how many there are in all (-1 until the map has been walked, at the
    // start).
    qint64 sourceBytesRead() const;
    qint64 sourceBytesToRead() const;

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cvmi::convert
