import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../log.ts'
import { errorFields } from '../log.ts'
import type { Bus, BusUpdate, RoomSubscriber } from './bus.ts'
import {
  decodeBusMessage,
  deliverBusMessage,
  encodeBusMessage,
  type BusMessage,
} from './busMessage.ts'

/**
 * The bus over Redis pub/sub (SCALE-3): one channel per document, `<prefix>:doc:<id>`, binary
 * messages. Pub/sub loses what is sent while a connection is down; that is fine because every
 * update is in the store first and rooms catch up from it when the bus recovers.
 */
export class RedisBus implements Bus {
  readonly instanceId = randomUUID()
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly rooms = new Map<string, Set<RoomSubscriber>>()
  private readonly recovered = new Set<() => void>()
  private ready = false
  private wasDown = false

  private constructor(
    url: string,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    const options = {
      // Keep trying; never queue commands while down (a publish then is simply lost).
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
      lazyConnect: true,
    }
    this.publisher = new Redis(url, options)
    this.subscriber = new Redis(url, options)
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', () => undefined)
      client.on('close', () => this.changed())
      client.on('ready', () => this.changed())
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.deliver(channel.toString(), message),
    )
  }

  static async connect(url: string, prefix: string, log: Logger): Promise<RedisBus> {
    const bus = new RedisBus(url, prefix, log)
    await Promise.all([bus.publisher.connect(), bus.subscriber.connect()]).catch((error) =>
      log.warn('redis is not reachable yet; retrying', errorFields(error)),
    )
    bus.changed()
    return bus
  }

  get healthy(): boolean {
    return this.ready
  }

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
    let set = this.rooms.get(docId)
    if (!set) {
      this.rooms.set(docId, (set = new Set()))
      this.subscriber.subscribe(this.channel(docId)).catch(() => undefined)
    }
    set.add(subscriber)
    return () => {
      set.delete(subscriber)
      if (set.size > 0 || this.rooms.get(docId) !== set) return
      this.rooms.delete(docId)
      this.subscriber.unsubscribe(this.channel(docId)).catch(() => undefined)
    }
  }

  onRecovered(listener: () => void): void {
    this.recovered.add(listener)
  }

  async close(): Promise<void> {
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }

  private channel(docId: string): string {
    return `${this.prefix}:doc:${docId}`
  }

  private publish(docId: string, message: BusMessage): void {
    if (!this.ready) return
    this.publisher
      .publish(this.channel(docId), Buffer.from(encodeBusMessage(message)))
      .catch(() => undefined)
  }

  private deliver(channel: string, bytes: Buffer): void {
    const docId = channel.slice(this.prefix.length + ':doc:'.length)
    const message = decodeBusMessage(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    )
    if (!message || message.from === this.instanceId) return
    for (const room of this.rooms.get(docId) ?? []) deliverBusMessage(message, room)
  }

  private changed(): void {
    const ready = this.publisher.status === 'ready' && this.subscriber.status === 'ready'
    if (ready === this.ready) return
    this.ready = ready
    if (!ready) {
      this.wasDown = true
      this.log.warn('redis bus is down: serving local sockets, catching up from the store')
      return
    }
    // ioredis subscribes the channels again itself (autoResubscribe) when it reconnects.
    if (this.wasDown) {
      this.log.info('redis bus is back: rooms catch up from the store')
      for (const listener of this.recovered) listener()
    }
  }
}
