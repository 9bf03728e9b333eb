import { useState } from 'react';
import { Route } from '../browser/router.js';
import { Shell, type ShellContext } from '../browser/Shell.js';
import { Pages } from '../browser/ui/NotFound.js';
import type { Flash } from '../browser/ui/Notice.js';
import { QueuePage } from './components/QueuePage.js';
import { TaskPage } from './components/TaskPage.js';
import { MandatesPage } from './components/MandatesPage.js';
import { DeliveriesPage } from './components/DeliveriesPage.js';
import { WorkspaceContext, useWorkspace } from './context.js';
import { catalogue } from './messages.js';
import { BASE, paths } from './router.js';

/** The workspace: the shell (session, language, header) around the page for the current path. */
export function App() {
  const [flash, setFlash] = useState<Flash | null>(null);
  const page = (shell: ShellContext) => (
    <WorkspaceContext.Provider value={{ ...shell, t: catalogue[shell.lang], flash, setFlash }}>
      <WorkspacePages />
    </WorkspaceContext.Provider>
  );
  return (
    <Shell
      home={{ href: `${BASE}/`, label: (lang) => catalogue[lang].queue }}
      storageKey="omslag.werkplek.lang"
      text={(lang) => catalogue[lang]}
      showTeams
      onSignOut={() => setFlash(null)}
      mainClassName="werkplek-main"
    >
      {page}
    </Shell>
  );
}

/** The page for the current path. */
function WorkspacePages() {
  const { t } = useWorkspace();
  return (
    <Pages notFound={{ title: t.pageNotFound, appName: t.appName, back: { href: `${BASE}/`, label: t.backToQueue } }}>
      <Route path={paths.task}>{({ taskId }) => <TaskPage key={taskId} taskId={taskId} />}</Route>
      <Route path={paths.mandates}>
        <MandatesPage />
      </Route>
      <Route path={paths.deliveries}>
        <DeliveriesPage />
      </Route>
      <Route path={paths.queue}>
        <QueuePage />
      </Route>
    </Pages>
  );
}
