/**
 * Test clients on a guest-tcp stack (the "outside world" in a SimNetwork): a byte-stream client with
 * back-pressure and a RESP client on top of it. Their state is ordinary JavaScript: they are not guest code.
 */
import type { SimNetwork, TcpSocket, TcpStack } from '@vmha/guest-tcp';
import { RespParser, encodeCommand, type RespValue } from '@vmha/resp';

export class StreamClient {
  readonly socket: TcpSocket;
  received = 0;
  connected = false;
  ended = false;
  closed = false;
  /** When set, received bytes are left in the socket (a client that stops reading). */
  paused = false;
  private readonly pending: Uint8Array[] = [];
  private readonly chunks: Uint8Array[] = [];
  private endRequested = false;

  constructor(
    private readonly stack: TcpStack,
    address: string,
    port: number,
    private readonly options: { keep?: boolean; onData?: (chunk: Uint8Array) => void } = {},
  ) {
    this.socket = stack.connect(address, port);
    this.socket.on('connect', () => {
      this.connected = true;
      this.pump();
    });
    this.socket.on('writable', () => this.pump());
    this.socket.on('readable', () => this.drain());
    this.socket.on('end', () => (this.ended = true));
    this.socket.on('close', () => (this.closed = true));
  }

  write(data: Uint8Array | string): void {
    this.stack.run(() => {
      this.pending.push(typeof data === 'string' ? new TextEncoder().encode(data) : data);
      this.pump();
    });
  }

  /** Half-close once everything written has been handed to the socket. */
  end(): void {
    this.stack.run(() => {
      this.endRequested = true;
      this.pump();
    });
  }

  resume(): void {
    this.stack.run(() => {
      this.paused = false;
      this.drain();
    });
  }

  /** All bytes received so far (when created with keep). */
  bytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('latin1');
  }

  get writesPending(): number {
    return this.pending.reduce((n, p) => n + p.length, 0);
  }

  private pump(): void {
    if (!this.connected) return;
    while (this.pending.length > 0) {
      const head = this.pending[0];
      const n = this.socket.write(head);
      if (n < head.length) {
        this.pending[0] = head.subarray(n);
        return;
      }
      this.pending.shift();
    }
    if (this.endRequested) this.socket.close();
  }

  private drain(): void {
    if (this.paused) return;
    for (let d = this.socket.read(); d; d = this.socket.read()) {
      this.received += d.length;
      if (this.options.keep) this.chunks.push(d);
      this.options.onData?.(d);
    }
  }
}

export class RespTestClient {
  readonly stream: StreamClient;
  readonly replies: RespValue[] = [];
  private readonly parser = new RespParser();

  constructor(stack: TcpStack, address: string, port = 6379) {
    this.stream = new StreamClient(stack, address, port, {
      onData: (chunk) => {
        const { values, error } = this.parser.feed(chunk);
        // The server must never emit bad RESP: fail the test loudly rather than lose the stream quietly.
        if (error) throw new Error(`bad RESP from the server at byte ${error.offset}: ${error.reason}`);
        this.replies.push(...values);
      },
    });
  }

  command(...args: Array<string | Uint8Array>): void {
    this.stream.write(encodeCommand(args));
  }

  raw(bytes: Uint8Array | string): void {
    this.stream.write(bytes);
  }

  /** Sends the commands, runs the network until each has its reply, and returns the replies as text. */
  call(net: SimNetwork, ...commands: Array<Array<string | Uint8Array>>): string[] {
    const first = this.replies.length;
    for (const c of commands) this.command(...c);
    net.runUntil(() => this.replies.length >= first + commands.length || this.stream.closed);
    return this.replies.slice(first).map(replyText);
  }
}

/** A reply as compact text for assertions: +OK, -ERR ..., :5, $value, $nil, *[a, b], *nil. */
export function replyText(v: RespValue): string {
  switch (v.type) {
    case 'simple':
      return `+${v.value}`;
    case 'error':
      return `-${v.message}`;
    case 'integer':
      return `:${v.value}`;
    case 'bulk':
      return v.value === null ? '$nil' : `$${Buffer.from(v.value).toString('latin1')}`;
    case 'array':
      return v.items === null ? '*nil' : `*[${v.items.map(replyText).join(', ')}]`;
  }
}
