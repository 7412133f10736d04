/**
 * Connections keyed by (remote address, remote port, local port), the local address being the stack's own.
 * Two numeric levels instead of a string key: demultiplexing runs once per packet.
 */
export class FourTupleMap<V> {
  private readonly byRemote = new Map<number, Map<number, V>>();

  get(remote: number, remotePort: number, localPort: number): V | undefined {
    return this.byRemote.get(remote)?.get(remotePort * 65536 + localPort);
  }

  has(remote: number, remotePort: number, localPort: number): boolean {
    return this.get(remote, remotePort, localPort) !== undefined;
  }

  set(remote: number, remotePort: number, localPort: number, value: V): void {
    let ports = this.byRemote.get(remote);
    if (!ports) this.byRemote.set(remote, (ports = new Map()));
    ports.set(remotePort * 65536 + localPort, value);
  }

  delete(remote: number, remotePort: number, localPort: number): void {
    const ports = this.byRemote.get(remote);
    if (!ports) return;
    ports.delete(remotePort * 65536 + localPort);
    if (ports.size === 0) this.byRemote.delete(remote);
  }
}
