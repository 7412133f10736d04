/**
 * Two-way traffic under loss: an echo exchange where both ends retransmit after timeouts. After an RTO rewinds
 * SND.NXT, a pure ACK must still carry SEQ = SND.MAX (as BSD does); carrying the rewound SND.NXT puts it below
 * the peer's RCV.NXT, the peer discards it as out of window, and both ends back off until ETIMEDOUT.
 */
import { describe, expect, it } from 'vitest';
import { SimNetwork, type TcpSocket } from './index.ts';
import { repeatingSource } from './testing/index.ts';

const TOTAL = 16 << 20;

function echoExchange(seed: number, loss: number) {
  const net = new SimNetwork({ seed, link: { delayMs: 2, bandwidthMbps: 200, loss, reorder: 0.01 } });
  const client = net.addStack({ address: '10.5.0.1', seed: seed + 1, mslMs: 100 });
  const server = net.addStack({ address: '10.5.0.2', seed: seed + 2, mslMs: 100 });
  const l = server.listen(7);
  l.on('connection', () => {
    const s = l.accept();
    if (!s) return;
    const pending: Uint8Array[] = [];
    let ended = false;
    const flush = () => {
      while (pending.length) {
        const n = s.write(pending[0]);
        if (n < pending[0].length) {
          pending[0] = pending[0].subarray(n);
          return;
        }
        pending.shift();
      }
      if (ended) s.close(); // close only once everything received has been echoed
    };
    s.on('readable', () => {
      let d: Uint8Array | null;
      while ((d = s.read()) !== null) pending.push(d);
      flush();
    });
    s.on('writable', flush);
    s.on('end', () => {
      ended = true;
      flush();
    });
  });
  const src = repeatingSource(seed);
  const sock: TcpSocket = client.connect('10.5.0.2', 7);
  let written = 0;
  let echoed = 0;
  let bad = 0;
  let closed = false;
  let error: string | undefined;
  const pump = () => {
    while (written < TOTAL) {
      const n = sock.write(src.at(written, Math.min(64 * 1024, TOTAL - written)));
      written += n;
      if (n === 0) return;
    }
    sock.close();
  };
  sock.on('connect', pump).on('writable', pump);
  sock.on('readable', () => {
    let d: Uint8Array | null;
    while ((d = sock.read()) !== null) {
      const expect = src.at(echoed, d.length);
      for (let i = 0; i < d.length; i++) if (d[i] !== expect[i]) bad++;
      echoed += d.length;
    }
  });
  sock.on('close', (e) => {
    closed = true;
    error = e?.code;
  });
  net.runUntil(() => closed, 3_600_000);
  return { echoed, bad, error, rtos: client.stats.retransmitTimeouts + server.stats.retransmitTimeouts };
}

describe('two-way traffic under loss', () => {
  // Seeds that deadlocked when pure ACKs carried the rewound SND.NXT.
  for (const [seed, loss] of [
    [23, 0.01],
    [24, 0.01],
    [26, 0.02],
    [27, 0.02],
  ] as const) {
    it(`echoes 16 MiB byte-exact at ${loss * 100}% loss (seed ${seed})`, () => {
      const r = echoExchange(seed, loss);
      expect(r.error).toBeUndefined();
      expect(r.echoed).toBe(TOTAL);
      expect(r.bad).toBe(0);
    });
  }
});
