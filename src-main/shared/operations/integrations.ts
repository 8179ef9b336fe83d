// Integration accounts for bridges (contract 2.3.5 and 3.2).
import { z } from 'zod';
import { NoInput, op } from '../operation-def.js';

export const TopicRightInputSchema = z.object({
  filter: z.string().min(1).max(256),
  publish: z.boolean().default(false),
  subscribe: z.boolean().default(true),
});

const IntegrationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  rights: z.array(z.object({ filter: z.string(), publish: z.boolean(), subscribe: z.boolean() })),
  createdAt: z.string(),
});

export const integrationOperations = {
  createIntegration: op({
    summary:
      'Makes an MQTT account for a bridge with exactly these topic rights. The password is shown once.',
    scope: 'admin',
    input: z.object({
      name: z.string().trim().min(1).max(64),
      rights: z.array(TopicRightInputSchema).min(1).max(64),
    }),
    output: IntegrationViewSchema.extend({ password: z.string() }),
    http: { method: 'post', path: '/api/v1/integrations' },
  }),
  listIntegrations: op({
    summary: 'The integration accounts (never their passwords).',
    scope: 'admin',
    input: NoInput,
    output: z.object({ integrations: z.array(IntegrationViewSchema) }),
    http: { method: 'get', path: '/api/v1/integrations' },
  }),
  deleteIntegration: op({
    summary: 'Deletes an integration account; its connections are closed at once.',
    scope: 'admin',
    input: z.object({ id: z.string().min(1).max(64) }),
    output: z.object({ removed: z.string() }),
    http: { method: 'delete', path: '/api/v1/integrations/:id' },
    errors: ['unknown_integration'],
  }),
} as const;
