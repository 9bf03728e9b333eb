import type * as Monaco from 'monaco-editor/editor';
import { feelFields } from './feel-context.js';
import { feelConstants, feelFunctions, feelKeywords } from './feel-syntax.js';

export const FEEL = 'feel';

/**
 * FEEL in Monaco: a Monarch grammar for highlighting, and completion of the
 * process's field ids (with their labels), keywords and built-in functions.
 * Errors come from feelin's parser, as markers set by the FEEL editor.
 */
export function registerFeel(monaco: typeof Monaco) {
  monaco.languages.register({ id: FEEL, aliases: ['FEEL', 'feel'] });
  monaco.languages.setMonarchTokensProvider(FEEL, {
    keywords: feelKeywords,
    constants: feelConstants,
    functions: feelFunctions.map((f) => f.name).filter((n) => !n.includes(' ')),
    tokenizer: {
      root: [
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/"/, 'string', '@string'],
        [/@\s*"/, 'string', '@string'],
        [/\d+(\.\d+)?/, 'number'],
        [
          /(list contains|string length|upper case|lower case|starts with|ends with|string join|index of|distinct values|date and time|years and months duration|day of week|month of year|is defined|round half up)(?=\s*\()/,
          'predefined',
        ],
        [
          /[A-Za-z_?][\w?]*/,
          {
            cases: {
              '@keywords': 'keyword',
              '@constants': 'constant',
              '@functions': 'predefined',
              '@default': 'identifier',
            },
          },
        ],
        [/(<=|>=|!=|\*\*|\.\.|[=<>+\-*/])/, 'operator'],
        [/[()[\]{},.:]/, 'delimiter'],
        [/\s+/, 'white'],
      ],
      comment: [
        [/\*\//, 'comment', '@pop'],
        [/./, 'comment'],
      ],
      string: [
        [/\\./, 'string.escape'],
        [/"/, 'string', '@pop'],
        [/[^"\\]+/, 'string'],
      ],
    },
  } as Monaco.languages.IMonarchLanguage);
  monaco.languages.setLanguageConfiguration(FEEL, {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: '"', close: '"' },
    ],
  });
  monaco.languages.registerCompletionItemProvider(FEEL, {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const K = monaco.languages.CompletionItemKind;
      const suggestions: Monaco.languages.CompletionItem[] = [
        ...feelFields().map((f) => ({
          label: f.id,
          kind: K.Field,
          detail: `${f.label} (${f.type})`,
          insertText: f.id,
          range,
          sortText: `0${f.id}`,
        })),
        ...feelKeywords
          .concat(feelConstants)
          .map((k) => ({ label: k, kind: K.Keyword, insertText: k, range, sortText: `2${k}` })),
        ...feelFunctions.map((f) => ({
          label: f.name,
          kind: K.Function,
          detail: `${f.name}(${f.params})`,
          range,
          sortText: `1${f.name}`,
          insertText: f.params ? `${f.name}($0)` : `${f.name}()`,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
        })),
      ];
      return { suggestions };
    },
  });
}
