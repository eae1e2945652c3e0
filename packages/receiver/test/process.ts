// The real `samleng-receiver` process for tests that kill it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The built CLI, for tests that start it themselves. */
export const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

/**
 * Starts the CLI on a free port; resolves with its address once it prints it. `output()` is all it
 * printed so far.
 */
export async function launch(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SAMLENG_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const match = /Samleng receiver: (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

export async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}
