'use strict';
// An http.Agent that connects every request to 127.0.0.1:PORT whatever the URL's host, so an SDK
// keeps the real service host name in its URL, Host header and signature (as curl's
// --connect-to does) while talking to the emulator. No name is ever resolved.
const http = require('http');
const net = require('net');

function loopbackAgent(port, onRequest) {
  const agent = new http.Agent({ keepAlive: false });
  agent.createConnection = () => {
    if (onRequest) onRequest();
    return net.connect({ host: '127.0.0.1', port });
  };
  return agent;
}

module.exports = { loopbackAgent };
