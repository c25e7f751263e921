#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace cvmi::inspect {

// The longest file name a cpio entry may declare; longer ones mean damage, not a real initramfs.
constexpr uint32_t kMaxCpioName = 4096;

// Walks cpio "newc"/"crc" archives as bytes arrive, keeping nothing but the names sought.
// Archives may follow one another, with zero padding in between.
// Each element of `sought` is one question ("is virtio_blk inside?"), answered by the first entry
// whose file name is any of its names ("virtio_blk.ko", "virtio_blk.ko.xz", ...): the walk can
// stop once every question is answered.
class CpioScanner {
public:
    enum class State { Seeking, Header, Name, Skip, Foreign, Broken };

    explicit CpioScanner(const QList<QStringList>& sought)
        : m_sought(sought), m_answered(sought.size(), false)
    {
    }

    // Consumes bytes; stops early (returning how many were used) on foreign data or damage.
    size_t feed(const uint8_t* data, size_t size)
    {
        size_t i = 0;
        while (i < size && m_state != State::Foreign && m_state != State::Broken) {
            switch (m_state) {
            case State::Seeking:
                if (data[i] == 0) {
                    ++i;
                    break;
                }
                if (data[i] != '0') {
                    m_state = State::Foreign;
                    break;
                }
                m_state = State::Header;
                m_buffer.clear();
                break;
            case State::Header: {
                const size_t n = std::min(size - i, size_t(110) - size_t(m_buffer.size()));
                m_buffer.append(reinterpret_cast<const char*>(data + i), qsizetype(n));
                i += n;
                if (m_buffer.size() == 110)
                    parseHeader();
                break;
            }
            case State::Name: {
                const size_t n = std::min<size_t>(size - i, m_nameSize - size_t(m_buffer.size()));
                m_buffer.append(reinterpret_cast<const char*>(data + i), qsizetype(n));
                i += n;
                if (size_t(m_buffer.size()) == m_nameSize)
                    finishName();
                break;
            }
            case State::Skip: {
                const uint64_t n = std::min<uint64_t>(size - i, m_skip);
                i += size_t(n);
                m_skip -= n;
                if (m_skip == 0)
                    m_state = State::Seeking;
                break;
            }
            case State::Foreign:
            case State::Broken:
                break;
            }
        }
        return i;
    }

    State state() const { return m_state; }
    bool sawTrailer() const { return m_trailers > 0; }
    // Every question has its answer (never true when nothing is sought: the walk goes to the end).
    bool foundAll() const { return !m_sought.isEmpty() && m_open == 0; }
    // The paths of the entries that answered, one per answered question, in archive order.
    const QStringList& found() const { return m_found; }
    uint64_t entries() const { return m_entries; }
    // After Foreign: the scanner may be reused for a new stream.
    void resetForNewStream() { m_state = State::Seeking; }

private:
    static bool hexField(const QByteArray& header, int offset, uint32_t* value)
    {
        bool ok = false;
        *value = header.mid(offset, 8).toUInt(&ok, 16);
        return ok;
    }

    void parseHeader()
    {
        uint32_t fileSize = 0;
        if ((!m_buffer.startsWith("070701") && !m_buffer.startsWith("070702")) ||
            !hexField(m_buffer, 54, &fileSize) || !hexField(m_buffer, 94, &m_nameSize) ||
            m_nameSize == 0 || m_nameSize > kMaxCpioName) {
            m_state = State::Broken;
            return;
        }
        m_fileSize = fileSize;
        m_state = State::Name;
        m_buffer.clear();
    }

    void finishName()
    {
        ++m_entries;
        const QString name =
            QString::fromUtf8(m_buffer.constData(),
                              qsizetype(qstrnlen(m_buffer.constData(), size_t(m_buffer.size()))));
        // Header plus name are padded to a multiple of 4, and so is the data.
        const uint64_t namePad = (4 - (110 + m_nameSize) % 4) % 4;
        const uint64_t dataPad = (4 - m_fileSize % 4) % 4;
        m_skip = namePad + m_fileSize + dataPad;
        if (name == QLatin1String("TRAILER!!!")) {
            ++m_trailers;
        } else {
            answer(name);
        }
        m_state = m_skip ? State::Skip : State::Seeking;
    }

    void answer(const QString& path)
    {
        const QString base = path.section(u'/', -1);
        for (qsizetype q = 0; q < m_sought.size(); ++q) {
            if (!m_answered[q] && m_sought[q].contains(base)) {
                m_answered[q] = true;
                --m_open;
                m_found << path;
            }
        }
    }

    QList<QStringList> m_sought;
    QList<bool> m_answered;
    qsizetype m_open = m_sought.size();
    QStringList m_found;
    State m_state = State::Seeking;
    QByteArray m_buffer;
    uint32_t m_nameSize = 0;
    uint64_t m_fileSize = 0;
    uint64_t m_skip = 0;
    uint64_t m_entries = 0;
    int m_trailers = 0;
};

} // namespace cvmi::inspect
