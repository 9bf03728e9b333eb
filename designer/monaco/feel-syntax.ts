// FEEL's words, for highlighting and completion (DMN 1.4 §10.3; what feelin implements).

export const feelKeywords = ['if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'and', 'or', 'between', 'instance', 'of', 'function', 'not'];
export const feelConstants = ['true', 'false', 'null'];

/** Built-in functions with a parameter hint; names may have spaces. */
export const feelFunctions: { name: string; params: string }[] = [
  { name: 'list contains', params: 'list, element' }, { name: 'count', params: 'list' }, { name: 'sum', params: 'list' },
  { name: 'min', params: 'list' }, { name: 'max', params: 'list' }, { name: 'mean', params: 'list' },
  { name: 'all', params: 'list' }, { name: 'any', params: 'list' }, { name: 'sublist', params: 'list, start, length' },
  { name: 'append', params: 'list, item' }, { name: 'concatenate', params: 'list, list' }, { name: 'index of', params: 'list, match' },
  { name: 'distinct values', params: 'list' }, { name: 'flatten', params: 'list' }, { name: 'reverse', params: 'list' },
  { name: 'string length', params: 'string' }, { name: 'substring', params: 'string, start, length' },
  { name: 'upper case', params: 'string' }, { name: 'lower case', params: 'string' }, { name: 'contains', params: 'string, match' },
  { name: 'starts with', params: 'string, match' }, { name: 'ends with', params: 'string, match' }, { name: 'matches', params: 'input, pattern' },
  { name: 'replace', params: 'input, pattern, replacement' }, { name: 'split', params: 'string, delimiter' }, { name: 'string join', params: 'list, delimiter' },
  { name: 'number', params: 'from' }, { name: 'string', params: 'from' }, { name: 'decimal', params: 'n, scale' },
  { name: 'floor', params: 'n' }, { name: 'ceiling', params: 'n' }, { name: 'abs', params: 'n' }, { name: 'modulo', params: 'dividend, divisor' },
  { name: 'round half up', params: 'n, scale' }, { name: 'odd', params: 'n' }, { name: 'even', params: 'n' },
  { name: 'date', params: 'from' }, { name: 'time', params: 'from' }, { name: 'date and time', params: 'from' }, { name: 'duration', params: 'from' },
  { name: 'years and months duration', params: 'from, to' }, { name: 'today', params: '' }, { name: 'now', params: '' },
  { name: 'day of week', params: 'date' }, { name: 'month of year', params: 'date' }, { name: 'is defined', params: 'value' },
];
