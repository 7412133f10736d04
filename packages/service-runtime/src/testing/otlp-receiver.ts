/**
 * A minimal OTLP/HTTP receiver for tests: records every export request (path, content type, body) and answers
 * 200 like a collector; `spans()` decodes the JSON trace exports (what our exporters send) into flat spans with
 * their service instance.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface OtlpRequest {
  path: string;
  contentType: string | undefined;
  body: Buffer;
}

/** One span as received (OTLP/JSON: ids in hex), with the resource's service name and instance. */
export interface ReceivedSpan {
  service: string | undefined;
  instance: string | undefined;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  events: string[];
  attributes: Record<string, string | number | boolean | undefined>;
}

export interface OtlpReceiver {
  /** Base URL to configure as the OTLP endpoint (`/v1/traces` and `/v1/metrics` are appended by exporters). */
  url: string;
  requests: OtlpRequest[];
  /** Every span received so far, from JSON trace exports. */
  spans(): ReceivedSpan[];
  close(): Promise<void>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpKeyValue {
  key: string;
  value: OtlpValue;
}
interface OtlpTraces {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: {
      spans?: {
        name: string;
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        events?: { name: string }[];
        attributes?: OtlpKeyValue[];
      }[];
    }[];
  }[];
}

const valueOf = (v: OtlpValue): string | number | boolean | undefined =>
  v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.doubleValue ?? v.boolValue));
const attributesOf = (list: OtlpKeyValue[] | undefined) =>
  Object.fromEntries((list ?? []).map((a) => [a.key, valueOf(a.value)]));

/**
 * `host`: the address to listen on (default loopback; a container suite passes its Docker network's gateway, the
 * host's address as the containers on that network reach it).
 */
export async function startOtlpReceiver(options: { host?: string } = {}): Promise<OtlpReceiver> {
  const host = options.host ?? '127.0.0.1';
  const requests: OtlpRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    requests,
    spans: () =>
      requests
        .filter((r) => r.path === '/v1/traces' && /json/.test(r.contentType ?? ''))
        .flatMap((r) => {
          const traces = JSON.parse(r.body.toString()) as OtlpTraces;
          return (traces.resourceSpans ?? []).flatMap((rs) => {
            const resource = attributesOf(rs.resource?.attributes);
            return (rs.scopeSpans ?? []).flatMap((ss) =>
              (ss.spans ?? []).map((s) => ({
                service: resource['service.name'] as string | undefined,
                instance: resource['service.instance.id'] as string | undefined,
                name: s.name,
                traceId: s.traceId,
                spanId: s.spanId,
                parentSpanId: s.parentSpanId || undefined,
                events: (s.events ?? []).map((e) => e.name),
                attributes: attributesOf(s.attributes),
              })),
            );
          });
        }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
