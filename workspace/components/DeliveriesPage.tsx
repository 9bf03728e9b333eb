import { useCallback, useEffect, useState } from 'react';
import { Notice, type Flash } from '../../browser/ui/Notice.js';
import { PageHeading } from '../../browser/ui/PageHeading.js';
import { ApiError, ok } from '../api.js';
import { useWorkspace } from '../context.js';
import { formatDateTime } from '../format.js';

type Delivery = {
  id: number;
  kind: string;
  channel: 'email' | 'sms';
  address: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
};
type Counts = { pending: number; sent: number; dead: number };

/**
 * Admins: how notices by email and SMS fare, and the dead letters (those
 * that failed every attempt), each with a button to try it again once the
 * cause is fixed. The list is the API's (GET /api/admin/deliveries).
 */
export function DeliveriesPage() {
  const { api, t, lang, user } = useWorkspace();
  const d = t.deliveries;
  const [list, setList] = useState<{ deliveries: Delivery[]; counts: Counts } | null>(null);
  const [notice, setNotice] = useState<Flash | null>(null);
  const admin = user.role === 'admin';

  const load = useCallback(async () => {
    try {
      setList(await ok(api.GET('/api/admin/deliveries', { params: { query: { status: 'dead' } } })));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setNotice({ kind: 'error', text: error.message });
    }
  }, [api]);
  useEffect(() => {
    if (admin) void load();
  }, [admin, load, lang]);

  const retry = async (id: number) => {
    try {
      await ok(api.POST('/api/admin/deliveries/{id}/retry', { params: { path: { id: String(id) } }, body: {} }));
      setNotice({ kind: 'success', text: d.retried });
      await load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setNotice({ kind: 'error', text: error.message });
    }
  };

  return (
    <>
      <PageHeading title={d.title} appName={t.appName}>
        {d.title}
      </PageHeading>
      {!admin ? (
        <p className="utrecht-paragraph">{d.adminsOnly}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{d.intro}</p>
          {notice && <Notice flash={notice} />}
          {list && (
            <>
              <h2 className="utrecht-heading-2">{d.counts}</h2>
              <dl className="werkplek-counts">
                {(
                  [
                    [d.pending, list.counts.pending],
                    [d.sent, list.counts.sent],
                    [d.dead, list.counts.dead],
                  ] as const
                ).map(([label, n]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{n}</dd>
                  </div>
                ))}
              </dl>
              {list.deliveries.length === 0 ? (
                <p className="utrecht-paragraph werkplek-empty">{d.none}</p>
              ) : (
                <div className="werkplek-table-wrap">
                  <table className="utrecht-table werkplek-table">
                    <caption className="utrecht-table__caption">{d.caption}</caption>
                    <thead className="utrecht-table__header">
                      <tr className="utrecht-table__row">
                        {[d.colWhen, d.colWhat, d.colTo, d.colAttempts, d.colError, d.colAction].map((c) => (
                          <th key={c} scope="col" className="utrecht-table__header-cell">
                            {c}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="utrecht-table__body">
                      {list.deliveries.map((x) => (
                        <tr key={x.id} className="utrecht-table__row">
                          <td className="utrecht-table__cell">{formatDateTime(x.createdAt, lang)}</td>
                          <td className="utrecht-table__cell">{x.kind}</td>
                          <td className="utrecht-table__cell">
                            {x.channel === 'email' ? d.email : d.sms}: {x.address}
                          </td>
                          <td className="utrecht-table__cell">{x.attempts}</td>
                          <td className="utrecht-table__cell">{x.lastError}</td>
                          <td className="utrecht-table__cell">
                            <button
                              type="button"
                              className="utrecht-button utrecht-button--secondary-action"
                              aria-label={`${d.retry}: ${x.address}`}
                              onClick={() => void retry(x.id)}
                            >
                              {d.retry}
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
