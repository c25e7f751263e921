#pragma once

// The accounts the emulator knows: the keys it verifies signatures with, the APPID that suffixes
// their bucket names, whether CAM lets them import images, and the regions open to them.
#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace cvmi::emu {

struct EmulatorAccount {
    QString secretId;
    QString secretKey;
    QString
        token; // set: the account stands for temporary credentials and every request must carry it
    QString appId;         // numeric, e.g. "1250000000"
    bool mayImport = true; // false: ImportImage answers UnauthorizedOperation
    QStringList regions = {QStringLiteral("ap-guangzhou")};
};

class AccountStore {
public:
    void add(const EmulatorAccount& account) { m_accounts.insert(account.secretId, account); }
    std::optional<EmulatorAccount> find(const QString& secretId) const
    {
        const auto it = m_accounts.constFind(secretId);
        if (it == m_accounts.constEnd())
            return std::nullopt;
        return *it;
    }
    bool isEmpty() const { return m_accounts.isEmpty(); }

private:
    QHash<QString, EmulatorAccount> m_accounts;
};

} // namespace cvmi::emu
