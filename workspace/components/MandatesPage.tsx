import { useEffect, useState, type FormEvent } from 'react';
import { Notice, type Flash } from '../../browser/ui/Notice.js';
import { PageHeading } from '../../browser/ui/PageHeading.js';
import { ApiError, ok } from '../api.js';
import { useWorkspace } from '../context.js';
import { MandateForm, type Mandate } from './MandateForm.js';
import { MandateList } from './MandateList.js';

/**
 * Machtigingen: an official registers a mandate (guardianship, bewindvoering,
 * curatele) and sees and revokes a citizen's mandates. Any official may:
 * every registration and revocation is in the security log with their name.
 */
export function MandatesPage() {
  const { api, t, lang } = useWorkspace();
  const m = t.mandates;
  const [processes, setProcesses] = useState<{ key: string; title: string }[]>([]);
  const [bsn, setBsn] = useState('');
  const [shown, setShown] = useState<{ bsn: string; mandates: Mandate[] } | null>(null);
  const [notice, setNotice] = useState<Flash | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);

  useEffect(() => {
    ok(api.GET('/api/processes')).then(
      (r) => setProcesses(r.map((p) => ({ key: p.key, title: p.title }))),
      () => {},
    );
  }, [api, lang]);

  const load = async (citizen: string) => {
    try {
      const mandates = await ok(api.GET('/api/mandates', { params: { query: { citizen } } }));
      setShown({ bsn: citizen, mandates });
      setSearchError(null);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setSearchError(error.fieldErrors().citizen?.join(' ') ?? error.message);
    }
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (!bsn.trim()) return setSearchError(m.needed);
    void load(bsn.trim());
  };

  return (
    <>
      <PageHeading title={m.title} appName={t.appName}>
        {m.title}
      </PageHeading>
      <p className="utrecht-paragraph">{m.intro}</p>
      {notice && <Notice flash={notice} />}
      <section aria-labelledby="lijst-titel">
        <h2 className="utrecht-heading-2" id="lijst-titel">
          {m.listTitle}
        </h2>
        <form className="werkplek-inline-form" onSubmit={search} noValidate role="search" aria-label={m.listTitle}>
          <div className={`utrecht-form-field${searchError ? ' werkplek-field--invalid' : ''}`}>
            <label className="utrecht-form-label" htmlFor="zoek-bsn">
              {m.citizen}
            </label>
            {searchError && (
              <p className="utrecht-form-field-error-message" id="zoek-bsn-fout">
                <span className="omslag-visually-hidden">{t.errorPrefix} </span>
                {searchError}
              </p>
            )}
            <input
              id="zoek-bsn"
              className="utrecht-textbox utrecht-textbox--html-input werkplek-width-m"
              inputMode="numeric"
              value={bsn}
              onChange={(e) => setBsn(e.target.value)}
              aria-describedby={searchError ? 'zoek-bsn-fout' : undefined}
              aria-invalid={searchError ? true : undefined}
            />
          </div>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {m.search}
          </button>
        </form>
        {shown && (
          <MandateList
            mandates={shown.mandates}
            processes={processes}
            onRevoked={(x) => {
              setNotice({ kind: 'success', text: m.revokedDone });
              void load(x.citizen);
            }}
          />
        )}
      </section>
      <MandateForm
        processes={processes}
        onRegistered={(x) => {
          setNotice({ kind: 'success', text: m.registered });
          setBsn(x.citizen);
          void load(x.citizen);
        }}
      />
    </>
  );
}
