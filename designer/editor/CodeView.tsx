import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import { processJsonSchema, type Process } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { loadMonaco } from '../monaco/load.js';
import { useEditor } from './editor-context.js';
import { outlineProblem, parseJsonText, sameDefinition, toJsonText } from './json-sync.js';
import { TEXT_EDITOR_CLASS } from './keys.js';
import { jsonProblemText } from '../monaco/json-problems.js';

const MODEL_URI = 'inmemory://omslag/process.json';
const SCHEMA_URI = 'inmemory://omslag/process.schema.json';
let schemaSet = false;

/**
 * The whole definition as JSON in Monaco, checked and completed with the
 * process language's JSON Schema, synced both ways: an edit that parses
 * becomes a command (the canvas follows); while the text does not parse the
 * canvas keeps the last valid state and the error is marked. A change from
 * elsewhere (canvas, undo) replaces the text unless it already says the same.
 * Ctrl+Z / Ctrl+Shift+Z in here are the designer's one undo stack.
 */
export function CodeView() {
  const { t, lang } = useDesigner();
  const langRef = useRef(lang);
  langRef.current = lang;
  const { def, edit, readOnly, stack } = useEditor();
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [broken, setBroken] = useState<string | null>(null);
  const [markers, setMarkers] = useState(0);
  const defRef = useRef(def);
  defRef.current = def;
  const editRef = useRef(edit);
  editRef.current = edit;
  const applying = useRef(false);

  useEffect(() => {
    let disposed = false;
    let created: Monaco.editor.IStandaloneCodeEditor | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    loadMonaco().then(({ monaco, jsonDefaults }) => {
      if (disposed || !host.current) return;
      if (!schemaSet) {
        jsonDefaults.setDiagnosticsOptions({
          validate: true,
          allowComments: false,
          enableSchemaRequest: false,
          schemaValidation: 'error',
          schemas: [{ uri: SCHEMA_URI, fileMatch: [MODEL_URI], schema: processJsonSchema() as never }],
        });
        schemaSet = true;
      }
      const uri = monaco.Uri.parse(MODEL_URI);
      monaco.editor.getModel(uri)?.dispose();
      const model = monaco.editor.createModel(toJsonText(defRef.current), 'json', uri);
      created = monaco.editor.create(host.current, {
        model,
        readOnly,
        ariaLabel: t.codeViewLabel,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        tabSize: 2,
        fixedOverflowWidgets: true,
        formatOnPaste: false,
        wordWrap: 'off',
        accessibilitySupport: 'on',
      });
      const ed = created;
      ed.onDidChangeModelContent(() => {
        if (applying.current) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          const parsed = parseJsonText(ed.getValue());
          if (!parsed.ok) {
            setBroken(parsed.message);
            return;
          }
          const outline = outlineProblem(parsed.value);
          if (outline) {
            setBroken(outline);
            return;
          }
          setBroken(null);
          if (JSON.stringify(parsed.value) !== JSON.stringify(defRef.current))
            editRef.current(t.cmdJson, parsed.value as unknown as Process);
        }, 350);
      });
      // How many problems Monaco marks (syntax and schema), shown next to the editor.
      const countMarkers = () => setMarkers(monaco.editor.getModelMarkers({ resource: uri }).length);
      // The JSON service marks in English only: its known messages are said again in the interface language
      // (the change this makes comes back here once, with nothing left to say again).
      const sayMarkers = () => {
        const marked = monaco.editor.getModelMarkers({ owner: 'json', resource: uri });
        const said = marked.map((m) => ({ ...m, message: jsonProblemText(m.message, langRef.current) }));
        if (said.some((m, i) => m.message !== marked[i].message)) monaco.editor.setModelMarkers(model, 'json', said);
      };
      const markerWatch = monaco.editor.onDidChangeMarkers((uris) => {
        if (!uris.some((u) => u.toString() === uri.toString())) return;
        sayMarkers();
        countMarkers();
      });
      ed.onDidDispose(() => markerWatch.dispose());
      // One undo stack: the editor's own history would fight the canvas's.
      if (stack) {
        ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => stack.undo());
        ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => stack.redo());
        ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => stack.redo());
      }
      setEditor(ed);
    });
    return () => {
      disposed = true;
      if (timer) clearTimeout(timer);
      const model = created?.getModel();
      created?.dispose();
      model?.dispose();
    };
    // Made once per opening; the text follows the definition below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The definition changed elsewhere: show it (keeping the cursor where it was).
  useEffect(() => {
    if (!editor) return;
    const model = editor.getModel();
    if (!model || sameDefinition(model.getValue(), def)) return;
    const selection = editor.getSelection();
    applying.current = true;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: toJsonText(def) }], () => null);
    applying.current = false;
    setBroken(null);
    if (selection) editor.setSelection(selection);
  }, [def, editor]);

  useEffect(() => {
    editor?.updateOptions({ readOnly });
  }, [editor, readOnly]);

  return (
    <div className="ontwerp-code">
      <div className="ontwerp-code__status" role="status">
        {!editor ? (
          t.loadingEditor
        ) : broken ? (
          <span
            className="utrecht-form-field-error-message ontwerp-field-error"
            data-testid="json-error"
            title={broken}
          >
            {t.jsonBroken(broken)}
          </span>
        ) : (
          <span>{readOnly ? t.jsonReadOnly : t.jsonSynced}</span>
        )}
        {editor && markers > 0 && (
          <span className="ontwerp-code__markers" data-testid="json-markers">
            {' '}
            {t.jsonMarkers(markers)}
          </span>
        )}
      </div>
      <div
        ref={host}
        className={`ontwerp-code__editor ${TEXT_EDITOR_CLASS}`}
        data-testid="code-view"
        data-markers={markers}
      />
    </div>
  );
}
