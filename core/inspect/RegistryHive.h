#pragma once

#include "inspect/GuestFs.h"
#include "util/Error.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>

struct hive_h;

namespace cvmi::inspect {

// One Windows registry hive file (SOFTWARE, SYSTEM, ...) opened read-only with hivex.
// hivex only opens files by path, and a guest file is not a host file: its bytes are copied into
// an anonymous memory file (memfd_create, opened again as /proc/self/fd/N), or a QTemporaryFile
// where memfd is unavailable, and nothing is ever written back.
// Key paths are backslash-separated from the hive's root ("Microsoft\Windows NT\CurrentVersion");
// key and value names compare without case, as Windows compares them.
class RegistryHive {
public:
    // Real SOFTWARE hives reach a few hundred MiB only when something is badly wrong; refusing
    // larger ones bounds the memory an image can make us take.
    static constexpr uint64_t kMaxHiveBytes = uint64_t(256) * 1024 * 1024;

    // Reads the hive at `path` in the guest. nullptr with error code "hive_too_large",
    // "hive_invalid" (hivex refuses the bytes: truncated or damaged), "hive_unreadable"
    // (no host memory file could hold it), or the file system's own error when reading fails.
    static std::unique_ptr<RegistryHive> open(GuestFs& fs, const QString& path, Error* error);
    // The same for a file already found (saves walking the path again); `name` is its path.
    static std::unique_ptr<RegistryHive> open(GuestFs& fs, const GuestNode& file,
                                              const QString& name, Error* error);
    // The same from bytes in memory; `name` names the hive in messages.
    static std::unique_ptr<RegistryHive> fromBytes(QByteArrayView bytes, const QString& name,
                                                   Error* error);
    ~RegistryHive();
    RegistryHive(const RegistryHive&) = delete;
    RegistryHive& operator=(const RegistryHive&) = delete;

    QString name() const { return m_name; }
    // The base block's two sequence numbers differ: Windows was writing the hive when the disk
    // was copied (or did not shut down cleanly), and the newest changes may be only in the
    // .LOG1/.LOG2 transaction logs, which hivex does not replay.
    bool dirty() const { return m_dirty; }

    bool hasKey(const QString& keyPath) const;
    // A REG_SZ or REG_EXPAND_SZ value (unexpanded); nullopt when the key or value is absent or
    // the value has another type.
    std::optional<QString> getString(const QString& keyPath, const QString& valueName) const;
    // A REG_DWORD (or REG_DWORD_BIG_ENDIAN) value; nullopt when absent or of another type.
    std::optional<uint32_t> getDword(const QString& keyPath, const QString& valueName) const;
    // A REG_MULTI_SZ value's strings; nullopt when absent or of another type.
    std::optional<QStringList> getStrings(const QString& keyPath, const QString& valueName) const;
    // The names of the subkeys of a key, in the hive's order; nullopt when the key is absent.
    std::optional<QStringList> subkeys(const QString& keyPath) const;

private:
    RegistryHive(hive_h* handle, QString name, bool dirty);
    // The hivex node of a key path, or 0 when absent.
    size_t node(const QString& keyPath) const;
    size_t value(const QString& keyPath, const QString& valueName, int* type) const;

    hive_h* m_handle;
    QString m_name;
    bool m_dirty;
};

} // namespace cvmi::inspect
