import { useState } from 'react';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { Section } from './controls.js';

/**
 * The form step as the citizen will see it, rendered by the server from the
 * saved draft (`GET /voorbeeld/:key/:step`): in a frame here, or in a new tab.
 * Showing it saves the draft first, so it is what is on the canvas.
 */
export function Preview({ stepId }: { stepId: string }) {
  const { t, lang } = useDesigner();
  const { processKey, flush, readOnly, version } = useEditor();
  const [shown, setShown] = useState<number | null>(null);
  const href = `/voorbeeld/${encodeURIComponent(processKey)}/${encodeURIComponent(stepId)}?lang=${lang}${version ? `&versie=${version}` : ''}`;
  const show = async () => {
    if (!readOnly) await flush();
    setShown(Date.now());
  };
  return (
    <Section title={t.preview}>
      <p className="utrecht-form-field-description ontwerp-hint">{t.previewHint}</p>
      <div className="utrecht-button-group ontwerp-button-row">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={show}>
          {shown ? t.previewRefresh : t.previewShow}
        </button>
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={href}
          target="_blank"
          rel="noopener"
          onClick={() => {
            if (!readOnly) void flush();
          }}
        >
          {t.previewNewTab}
        </a>
      </div>
      {shown && (
        <iframe key={shown} className="ontwerp-preview" src={`${href}&t=${shown}`} title={t.previewFrame(stepId)} />
      )}
    </Section>
  );
}
