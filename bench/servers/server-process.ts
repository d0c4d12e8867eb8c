import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  url: string;
  /** The server's process id: the scale benchmark reads its memory and CPU time from /proc. */
  pid: number;
  stop(): Promise<void>;
}

/** What a server process sends its parent once it listens. */
export interface ReadyMessage {
  url: string;
}

/**
 * Starts a benchmark server in its own process, so the load generator and the server do not share an event
 * loop (the figures would then measure autocannon as much as the server). Resolves once it listens.
 */
export function startServerProcess(
  entry: 'app.server.ts' | 'baseline.server.ts',
  args: string[],
): Promise<RunningServer> {
  // BENCH_PROFILE_DIR: a V8 CPU profile of each server process, written there when it stops (open in DevTools).
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const child: ChildProcess = fork(fileURLToPath(new URL(entry, import.meta.url)), args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: profileDir
      ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${profileDir}`]
      : process.execArgv,
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`${entry} exited with code ${code} before listening`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve({
        url: (message as ReadyMessage).url,
        pid: child.pid ?? 0,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** In a server process: tell the parent where we listen, and close cleanly when it stops us. */
export function announceReady(url: string, close: () => Promise<void>) {
  process.once('SIGTERM', () => {
    void close().then(() => process.exit(0));
  });
  process.send?.({ url } satisfies ReadyMessage);
}
