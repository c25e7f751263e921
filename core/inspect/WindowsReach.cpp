#include "inspect/WindowsReach.h"

#include "inspect/RegistryHive.h"

#include <QCoreApplication>

#include <optional>

namespace cvmi::inspect {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::WindowsReach)
};

const QString kSystemPrefix = QStringLiteral("HKLM\\SYSTEM\\");
const QString kSoftwarePrefix = QStringLiteral("HKLM\\SOFTWARE\\");
// The rule names Windows ships for Remote Desktop: UserMode since Windows Server 2012, the
// shorter name on 2008 R2.
const QStringList kRdpRules = {QStringLiteral("RemoteDesktop-UserMode-In-TCP"),
                               QStringLiteral("RemoteDesktop-UserMode-In-UDP"),
                               QStringLiteral("RemoteDesktop-In-TCP")};
const QStringList kProfiles = {QStringLiteral("DomainProfile"), QStringLiteral("StandardProfile"),
                               QStringLiteral("PublicProfile")};
// Where Windows Setup looks for an answer file when it resumes after sysprep (relative to the
// system root; the ones that matter for an image that was generalized).
const QStringList kAnswerFiles[] = {
    {QStringLiteral("Panther"), QStringLiteral("unattend.xml")},
    {QStringLiteral("Panther"), QStringLiteral("Unattend"), QStringLiteral("unattend.xml")},
    {QStringLiteral("System32"), QStringLiteral("Sysprep"), QStringLiteral("unattend.xml")},
};

QString dwordText(const QString& name, int value)
{
    return value < 0 ? Text::tr("%1 not set").arg(name)
                     : QStringLiteral("%1=%2").arg(name).arg(value);
}

int dword(const RegistryHive& hive, const QString& key, const QString& name)
{
    const std::optional<uint32_t> v = hive.getDword(key, name);
    // Every value read here is small; anything else is as good as absent.
    return v && *v <= 0xFFFF ? int(*v) : -1;
}

// A file below the system root, found without regard to case (as Windows finds it): its node
// and its path as the volume spells it.
std::optional<std::pair<GuestNode, QString>> findFile(GuestFs& fs, const QString& systemRoot,
                                                      const QStringList& below)
{
    QStringList parts = systemRoot.split(u'/', Qt::SkipEmptyParts);
    parts += below;
    GuestNode node = fs.root();
    QString path;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QList<GuestDirEntry> entries;
        if (!fs.listDirectory(node, &entries, nullptr))
            return std::nullopt;
        const bool last = i == parts.size() - 1;
        const auto kind = last ? GuestNode::Kind::File : GuestNode::Kind::Directory;
        const GuestDirEntry* found = nullptr;
        for (const GuestDirEntry& entry : entries) {
            if (entry.node.kind == kind && entry.name.compare(parts[i], Qt::CaseInsensitive) == 0) {
                found = &entry;
                break;
            }
        }
        if (!found)
            return std::nullopt;
        node = found->node;
        path += u'/' + found->name;
    }
    return std::make_pair(node, path);
}

void readRdp(const RegistryHive& system, const RegistryHive& software, const QString& cs,
             GuestFacts* facts)
{
    WindowsReachFacts& r = facts->windows.reach;
    const QString key = cs + QStringLiteral("\\Control\\Terminal Server");
    const QString name = QStringLiteral("fDenyTSConnections");
    r.denyTsConnections = dword(system, key, name);
    // Group Policy's copy overrides the setting (gpedit: Allow users to connect remotely).
    const QString policy = QStringLiteral("Policies\\Microsoft\\Windows NT\\Terminal Services");
    r.denyTsConnectionsPolicy = dword(software, policy, name);
    facts->evidence.insert(
        QStringLiteral("rdp"),
        r.denyTsConnectionsPolicy >= 0
            ? Evidence{kSoftwarePrefix + policy, dwordText(name, r.denyTsConnectionsPolicy) +
                                                     Text::tr(" (Group Policy; %1\\%2: %3)")
                                                         .arg(kSystemPrefix + key, name)
                                                         .arg(r.denyTsConnections)}
            : Evidence{kSystemPrefix + key, dwordText(name, r.denyTsConnections)});
}

