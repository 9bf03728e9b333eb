import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { problemMessage } from '../../runtime/model/index.js';
import { checkFeel, type FeelDiagnostic } from '../editor/feel-check.js';
import type { Lang, Messages } from '../messages.js';
import { TEXT_EDITOR_CLASS } from '../editor/keys.js';
import { FEEL } from './feel-language.js';
import { loadMonaco } from './load.js';

type Props = {
  value: string;
  onCommit(value: string): void;
  label: string;
  /** Shown as the field's description (what the expression decides). */
  hint?: string;
  readOnly?: boolean;
  /**
   * Whether names the expression reads must be fields of the process (default
   * true). Off for an expression over facts from outside the process, such as
   * a trigger's condition over the data of its signal: only syntax is marked.
   */
  checkNames?: boolean;
};

let counter = 0;

/**
 * A FEEL expression in a small Monaco editor: highlighting, completion of the
 * process's field ids, feelin's syntax errors and unknown names as markers
 * (and as text under the editor, for everybody; `checkNames={false}` marks
 * syntax only). Until Monaco has loaded it is
 * a plain text box with the same value. Changes are committed (one command)
 * after a pause in typing and when the editor loses focus.
 */
export function FeelInput({ value, onCommit, label, hint, readOnly, checkNames = true }: Props) {
  const { t, lang } = useDesigner();
  const say = (d: FeelDiagnostic) => diagnosticText(d, t, lang);
  const { fields } = useEditor();
  const id = useId();
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [text, setText] = useState(value);
  const textRef = useRef(text);
  textRef.current = text;
  const committed = useRef(value);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);

  const fieldIds = useMemo(() => fields.map((f) => f.id), [fields]);
  const diagnostics = useMemo(() => checkFeel(text, checkNames ? fieldIds : null), [text, fieldIds, checkNames]);

  const commit = (next: string) => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (next === committed.current) return;
    committed.current = next;
    commitRef.current(next);
  };

  // Undo, redo or the code view changed the expression: show it.
  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setText(value);
    if (editor && editor.getValue() !== value) editor.setValue(value);
  }, [value, editor]);

  useEffect(() => {
    let disposed = false;
    let created: Monaco.editor.IStandaloneCodeEditor | null = null;
    loadMonaco().then(({ monaco }) => {
      if (disposed || !host.current) return;
      monacoRef.current = monaco;
      // What was typed in the plain box meanwhile carries over.
      const model = monaco.editor.createModel(
        textRef.current,
        FEEL,
        monaco.Uri.parse(`inmemory://omslag/feel-${++counter}.feel`),
      );
      created = monaco.editor.create(host.current, {
        model,
        ariaLabel: label,
        readOnly,
        minimap: { enabled: false },
        lineNumbers: 'off',
        glyphMargin: false,
        folding: false,
        lineDecorationsWidth: 4,
        lineNumbersMinChars: 0,
        scrollBeyondLastLine: false,
        wordWrap: 'on',
        renderLineHighlight: 'none',
        overviewRulerLanes: 0,
        hideCursorInOverviewRuler: true,
        scrollbar: { vertical: 'hidden', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
        fixedOverflowWidgets: true,
        automaticLayout: true,
        fontSize: 13,
        tabFocusMode: true,
        contextmenu: false,
        quickSuggestions: { other: true, strings: false, comments: false },
        suggestOnTriggerCharacters: true,
        wordBasedSuggestions: 'off',
        padding: { top: 4, bottom: 4 },
        accessibilitySupport: 'on',
      });
      const resize = () => {
        if (!host.current) return;
        host.current.style.height = `${Math.min(140, Math.max(28, created!.getContentHeight()))}px`;
      };
      created.onDidContentSizeChange(resize);
      resize();
      created.onDidChangeModelContent(() => {
        const next = created!.getValue();
        setText(next);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(next), 600);
      });
      created.onDidBlurEditorText(() => commit(created!.getValue()));
      setEditor(created);
      if (textRef.current !== committed.current) commit(textRef.current);
    });
    return () => {
      disposed = true;
      if (created) {
        // A change still waiting for the pause is not lost when the panel closes.
        commit(created.getValue());
        const model = created.getModel();
        created.dispose();
        model?.dispose();
      }
    };
    // The editor is made once; label and readOnly changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    editor?.updateOptions({ ariaLabel: label, readOnly });
  }, [editor, label, readOnly]);

  // Markers from the same diagnostics as the text below.
  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'feel',
      diagnostics.map((d) => {
        const start = model.getPositionAt(d.from);
        const end = model.getPositionAt(Math.min(d.to, text.length || d.to));
        return {
          severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: diagnosticText(d, t, lang),
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: Math.max(end.column, start.column + 1),
        };
      }),
    );
  }, [diagnostics, editor, t, text, lang]);

  const describedBy =
    [hint ? `${id}-hint` : '', diagnostics.length ? `${id}-problems` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="ontwerp-feel" data-feel-label={label}>
      <span className="utrecht-form-label ontwerp-label-text" id={`${id}-label`}>
        {label}
      </span>
      {hint && (
        <span className="utrecht-form-field-description ontwerp-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {!editor && (
        <input
          className="ontwerp-feel__fallback"
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          value={text}
          readOnly={readOnly}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => commit(text)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(text);
          }}
        />
      )}
      <div
        ref={host}
        className={`ontwerp-feel__editor ${TEXT_EDITOR_CLASS}${editor ? '' : ' is-loading'}${diagnostics.some((d) => d.severity === 'error') ? ' has-error' : ''}`}
      />
      {diagnostics.length > 0 && (
        <ul className="ontwerp-feel__problems" id={`${id}-problems`}>
          {diagnostics.map((d, i) => (
            <li key={i} className={`ontwerp-feel__problem ontwerp-feel__problem--${d.severity}`}>
              {say(d)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A syntax error in the words of the problems list (P009, P028, P029), an unknown name as the designer's own line. */
function diagnosticText(d: FeelDiagnostic, t: Messages, lang: Lang): string {
  return d.code === 'syntax' && d.finding ? problemMessage(d.finding, lang) : t.feelUnknownField(d.name ?? d.message);
}
