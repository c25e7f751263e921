#pragma once

// The bytes of a converted upload's object, produced in order while they are sent: the seam
// between the upload engine (StreamPump) and the converter (convert/Qcow2Stream.h), so that the
// engine is tested with a deterministic fake as well as with the real qcow2 stream.
//
// The first headerSize() bytes are a placeholder until the stream has ended: header() then gives
// their real bytes (a qcow2's header and tables point at data written after them). The upload
// keeps its first part in memory, patches header() over it and sends it last.
#include "transfer/UploadJob.h"
#include "util/Error.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace cvmi::transfer {

class ObjectStream {
public:
    virtual ~ObjectStream() = default;

    // What decides the bytes besides the source file: recorded with a resumable upload, which
    // refuses to resume under another one.
    virtual QString identity() const = 0;
    virtual QString format() const = 0;       // the object's format: "qcow2"
    virtual QString sourceFormat() const = 0; // the file's: "raw", "qcow2", "vmdk", "vhd"
    virtual qint64 virtualSize() const = 0;
    // The length of the part of the object that header() replaces at offset 0.
    virtual qint64 headerSize() const = 0;
    // The most bytes the stream can have for this source (an incompressible disk): the part size
    // is chosen from it so that the object fits in 10,000 parts.
    virtual qint64 maxLength() const = 0;

    // The next bytes in order: their count, 0 at the end, -1 on an error (error()). Called on
    // one thread (the engine's reader); may block while the bytes are produced.
    virtual qint64 read(char* into, qint64 capacity) = 0;
    virtual bool atEnd() const = 0;
    virtual Error error() const = 0;
    virtual QByteArray header() const = 0; // after atEnd(): headerSize() bytes
    // From any thread: read() returns -1 soon after.
    virtual void stop() = 0;

    // Progress, from any thread: the source's bytes read, and of how many (-1: not known yet).
    virtual qint64 sourceBytesRead() const = 0;
    virtual qint64 sourceBytesToRead() const = 0;
};

// Makes the stream of a job (Conversion::Qcow2): nullptr with *error when the file cannot be
// opened as a disk image. Tests hand UploadEngine a fake one.
using ObjectStreamFactory =
    std::function<std::unique_ptr<ObjectStream>(const UploadJob& job, Error* error)>;

// The real one: the file opened with disk::openDiskImage and converted by convert::Qcow2Stream.
std::unique_ptr<ObjectStream> openQcow2ObjectStream(const UploadJob& job, Error* error);

} // namespace cvmi::transfer
