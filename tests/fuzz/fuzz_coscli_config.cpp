// libFuzzer target: coscli's ~/.cos.yaml reader (yaml-cpp underneath). Every input ends in the
// values of cos.base or in a sentence naming the problem, never in an exception, a crash or an
// endless loop; each value found also goes through coscli's decryption.
#include "cloud/CoscliConfig.h"
#include "cloud/Credentials.h"

#include <cstdint>

using namespace cvmi::cloud;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    QHash<QString, QString> base;
    QString problem;
    if (!CoscliConfig::readBase(bytes, &base, &problem)) {
        if (problem.isEmpty())
            __builtin_trap(); // every refusal says why
        return 0;
    }
    if (!problem.isEmpty())
        __builtin_trap();
    for (auto it = base.cbegin(); it != base.cend(); ++it) {
        if (it.key() != it.key().toLower())
            __builtin_trap(); // names are looked up lower-cased
        (void)CredentialSources::decryptCoscliSecret(it.value());
    }
    return 0;
}
