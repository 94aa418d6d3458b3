/**
 * Docker Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`, `$$` for a literal `$`), the
 * subset compose-go implements. Defaults may themselves contain `${...}`.
 *
 * The variables come from the caller: the shell environment is not ours to read, so by default
 * nothing is set and every default applies, which is what `docker compose up` does on a clean
 * machine with no `.env`.
 */

export type ComposeVariables = Readonly<Record<string, string | undefined>>;

export interface InterpolationResult {
  value: string;
  /** Variables referenced without a usable value and without a default (compose warns and uses ''). */
  unsetVariables: string[];
  /** `${VAR:?message}` / `${VAR?message}` failures and malformed `${`: compose refuses the file. */
  errors: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function interpolate(text: string, variables: ComposeVariables = {}): InterpolationResult {
  const result: InterpolationResult = { value: '', unsetVariables: [], errors: [] };
  result.value = expand(text, variables, result);
  return result;
}

function expand(text: string, variables: ComposeVariables, result: InterpolationResult): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char !== '$') {
      out += char;
      index++;
      continue;
    }
    const next = text[index + 1];
    if (next === '$') {
      out += '$';
      index += 2;
      continue;
    }
    if (next === '{') {
      const close = findClosingBrace(text, index + 2);
      if (close < 0) {
        result.errors.push(`invalid interpolation format: unterminated "\${" in "${text}"`);
        out += text.slice(index);
        break;
      }
      out += expandBraced(text.slice(index + 2, close), variables, result);
      index = close + 1;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = index + 1;
      while (end < text.length && NAME_CHAR.test(text[end] ?? '')) end++;
      out += lookup(text.slice(index + 1, end), variables, result);
      index = end;
      continue;
    }
    // A lone `$` stays as it is.
    out += char;
    index++;
  }
  return out;
}

/** Index of the `}` that closes a `${` whose body starts at `from`, honouring nested `${...}`. */
function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '$' && text[index + 1] === '{') {
      depth++;
      index++;
    } else if (char === '}') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function expandBraced(body: string, variables: ComposeVariables, result: InterpolationResult): string {
  let nameEnd = 0;
  while (nameEnd < body.length && NAME_CHAR.test(body[nameEnd] ?? '')) nameEnd++;
  const name = body.slice(0, nameEnd);
  if (name === '' || !NAME_START.test(name[0] ?? '')) {
    result.errors.push(`invalid interpolation format: "\${${body}}"`);
    return '';
  }
  const rest = body.slice(nameEnd);
  const value = variables[name];
  const isSet = value !== undefined;
  const isSetAndNonEmpty = isSet && value !== '';
  if (rest === '') return lookup(name, variables, result);

  const operator = rest.startsWith(':') ? rest.slice(0, 2) : rest.slice(0, 1);
  const argument = rest.slice(operator.length);
  switch (operator) {
    case ':-':
      return isSetAndNonEmpty ? value : expand(argument, variables, result);
    case '-':
      return isSet ? value : expand(argument, variables, result);
    case ':+':
      return isSetAndNonEmpty ? expand(argument, variables, result) : '';
    case '+':
      return isSet ? expand(argument, variables, result) : '';
    case ':?':
      if (isSetAndNonEmpty) return value;
      result.errors.push(`required variable ${name} is missing a value: ${expand(argument, variables, result)}`);
      return '';
    case '?':
      if (isSet) return value;
      result.errors.push(`required variable ${name} is missing a value: ${expand(argument, variables, result)}`);
      return '';
    default:
      result.errors.push(`invalid interpolation format: "\${${body}}"`);
      return '';
  }
}

function lookup(name: string, variables: ComposeVariables, result: InterpolationResult): string {
  const value = variables[name];
  if (value === undefined) {
    if (!result.unsetVariables.includes(name)) result.unsetVariables.push(name);
    return '';
  }
  return value;
}
