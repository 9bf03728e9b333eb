import { z } from 'zod';
import { processSchema } from '../../model/index.js';
import { calendarDate, instant } from './common.js';

/** The process language: the component the draft body and definitions refer to (as GET /api/schema/process.json). */
export const processDefinitionSchema = processSchema.meta({
  id: 'Process',
  description: 'A process definition (the process language)',
});

/** A draft as saved: a process definition that may still have problems (the checks list them). */
export const draftSchema = z
  .record(z.string(), z.unknown())
  .meta({ id: 'Draft', description: 'A draft process definition as saved, possibly with problems; see Process' });

export const problemSchema = z
  .object({
    code: z.string().describe('P001 …: stable, what programs key on'),
    params: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('what the message is made of (ids, numbers, a place in the step), by code'),
    message: z
      .string()
      .describe('the whole problem in words, in the language of the request (Accept-Language or ?lang)'),
    node: z.string().optional().describe('the step or group'),
    path: z.string().optional().describe('where in the definition (or in the step), for programs'),
  })
  .meta({ id: 'Problem', description: 'What the checks found in a definition' });

export const processSummarySchema = z
  .object({
    key: z.string(),
    title: z.string(),
    description: z.string().optional(),
    latestVersion: z.number().int().nullable(),
    versions: z.array(z.number().int()).optional().describe('designers only, as are updatedAt and problems'),
    updatedAt: instant.optional(),
    problems: z.number().int().optional().describe("the number of the draft's problems"),
  })
  .meta({ id: 'ProcessSummary' });

export const versionInfoSchema = z.object({
  version: z.number().int(),
  publishedAt: instant,
  publishedBy: z.string().nullable(),
  effectiveFrom: calendarDate.nullable(),
});

export const processDetailSchema = z
  .object({
    key: z.string(),
    versions: z.array(z.number().int()),
    latestVersion: z.number().int().nullable(),
    definition: processDefinitionSchema
      .nullable()
      .describe('the newest published version (for a citizen: without what is for officials only)'),
    versionList: z.array(versionInfoSchema),
    draft: draftSchema.optional().describe('designers only, as are problems and updatedAt'),
    problems: z.array(problemSchema).optional(),
    updatedAt: instant.optional(),
  })
  .meta({ id: 'ProcessDetail' });

export const savedDraftSchema = z.object({ problems: z.array(problemSchema) });
export const publishedSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  effectiveFrom: calendarDate.optional(),
});

export const versionSchema = z
  .object({
    key: z.string(),
    version: z.number().int(),
    publishedAt: instant,
    publishedBy: z.string().nullable(),
    definition: processDefinitionSchema,
  })
  .meta({ id: 'Version' });

export const bpmnImportSchema = z
  .object({
    key: z.string(),
    problems: z.array(problemSchema),
    unmapped: z
      .array(z.object({ id: z.string(), type: z.string(), reason: z.string() }))
      .describe('what could not be mapped, and why'),
  })
  .meta({ id: 'BpmnImport' });

export const machineSchema = z
  .record(z.string(), z.unknown())
  .meta({ id: 'MachineConfig', description: 'An XState machine config' });
