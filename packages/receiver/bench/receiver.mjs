// The real `samleng-receiver` process for the benchmarks, on a free loopback port.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// BENCH_CLI: another build's cli.js, to compare two versions back to back in the same hour.
const CLI = process.env.BENCH_CLI ?? fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));

/**
 * Starts the CLI with `env` added; its log goes to `logPath`, as it would to journald (a pipe read by a
 * busy benchmark would fill up and stall the receiver's synchronous log writes, and the benchmark would
 * measure that). Resolves with the process and its address once the log prints it.
 */
export async function startReceiver(env, logPath) {
  const logFd = openSync(logPath, 'w');
  const server = spawn(process.execPath, [CLI], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, // loopback only
    stdio: ['ignore', logFd, 'inherit'],
  });
  server.once('exit', () => closeSync(logFd));
  const url = await new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
    const poll = setInterval(() => {
      const match = /Samleng receiver: (http:\/\/[^/\s]+)\//.exec(readFileSync(logPath, 'utf8'));
      if (match) {
        clearInterval(poll);
        resolve(match[1]);
      }
    }, 50);
  });
  return { server, url };
}
