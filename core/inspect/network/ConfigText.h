#pragma once

// The text conventions the Linux network configuration formats share (shell-style KEY=value files,
// INI-style files, yes/no words), for the parsers in this folder: one file per format, like the
// disk readers, so that a newcomer who must fix the netplan reading opens Netplan.cpp and nothing
// else. Not part of the inspection's interface (that is inspect/LinuxNetwork.h).
#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace cvmi::inspect::netcfg {

// The parsers' messages keep the translation context they had in one file.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::LinuxNetwork)
};

QStringList textLines(QByteArrayView text);
// Runs of white space, compiled once: building a QRegularExpression per line costs more than the
// parse itself.
const QRegularExpression& blanks();
bool isYes(const QString& value);
bool isNo(const QString& value);
// An interface alias ("eth0:1" in ifcfg and ifupdown) is an address on its NIC, not another NIC.
QString withoutAlias(const QString& name);

// ---- Shell-style KEY=value files (ifcfg-*, /etc/sysconfig/network, /etc/default/grub) ----
struct ShellVar {
    QString key;
    QString value;
    QString line; // as found, trimmed
};
// The value of a shell word: '...' and "..." quoting, backslash escapes, concatenation
// (a"b"'c'); it ends at the first unquoted blank. Expansions ($X) stay as written.
QString shellWord(QStringView s);
QList<ShellVar> shellVars(QByteArrayView text);
// The last assignment of each key wins, as when the shell sources the file.
QHash<QString, ShellVar> lastAssignments(QByteArrayView text);

// ---- INI-style files (NetworkManager keyfiles, systemd units) ----
struct IniEntry {
    QString section;
    QString key;
    QString value;
    QString line; // as found, trimmed
};
QList<IniEntry> iniEntries(QByteArrayView text);

// "2001:db8::1/64" and "fe80::1" hold a colon; IPv4 addresses never do.
bool isIpv6Address(const QString& address);

} // namespace cvmi::inspect::netcfg
