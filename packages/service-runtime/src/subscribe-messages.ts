/**
 * Decode-or-drop subscriptions: what keeps a service serving when garbage arrives. Every message is decoded with
 * the never-throwing decoder; what does not decode (garbage, another protocol version, cut off) is counted by
 * reason, logged (rate-limited) and dropped. A handler that throws is logged and counted; the subscription lives on.
 */
import { context as otelContext } from '@opentelemetry/api';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { decodeMessage, type DecodeResult, type MessageDecoder, type Versioned } from '@vmha/shared-proto';
import { LogRateLimit, type LogRateLimitOptions } from './log-rate-limit.ts';
import { extractContext } from './trace-context.ts';
import type { CounterSet, Logger } from './types.ts';

/** A generated message class (decoded with `decodeMessage`), or a decode function with the same contract. */
export type MessageSource<M> = MessageDecoder<M & Versioned> | ((bytes: Uint8Array) => DecodeResult<M>);

/** Called with each decoded message and the NATS message it came in (for reply and headers). */
export type MessageHandler<M> = (message: M, msg: Msg) => void | Promise<void>;

export interface SubscribeMessagesOptions {
  counters: CounterSet;
  logger: Logger;
  /**
   * Counter names are `<prefix>.received`, `<prefix>.dropped.<reason>` (truncated, malformed, wrong-version) and
   * `<prefix>.handler_errors`. Default: the message type's name (`IpPacket`; `decodeIpPacket` gives `IpPacket` too).
   */
  counterPrefix?: string;
  /** NATS queue group, to share the subject's messages among instances. */
  queue?: string;
  /** Limits the drop and error log lines (default 5 per reason per 10 s), or a limiter shared between subscriptions. */
  rateLimit?: LogRateLimit | LogRateLimitOptions;
}

/**
 * Subscribes `handler` to decoded `subject` messages. Handlers run in arrival order; an async handler's promise
 * is not awaited before the next message (its rejection is still counted and logged).
 * When a message carries trace context, the handler runs inside it (spans it starts join the sender's trace).
 */
export function subscribeMessages<M>(
  nc: NatsConnection,
  subject: string,
  source: MessageSource<M>,
  handler: MessageHandler<M>,
  options: SubscribeMessagesOptions,
): Subscription {
  const decode: (bytes: Uint8Array) => DecodeResult<M> =
    'decode' in source ? (bytes) => decodeMessage(source, bytes) : source;
  const prefix = options.counterPrefix ?? source.name.replace(/^decode(?=[A-Z])/, '');
  const { counters, logger } = options;
  const limiter =
    options.rateLimit instanceof LogRateLimit ? options.rateLimit : new LogRateLimit(options.rateLimit);
  const received = `${prefix}.received`;
  const handlerErrors = `${prefix}.handler_errors`;

  const onHandlerError = (err: unknown, msg: Msg): void => {
    counters.increment(handlerErrors);
    const suppressed = limiter.admit(handlerErrors);
    if (suppressed !== undefined)
      logger.error('message handler failed', { subject: msg.subject, err, suppressed });
  };

  const deliver = (message: M, msg: Msg): void => {
    try {
      const result = handler(message, msg);
      if (result && typeof (result as Promise<void>).then === 'function') {
        (result as Promise<void>).then(undefined, (err: unknown) => onHandlerError(err, msg));
      }
    } catch (err) {
      onHandlerError(err, msg);
    }
  };

  return nc.subscribe(subject, {
    queue: options.queue,
    // Called straight from the nats.js protocol parser: nothing may escape from here.
    callback: (err, msg) => {
      try {
        if (err) {
          counters.increment(`${prefix}.subscription_errors`);
          logger.error('subscription error', { subject, err });
          return;
        }
        counters.increment(received);
        const result = decode(msg.data);
        if (!result.ok) {
          const key = `${prefix}.dropped.${result.reason}`;
          counters.increment(key);
          const suppressed = limiter.admit(key);
          if (suppressed !== undefined) {
            logger.warn('dropped message', {
              subject: msg.subject,
              reason: result.reason,
              detail: result.detail,
              bytes: msg.data.length,
              suppressed,
            });
          }
          return;
        }
        const headers = msg.headers;
        if (headers) otelContext.with(extractContext(headers), deliver, undefined, result.message, msg);
        else deliver(result.message, msg);
      } catch (unexpected) {
        // Only reachable through a bug in the code above or in a counter/logger; keep the subscription alive.
        onHandlerError(unexpected, msg);
      }
    },
  });
}
