#include "SinkServer.h"

#include "SinkCrc.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cvmi::bench::sink {

SinkServer::~SinkServer()
{
    for (const auto& [fd, connection] : m_connections)
        ::close(fd);
    if (m_listen >= 0)
        ::close(m_listen);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool SinkServer::listen(const std::string& address, int port)
{
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    if (inet_pton(AF_INET, address.c_str(), &addr.sin_addr) != 1) {
        std::fprintf(stderr, "multipart_sink: not an IPv4 address: %s\n", address.c_str());
        return false;
    }
    m_listen = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int on = 1;
    setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    socklen_t length = sizeof addr;
    if (m_listen < 0 || bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(m_listen, 128) != 0 ||
        getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
        std::fprintf(stderr, "multipart_sink: cannot listen on %s:%d: %s\n", address.c_str(), port,
                     std::strerror(errno));
        return false;
    }
    m_port = ntohs(addr.sin_port);
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_listen;
    return m_epoll >= 0 && epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listen, &event) == 0;
}

int SinkServer::run(volatile const bool* stop)
{
    epoll_event events[64];
    while (!*stop) {
        const int n = epoll_wait(m_epoll, events, 64, 500);
        if (n < 0 && errno != EINTR) {
            std::perror("multipart_sink: epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == m_listen) {
                accept();
                continue;
            }
            const auto it = m_connections.find(fd);
            if (it != m_connections.end() && !serve(*it->second))
                close(fd);
        }
    }
    return 0;
}

void SinkServer::accept()
{
    for (;;) {
        const int fd = accept4(m_listen, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        if (m_connections.size() >= ServerLimits::maxConnections) {
            ::close(fd);
            continue;
        }
        const int on = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        epoll_event event{};
        event.events = EPOLLIN | EPOLLRDHUP;
        event.data.fd = fd;
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
            ::close(fd);
            continue;
        }
        m_store->noteConnection();
        auto connection = std::make_unique<Connection>();
        connection->fd = fd;
        m_connections.emplace(fd, std::move(connection));
    }
}

void SinkServer::close(int fd)
{
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    ::close(fd);
    m_connections.erase(fd);
}

bool SinkServer::serve(Connection& c)
{
    if (c.waitingForWrite) {
        if (!flush(c))
            return false;
        if (c.waitingForWrite)
            return true;
        if (c.closeAfterWrite)
            return false;
    }
    for (std::size_t reads = 0; reads < ServerLimits::readsPerWakeup; ++reads) {
        bool progress = false;
        if (!(c.inBody ? readBody(c, &progress) : readHead(c, &progress)))
            return false;
        if (!c.out.empty()) {
            if (!flush(c))
                return false;
            if (c.waitingForWrite)
                return true; // the rest when the socket has room (EPOLLOUT)
        }
        if (c.closeAfterWrite)
            return false; // everything was written
        if (!progress)
            break;
    }
    return true;
}

bool SinkServer::readHead(Connection& c, bool* progress)
{
    std::size_t end = c.head.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (c.head.size() >= ServerLimits::maxHead) {
            reject(c, 431, "RequestHeaderTooLarge", "the request head exceeds 16 KiB");
            return true;
        }
        char buffer[ServerLimits::maxHead];
        const ssize_t n = recv(c.fd, buffer, ServerLimits::maxHead - c.head.size(), 0);
        if (n == 0)
            return false;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
        c.head.append(buffer, static_cast<std::size_t>(n));
        *progress = true;
        end = c.head.find("\r\n\r\n");
        if (end == std::string::npos)
            return true;
    }
    std::string problem;
    auto request = parseRequest(c.head.substr(0, end + 4), &problem);
    c.head.erase(0, end + 4);
    *progress = true;
    if (!request) {
        reject(c, problem.find("chunked") != std::string::npos ? 411 : 400, "BadRequest", problem);
        return true;
    }
    c.request = std::move(*request);
    startBody(c);
    return true;
}

