/**
 * Health over NATS: every instance answers `HealthRequest` on `health.<service>.<instance>` and on `health.all`
 * with its status (starting → serving → draining), uptime and counters.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import {
  HealthReply,
  HealthRequest,
  decodeMessage,
  encodeMessage,
  subjects,
  type HealthStatus,
} from '@vmha/shared-proto';
import { subscribeMessages } from './subscribe-messages.ts';
import type { CounterSet, HealthResponder, Logger } from './types.ts';

export interface HealthOptions {
  service: string;
  instance: string;
  counters: CounterSet;
  logger: Logger;
  /** Default 'starting'. */
  status?: HealthStatus;
  /** Monotonic milliseconds for uptime. Default: performance.now. */
  now?: () => number;
}

export function startHealth(nc: NatsConnection, options: HealthOptions): HealthResponder {
  const now = options.now ?? (() => performance.now());
  const startedAt = now();
  let status: HealthStatus = options.status ?? 'starting';
  const answer = (_request: HealthRequest, msg: { respond(data: Uint8Array): boolean }): void => {
    const reply = encodeMessage(HealthReply, {
      service: options.service,
      instance: options.instance,
      status,
      uptimeMs: Math.max(0, Math.floor(now() - startedAt)),
      counters: options.counters.snapshot(),
    });
    if (!msg.respond(reply)) options.counters.increment('health.requests_without_reply');
  };
  const common = { counters: options.counters, logger: options.logger, counterPrefix: 'health' };
  const subscriptions = [
    subscribeMessages(nc, subjects.health(options.service, options.instance), HealthRequest, answer, common),
    subscribeMessages(nc, subjects.healthAll, HealthRequest, answer, common),
  ];
  return {
    get status() {
      return status;
    },
    setStatus(next: HealthStatus) {
      status = next;
    },
    async stop() {
      await Promise.all(
        subscriptions.map((sub) => (sub.isClosed() ? undefined : sub.drain().catch(() => undefined))),
      );
    },
  };
}

/** Asks one instance for its health. Rejects on timeout, when nobody answers, or when the reply is not decodable. */
export async function requestHealth(
  nc: NatsConnection,
  service: string,
  instance: string,
  options: { timeoutMs?: number } = {},
): Promise<HealthReply> {
  const msg = await nc.request(subjects.health(service, instance), encodeMessage(HealthRequest, {}), {
    timeout: options.timeoutMs ?? 2_000,
  });
  const result = decodeMessage(HealthReply, msg.data);
  if (!result.ok) throw new Error(`health reply from ${service}/${instance} dropped: ${result.detail}`);
  return result.message;
}

/**
 * Asks every instance (`health.all`) and collects the replies that arrive within `waitMs` (undecodable ones are
 * left out). Default 500 ms.
 */
export async function collectHealth(
  nc: NatsConnection,
  options: { waitMs?: number } = {},
): Promise<HealthReply[]> {
  const replies: HealthReply[] = [];
  try {
    const stream = await nc.requestMany(subjects.healthAll, encodeMessage(HealthRequest, {}), {
      strategy: 'timer',
      maxWait: options.waitMs ?? 500,
    });
    for await (const msg of stream) {
      const result = decodeMessage(HealthReply, msg.data);
      if (result.ok) replies.push(result.message);
    }
  } catch {
    // No responders: nobody is alive, which is an answer too.
  }
  return replies;
}
