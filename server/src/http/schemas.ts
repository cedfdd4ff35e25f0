import { z } from '@hono/zod-openapi'
import {
  cleanDisplayText,
  displayTextProblemMessage,
  DISPLAY_NAME_MAX,
  isWorkspaceId,
  normalizeJoinCode,
  ROLES,
  TITLE_MAX,
  type PrivacyFacts as PrivacyFactsBody,
  type CreatedWorkspace as CreatedWorkspaceBody,
  type CreateWorkspaceRequest,
  type Me as MeBody,
  type JoinCode as JoinCodeBody,
  type JoinCodeStatus as JoinCodeStatusBody,
  type ServerTime as ServerTimeBody,
  type SessionInfo as SessionInfoBody,
  type SessionRequest,
  type TicketResponse,
} from '@koers/protocol'

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error')

export const WorkspaceIdParam = z.object({
  id: z
    .string()
    .refine(isWorkspaceId, 'not a workspace id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'q3Zb8WmT0aLx9eVc1RkPuA' }),
})

export const RoleSchema = z.enum(ROLES).openapi('Role')

/**
 * SEC-8: a name or title, cleaned by the same `cleanDisplayText` the web app uses; empty,
 * invisible-only and over-long texts are refused with a clear message.
 */
export const displayText = (max: number) =>
  z
    .string()
    .superRefine((raw, ctx) => {
      const { problem } = cleanDisplayText(raw, max)
      if (problem)
        ctx.addIssue({ code: 'custom', message: displayTextProblemMessage(problem, max) })
    })
    .overwrite((raw) => cleanDisplayText(raw, max).text)
    .openapi({
      description:
        `Cleaned as cleanDisplayText does (NFC, no control or bidi characters, one space); ` +
        `1–${max} characters (code points), at least one visible`,
    })

export const CreateWorkspaceBody = z
  .object({
    title: displayText(TITLE_MAX).openapi({ example: 'Visie op digitalisering 2025–2029' }),
    school: displayText(TITLE_MAX).openapi({ example: 'OBS De Linde' }),
    language: z.enum(['nl', 'en']).optional(),
  })
  .openapi('CreateWorkspace')

export const CreatedWorkspace = z
  .object({
    id: z.string(),
    links: z.object({ facilitator: z.string(), editor: z.string(), viewer: z.string() }),
  })
  .openapi('CreatedWorkspace')

const KeySessionBody = z
  .object({
    key: z.string().min(16).max(200),
    displayName: displayText(DISPLAY_NAME_MAX).openapi({ example: 'Fatima' }),
  })
  .strict()
  .openapi('KeySessionRequest')

/** STUDY-8: a code as typed (any case, spaces and dashes ignored); 6 symbols of the alphabet. */
const CodeSessionBody = z
  .object({
    code: z
      .string()
      .max(32)
      .refine((code) => normalizeJoinCode(code) !== null, {
        message: 'a join code has 6 letters and digits (no 0, O, 1, I or L)',
      })
      .openapi({ example: 'K7QM4X' }),
    displayName: displayText(DISPLAY_NAME_MAX).openapi({ example: 'Fatima' }),
  })
  .strict()
  .openapi('CodeSessionRequest')

export const SessionBody = z.union([KeySessionBody, CodeSessionBody]).openapi('SessionRequest')

export const JoinCode = z
  .object({
    code: z.string().openapi({ example: 'K7QM4X' }),
    url: z.string().openapi({ example: 'https://koers.school.nl/j/K7QM4X' }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('JoinCode')

export const JoinCodeStatus = z
  .object({
    open: z.boolean(),
    expiresAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('JoinCodeStatus')

export const ServerTime = z
  .object({ now: z.number().int().openapi({ description: 'ms since the Unix epoch' }) })
  .openapi('ServerTime')

export const SessionInfo = z
  .object({ workspaceId: z.string(), role: RoleSchema, participantId: z.string() })
  .openapi('Session')

export const Me = z
  .object({
    workspaceId: z.string(),
    role: RoleSchema,
    participantId: z.string(),
    displayName: z.string(),
    retention: z
      .object({ deletesAt: z.string().openapi({ format: 'date-time' }) })
      .nullable()
      .openapi({
        description: 'When the server deletes this workspace if nobody uses it (PRIV-6)',
      }),
  })
  .openapi('Me')

export const PrivacyFacts = z
  .object({
    sessionDays: z.number().int(),
    retentionDays: z.number().int().nullable(),
  })
  .openapi('PrivacyFacts')

export const Ticket = z
  .object({ ticket: z.string(), expiresAt: z.string().openapi({ format: 'date-time' }) })
  .openapi('Ticket')

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: 'Error', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  )

/** Compile-time check that the zod schemas and the shared types of `@koers/protocol` agree. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export const agree = <T extends true>(): T | undefined => undefined
agree<Same<z.infer<typeof CreateWorkspaceBody>, CreateWorkspaceRequest>>()
agree<Same<z.infer<typeof CreatedWorkspace>, CreatedWorkspaceBody>>()
agree<Same<z.infer<typeof SessionBody>, SessionRequest>>()
agree<Same<z.infer<typeof SessionInfo>, SessionInfoBody>>()
agree<Same<z.infer<typeof Me>, MeBody>>()
agree<Same<z.infer<typeof Ticket>, TicketResponse>>()
agree<Same<z.infer<typeof PrivacyFacts>, PrivacyFactsBody>>()
agree<Same<z.infer<typeof JoinCode>, JoinCodeBody>>()
agree<Same<z.infer<typeof JoinCodeStatus>, JoinCodeStatusBody>>()
agree<Same<z.infer<typeof ServerTime>, ServerTimeBody>>()
