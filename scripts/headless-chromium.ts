/**
 * What the benchmarks and the e2e launcher share about running Chromium here: the flags seen
 * working on these machines (see tests/e2e/README.md) and a free loopback port to serve on.
 */
import { createServer } from 'node:net';

/** Chromium flags for headless runs without a GPU, network services or first-run UI. */
export const QUIET_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A free port on 127.0.0.1, so a developer's own server on a fixed port does not clash. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
