#pragma once

// coscli's configuration file (~/.cos.yaml), read with yaml-cpp. coscli writes it through a YAML
// library, so anything YAML allows may be there; only the scalars under cos.base matter here
// (secretid, secretkey, sessiontoken, mode, disableencryption). The file is untrusted input
// (a fuzz target feeds it arbitrary bytes): its size is capped, and every way it can be wrong
// ends in a sentence naming the line, never in an exception or a crash.
#include <QByteArray>
#include <QHash>
#include <QString>

namespace cvmi::cloud {

namespace CoscliConfig {

// A coscli configuration with a few hundred bucket aliases is under 100 KiB; yaml-cpp builds a
// node tree several times the size of its input, so the cap is well below the 1 MiB every
// credentials file is held to.
constexpr qint64 maxBytes = 256 * 1024;

// Collects the scalar values of cos.base into *base, names lower-cased (coscli reads them
// case-insensitively). A file without cos or cos.base gives an empty *base and true: the caller
// says which keys are missing. Returns false with *problem ("line N: ...", translated) when the
// text is too large, not YAML, or not of coscli's shape.
bool readBase(const QByteArray& data, QHash<QString, QString>* base, QString* problem);

} // namespace CoscliConfig

} // namespace cvmi::cloud
