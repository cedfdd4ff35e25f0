import { randomUUID } from 'node:crypto'
import type { Bus, BusUpdate, RoomSubscriber } from './bus.ts'
import {
  decodeBusMessage,
  deliverBusMessage,
  encodeBusMessage,
  type BusMessage,
} from './busMessage.ts'

/** Channels shared by the LocalBus instances of one process: the "network" between them. */
export class LocalBusNetwork {
  readonly channels = new Map<string, Set<(bytes: Uint8Array) => void>>()
  /**
   * For tests: drop, duplicate or hold back what passes (SCALE-3 says the store repairs the
   * first two; a held message arrives late, when `releaseHeld` is called).
   */
  filter: (bytes: Uint8Array) => 'deliver' | 'drop' | 'duplicate' | 'hold' = () => 'deliver'
  private readonly held: (() => void)[] = []

  publish(channel: string, bytes: Uint8Array): void {
    const verdict = this.filter(bytes)
    if (verdict === 'drop') return
    if (verdict === 'hold') {
      this.held.push(() => this.deliver(channel, bytes, 'deliver'))
      return
    }
    this.deliver(channel, bytes, verdict)
  }

  releaseHeld(): void {
    for (const deliver of this.held.splice(0)) deliver()
  }

  private deliver(channel: string, bytes: Uint8Array, verdict: 'deliver' | 'duplicate'): void {
    for (const listener of this.channels.get(channel) ?? []) {
      // Asynchronous, like a network: never inside the publisher's own call stack.
      queueMicrotask(() => listener(bytes))
      if (verdict === 'duplicate') queueMicrotask(() => listener(bytes))
    }
  }
}

/**
 * The in-process bus: instances in one process (tests) reach each other through a shared
 * network object. With no other instance it costs nothing: one process needs no bus.
 */
export class LocalBus implements Bus {
  readonly instanceId = randomUUID()
  readonly healthy = true
  private readonly unsubscribers = new Set<() => void>()

  constructor(private readonly network = new LocalBusNetwork()) {}

  publishUpdate(docId: string, message: BusUpdate): void {
    this.publish(docId, { kind: 'update', from: this.instanceId, ...message })
  }

  publishAwareness(docId: string, update: Uint8Array): void {
    this.publish(docId, { kind: 'awareness', from: this.instanceId, update })
  }

  publishSessionsEnded(docId: string, participantIds: readonly string[]): void {
    this.publish(docId, { kind: 'sessionsEnded', from: this.instanceId, participantIds })
  }

  subscribe(docId: string, subscriber: RoomSubscriber): () => void {
    const listener = (bytes: Uint8Array): void => {
      const message = decodeBusMessage(bytes)
      if (!message || message.from === this.instanceId) return
      deliverBusMessage(message, subscriber)
    }
    let listeners = this.network.channels.get(docId)
    if (!listeners) this.network.channels.set(docId, (listeners = new Set()))
    listeners.add(listener)
    const unsubscribe = (): void => {
      listeners.delete(listener)
      this.unsubscribers.delete(unsubscribe)
      // SYNC-12: an unloaded room leaves nothing behind
      if (listeners.size === 0 && this.network.channels.get(docId) === listeners) {
        this.network.channels.delete(docId)
      }
    }
    this.unsubscribers.add(unsubscribe)
    return unsubscribe
  }

  onRecovered(): void {}

  async close(): Promise<void> {
    for (const unsubscribe of [...this.unsubscribers]) unsubscribe()
  }

  private publish(docId: string, message: BusMessage): void {
    this.network.publish(docId, encodeBusMessage(message))
  }
}
