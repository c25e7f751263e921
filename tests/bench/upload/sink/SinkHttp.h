#pragma once

// The little HTTP/1.1 the multipart sink speaks: one request head parsed at a time (bodies only
// by Content-Length; no chunked encoding), and responses written whole. COS addressing: the
// bucket from a virtual host (<bucket>.cos.<region>.myqcloud.com, as our COS dialect sends it) or
// from the first path segment (path style, as curl and our S3 dialect send it).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cvmi::bench::sink {

struct Request {
    std::string method;
    std::string bucket;
    std::string key;                          // percent-decoded, without the leading '/'
    std::map<std::string, std::string> query; // names and values percent-decoded
    std::uint64_t contentLength = 0;
    bool expectContinue = false;
    bool keepAlive = true;

    bool has(const std::string& name) const { return query.count(name) != 0; }
    std::string param(const std::string& name) const
    {
        const auto it = query.find(name);
        return it == query.end() ? std::string() : it->second;
    }
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool headOnly = false; // HEAD: Content-Length is the object's, and no body follows

    // COS's <Error> document with the given status and code.
    static Response error(int status, const std::string& code, const std::string& message);
    static Response xml(std::string body);
};

// Parses one request head (up to and including the blank line). nullopt with *problem set when it
// is not something this sink accepts (the connection is then answered 400/501 and closed).
std::optional<Request> parseRequest(const std::string& head, std::string* problem);

// The response's bytes, status line to body.
std::string serialize(const Response& response, bool keepAlive);

// Text made safe inside an XML element.
std::string xmlEscape(const std::string& text);

} // namespace cvmi::bench::sink
