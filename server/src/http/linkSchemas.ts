import { z } from '@hono/zod-openapi'
import {
  REPLACEABLE_ROLES,
  type ReplacedLink as ReplacedLinkBody,
  type ReplaceLinkRequest,
} from '@koers/protocol'
import { agree, type Same } from './schemas.ts'

// Issue 9: the schemas of the invite-link route (PERM-15, PERM-16).

export const ReplaceLinkBody = z
  .object({
    role: z.enum(REPLACEABLE_ROLES).openapi({
      description: 'editor or viewer; the facilitator link is not replaced here (PERM-15)',
    }),
    endSessions: z.boolean().openapi({
      description:
        'Also end the sessions that came in through the old link: their sockets close with ' +
        '4401 and their next ticket request gets 401 (PERM-16)',
    }),
  })
  .strict()
  .openapi('ReplaceLinkRequest')

export const ReplacedLink = z
  .object({
    role: z.enum(REPLACEABLE_ROLES),
    url: z.string().openapi({ example: 'https://koers.school.nl/join#3q2-…' }),
  })
  .openapi('ReplacedLink')

agree<Same<z.infer<typeof ReplaceLinkBody>, ReplaceLinkRequest>>()
agree<Same<z.infer<typeof ReplacedLink>, ReplacedLinkBody>>()
