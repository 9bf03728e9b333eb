import { z } from 'zod';
import type { Delivery, DeliveryStatus, Store } from '../../store/index.js';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import { deliveryListSchema, deliverySchema } from '../schemas/notify.js';
import type { Services } from '../services.js';

const STATUSES: readonly DeliveryStatus[] = ['pending', 'sent', 'dead'];

async function shown(store: Store, d: Delivery): Promise<z.infer<typeof deliverySchema>> {
  const notice = await store.outbox.get(d.outboxId);
  return {
    id: d.id,
    notice: d.outboxId,
    kind: notice?.kind ?? 'unknown',
    recipient: notice?.recipient ?? 'unknown',
    caseId: notice?.caseId ?? null,
    channel: d.channel,
    address: d.address,
    lang: d.lang,
    status: d.status,
    attempts: d.attempts,
    nextAt: d.nextAt,
    lastError: d.lastError,
    sentAt: d.sentAt,
    createdAt: d.createdAt,
  };
}

const idOf = (raw: string) => {
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw new HttpError(404, 'not-found', 'deliveryNotFound');
  return Number(raw);
};

/** Admins watch the deliveries of notices (email, SMS) and send a dead letter once more. */
export function notifyRoutes({ store, clock }: Services): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/deliveries',
      tag: 'notices',
      roles: ['admin'],
      errors: [401, 403, 422],
      operationId: 'listDeliveries',
      response: deliveryListSchema,
      query: {
        status: 'dead (the default: the dead letters), pending or sent',
        before: 'a delivery id: only older ones (the next page)',
      },
      summary:
        'Deliveries of notices by email and SMS, newest first (100 at most), with the counts per status: dead letters are the ones that failed every attempt',
      handler: async ({ query }) => {
        const status = (query.status ?? 'dead') as DeliveryStatus;
        if (!STATUSES.includes(status))
          throw new HttpError(422, 'invalid-request', 'deliveryStatusParam', { status: ['pending, sent or dead'] });
        const before = query.before === undefined ? undefined : Number(query.before);
        if (before !== undefined && !(Number.isInteger(before) && before > 0))
          throw new HttpError(422, 'invalid-request', 'queryNeedsCorrecting', { before: ['a delivery id'] });
        const list = await store.deliveries.list(status, 100, before);
        const deliveries = [];
        for (const d of list) deliveries.push(await shown(store, d));
        return { body: { deliveries, counts: await store.deliveries.countByStatus() } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/deliveries/:id/retry',
      tag: 'notices',
      roles: ['admin'],
      errors: [401, 403, 404, 409],
      operationId: 'retryDelivery',
      body: z.object({}).strict().optional(),
      response: deliverySchema,
      summary:
        'Tries a dead letter again: pending, due now, with a fresh count of attempts (the worker sends it within seconds)',
      handler: async ({ params }) => {
        const id = idOf(params.id);
        const d = await store.deliveries.get(id);
        if (!d) throw new HttpError(404, 'not-found', 'deliveryNotFound');
        if (!(await store.deliveries.retry(id, clock.now().toISOString()))) {
          const now = await store.deliveries.get(id);
          throw new HttpError(409, 'not-dead', ['deliveryNotDead', { status: now?.status ?? d.status }]);
        }
        return { body: await shown(store, (await store.deliveries.get(id))!) };
      },
    }),
  ];
}
