#pragma once

// The members of a tar archive (an OVA appliance), listed from their headers without reading or
// extracting any member's data: ustar and POSIX (pax) headers, GNU long names and base-256 sizes,
// as GNU tar, bsdtar, VirtualBox and VMware's ovftool write them.
#include "disk/ByteSource.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

namespace cvmi::disk {

// Headers read before the archive is refused, long-name and pax headers included. An OVA holds
// a handful of files (descriptor, manifest, certificate, disks); the cap keeps a hostile archive
// of empty members from costing a read each without end.
inline constexpr int kTarMaxHeaders = 4096;
// A member name from a GNU long-name or pax header: Linux's PATH_MAX. Longer names are no file
// anyone could extract, and the cap bounds what such a header makes us read.
inline constexpr qsizetype kTarMaxNameBytes = 4096;
// A pax extended header is a few records (path, size, times); 64 KiB is far beyond any real one.
inline constexpr qsizetype kTarMaxPaxBytes = 64 * 1024;

struct TarMember {
    QByteArray name;           // as stored, leading "./" removed
    uint64_t headerOffset = 0; // where its (first) header starts, for messages
    uint64_t dataOffset = 0;
    uint64_t size = 0;
    // A regular file. Anything else (folder, link, device, GNU sparse member) is listed so that
    // messages can say what it is, but holds no data to read.
    bool regular = true;
};

// Reads an archive's headers one after another. `fileSize` is the archive's size, which may be
// larger than `source` when a probe looks at the file's first bytes only: member data is checked
// against `fileSize`, headers are read from `source`.
class TarReader {
public:
    TarReader(ByteSource& source, uint64_t fileSize, QString shownName);
    // The next member; false at the end of the archive (error left unset) or on damage (error set).
    bool next(TarMember* member, Error* error);

private:
    bool readHeader(unsigned char* header, bool* end, Error* error);
    bool readMetaData(uint64_t dataOffset, uint64_t size, qsizetype cap, QByteArray* out,
                      Error* error);
    bool parsePax(const QByteArray& records, uint64_t offset, Error* error);

    ByteSource& m_source;
    uint64_t m_fileSize;
    QString m_shown;
    uint64_t m_pos = 0;
    int m_headers = 0;
    bool m_done = false;
    // Set by GNU long-name and pax headers, for the member that follows them.
    QByteArray m_longName;
    QByteArray m_paxPath;
    bool m_paxHasSize = false;
    uint64_t m_paxSize = 0;
    bool m_paxSparse = false;
};

// Every member of the archive in `file`, in order.
bool indexTar(ByteSource& file, QList<TarMember>* members, Error* error);

// For probes: the name of the first regular file of the archive whose first bytes are `head`
// (the whole file being `fileSize` bytes), or empty when `head` does not start a tar archive.
QByteArray firstTarFileName(const QByteArray& head, uint64_t fileSize);

} // namespace cvmi::disk
