import { useEffect, useId, useRef, useState } from 'react';
import { compileToConfig, toMermaid } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { ok } from '../api.js';

/** Offers text as a file to save (a download of a blob). */
export function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * *Exporteren* in the toolbar: the shown definition as JSON, its XState
 * machine config (a published version's from the server, `GET
 * …/versions/:v/xstate`; the draft's compiled here by the same compiler),
 * and a Mermaid diagram (`toMermaid` of runtime/model, in the chosen language).
 * A disclosure with buttons: Escape or a click elsewhere closes it.
 */
export function ExportMenu() {
  const { t, api, lang } = useDesigner();
  const { def, processKey, version } = useEditor();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const base = version ? `${processKey}-versie-${version}` : `${processKey}-concept`;

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const run = async (what: () => Promise<void> | void) => {
    setFailure(null);
    setOpen(false);
    button.current?.focus();
    try {
      await what();
    } catch (e) {
      setFailure((e as Error).message);
    }
  };
  const items = [
    {
      id: 'definition',
      label: t.exportDefinition,
      act: () => download(`${base}.json`, `${JSON.stringify(def, null, 2)}\n`, 'application/json'),
    },
    {
      id: 'xstate',
      label: t.exportXState,
      act: async () => {
        const config = version
          ? await ok(
              api.GET('/api/processes/{key}/versions/{version}/xstate', {
                params: { path: { key: processKey, version: String(version) } },
              }),
            )
          : compileToConfig(def);
        download(`${base}.xstate.json`, `${JSON.stringify(config, null, 2)}\n`, 'application/json');
      },
    },
    {
      id: 'mermaid',
      label: t.exportMermaid,
      act: () => download(`${base}.mmd`, `${toMermaid(def, lang)}\n`, 'text/plain'),
    },
  ];

  return (
    <div
      className="ontwerp-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        type="button"
        ref={button}
        className="utrecht-button utrecht-button--secondary-action"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        {t.export} <span aria-hidden="true">▾</span>
      </button>
      <ul id={menuId} className="ontwerp-menu__list" hidden={!open}>
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="ontwerp-menu__item"
              data-export={item.id}
              onClick={() => void run(item.act)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      {failure && (
        <span className="utrecht-form-field-error-message ontwerp-field-error" role="alert">
          {t.exportFailed(failure)}
        </span>
      )}
    </div>
  );
}
