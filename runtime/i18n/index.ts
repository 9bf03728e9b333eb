// One message system for the server and the browser: ICU MessageFormat (FormatJS intl-messageformat),
// catalogues per feature and language in ./catalogues, plural rules and number/date formats from Intl.
// Pure: no node:, no React, no store.
export * from './lang.js';
export * from './format.js';
export * from './translate.js';
export * from './view.js';
export * from './catalogues/index.js';
