/**
 * The NATS connection every service uses: reconnects forever (a service outlives nats-server restarts), logs
 * every status change, and drains on shutdown so in-flight messages are handled and published ones flushed.
 */
import {
  connect,
  type NatsConnection,
  type NodeConnectionOptions,
  type Status,
} from '@nats-io/transport-node';
import type { Logger } from './types.ts';

export interface ConnectNatsOptions {
  /** URL(s) like nats://127.0.0.1:4222; a string may list several, comma-separated. */
  servers: string | string[];
  /** Client name shown by the server (e.g. `primary-vmm/host-a`). */
  name: string;
  logger?: Logger;
  /** Pause between reconnect attempts to one server. Default 250 ms (loopback clusters come back fast). */
  reconnectTimeWaitMs?: number;
  /** Keep trying when no server answers at start (services may start before nats-server). Default true. */
  waitOnFirstConnect?: boolean;
  /** Anything else nats.js accepts; these win over the defaults above. */
  connectionOptions?: Partial<NodeConnectionOptions>;
}

export async function connectNats(options: ConnectNatsOptions): Promise<NatsConnection> {
  const servers = (Array.isArray(options.servers) ? options.servers : options.servers.split(','))
    .map((server) => server.trim())
    .filter((server) => server !== '');
  const nc = await connect({
    servers,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 250,
    waitOnFirstConnect: options.waitOnFirstConnect ?? true,
    ...options.connectionOptions,
  });
  const logger = options.logger;
  if (logger) {
    logger.info('connected to NATS', { server: nc.getServer() });
    void logStatus(nc, logger);
  }
  return nc;
}

/** Drains `nc` (subscriptions finish what they hold, publishes are flushed); closes it if that takes too long. */
export async function closeNats(nc: NatsConnection, options: { timeoutMs?: number } = {}): Promise<void> {
  if (nc.isClosed()) return;
  const timeoutMs = options.timeoutMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const drained = nc.isDraining()
      ? nc.closed().then(() => 'drained' as const)
      : nc.drain().then(() => 'drained' as const);
    if ((await Promise.race([drained, timedOut])) === 'timeout') await nc.close();
  } catch {
    // Drain fails when the connection is down or already closing; closing is all that is left to do.
    if (!nc.isClosed()) await nc.close().catch(() => undefined);
  } finally {
    clearTimeout(timer);
  }
}

async function logStatus(nc: NatsConnection, logger: Logger): Promise<void> {
  try {
    for await (const status of nc.status()) logStatusEvent(logger, status);
  } catch (err) {
    logger.debug('NATS status stream ended', { err });
  }
}

function logStatusEvent(logger: Logger, status: Status): void {
  switch (status.type) {
    case 'disconnect':
      logger.warn('disconnected from NATS', { server: status.server });
      break;
    case 'reconnect':
      logger.info('reconnected to NATS', { server: status.server });
      break;
    case 'error':
      logger.error('NATS error', { err: status.error });
      break;
    case 'ldm':
      logger.warn('NATS server entering lame duck mode', { server: status.server });
      break;
    case 'staleConnection':
      logger.warn('NATS connection stale; reconnecting');
      break;
    case 'slowConsumer':
      logger.warn('slow NATS consumer', { subject: status.sub.getSubject(), pending: status.pending });
      break;
    case 'close':
      logger.info('NATS connection closed');
      break;
    case 'reconnecting':
    case 'ping':
    case 'update':
    case 'forceReconnect':
      logger.debug(
        `NATS ${status.type}`,
        status.type === 'ping' ? { pendingPings: status.pendingPings } : {},
      );
      break;
  }
}