void SinkServer::startBody(Connection& c)
{
    c.inBody = true;
    c.bodyLeft = c.request.contentLength;
    c.bodySize = c.request.contentLength;
    c.crc = 0;
    c.keptBody.clear();
    if (!SinkStore::discardsBody(c.request) && c.bodyLeft > ServerLimits::maxKeptBody) {
        reject(c, 413, "EntityTooLarge", "a body other than a part's is limited to 4 MiB");
        return;
    }
    // curl and libcurl wait (up to a second) for this before sending a large body.
    if (c.request.expectContinue && c.bodyLeft > 0)
        c.out += "HTTP/1.1 100 Continue\r\n\r\n";
    // Body bytes that arrived with the head.
    const std::size_t ready =
        static_cast<std::size_t>(std::min<std::uint64_t>(c.bodyLeft, c.head.size()));
    consumeBody(c, c.head.data(), ready);
    c.head.erase(0, ready);
    if (c.bodyLeft == 0)
        finishRequest(c);
}

void SinkServer::consumeBody(Connection& c, const char* data, std::size_t length)
{
    if (!SinkStore::discardsBody(c.request))
        c.keptBody.append(data, length);
    else if (m_crc64)
        c.crc = crc64Update(c.crc, data, length);
    c.bodyLeft -= length;
}

bool SinkServer::readBody(Connection& c, bool* progress)
{
    const std::size_t want =
        static_cast<std::size_t>(std::min<std::uint64_t>(c.bodyLeft, ServerLimits::receiveChunk));
    // Dropped without a copy when neither kept nor CRC'd (TCP's MSG_TRUNC discards).
    const bool drop = SinkStore::discardsBody(c.request) && !m_crc64;
    const ssize_t n =
        drop ? recv(c.fd, nullptr, want, MSG_TRUNC) : recv(c.fd, m_scratch.data(), want, 0);
    if (n == 0)
        return false;
    if (n < 0)
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    *progress = true;
    if (drop)
        c.bodyLeft -= static_cast<std::uint64_t>(n);
    else
        consumeBody(c, m_scratch.data(), static_cast<std::size_t>(n));
    if (c.bodyLeft == 0)
        finishRequest(c);
    return true;
}

void SinkServer::finishRequest(Connection& c)
{
    c.inBody = false;
    const Response response = SinkStore::discardsBody(c.request)
                                  ? m_store->put(c.request, c.bodySize, c.crc)
                                  : m_store->handle(c.request, c.keptBody);
    if (m_log || response.status >= 500 || response.status == 400) {
        std::string query;
        for (const auto& [name, value] : c.request.query)
            query += (query.empty() ? "?" : "&") + name;
        std::fprintf(stderr, "multipart_sink: %s %s/%s%s (%llu bytes) -> %d\n",
                     c.request.method.c_str(), c.request.bucket.c_str(), c.request.key.c_str(),
                     query.c_str(), static_cast<unsigned long long>(c.bodySize), response.status);
    }
    c.keptBody.clear();
    c.out += serialize(response, c.request.keepAlive);
    if (!c.request.keepAlive)
        c.closeAfterWrite = true;
}

void SinkServer::reject(Connection& c, int status, const std::string& code,
                        const std::string& message)
{
    std::fprintf(stderr, "multipart_sink: rejected (%d): %s\n", status, message.c_str());
    c.inBody = false;
    c.out += serialize(Response::error(status, code, message), false);
    c.closeAfterWrite = true;
}

bool SinkServer::flush(Connection& c)
{
    std::size_t sent = 0;
    while (sent < c.out.size()) {
        const ssize_t n = send(c.fd, c.out.data() + sent, c.out.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    c.out.erase(0, sent);
    const bool wait = !c.out.empty();
    if (wait != c.waitingForWrite) {
        // While an answer waits for room, the connection reads nothing more (bounded memory).
        epoll_event event{};
        event.events = wait ? EPOLLOUT : EPOLLIN | EPOLLRDHUP;
        event.data.fd = c.fd;
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
        c.waitingForWrite = wait;
    }
    return true;
}

} // namespace cvmi::bench::sink
