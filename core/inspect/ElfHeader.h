#pragma once

#include <QByteArrayView>
#include <QString>

namespace cvmi::inspect {

// The machine an ELF file is built for, from its first 64 bytes: "x86_64", "i386", "arm64",
// "arm", "ppc64le", "ppc64", "s390x", "riscv64", "other:<e_machine>", or empty when the bytes are
// not ELF. Pure and bounds-checked: fed straight from guest files.
QString elfArchitecture(QByteArrayView head);

} // namespace cvmi::inspect
