#pragma once

// Shared by the Linux system steps (LinuxSystemSteps.cpp, LinuxNetworkSteps.cpp): not part of
// the repair interface.
#include "repair/FixStep.h"

#include <initializer_list>
#include <utility>

namespace cvmi::repair::linuxsys {

// A guest name (an interface, a module) that can go into a sed expression and a file name
// unescaped: letters, digits and . _ - @ : only. Anything else is left to the user.
bool plainName(const QString& name);
// "$ROOT"'/etc/...': a guest path for the script, quoted.
QString guestPath(const QString& path);
// The same name as a sed (ERE) literal: the dots escaped.
QString sedLiteral(const QString& name);
// `code` with each @KEY@ replaced by its value (shell code is full of % signs, which arg() takes).
QString fill(QString code, std::initializer_list<std::pair<const char*, QString>> values);

QList<FixStep> dhcpSteps(const inspect::ImageFacts& facts, const policy::RuleResult& rule,
                         QString* manual);
QList<FixStep> renameSteps(const inspect::ImageFacts& facts, const policy::RuleResult& rule,
                           QString* manual);
QList<FixStep> ipv6Steps(const inspect::ImageFacts& facts, const policy::RuleResult& rule,
                         QString* manual);

} // namespace cvmi::repair::linuxsys
