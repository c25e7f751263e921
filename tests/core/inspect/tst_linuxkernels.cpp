// LinuxKernels: which kernel release names are the distribution's own.
#include "inspect/LinuxKernels.h"

#include <QtTest>

using namespace cvmi;
using namespace cvmi::inspect;

class TestLinuxKernels : public QObject {
    Q_OBJECT

private slots:
    void nativeKernelPatterns()
    {
        QVERIFY(isNativeKernel(QStringLiteral("centos"),
                               QStringLiteral("4.18.0-513.5.1.el8_9.x86_64"), nullptr));
        QVERIFY(
            isNativeKernel(QStringLiteral("ubuntu"), QStringLiteral("5.4.0-150-generic"), nullptr));
        QVERIFY(!isNativeKernel(QStringLiteral("ubuntu"), QStringLiteral("5.4.0-custom"), nullptr));
        QVERIFY(
            isNativeKernel(QStringLiteral("debian"), QStringLiteral("4.19.0-25-amd64"), nullptr));
        QVERIFY(isNativeKernel(QStringLiteral("sles"),
                               QStringLiteral("5.14.21-150500.55.39-default"), nullptr));
        QVERIFY(!isNativeKernel(QStringLiteral("centos"),
                                QStringLiteral("5.10.0-1.el7.elrepo.x86_64"), nullptr));
        QVERIFY(!isNativeKernel(QStringLiteral("arch"), QStringLiteral("6.6.1-arch1-1"), nullptr));
    }
};

QTEST_GUILESS_MAIN(TestLinuxKernels)
#include "tst_linuxkernels.moc"
