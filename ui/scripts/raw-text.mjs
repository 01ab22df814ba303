// What the untranslated-text check (scripts/untranslated.mjs) looks for in one .svelte file:
// words a person reads that the template writes itself instead of taking from the catalogue.
// Apart from the command so the tests can call it (it needs nothing of Node).
import { parse } from 'svelte/compiler';

/** Attributes and component props whose value a person reads or hears. */
export const USER_FACING = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
  'hint',
  'help',
  'heading',
  'intro',
  'empty',
  'message',
  'text',
  'confirm',
  'confirmLabel',
  'submitLabel',
  'cancelLabel',
  'description',
  'caption',
  'summary',
]);

/** Text allowed as it is: names and keys that no language translates. */
export const ALLOWED = new Set([
  'Kring',
  'Ctrl',
  'Shift',
  'Alt',
  'Esc',
  'Enter',
  'Tab',
  'F6',
  'KPI',
]);

const LETTER = /\p{L}/u;

/** Whether `text` holds a word a person reads that is not allowed as it is. */
function isRaw(text) {
  if (!LETTER.test(text)) return false;
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((w) => LETTER.test(w));
  return words.some((w) => !ALLOWED.has(w) && !/^[A-Z]$/.test(w));
}

/** The string literals an expression shows (not those it compares or passes as arguments). */
function shownLiterals(expression, out = []) {
  if (!expression) return out;
  switch (expression.type) {
    case 'Literal':
      if (typeof expression.value === 'string') out.push([expression.value, expression]);
      break;
    case 'TemplateLiteral':
      for (const q of expression.quasis) out.push([q.value.cooked ?? q.value.raw, q]);
      for (const e of expression.expressions) shownLiterals(e, out);
      break;
    case 'ConditionalExpression':
      shownLiterals(expression.consequent, out);
      shownLiterals(expression.alternate, out);
      break;
    case 'LogicalExpression':
      shownLiterals(expression.left, out);
      shownLiterals(expression.right, out);
      break;
    case 'BinaryExpression':
      if (expression.operator === '+') {
        shownLiterals(expression.left, out);
        shownLiterals(expression.right, out);
      }
      break;
    case 'TSAsExpression':
    case 'TSNonNullExpression':
      shownLiterals(expression.expression, out);
      break;
  }
  return out;
}

/** The raw texts of one .svelte file: [line, column, what, text]. */
export function findRawText(source) {
  const ast = parse(source, { modern: true });
  const found = [];
  const position = (offset) => {
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    return [line, offset - before.lastIndexOf('\n')];
  };
  const report = (node, what, text) => {
    if (isRaw(text)) found.push([...position(node.start), what, text.trim().replace(/\s+/g, ' ')]);
  };
  const expression = (node, what) => {
    for (const [text, literal] of shownLiterals(node)) report(literal, what, text);
  };

  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    switch (node.type) {
      case 'Text':
        return report(node, 'text', node.data);
      case 'ExpressionTag':
        return expression(node.expression, 'text');
      case 'Attribute': {
        if (!USER_FACING.has(node.name) || node.value === true) return;
        const parts = Array.isArray(node.value) ? node.value : [node.value];
        for (const part of parts) {
          if (part.type === 'Text') report(part, node.name, part.data);
          else if (part.type === 'ExpressionTag') expression(part.expression, node.name);
        }
        return;
      }
      case 'RegularElement':
        if (node.name === 'style' || node.name === 'script') return;
    }
    for (const key of [
      'fragment',
      'nodes',
      'attributes',
      'consequent',
      'alternate',
      'body',
      'fallback',
      'pending',
      'then',
      'catch',
    ]) {
      walk(node[key]);
    }
  };
  walk(ast.fragment);
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
