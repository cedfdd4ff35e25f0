import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { isIP } from 'node:net'

/**
 * SEC-1: the address a throttle counts. The socket's remote address; with `KOERS_TRUST_PROXY=1`
 * the last entry of X-Forwarded-For instead, which is the address the (one) reverse proxy in
 * front saw: entries before it are whatever the client claimed.
 */
export const pickClientAddress = (
  remote: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: boolean,
): string => {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .at(-1)
    if (last) return last
  }
  return remote ?? 'unknown'
}

export const clientAddress = (c: Context, trustProxy: boolean): string =>
  pickClientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trustProxy)

/** Eight 16-bit groups of an IPv6 address (zone id dropped), or null when it is not one. */
const ipv6Groups = (address: string): string[] | null => {
  const plain = address.replace(/%.*$/, '')
  if (isIP(plain) !== 6) return null
  let text = plain
  const embedded = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (embedded) {
    const [a, b, c, d] = embedded.slice(1).map(Number) as [number, number, number, number]
    const high = ((a << 8) | b).toString(16)
    const low = ((c << 8) | d).toString(16)
    text = `${text.slice(0, embedded.index)}${high}:${low}`
  }
  const [head = '', tail] = text.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = 8 - left.length - right.length
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right]
  return groups.map((group) => group.toLowerCase().padStart(4, '0'))
}

/**
 * The key a throttle counts under: an IPv4 address as is (also when IPv4-mapped), an IPv6
 * address by its /64 prefix, because one household or attacker commonly holds a whole /64.
 */
export const addressKey = (address: string): string => {
  const groups = ipv6Groups(address)
  if (!groups) return address
  const isMappedIpv4 = groups.slice(0, 5).every((g) => g === '0000') && groups[5] === 'ffff'
  if (isMappedIpv4) {
    const [high = 0, low = 0] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)]
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
  }
  return `${groups.slice(0, 4).join(':')}::/64`
}
