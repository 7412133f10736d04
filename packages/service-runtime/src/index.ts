/**
 * @vmha/service-runtime: what every vmha service shares. Config from flags and environment, the NATS connection,
 * OpenTelemetry with W3C trace context in NATS headers, JSON logs, health, decode-or-drop subscriptions and the
 * service lifecycle with graceful shutdown. `startNatsServer` runs a real nats-server for tests and the launcher.
 */
export {
  defineSettings,
  envName,
  flagName,
  formatUsage,
  parseConfig,
  type ConfigResult,
  type ConfigValues,
  type ParseConfigOptions,
  type Setting,
  type Settings,
  type SettingSource,
  type SettingType,
  type UsageOptions,
} from './config.ts';
export { runtimeSettings } from './runtime-settings.ts';
export { createLogger, LOG_LEVELS, type LoggerOptions } from './logger.ts';
export { LogRateLimit, type LogRateLimitOptions } from './log-rate-limit.ts';
export { Counters } from './counters.ts';
export { closeNats, connectNats, type ConnectNatsOptions } from './nats-connection.ts';
export { shutdownTelemetry, startTelemetry, type Telemetry, type TelemetryOptions } from './telemetry.ts';
export {
  extractContext,
  injectContext,
  startMessageSpan,
  withMessageSpan,
  type TracedMessage,
} from './trace-context.ts';
export { collectHealth, requestHealth, startHealth, type HealthOptions } from './health.ts';
export { openKvStore, type KvStore } from './kv-lease-store.ts';
export { faultControlSubject, withFaultInjection } from './fault-injection.ts';
export {
  subscribeMessages,
  type MessageHandler,
  type MessageSource,
  type SubscribeMessagesOptions,
} from './subscribe-messages.ts';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runService, type ServiceDefinition } from './run-service.ts';
export { captureLogger, type CapturedLogs, type LogLine } from './testing/capture-logger.ts';
export {
  startOtlpReceiver,
  type OtlpReceiver,
  type OtlpRequest,
  type ReceivedSpan,
} from './testing/otlp-receiver.ts';
export {
  freeLoopbackPort,
  startNatsServer,
  type NatsServerHandle,
  type NatsServerOptions,
} from './testing/nats-server.ts';
export type {
  CounterSet,
  HealthResponder,
  LogFields,
  LogLevel,
  Logger,
  RuntimeSettings,
  ServiceContext,
  ShutdownHook,
} from './types.ts';
