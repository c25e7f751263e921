#pragma once

// The multipart sink's network side: one thread, one epoll set, non-blocking sockets. Each
// connection reads a request head (bounded), then its body: a part's body is received and
// dropped (with MSG_TRUNC, which skips the copy to user space, unless its CRC-64 is wanted), a
// small body (Complete's XML) is kept; the answer is written and the next request read
// (keep-alive, pipelining tolerated). One thread is enough to discard faster than a client can
// send on loopback, and leaves the other core of a 2-core machine to the client measured.
#include "SinkStore.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cvmi::bench::sink {

struct ServerLimits {
    static constexpr std::size_t maxHead = 16 * 1024;           // request line and headers
    static constexpr std::size_t maxKeptBody = 4 * 1024 * 1024; // Complete of 10,000 parts fits
    static constexpr std::size_t maxConnections = 1024;
    static constexpr std::size_t receiveChunk = 256 * 1024; // per recv() of a part's body
    static constexpr std::size_t readsPerWakeup = 64;       // fairness between connections
};

class SinkServer {
public:
    SinkServer(SinkStore* store, bool crc64, bool log) : m_store(store), m_crc64(crc64), m_log(log)
    {
    }
    ~SinkServer();
    // Listens on address:port (port 0: any); false with a message on stderr on failure.
    bool listen(const std::string& address, int port);
    int port() const { return m_port; }
    // Serves until *stop becomes true (set from a signal handler).
    int run(volatile const bool* stop);

private:
    struct Connection {
        int fd = -1;
        bool inBody = false;
        Request request;
        std::string head;           // bytes read and not yet consumed
        std::uint64_t bodyLeft = 0; // of the current request
        std::uint64_t bodySize = 0;
        std::uint64_t crc = 0;
        std::string keptBody;
        std::string out; // answer bytes not yet written
        bool closeAfterWrite = false;
        bool waitingForWrite = false;
    };

    void accept();
    // Reads and answers what the socket holds; false when the connection is to be closed.
    bool serve(Connection& c);
    bool readHead(Connection& c, bool* progress);
    bool readBody(Connection& c, bool* progress);
    void startBody(Connection& c);
    void consumeBody(Connection& c, const char* data, std::size_t length);
    void finishRequest(Connection& c);
    void reject(Connection& c, int status, const std::string& code, const std::string& message);
    bool flush(Connection& c);
    void close(int fd);

    SinkStore* m_store;
    bool m_crc64;
    bool m_log; // every request's line and status on stderr
    int m_listen = -1;
    int m_epoll = -1;
    int m_port = 0;
    std::unordered_map<int, std::unique_ptr<Connection>> m_connections;
    std::vector<char> m_scratch = std::vector<char>(ServerLimits::receiveChunk);
};

} // namespace cvmi::bench::sink