void readFirewall(const RegistryHive& system, const QString& cs, GuestFacts* facts)
{
    WindowsReachFacts& r = facts->windows.reach;
    const QString policy =
        cs + QStringLiteral("\\Services\\SharedAccess\\Parameters\\FirewallPolicy");
    r.firewallPolicy = system.hasKey(policy);
    QStringList text;
    for (const QString& profile : kProfiles) {
        const int on = dword(system, policy + u'\\' + profile, QStringLiteral("EnableFirewall"));
        r.firewallEnabled.insert(profile, on);
        text << QStringLiteral("%1 %2").arg(profile,
                                            dwordText(QStringLiteral("EnableFirewall"), on));
    }
    const QString rules = policy + QStringLiteral("\\FirewallRules");
    for (const QString& name : kRdpRules) {
        const std::optional<QString> value = system.getString(rules, name);
        if (!value)
            continue;
        r.rdpRules.append({name, *value, firewallRuleActive(*value)});
        text << QStringLiteral("%1=\"%2\"").arg(name, value->left(160));
    }
    if (r.rdpRules.isEmpty())
        text << Text::tr("no Remote Desktop rule in FirewallRules");
    facts->evidence.insert(QStringLiteral("rdp_firewall"),
                           {kSystemPrefix + policy, text.join(QStringLiteral("; "))});
}

void readSanPolicy(const RegistryHive& system, const QString& cs, GuestFacts* facts)
{
    WindowsReachFacts& r = facts->windows.reach;
    const QString key = cs + QStringLiteral("\\Services\\partmgr\\Parameters");
    r.sanPolicy = dword(system, key, QStringLiteral("SanPolicy"));
    facts->evidence.insert(
        QStringLiteral("san_policy"),
        {kSystemPrefix + key, dwordText(QStringLiteral("SanPolicy"), r.sanPolicy)});
}

void readPendingReboot(const RegistryHive& system, const RegistryHive& software, const QString& cs,
                       GuestFacts* facts)
{
    WindowsReachFacts& r = facts->windows.reach;
    const QString sessionManager = cs + QStringLiteral("\\Control\\Session Manager");
    const std::optional<QStringList> renames =
        system.getStrings(sessionManager, QStringLiteral("PendingFileRenameOperations"));
    bool anyRename = false;
    for (const QString& name : renames.value_or(QStringList()))
        anyRename = anyRename || !name.isEmpty();
    if (anyRename)
        r.pendingReboot << kSystemPrefix + sessionManager +
                               QStringLiteral("\\PendingFileRenameOperations");
    const QString cv = QStringLiteral("Microsoft\\Windows\\CurrentVersion\\");
    for (const QString& key :
         QStringList{cv + QStringLiteral("Component Based Servicing\\RebootPending"),
                     cv + QStringLiteral("WindowsUpdate\\Auto Update\\RebootRequired")}) {
        if (software.hasKey(key))
            r.pendingReboot << kSoftwarePrefix + key;
    }
    facts->evidence.insert(
        QStringLiteral("pending_reboot"),
        {r.pendingReboot.isEmpty() ? kSystemPrefix + sessionManager : r.pendingReboot.first(),
         r.pendingReboot.isEmpty() ? Text::tr("no pending file renames, no RebootPending or "
                                              "RebootRequired key")
                                   : r.pendingReboot.join(QStringLiteral("; "))});
}

