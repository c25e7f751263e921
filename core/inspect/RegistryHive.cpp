#include "inspect/RegistryHive.h"

#include "inspect/GuestPath.h"
#include "util/Endian.h"

#include <QCoreApplication>
#include <QTemporaryFile>

#include <hivex.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::RegistryHive)
};

// Guest files are copied in pieces this large, so that a 200 MiB hive never sits in a QByteArray
// and in the memory file at the same time.
constexpr size_t kChunkBytes = size_t(4) * 1024 * 1024;

// Where the hive's bytes go on the host so that hivex_open() has a path to open: an anonymous
// memory file when the kernel offers one (nothing lands on disk, nothing to clean up), else a
// temporary file deleted when this goes away (hivex keeps its own descriptor and mapping).
class HostCopy {
public:
    bool create(Error* error)
    {
        m_fd = int(::memfd_create("cvmi-registry-hive", MFD_CLOEXEC));
        if (m_fd >= 0) {
            m_path = QStringLiteral("/proc/self/fd/%1").arg(m_fd);
            // Without /proc (some containers) the memory file has no path to give hivex.
            if (::access(QFile::encodeName(m_path).constData(), R_OK) == 0)
                return true;
            ::close(m_fd);
            m_fd = -1;
        }
        m_temporary = std::make_unique<QTemporaryFile>();
        if (!m_temporary->open())
            return fail(error, QStringLiteral("hive_unreadable"),
                        Text::tr("No temporary file could be created to read a registry hive: "
                                 "%1. Check that the temporary folder is writable.")
                            .arg(m_temporary->errorString()));
        m_path = m_temporary->fileName();
        return true;
    }

    ~HostCopy()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool append(const char* data, size_t size, Error* error)
    {
        if (m_temporary) {
            if (m_temporary->write(data, qint64(size)) == qint64(size))
                return true;
            return fail(error, QStringLiteral("hive_unreadable"),
                        Text::tr("A registry hive could not be copied to a temporary file: %1.")
                            .arg(m_temporary->errorString()));
        }
        while (size > 0) {
            const ssize_t written = ::write(m_fd, data, size);
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0)
                return fail(error, QStringLiteral("hive_unreadable"),
                            Text::tr("A registry hive could not be copied into memory: %1.")
                                .arg(QString::fromLocal8Bit(std::strerror(errno))));
            data += written;
            size -= size_t(written);
        }
        return true;
    }

    bool finish(Error* error)
    {
        if (m_temporary && !m_temporary->flush())
            return fail(error, QStringLiteral("hive_unreadable"),
                        Text::tr("A registry hive could not be copied to a temporary file: %1.")
                            .arg(m_temporary->errorString()));
        return true;
    }

    QString path() const { return m_path; }

private:
    int m_fd = -1;
    std::unique_ptr<QTemporaryFile> m_temporary;
    QString m_path;
};

bool tooLarge(const QString& name, Error* error)
{
    return fail(error, QStringLiteral("hive_too_large"),
                Text::tr("The registry hive %1 is larger than %2 MiB, far larger than Windows "
                         "writes it; it was not read. The image is probably damaged.")
                    .arg(name)
                    .arg(RegistryHive::kMaxHiveBytes / (1024 * 1024)));
}

QStringList keyComponents(const QString& keyPath)
{
    return keyPath.split(u'\\', Qt::SkipEmptyParts);
}

// hivex hands out malloc'd strings.
QString takeUtf8(char* text)
{
    if (!text)
        return {};
    QString result = QString::fromUtf8(text);
    std::free(text);
    return result;
}

// The primary and secondary sequence numbers of the base block ("regf", then two little-endian
// dwords); Windows makes them equal once everything is flushed to the hive file itself.
bool sequencesDiffer(QByteArrayView head)
{
    if (head.size() < 12)
        return false;
    return le32(head.data() + 4) != le32(head.data() + 8);
}

// Read-only and strict: hivex refuses a hive whose bins do not add up rather than guessing
// (HIVEX_OPEN_UNSAFE), so a damaged hive is reported instead of half-read.
hive_h* openCopy(const HostCopy& copy, const QString& name, Error* error)
{
    errno = 0;
    hive_h* handle = hivex_open(QFile::encodeName(copy.path()).constData(), 0);
    if (!handle) {
        const int reason = errno ? errno : EINVAL;
        fail(error, QStringLiteral("hive_invalid"),
             Text::tr("The registry hive %1 cannot be read: %2. It is damaged or truncated; "
                      "shut Windows down cleanly and export the disk again.")
                 .arg(name, QString::fromLocal8Bit(std::strerror(reason))));
    }
    return handle;
}

} // namespace

std::unique_ptr<RegistryHive> RegistryHive::open(GuestFs& fs, const QString& path, Error* error)
{
    const std::optional<GuestNode> file = GuestPath::resolve(fs, path, true, error);
    if (!file)
        return nullptr;
    return open(fs, *file, path, error);
}

