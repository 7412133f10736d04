/**
 * The virtual network over a real nats-server: datagrams reach the attachment that owns their destination,
 * and garbage on an address's subject (random bytes, another protocol version, truncated envelopes) is counted
 * and dropped while good traffic keeps flowing.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ACK, encodeTcpSegment, parseIpv4Address } from '@vmha/guest-tcp';
import { IpPacket, encodeMessage, subjects } from '@vmha/shared-proto';
import { startNatsServer } from '@vmha/service-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkAttachment, ORIGIN_HEADER, RELEASED_AT_HEADER, ipPacketCodec } from './network-attachment.ts';

const A = '10.20.0.1';
const B = '10.20.0.2';

function datagram(from: string, to: string, seq: number): Uint8Array {
  return encodeTcpSegment({
    src: parseIpv4Address(from),
    dst: parseIpv4Address(to),
    srcPort: 1000,
    dstPort: 2000,
    seq,
    ack: 0,
    flags: ACK,
    window: 1000,
  });
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

describe('network attachment over NATS', () => {
  let server: Awaited<ReturnType<typeof startNatsServer>>;
  let ncA: NatsConnection;
  let ncB: NatsConnection;

  beforeAll(async () => {
    server = await startNatsServer();
    ncA = await connect({ servers: server.url });
    ncB = await connect({ servers: server.url });
  });
  afterAll(async () => {
    await ncA?.close();
    await ncB?.close();
    await server?.stop();
  });

  it('delivers datagrams to the attachment that owns the destination address, in order', async () => {
    const got: number[] = [];
    const b = new NetworkAttachment({
      bus: ncB,
      address: B,
      onPacket: (d) => got.push(new DataView(d.buffer, d.byteOffset).getUint32(24)),
    });
    const a = new NetworkAttachment({ bus: ncA, address: A, onPacket: () => {} });
    await ncB.flush();
    for (let i = 0; i < 1000; i++) {
      a.send(datagram(A, B, i));
      if (i % 100 === 99) await Promise.resolve(); // ten synchronous runs of 100 datagrams
    }
    await until(() => got.length === 1000, '1000 datagrams');
    expect(got).toEqual([...Array(1000).keys()]);
    expect(a.counters.sent).toBe(1000);
    // Each run left as one burst (40-byte datagrams fit 256 KiB many times over).
    expect(a.counters.messagesSent).toBe(10);
    expect(b.counters).toMatchObject({ received: 1000, messagesReceived: 10 });
    await a.close();
    await b.close();
  });

  it('splits a burst that outgrows the message limit into several messages, keeping order', async () => {
    const got: number[] = [];
    const b = new NetworkAttachment({
      bus: ncB,
      address: B,
      onPacket: (d) => got.push(new DataView(d.buffer, d.byteOffset).getUint32(24)),
    });
    const a = new NetworkAttachment({ bus: ncA, address: A, onPacket: () => {}, maxMessageBytes: 1000 });
    await ncB.flush();
    for (let i = 0; i < 100; i++) a.send(datagram(A, B, i)); // 40 bytes each: 20 per 1000-byte message
    await until(() => got.length === 100, '100 datagrams');
    expect(got).toEqual([...Array(100).keys()]);
    expect(a.counters.messagesSent).toBe(5);
    await a.close();
    await b.close();
  });

  it('names its sender in a header when given an origin', async () => {
    const seen: (string | undefined)[] = [];
    const sub = ncB.subscribe(subjects.netAddress(B), {
      callback: (_e, m) => {
        seen.push(m.headers?.get(ORIGIN_HEADER));
      },
    });
    await ncB.flush();
    const a = new NetworkAttachment({ bus: ncA, address: A, onPacket: () => {}, origin: 'vmm-a' });
    a.send(datagram(A, B, 1));
    await until(() => seen.length === 1, 'the message');
    expect(seen).toEqual(['vmm-a']);
    sub.unsubscribe();
    await a.close();
  });

  it('holds what mayPublish refuses, in order, publishes it at the next flush stamped anew, and discards it at close', async () => {
    const seen: Array<{ seq: number[]; at: number }> = [];
    const sub = ncB.subscribe(subjects.netAddress(B), {
      callback: (_e, m) => {
        const burst = ipPacketCodec.decode(m.data);
        if (!burst.ok) throw new Error(burst.reason);
        seen.push({
          seq: burst.datagrams.map((d) => new DataView(d.buffer, d.byteOffset).getUint32(24)),
          at: Number(m.headers?.get(RELEASED_AT_HEADER)),
        });
      },
    });
    await ncB.flush();
    let open = false;
    let asked = 0;
    const a = new NetworkAttachment({
      bus: ncA,
      address: A,
      onPacket: () => {},
      origin: 'vmm-a',
      maxMessageBytes: 200, // three 40-byte datagrams per message
      mayPublish: () => {
        asked++;
        return open;
      },
    });
    for (let i = 0; i < 5; i++) a.send(datagram(A, B, i));
    await Promise.resolve();
    expect(a.heldDatagrams).toBe(5);
    a.send(datagram(A, B, 5)); // behind the held ones: not even asked about before they leave
    const askedBefore = asked;
    await Promise.resolve();
    expect(asked).toBe(askedBefore + 1); // only the oldest held message was asked about again
    await ncA.flush();
    expect(seen).toEqual([]);

    open = true;
    const openedAt = Date.now();
    a.flush();
    await until(() => seen.flatMap((s) => s.seq).length === 6, 'the held datagrams');
    expect(seen.flatMap((s) => s.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const s of seen) expect(s.at).toBeGreaterThanOrEqual(openedAt);
    expect(a.counters.sent).toBe(6);

    open = false;
    a.send(datagram(A, B, 6));
    await Promise.resolve();
    await a.close();
    await ncA.flush();
    expect(seen.flatMap((s) => s.seq)).toHaveLength(6);
    expect(a.counters.dropped['held-at-close']).toBe(1);
    sub.unsubscribe();
  });

  it('counts and drops garbage on its subject and keeps delivering good datagrams', async () => {
    let good = 0;
    const b = new NetworkAttachment({ bus: ncB, address: B, onPacket: () => good++ });
    await ncB.flush();
    const subject = subjects.netAddress(B);
    const wrongVersion = (IpPacket as unknown as { encode(m: object): { finish(): Uint8Array } })
      .encode({ protocolVersion: 99, datagrams: [datagram(A, B, 1)] })
      .finish();
    const valid = encodeMessage(IpPacket, { datagrams: [datagram(A, B, 2)] });
    for (let i = 0; i < 50; i++) {
      ncA.publish(
        subject,
        new Uint8Array(64).map((_, j) => (i * 31 + j * 7) & 0xff),
      ); // random-ish bytes
      ncA.publish(subject, wrongVersion);
      ncA.publish(subject, valid.subarray(0, valid.length - 10)); // truncated envelope
      ncA.publish(subject, encodeMessage(IpPacket, { datagrams: [new Uint8Array(8)] })); // not an IPv4 datagram
      ncA.publish(subject, encodeMessage(IpPacket, { datagrams: [datagram(A, '10.20.0.9', 3)] })); // not for B
      ncA.publish(subject, valid);
      // One bad datagram inside a burst drops alone; its good neighbours arrive.
      ncA.publish(
        subject,
        encodeMessage(IpPacket, { datagrams: [datagram(A, B, 4), new Uint8Array(3), datagram(A, B, 5)] }),
      );
    }
    await until(() => good === 150, '150 good datagrams');
    const dropped = Object.values(b.counters.dropped).reduce((x, y) => x + y, 0);
    await until(() => Object.values(b.counters.dropped).reduce((x, y) => x + y, 0) >= 250, 'drops counted');
    expect(good).toBe(150);
    expect(b.counters.dropped['wrong-version']).toBe(50);
    expect(b.counters.dropped['not-ipv4']).toBe(100);
    expect(b.counters.dropped['wrong-destination']).toBe(50);
    expect((b.counters.dropped['truncated'] ?? 0) + (b.counters.dropped['malformed'] ?? 0)).toBe(100);
    expect(dropped).toBeGreaterThan(0);
    await b.close();
  });
});
