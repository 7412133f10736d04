/** A listening port (RFC 9293 LISTEN): half-open connections count against the backlog until accepted. */
import type { Connection } from './connection.ts';
import type { ListenerEvents, TcpListener } from './types.ts';

export class Listener implements TcpListener {
  private readonly pending = new Set<Connection>();
  private readonly ready: Connection[] = [];
  private handlers: Array<ListenerEvents['connection']> = [];
  private closed = false;

  constructor(
    readonly port: number,
    readonly backlog: number,
    private readonly onClose: () => void,
  ) {}

  /** The next established connection, or null when none is waiting. */
  accept(): Connection | null {
    const conn = this.ready.shift() ?? null;
    if (conn) this.pending.delete(conn);
    return conn;
  }

  on(_event: 'connection', handler: ListenerEvents['connection']): this {
    this.handlers.push(handler);
    return this;
  }

  /** Stops accepting; connections already accepted are unaffected, queued ones are reset. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const conn of [...this.pending]) conn.abort();
    this.pending.clear();
    this.ready.length = 0;
    this.onClose();
  }

  pendingCount(): number {
    return this.pending.size;
  }

  trackPending(conn: Connection): void {
    this.pending.add(conn);
  }

  enqueue(conn: Connection): void {
    this.pending.add(conn);
    this.ready.push(conn);
  }

  forget(conn: Connection): void {
    this.pending.delete(conn);
    const i = this.ready.indexOf(conn);
    if (i >= 0) this.ready.splice(i, 1);
  }

  queuedIds(): number[] {
    return this.ready.map((c) => c.id);
  }

  restoreQueued(conn: Connection): void {
    this.enqueue(conn);
  }

  dispatch(): void {
    for (const h of [...this.handlers]) h();
  }
}