std::unique_ptr<RegistryHive> RegistryHive::open(GuestFs& fs, const GuestNode& file,
                                                 const QString& path, Error* error)
{
    if (file.kind != GuestNode::Kind::File) {
        fail(error, QStringLiteral("hive_invalid"),
             Text::tr("The registry hive %1 is not a regular file.").arg(path));
        return nullptr;
    }
    // Listings do not always carry sizes: ask for one byte past the limit instead, which costs
    // nothing when the file is smaller and saves copying 256 MiB when it is not.
    QByteArray chunk;
    if (!fs.readFile(file, kMaxHiveBytes, 1, &chunk, error))
        return nullptr;
    if (!chunk.isEmpty()) {
        tooLarge(path, error);
        return nullptr;
    }
    HostCopy copy;
    if (!copy.create(error))
        return nullptr;
    bool dirty = false;
    for (uint64_t offset = 0;; offset += uint64_t(chunk.size())) {
        if (!fs.readFile(file, offset, kChunkBytes, &chunk, error))
            return nullptr;
        if (offset == 0)
            dirty = sequencesDiffer(chunk);
        if (!copy.append(chunk.constData(), size_t(chunk.size()), error))
            return nullptr;
        if (size_t(chunk.size()) < kChunkBytes)
            break;
    }
    if (!copy.finish(error))
        return nullptr;
    hive_h* handle = openCopy(copy, path, error);
    if (!handle)
        return nullptr;
    return std::unique_ptr<RegistryHive>(new RegistryHive(handle, path, dirty));
}

std::unique_ptr<RegistryHive> RegistryHive::fromBytes(QByteArrayView bytes, const QString& name,
                                                      Error* error)
{
    if (uint64_t(bytes.size()) > kMaxHiveBytes) {
        tooLarge(name, error);
        return nullptr;
    }
    HostCopy copy;
    if (!copy.create(error) || !copy.append(bytes.data(), size_t(bytes.size()), error) ||
        !copy.finish(error))
        return nullptr;
    hive_h* handle = openCopy(copy, name, error);
    if (!handle)
        return nullptr;
    return std::unique_ptr<RegistryHive>(new RegistryHive(handle, name, sequencesDiffer(bytes)));
}

RegistryHive::RegistryHive(hive_h* handle, QString name, bool dirty)
    : m_handle(handle), m_name(std::move(name)), m_dirty(dirty)
{
}

RegistryHive::~RegistryHive()
{
    hivex_close(m_handle);
}

size_t RegistryHive::node(const QString& keyPath) const
{
    hive_node_h current = hivex_root(m_handle);
    for (const QString& name : keyComponents(keyPath)) {
        if (current == 0)
            return 0;
        current = hivex_node_get_child(m_handle, current, name.toUtf8().constData());
    }
    return current;
}

size_t RegistryHive::value(const QString& keyPath, const QString& valueName, int* type) const
{
    const hive_node_h key = node(keyPath);
    if (key == 0)
        return 0;
    const hive_value_h found = hivex_node_get_value(m_handle, key, valueName.toUtf8().constData());
    if (found == 0)
        return 0;
    hive_type t = hive_t_REG_NONE;
    size_t length = 0;
    if (hivex_value_type(m_handle, found, &t, &length) != 0)
        return 0;
    *type = int(t);
    return found;
}

bool RegistryHive::hasKey(const QString& keyPath) const
{
    return node(keyPath) != 0;
}

std::optional<QString> RegistryHive::getString(const QString& keyPath,
                                               const QString& valueName) const
{
    int type = 0;
    const hive_value_h found = value(keyPath, valueName, &type);
    if (found == 0 || (type != hive_t_REG_SZ && type != hive_t_REG_EXPAND_SZ))
        return std::nullopt;
    char* text = hivex_value_string(m_handle, found);
    if (!text)
        return std::nullopt;
    return takeUtf8(text);
}

std::optional<uint32_t> RegistryHive::getDword(const QString& keyPath,
                                               const QString& valueName) const
{
    int type = 0;
    const hive_value_h found = value(keyPath, valueName, &type);
    if (found == 0 || (type != hive_t_REG_DWORD && type != hive_t_REG_DWORD_BIG_ENDIAN))
        return std::nullopt;
    // hivex_value_dword returns -1 both for 0xFFFFFFFF and for errors; errno tells them apart.
    errno = 0;
    const int32_t dword = hivex_value_dword(m_handle, found);
    if (dword == -1 && errno != 0)
        return std::nullopt;
    return uint32_t(dword);
}

std::optional<QStringList> RegistryHive::getStrings(const QString& keyPath,
                                                    const QString& valueName) const
{
    int type = 0;
    const hive_value_h found = value(keyPath, valueName, &type);
    if (found == 0 || type != hive_t_REG_MULTI_SZ)
        return std::nullopt;
    char** strings = hivex_value_multiple_strings(m_handle, found);
    if (!strings)
        return std::nullopt;
    QStringList out;
    for (char** s = strings; *s; ++s)
        out.append(takeUtf8(*s));
    std::free(strings);
    return out;
}

std::optional<QStringList> RegistryHive::subkeys(const QString& keyPath) const
{
    const hive_node_h key = node(keyPath);
    if (key == 0)
        return std::nullopt;
    hive_node_h* children = hivex_node_children(m_handle, key);
    if (!children)
        return std::nullopt;
    QStringList names;
    for (hive_node_h* child = children; *child != 0; ++child)
        names.append(takeUtf8(hivex_node_name(m_handle, *child)));
    std::free(children);
    return names;
}

} // namespace cvmi::inspect
