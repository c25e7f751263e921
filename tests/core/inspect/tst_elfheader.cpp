// ElfHeader: the architecture and word size read from an ELF header, and headers too short or
// foreign.
#include "inspect/ElfHeader.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

class TestElfHeader : public QObject {
    Q_OBJECT

private slots:
    void elfHeaders()
    {
        QCOMPARE(elfArchitecture({}), QString());
        QCOMPARE(elfArchitecture("#!/bin/sh\n"), QString());
        QByteArray elf(64, '\0');
        elf.replace(0, 4,
                    "\x7f"
                    "ELF");
        elf[4] = 2;
        elf[5] = 1;
        elf[18] = 62;
        QCOMPARE(elfArchitecture(elf), QStringLiteral("x86_64"));
        QCOMPARE(elfArchitecture(elf.left(19)), QString());
        elf[18] = char(183);
        QCOMPARE(elfArchitecture(elf), QStringLiteral("arm64"));
    }
};

QTEST_GUILESS_MAIN(TestElfHeader)
#include "tst_elfheader.moc"
