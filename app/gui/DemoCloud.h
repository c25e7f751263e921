#pragma once

// `cvm-import-wizard --demo`: the local cloud emulator started inside the wizard, with a demo
// account and a demo bucket, so that a newcomer can walk through every step without an account
// and without reaching the internet. The demo keys below are not secrets: the emulator only
// exists in this process, on 127.0.0.1, for as long as the window is open; its state is kept in
// the demo folder (DemoFolder) for the next demo.
#include "cloud/CloudEndpoints.h"
#include "cloud/Credentials.h"

#include <QString>
#include <memory>

namespace cvmi::emu {
class CloudEmulator;
}

namespace cvmi::gui {

class DemoCloud {
public:
    // Published in the documentation; they open nothing but this process's emulator.
    static QString secretId() { return QStringLiteral("AKIDDEMO00000000000000000000000000000"); }
    static QString secretKey() { return QStringLiteral("demo-secret-key-not-a-secret"); }
    static QString appId() { return QStringLiteral("1300000000"); }
    static QString region() { return QStringLiteral("ap-guangzhou"); }
    static QString bucket() { return QStringLiteral("demo-images-1300000000"); }

    DemoCloud();
    ~DemoCloud();

    // Starts the emulator with its state in `stateDir`, on `port` if that is free (the port of the
    // last run, so that its resume records still name this endpoint), else on any free port;
    // false with *error.
    bool start(const QString& stateDir, quint16 port, QString* error);
    quint16 port() const;
    // Credentials with source "demo" and the region.
    cloud::Credentials credentials() const;
    // Both services pointed at the emulator's loopback address.
    cloud::CloudEndpoints endpoints() const;
    QString endpoint() const;
    // Puts a small demo disk (a qcow2 header of a 10 GiB disk: what the import service reads)
    // into the demo bucket, so that an import can be shown without uploading anything first;
    // its object URL, or an empty string with *error.
    QString putDemoDisk(QString* error);
    static QString demoDiskKey() { return QStringLiteral("demo/centos-7.9.qcow2"); }
    // Puts `data` into the demo bucket under `key` the same way; false with *error.
    bool putObject(const QString& key, const QByteArray& data, QString* error);

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
};

} // namespace cvmi::gui
