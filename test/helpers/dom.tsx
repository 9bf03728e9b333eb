/**
 * Rendering React components for the `dom` test project (jsdom): each
 * workspace or designer part inside the context it needs, with the real
 * messages of a language and a stub API. The components are found through
 * roles and labels (Testing Library), never class names, so the tests hold
 * while the markup, the styling or the module layout changes.
 */
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { DesignerContext } from '../../designer/context.js';
import { EditorContext, type Editor } from '../../designer/editor/editor-context.js';
import { catalogue as designerCatalogue } from '../../designer/messages.js';
import type { Process } from '../../runtime/model/index.js';
import { WorkspaceContext, type Workspace } from '../../workspace/context.js';
import { catalogue as workspaceCatalogue } from '../../workspace/messages.js';

const unmounting: (() => void)[] = [];
afterEach(() => {
  for (const mark of unmounting.splice(0)) mark();
  cleanup();
});

const noApi = {
  get: () => Promise.reject(new Error('no API in this test')),
  post: () => Promise.reject(new Error('no API in this test')),
};

/** Renders a workspace part, signed in as official `olaf` (team belastingen), in Dutch unless told. */
export function renderInWorkspace(ui: ReactElement, opts: { lang?: 'nl' | 'en'; workspace?: Partial<Workspace> } = {}) {
  const lang = opts.lang ?? 'nl';
  const value = {
    user: { name: 'olaf', role: 'official', teams: ['belastingen'] },
    api: noApi,
    lang,
    t: workspaceCatalogue[lang],
    flash: null,
    setFlash: () => {},
    ...opts.workspace,
  } as Workspace;
  return render(<WorkspaceContext.Provider value={value}>{ui}</WorkspaceContext.Provider>);
}

/**
 * Renders a designer editor part over `def`, signed in as designer `dina`.
 * Edits are recorded in `edits` (label and next definition) and applied, so
 * a re-render shows them; `selections` records what was selected.
 */
export function renderInEditor(
  ui: (def: Process, editor: Editor) => ReactElement,
  def: Process,
  opts: { lang?: 'nl' | 'en'; editor?: Partial<Editor> } = {},
) {
  const lang = opts.lang ?? 'nl';
  const edits: { label: string; next: Process }[] = [];
  const selections: string[][] = [];
  let current = def;
  const designer = { user: { name: 'dina', role: 'designer' }, api: noApi, lang, t: designerCatalogue[lang] } as never;
  const editor = (): Editor => ({
    processKey: current.key,
    def: current,
    edit: (label, next) => {
      edits.push({ label, next });
      current = next;
      if (!unmounted) view.rerender(wrap());
    },
    stack: null,
    readOnly: false,
    problems: [],
    fields: [],
    teams: null,
    selection: [],
    select: (ids) => {
      selections.push(ids);
    },
    flush: async () => {},
    ...opts.editor,
  });
  const wrap = () => {
    const value = editor();
    return (
      <DesignerContext.Provider value={designer}>
        <EditorContext.Provider value={value}>{ui(current, value)}</EditorContext.Provider>
      </DesignerContext.Provider>
    );
  };
  const view = render(wrap());
  // A control that commits what was typed when it unmounts edits during the cleanup: record it, draw nothing.
  let unmounted = false;
  unmounting.push(() => {
    unmounted = true;
  });
  return { ...view, edits, selections, current: () => current };
}
