#pragma once

// Fault injection for the transfer engine's tests: rules that match an operation name
// ("UploadPart", "ImportImage", "cos:*", "*") and fire on every Nth match or with probability p
// drawn from a seeded generator, so that a failing run replays exactly.
//
// Configuration (JSON):
//   {"seed": 42, "rules": [
//      {"operation": "UploadPart", "fault": "reset", "every": 3, "times": 2, "when": "after"},
//      {"operation": "*", "fault": "slow-down", "probability": 0.1},
//      {"operation": "GetObject", "fault": "stall", "ms": 1500},
//      {"operation": "GetObject", "fault": "truncate"},
//      {"operation": "*", "fault": "skew", "seconds": -3600}]}
// Kinds: reset (abort the connection; "when": "before" the request is processed, the default,
// or "after" it was, so a part may be stored though the client saw an error), internal-error
// (500 InternalError), slow-down (503 SlowDown), stall (answer "ms" late), truncate (headers and
// half the body, then close), skew (the server's clock is "seconds" off for that request),
// bad-crc (the request is processed, but the answer's x-cos-hash-crc64ecma is another number, or
// "value" when given: "" leaves the header out, "garbage" sends that text).
// Without "every" and "probability" a rule fires on every match; "times" caps its injections.
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace cvmi::emu {

enum class FaultKind { None, Reset, InternalError, SlowDown, Stall, Truncate, Skew, BadCrc };

struct FaultDecision {
    FaultKind kind = FaultKind::None; // the first firing non-skew rule's kind
    bool afterProcessing = false;     // reset only
    int stallMs = 0;
    qint64 skewSeconds = 0;             // the sum of all firing skew rules
    std::optional<QByteArray> crcValue; // bad-crc: what the header says instead (unset: off by 1)
};

class FaultInjector {
public:
    FaultInjector();

    bool configure(const QJsonObject& config, QString* error);
    bool configureFromFile(const QString& path, QString* error);
    void clear();

    // Called once per request; counts what fired.
    FaultDecision decide(const QString& service, const QString& operation);

    // {"reset": n, "internal-error": n, ..., "rules": [{..., "matched": m, "injected": n}]}
    QJsonObject counters() const;

    static QString kindName(FaultKind kind);

private:
    struct Rule {
        QString operation;
        FaultKind kind = FaultKind::None;
        int every = 0;
        double probability = -1;
        int times = -1;
        bool after = false;
        int stallMs = 0;
        qint64 skewSeconds = 0;
        std::optional<QByteArray> crcValue;
        int matched = 0;
        int injected = 0;
    };
    double nextUniform();

    QList<Rule> m_rules;
    QMap<QString, int> m_injected;
    quint64 m_state = 0;
};

} // namespace cvmi::emu
