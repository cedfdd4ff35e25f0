import { z } from '@hono/zod-openapi'
import {
  isWorkspaceId,
  ROLES,
  type CreatedWorkspace as CreatedWorkspaceBody,
  type CreateWorkspaceRequest,
  type Me as MeBody,
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

const trimmed = (max: number) => z.string().trim().min(1).max(max)

export const CreateWorkspaceBody = z
  .object({
    title: trimmed(200).openapi({ example: 'Visie op digitalisering 2025–2029' }),
    school: trimmed(200).openapi({ example: 'OBS De Linde' }),
    language: z.enum(['nl', 'en']).optional(),
  })
  .openapi('CreateWorkspace')

export const CreatedWorkspace = z
  .object({
    id: z.string(),
    links: z.object({ facilitator: z.string(), editor: z.string(), viewer: z.string() }),
  })
  .openapi('CreatedWorkspace')

export const SessionBody = z
  .object({
    key: z.string().min(16).max(200),
    displayName: trimmed(60).openapi({ example: 'Fatima' }),
  })
  .openapi('SessionRequest')

export const SessionInfo = z
  .object({ workspaceId: z.string(), role: RoleSchema, participantId: z.string() })
  .openapi('Session')

export const Me = z
  .object({
    workspaceId: z.string(),
    role: RoleSchema,
    participantId: z.string(),
    displayName: z.string(),
  })
  .openapi('Me')

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
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const agree = <T extends true>(): T | undefined => undefined
agree<Same<z.infer<typeof CreateWorkspaceBody>, CreateWorkspaceRequest>>()
agree<Same<z.infer<typeof CreatedWorkspace>, CreatedWorkspaceBody>>()
agree<Same<z.infer<typeof SessionBody>, SessionRequest>>()
agree<Same<z.infer<typeof SessionInfo>, SessionInfoBody>>()
agree<Same<z.infer<typeof Me>, MeBody>>()
agree<Same<z.infer<typeof Ticket>, TicketResponse>>()
