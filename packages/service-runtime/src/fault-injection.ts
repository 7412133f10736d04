/**
 * A test hook for partitions in process mode: a NatsConnection that drops what a controller tells it to. The
 * controller publishes JSON `{"block": ["vmha.v1.repl.", ...]}` on `vmha.v1.test.fault.<instance>`: publishes to
 * a subject starting with a blocked prefix vanish, messages arriving on one are dropped before any handler sees
 * them, and requests to one fail (as they would time out). `"*"` blocks everything (cut from NATS and the KV
 * store); `{"block": []}` heals. Only services started with fault injection enabled listen; the control
 * subscription itself is never blocked.
 */
import type {
  Msg,
  NatsConnection,
  PublishOptions,
  RequestOptions,
  SubscriptionOptions,
} from '@nats-io/transport-node';
import { subjects } from '@vmha/shared-proto';
import type { Logger } from './types.ts';

/** The subject a VMM's fault hook listens on (shared-proto's `subjects.testFault`). */
export const faultControlSubject = (instance: string): string => subjects.testFault(instance);

export function withFaultInjection(nc: NatsConnection, instance: string, logger: Logger): NatsConnection {
  let blocked: string[] = [];
  const isBlocked = (subject: string): boolean =>
    blocked.some((prefix) => prefix === '*' || subject.startsWith(prefix));
  nc.subscribe(faultControlSubject(instance), {
    callback: (_err, msg) => {
      try {
        const command = JSON.parse(new TextDecoder().decode(msg.data)) as { block?: unknown };
        if (!Array.isArray(command.block) || !command.block.every((p) => typeof p === 'string'))
          throw new Error('expected {"block": [subject prefixes]}');
        blocked = command.block as string[];
        logger.warn('fault injection', { blocked });
        msg.respond(new TextEncoder().encode('ok'));
      } catch (e) {
        logger.warn('bad fault command', { err: e });
      }
    },
  });
  return new Proxy(nc, {
    get(target, prop, receiver) {
      if (prop === 'publish') {
        return (subject: string, data?: Uint8Array, options?: PublishOptions) => {
          if (!isBlocked(subject)) target.publish(subject, data, options);
        };
      }
      if (prop === 'request') {
        return (subject: string, data?: Uint8Array, options?: RequestOptions): Promise<Msg> =>
          isBlocked(subject)
            ? Promise.reject(new Error(`request to ${subject} blocked by fault injection`))
            : target.request(subject, data, options);
      }
      if (prop === 'subscribe') {
        return (subject: string, options?: SubscriptionOptions) => {
          const callback = options?.callback;
          if (!callback) return target.subscribe(subject, options);
          return target.subscribe(subject, {
            ...options,
            callback: (err, msg) => {
              if (!err && isBlocked(msg.subject)) return;
              callback(err, msg);
            },
          });
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
