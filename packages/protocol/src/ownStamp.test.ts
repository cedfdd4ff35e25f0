import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { encodeAwarenessEntries } from './awarenessUpdate.ts'
import { encodeAwarenessFrame } from './frame.ts'
import { MessageType } from './messageType.ts'
import { stampedUserIn, watchOwnStamp, type StampedProvider } from './ownStamp.ts'

const stamp = { name: 'Anna', color: '#00838f', role: 'editor' }

describe('watchOwnStamp (PERM-6)', () => {
  it('PERM-6: reads the stamp of its own entry only, and leaves the frame to the provider', () => {
    const applied: Uint8Array[] = []
    const provider: StampedProvider = {
      awareness: { clientID: 42 },
      messageHandlers: [],
    }
    provider.messageHandlers[MessageType.Awareness] = (_encoder, decoder) => {
      applied.push(decoding.readVarUint8Array(decoder))
    }
    const seen: unknown[] = []
    const stop = watchOwnStamp(provider, (user) => seen.push(user))
    const receive = (entries: Parameters<typeof encodeAwarenessEntries>[0]) => {
      const decoder = decoding.createDecoder(encodeAwarenessFrame(encodeAwarenessEntries(entries)))
      decoding.readVarUint(decoder) // the message type, read by the provider
      provider.messageHandlers[MessageType.Awareness]!(encoding.createEncoder(), decoder)
    }

    receive([{ clientId: 7, clock: 1, state: { user: { ...stamp, name: 'Bram' } } }])
    receive([
      { clientId: 7, clock: 2, state: { user: { ...stamp, name: 'Bram' } } },
      { clientId: 42, clock: 3, state: { user: stamp, cursor: 1 } },
    ])
    expect(seen).toEqual([stamp])
    expect(applied).toHaveLength(2)

    stop()
    receive([{ clientId: 42, clock: 4, state: { user: stamp } }])
    expect(seen).toHaveLength(1)
    expect(applied).toHaveLength(3)
  })

  it('PERM-6: no stamp from a removal, a state without user or a broken update', () => {
    const removal = encodeAwarenessEntries([{ clientId: 42, clock: 2, state: null }])
    expect(stampedUserIn(removal, 42)).toBeNull()
    const bare = encodeAwarenessEntries([{ clientId: 42, clock: 2, state: { cursor: 1 } }])
    expect(stampedUserIn(bare, 42)).toBeNull()
    expect(stampedUserIn(new Uint8Array([3, 42]), 42)).toBeNull()
  })
})
