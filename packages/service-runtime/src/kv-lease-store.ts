/** A compare-and-swap key store on NATS JetStream KV (what VM leases live in). */
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';

export interface KvStore {
  get(key: string): Promise<{ value: string; revision: number } | undefined>;
  create(key: string, value: string): Promise<number>;
  update(key: string, value: string, revision: number): Promise<number>;
}

/** Opens (creating if needed) the KV bucket `bucket`, keeping one revision per key. */
export async function openKvStore(nc: NatsConnection, bucket: string): Promise<KvStore> {
  const kv: KV = await new Kvm(nc).create(bucket, { history: 1 });
  return {
    async get(key) {
      const e = await kv.get(key);
      if (!e || e.operation !== 'PUT') return undefined;
      return { value: e.string(), revision: e.revision };
    },
    create: (key, value) => kv.create(key, value),
    update: (key, value, revision) => kv.update(key, value, revision),
  };
}
