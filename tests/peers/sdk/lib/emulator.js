'use strict';
// Starts cvm-cloud-emulator on a free loopback port (as tests/peers/awscli-peer.sh does) and
// reads the endpoint it prints.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

async function startEmulator(binary, workDir, { accounts, importDelayMs = 300, extraArgs = [] }) {
  const stateDir = path.join(workDir, 'state');
  fs.mkdirSync(stateDir, { recursive: true });
  const args = ['--port', '0', '--state-dir', stateDir, '--import-delay-ms', String(importDelayMs)];
  for (const a of accounts) args.push('--account', `${a.secretId}:${a.secretKey}:${a.appId}`);
  args.push(...extraArgs);
  const log = fs.openSync(path.join(workDir, 'emulator.log'), 'w');
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', log] });
  let output = '';
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator did not start: ${output}`)), 15000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${code}) before listening: ${output}`));
    });
  });
  child.stdout.resume();
  return {
    endpoint,
    port: Number(new URL(endpoint).port),
    stop() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
    },
  };
}

module.exports = { startEmulator };
