/** Starts linux-peer.ts inside a namespace and turns its JSON-lines output into promises. */
import type { ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { killOnExit, stopProcess } from './child-processes.ts';
import type { PeerEvent } from './linux-peer.ts';
import type { NetworkNamespace } from './network-namespace.ts';

export type LinuxPeerCommand = {
  /** Linux connects to the guest, or listens for the guest to connect. */
  mode: 'connect' | 'listen';
  host: string;
  port: number;
} & ({ action: 'send'; bytes: number; seed: number } | { action: 'receive' });

export interface LinuxPeerResult {
  bytes: number;
  sha256: string;
  /** Duration measured by the peer, from its connection being established to its close. */
  ms: number;
}

const PEER_SCRIPT = fileURLToPath(new URL('./linux-peer.ts', import.meta.url));

export class LinuxPeer {
  /** Resolves once a `listen` peer accepts connections (at once for `connect`). */
  readonly listening: Promise<void>;
  readonly result: Promise<LinuxPeerResult>;

  private constructor(
    private readonly child: ChildProcess,
    mode: LinuxPeerCommand['mode'],
  ) {
    if (!child.stdout) throw new Error('Linux peer started without a stdout pipe');
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const events = createInterface({ input: child.stdout });
    const exited = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(`exited (${signal ?? code}) ${stderr.trim()}`)),
    );
    this.listening = new Promise((resolve, reject) => {
      if (mode === 'connect') resolve();
      events.on('line', (line) => {
        if (parseEvent(line)?.event === 'listening') resolve();
      });
      void exited.then((why) => reject(new Error(`Linux peer ${why}`)));
    });
    this.result = new Promise((resolve, reject) => {
      events.on('line', (line) => {
        const event = parseEvent(line);
        if (event?.event === 'done') resolve({ bytes: event.bytes, sha256: event.sha256, ms: event.ms });
        if (event?.event === 'error') reject(new Error(`Linux peer: ${event.message}`));
      });
      void exited.then((why) => reject(new Error(`Linux peer ${why}`)));
    });
    // Callers may await only one of the two; the other must not become an unhandled rejection.
    this.listening.catch(() => undefined);
    this.result.catch(() => undefined);
  }

  static start(namespace: NetworkNamespace, command: LinuxPeerCommand): LinuxPeer {
    const args = [command.mode, command.host, String(command.port), command.action];
    if (command.action === 'send') args.push(String(command.bytes), String(command.seed));
    // tsx resolves from the script's directory (the monorepo's node_modules), whatever the caller's cwd.
    const child = namespace.spawn(process.execPath, ['--import', 'tsx', PEER_SCRIPT, ...args], {
      cwd: dirname(PEER_SCRIPT),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    killOnExit(child);
    return new LinuxPeer(child, command.mode);
  }

  stop(): Promise<void> {
    return stopProcess(this.child);
  }
}

function parseEvent(line: string): PeerEvent | undefined {
  try {
    return JSON.parse(line) as PeerEvent;
  } catch {
    return undefined;
  }
}
