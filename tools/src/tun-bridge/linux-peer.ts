/**
 * The Linux end of an interop run: a plain node `net` socket, so the TCP behind it is the kernel's. Run inside
 * the namespace (`ip netns exec NS node --import tsx linux-peer.ts ...`):
 *
 *   linux-peer.ts connect|listen <host> <port> send <bytes> <seed>
 *   linux-peer.ts connect|listen <host> <port> receive
 *
 * It prints one JSON line per event on stdout: {"event":"listening"} once a listener is bound, then
 * {"event":"done","bytes":N,"sha256":"…","ms":T} after a clean close, or {"event":"error","message":"…"}
 * (exit code 1). `send` writes the repeating test pattern `seed`; both actions hash exactly what crossed the socket.
 */
import { createHash } from 'node:crypto';
import { connect, createServer, type Socket } from 'node:net';
import { repeatingSource } from '@vmha/guest-tcp/testing';

export type PeerEvent =
  | { event: 'listening' }
  | { event: 'done'; bytes: number; sha256: string; ms: number }
  | { event: 'error'; message: string };

const WRITE_CHUNK = 256 * 1024;

function emit(event: PeerEvent): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

function fail(message: string): never {
  emit({ event: 'error', message });
  process.exit(1);
}

/** Writes the pattern with back-pressure, then end() (FIN); resolves at close. */
async function send(socket: Socket, totalBytes: number, seed: number): Promise<void> {
  const source = repeatingSource(seed);
  const hash = createHash('sha256');
  const started = performance.now();
  const closed = new Promise<boolean>((resolve) => socket.once('close', resolve));
  socket.resume(); // discard anything the guest sends back
  let written = 0;
  while (written < totalBytes) {
    const chunk = source.at(written, Math.min(WRITE_CHUNK, totalBytes - written));
    hash.update(chunk);
    written += chunk.length;
    if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve));
  }
  socket.end();
  if (await closed) fail('connection closed with an error');
  emit({ event: 'done', bytes: written, sha256: hash.digest('hex'), ms: performance.now() - started });
}

/** Hashes everything until the guest's FIN; the socket then ends its side too (allowHalfOpen is off). */
async function receive(socket: Socket): Promise<void> {
  const hash = createHash('sha256');
  const started = performance.now();
  let received = 0;
  socket.on('data', (data: Buffer) => {
    hash.update(data);
    received += data.length;
  });
  const hadError = await new Promise<boolean>((resolve) => socket.once('close', resolve));
  if (hadError) fail(`connection closed with an error after ${received} bytes`);
  emit({ event: 'done', bytes: received, sha256: hash.digest('hex'), ms: performance.now() - started });
}

function main(argv: readonly string[]): void {
  const [mode, host, portText, action, bytesText, seedText] = argv;
  const port = Number(portText);
  if ((mode !== 'connect' && mode !== 'listen') || !host || !Number.isInteger(port)) {
    fail(
      `usage: linux-peer.ts connect|listen <host> <port> send <bytes> <seed> | receive; got ${argv.join(' ')}`,
    );
  }
  let transfer: (socket: Socket) => Promise<void>;
  if (action === 'send') {
    const bytes = Number(bytesText);
    const seed = Number(seedText);
    if (!Number.isInteger(bytes) || !Number.isInteger(seed)) fail('send needs integer <bytes> <seed>');
    transfer = (socket) => send(socket, bytes, seed);
  } else if (action === 'receive') {
    transfer = receive;
  } else {
    fail(`unknown action ${String(action)}`);
  }
  const run = (socket: Socket): void => {
    socket.on('error', (e) => fail(`socket error: ${e.message}`));
    transfer(socket).catch((e: unknown) => fail(String(e)));
  };
  if (mode === 'connect') {
    const socket = connect({ host, port });
    socket.once('connect', () => run(socket));
    socket.on('error', (e) => fail(`connect to ${host}:${port} failed: ${e.message}`));
  } else {
    const server = createServer((socket) => {
      server.close(); // one connection per run
      run(socket);
    });
    server.on('error', (e) => fail(`listen on ${host}:${port} failed: ${e.message}`));
    server.listen(port, host, () => emit({ event: 'listening' }));
  }
}

main(process.argv.slice(2));
