/**
 * A RESP2 client on one TCP socket: commands are encoded and written with back-pressure, replies are matched to
 * commands in order (so any number may be in flight: pipelining). Once the connection breaks, every outstanding
 * and later command fails with the reason, which to the checkers means "outcome unknown".
 */
import type { TcpSocket } from '@vmha/guest-tcp';
import { Fifo } from '../fifo.ts';
import {
  RespParser,
  encodeCommand,
  type RespArgument,
  type RespParserLimits,
  type RespProtocolError,
  type RespValue,
} from '@vmha/resp';

export type RespFailure = 'connection-closed' | 'protocol-error';

export type RespOutcome = { kind: 'reply'; value: RespValue } | { kind: 'failed'; reason: RespFailure };

export interface RespClientOptions {
  /** Called once when the server sends bytes that are not RESP2 (the connection is then aborted). */
  onProtocolError?: (error: RespProtocolError) => void;
  parserLimits?: Partial<RespParserLimits>;
}

export class RespClientConnection {
  private readonly parser: RespParser;
  private readonly pending = new Fifo<(outcome: RespOutcome) => void>();
  private readonly output = new Fifo<Uint8Array>();
  private broken: RespFailure | undefined;
  private closeRequested = false;
  private closed = false;

  constructor(
    readonly socket: TcpSocket,
    private readonly options: RespClientOptions = {},
  ) {
    this.parser = new RespParser(options.parserLimits);
    socket.on('connect', () => this.flush());
    socket.on('readable', () => this.onReadable());
    socket.on('writable', () => this.flush());
    // After the server's FIN no reply can come; after close nothing at all.
    socket.on('end', () => this.fail('connection-closed'));
    socket.on('close', () => this.fail('connection-closed'));
  }

  /** Commands sent whose reply has not arrived. */
  get outstanding(): number {
    return this.pending.length;
  }

  /** Why the connection can no longer carry commands, if it cannot. */
  get failure(): RespFailure | undefined {
    return this.broken;
  }

  /** Sends a command; `onOutcome` gets its reply, or the failure that means none will come. */
  send(args: readonly RespArgument[], onOutcome: (outcome: RespOutcome) => void): void {
    if (this.broken || this.closeRequested) {
      onOutcome({ kind: 'failed', reason: this.broken ?? 'connection-closed' });
      return;
    }
    this.pending.push(onOutcome);
    this.output.push(encodeCommand(args));
    this.flush();
  }

  /** Graceful close once every queued command is written; replies still arrive until the server's FIN. */
  close(): void {
    this.closeRequested = true;
    this.flush();
  }

  private flush(): void {
    if (this.broken) return;
    try {
      while (this.output.length > 0) {
        const head = this.output.peek() as Uint8Array;
        const n = this.socket.write(head);
        if (n < head.length) {
          this.output.replaceHead(head.subarray(n));
          return;
        }
        this.output.shift();
      }
      if (this.closeRequested && !this.closed) {
        this.closed = true;
        this.socket.close();
      }
    } catch {
      // The socket closed under us and its 'close' event is still queued behind the caller's.
      this.fail('connection-closed');
    }
  }

  private onReadable(): void {
    let chunk: Uint8Array | null;
    while (!this.broken && (chunk = this.socket.read()) !== null) {
      const { values, error } = this.parser.feed(chunk);
      for (const value of values) {
        const callback = this.pending.shift();
        if (!callback) {
          this.protocolError({ reason: 'a reply arrived with no command outstanding', offset: -1 });
          return;
        }
        callback({ kind: 'reply', value });
        if (this.broken) return;
      }
      if (error) {
        this.protocolError(error);
        return;
      }
    }
  }

  private protocolError(error: RespProtocolError): void {
    this.options.onProtocolError?.(error);
    this.fail('protocol-error');
    // The byte stream cannot be resynchronised: drop the connection.
    this.socket.abort();
  }

  private fail(reason: RespFailure): void {
    if (this.broken) return;
    this.broken = reason;
    this.output.clear();
    let callback: ((outcome: RespOutcome) => void) | undefined;
    while ((callback = this.pending.shift()) !== undefined) callback({ kind: 'failed', reason });
  }
}
