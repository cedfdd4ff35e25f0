import { describe, expect, it } from 'vitest'
import { addressKey, pickClientAddress } from './clientAddress.ts'

describe('client address (SEC-1)', () => {
  it('SEC-1 uses the socket address unless the proxy is trusted', () => {
    expect(pickClientAddress('10.0.0.5', '1.2.3.4', false)).toBe('10.0.0.5')
    expect(pickClientAddress('10.0.0.5', undefined, true)).toBe('10.0.0.5')
    expect(pickClientAddress(undefined, undefined, false)).toBe('unknown')
  })

  it('SEC-1 behind a trusted proxy takes the last X-Forwarded-For entry, not what the client claimed', () => {
    expect(pickClientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7', true)).toBe('203.0.113.7')
    expect(pickClientAddress('127.0.0.1', ' 203.0.113.7 ,', true)).toBe('203.0.113.7')
  })

  it('SEC-1 counts IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by its /64', () => {
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1')
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64')
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:0db8:0001:0002::/64')
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'))
    expect(addressKey('::1')).toBe('0000:0000:0000:0000::/64')
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64')
    expect(addressKey('unknown')).toBe('unknown')
  })
})
