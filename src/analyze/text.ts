/**
 * Output of user-controlled strings (run and tag names, paths, alert texts that quote them) in each
 * context it is printed in. A name from an event file or a directory may hold anything: newlines,
 * terminal escape sequences, markdown and HTML.
 *
 * - A terminal line: control characters (C0, DEL, C1), line and paragraph separators and bidi
 *   overrides are shown as escapes (`\n`, `\x1b`, `\u202e`), so a name can neither move the cursor,
 *   recolour the screen nor start a line of its own (a spoofed `verdict: OK`).
 * - Markdown text: the same, then every character that could open markup (emphasis, code, links,
 *   images, autolinks, HTML, table cells, math) is escaped, so the text renders as written.
 * - A markdown code span: the same neutralisation, a fence longer than any backtick run inside; in a
 *   table cell, escaped text in <code>.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeControl(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
}

/** One line for a terminal: every control or bidi character shown as an escape. */
export function safeText(s: string): string {
  return s.replace(CONTROL, escapeControl);
}

/** A text of several lines for a terminal: each line made safe, the line breaks kept. */
export function safeLines(lines: readonly string[]): string {
  return lines.map(safeText).join('\n');
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Markdown inline text (a table cell, a list item) that renders as written: markup characters are
 * backslash-escaped, HTML's &, <, > are entities (no tag, no autolink), `.`, `:` and `@` are escaped so
 * no URL, domain or e-mail address becomes a link, `|` cannot end a table cell.
 */
export function mdText(s: string): string {
  return safeText(s)
    .replace(/[\\`*_[\]|~:@$.!]/g, '\\$&')
    .replace(/[&<>]/g, (c) => HTML[c]!);
}

/** A markdown code span holding `s` literally (not in a table: see mdCodeCell). */
export function mdCode(s: string): string {
  const text = safeText(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Monospace text in a table cell. A code span cannot hold `\|` there (GFM splits the row before it
 * reads the span), so the text is escaped markdown inside <code>, which GFM parses as text.
 */
export function mdCodeCell(s: string): string {
  return `<code>${mdText(s)}</code>`;
}

/** Characters JSON.stringify leaves raw that a terminal may act on (C1 controls, bidi, separators). */
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify, with the control characters it leaves raw written as \u escapes: they occur only
 * inside strings, which parse back to the same text.
 */
export function safeJson(
  value: unknown,
  replacer?: (key: string, v: unknown) => unknown,
  indent?: number,
): string {
  return JSON.stringify(value, replacer, indent).replace(
    JSON_RAW,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
