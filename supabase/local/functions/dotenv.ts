/**
 * Parses a `.env` file the way the Supabase CLI's dotenv reader does for the common cases:
 * `KEY=value`, optional `export `, `#` comments, single quotes (literal) and double quotes
 * (with \n, \t, \" and \\ escapes), both of which may span lines (PEM keys).
 */
export interface DotenvResult {
  values: Record<string, string>;
  /** One message per line that could not be read; those lines are skipped. */
  errors: string[];
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Reads a quoted value starting at lines[index]; returns the value and the last line used. */
function readQuoted(lines: string[], index: number, start: string): { value: string; end: number } | undefined {
  const quote = start[0];
  let text = start.slice(1);
  for (let end = index; end < lines.length; end++) {
    const close = findClosingQuote(text, quote);
    if (close >= 0) {
      const raw = text.slice(0, close);
      const value = quote === '"' ? raw.replace(/\\([nrt"\\])/g, (_, ch: string) => ESCAPES[ch]) : raw;
      const rest = text.slice(close + 1).trim();
      return rest === '' || rest.startsWith('#') ? { value, end } : undefined;
    }
    if (end + 1 < lines.length) text += '\n' + lines[end + 1];
  }
  return undefined;
}

function findClosingQuote(text: string, quote: string): number {
  for (let i = 0; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

export function parseDotenv(text: string): DotenvResult {
  const values: Record<string, string> = {};
  const errors: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const match = ASSIGNMENT.exec(line);
    if (!match) {
      errors.push(`line ${index + 1}: expected KEY=value`);
      continue;
    }
    const [, key, rest] = match;
    if (rest.startsWith('"') || rest.startsWith("'")) {
      const quoted = readQuoted(lines, index, rest);
      if (!quoted) {
        errors.push(`line ${index + 1}: unterminated or malformed quoted value for ${key}`);
        continue;
      }
      values[key] = quoted.value;
      index = quoted.end;
    } else {
      values[key] = rest.replace(/\s+#.*$/, '').trim();
    }
  }
  return { values, errors };
}