void readSetupState(GuestFs& fs, const RegistryHive& system, GuestFacts* facts)
{
    WindowsReachFacts& r = facts->windows.reach;
    const QString setup = QStringLiteral("Setup");
    r.setupInProgress = dword(system, setup, QStringLiteral("SystemSetupInProgress"));
    r.oobeInProgress = dword(system, setup, QStringLiteral("OOBEInProgress"));
    r.setupType = dword(system, setup, QStringLiteral("SetupType"));
    QStringList text{dwordText(QStringLiteral("SystemSetupInProgress"), r.setupInProgress),
                     dwordText(QStringLiteral("OOBEInProgress"), r.oobeInProgress),
                     dwordText(QStringLiteral("SetupType"), r.setupType)};

    const QString root = facts->windows.systemRoot;
    if (const auto ini = findFile(
            fs, root,
            {QStringLiteral("Setup"), QStringLiteral("State"), QStringLiteral("State.ini")})) {
        QByteArray bytes;
        if (fs.readFile(ini->first, 0, kMaxStateIniBytes, &bytes, nullptr)) {
            r.stateIniPath = ini->second;
            r.imageState = parseImageState(bytes);
            text << QStringLiteral("%1: ImageState=%2")
                        .arg(ini->second,
                             r.imageState.isEmpty() ? Text::tr("(none)") : r.imageState);
        }
    }
    for (const QStringList& below : kAnswerFiles) {
        if (const auto file = findFile(fs, root, below))
            r.answerFiles << file->second;
    }
    text << (r.answerFiles.isEmpty()
                 ? Text::tr("no unattend.xml")
                 : r.answerFiles.join(QStringLiteral(", ")) + Text::tr(" present"));
    facts->evidence.insert(QStringLiteral("sysprep"),
                           {kSystemPrefix + setup, text.join(QStringLiteral("; "))});
}

} // namespace

QString parseImageState(QByteArrayView bytes)
{
    bytes = bytes.first(std::min<qsizetype>(bytes.size(), qsizetype(kMaxStateIniBytes)));
    QString text;
    if (bytes.size() >= 2 && uchar(bytes[0]) == 0xFF && uchar(bytes[1]) == 0xFE) {
        // Byte by byte: the guest's bytes need not be aligned for char16_t.
        text.reserve(bytes.size() / 2);
        for (qsizetype i = 2; i + 1 < bytes.size(); i += 2)
            text += QChar(ushort(uchar(bytes[i]) | (uchar(bytes[i + 1]) << 8)));
    } else {
        text = QString::fromLatin1(bytes);
    }
    bool inState = false;
    for (QString line : text.split(u'\n')) {
        line = line.trimmed();
        if (line.startsWith(u'[')) {
            inState = line.compare(QLatin1String("[State]"), Qt::CaseInsensitive) == 0;
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (!inState || eq <= 0)
            continue;
        if (line.left(eq).trimmed().compare(QLatin1String("ImageState"), Qt::CaseInsensitive) == 0)
            // The states are short upper-case names; a hostile file gets no more than that.
            return line.mid(eq + 1).trimmed().left(80);
    }
    return {};
}

bool firewallRuleActive(const QString& value)
{
    bool active = false;
    bool allow = false;
    for (const QString& field : value.split(u'|')) {
        if (field.compare(QLatin1String("Active=TRUE"), Qt::CaseInsensitive) == 0)
            active = true;
        else if (field.compare(QLatin1String("Action=Allow"), Qt::CaseInsensitive) == 0)
            allow = true;
    }
    return active && allow;
}

void readWindowsReach(GuestFs& fs, const RegistryHive& system, const RegistryHive& software,
                      const QString& controlSet, GuestFacts* facts)
{
    if (controlSet.isEmpty())
        return;
    facts->windows.reach.read = true;
    readRdp(system, software, controlSet, facts);
    readFirewall(system, controlSet, facts);
    readSanPolicy(system, controlSet, facts);
    readPendingReboot(system, software, controlSet, facts);
    readSetupState(fs, system, facts);
}

} // namespace cvmi::inspect
