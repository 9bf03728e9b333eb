import { Route } from '../browser/router.js';
import { Shell } from '../browser/Shell.js';
import { Pages } from '../browser/ui/NotFound.js';
import type { Session } from '../browser/types.js';
import { ProcessList } from './components/ProcessList.js';
import { DesignerContext, useDesigner } from './context.js';
import { EditorPage } from './editor/EditorPage.js';
import { catalogue } from './messages.js';
import { BASE, paths } from './router.js';

// Who may design is the server's answer (GET /api/session `can`, runtime/auth's canDesign), not a rule of its own.
const canDesign = (session: Session) => session.can.design;

/** The page for the current path. */
function DesignerPages() {
  const { t } = useDesigner();
  return (
    <Pages notFound={{ title: t.pageNotFound, appName: t.appName, back: { href: `${BASE}/`, label: t.backToList } }}>
      <Route path={paths.version}>
        {({ key, version }) => <EditorPage key={`${key}@${version}`} processKey={key!} version={Number(version)} />}
      </Route>
      <Route path={paths.process}>{({ key }) => <EditorPage key={key} processKey={key} />}</Route>
      <Route path={paths.list}>
        <ProcessList />
      </Route>
    </Pages>
  );
}

/** The designer: the shell (session, language, header) around the page for the current path. */
export function App() {
  return (
    <Shell
      home={{ href: `${BASE}/`, label: (lang) => catalogue[lang].processes }}
      storageKey="omslag.ontwerp.lang"
      text={(lang) => catalogue[lang]}
      allowed={canDesign}
      notAllowed={(lang) => catalogue[lang].notADesigner}
      mainClassName="ontwerp-main"
    >
      {(shell) => (
        <DesignerContext.Provider value={{ ...shell, t: catalogue[shell.lang] }}>
          <DesignerPages />
        </DesignerContext.Provider>
      )}
    </Shell>
  );
}
