import { t, type Locale, type MessageKey } from '../i18n/index.js';
import { scanExpansion } from './tokenize.js';
import { shortWord } from './types.js';

// Small generic readers of value formats, chosen by the placeholder an entry gives for an option's
// value or by an argument's name, never by command: `[IP:]HOST_PORT:CONTAINER_PORT` reads ports,
// `...:CONTAINER_PATH` reads mounts, `KEY=VALUE` reads pairs, `NAME[:TAG]` and `IMAGE` read image names.

/** A value to read: its text without quotes, and whether the shell expands `$` and backquotes in it. */
export interface Value {
  text: string;
  expands: boolean;
}

type Reader = (value: Value, locale: Locale) => string | undefined;

const PORT_NUMBER = /^\d{1,5}(?:-\d{1,5})?$/;
const CURRENT_FOLDER = new Set(['.', '$(pwd)', '`pwd`', '$PWD', '${PWD}']);
const HEX_ID = /^(?:sha256:)?[0-9a-f]{6,64}$/;

/** Splits at `separator` outside `$(...)`, `${...}` and backquotes, so `$(pwd):/app` has two fields. */
function splitOutsideExpansions(text: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character === '$' || character === '`') {
      const expansion = scanExpansion(text, index);
      if (expansion) {
        field += expansion.text;
        index = expansion.end - 1;
        continue;
      }
    }
    if (character === separator) {
      fields.push(field);
      field = '';
    } else {
      field += character;
    }
  }
  fields.push(field);
  return fields;
}

const readPort: Reader = ({ text }, locale) => {
  const [address, protocol = 'tcp'] = text.split('/');
  let ip: string | undefined;
  let rest = address ?? '';
  const bracketed = /^\[([^\]]+)\]:(.*)$/.exec(rest);
  if (bracketed) {
    ip = bracketed[1];
    rest = bracketed[2] ?? '';
  }

  const fields = rest.split(':');
  if (!ip && fields.length === 3) ip = fields.shift();
  const container = fields.pop() ?? '';
  const host = fields.pop() ?? '';
  if (fields.length > 0 || !PORT_NUMBER.test(container) || (host !== '' && !PORT_NUMBER.test(host))) {
    return t(locale, 'explain.value.portInvalid', { value: shortWord(text) });
  }

  const params = { ip: shortWord(ip ?? ''), host, container, protocol: shortWord(protocol.toUpperCase()) };
  if (host === '') return t(locale, ip ? 'explain.value.portRandomAddress' : 'explain.value.portRandom', params);
  return t(locale, ip ? 'explain.value.portAddress' : 'explain.value.portAll', params);
};

const readMount: Reader = ({ text }, locale) => {
  const fields = splitOutsideExpansions(text, ':');
  if (fields.length === 1) return t(locale, 'explain.value.anonymousVolume', { target: shortWord(text) });

  const [source = '', target = '', options] = fields;
  const isPath = /^[./~$`]/.test(source) || source.includes('/');
  let key: MessageKey = isPath ? 'explain.value.bindMount' : 'explain.value.namedVolume';
  if (CURRENT_FOLDER.has(source)) key = 'explain.value.bindMountCurrent';
  const sentence = t(locale, key, { source: shortWord(source), text: source, target: shortWord(target) });
  if (!options) return sentence;

  const named = options.split(',').map((option) => (option === 'ro' ? t(locale, 'explain.value.readOnly') : shortWord(option)));
  return `${sentence} ${t(locale, 'explain.value.mountOptions', { options: named.join(', ') })}`;
};

const readKeyValue: Reader = ({ text }, locale) => {
  const separator = text.indexOf('=');
  if (separator <= 0) return undefined;
  return t(locale, 'explain.value.keyValue', { key: shortWord(text.slice(0, separator)), value: shortWord(text.slice(separator + 1)) });
};

const readImage: Reader = ({ text }, locale) => {
  if (HEX_ID.test(text)) return t(locale, 'explain.value.imageId');

  const [reference = '', digest] = text.split('@');
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  const hasTag = colon > slash;
  const name = hasTag ? reference.slice(0, colon) : reference;
  if (digest) return t(locale, 'explain.value.imageDigest', { name: shortWord(name), digest: shortWord(digest) });
  if (hasTag) return t(locale, 'explain.value.imageTag', { name: shortWord(name), tag: shortWord(reference.slice(colon + 1)) });
  return t(locale, 'explain.value.imageLatest', { name: shortWord(name) });
};

const readContainer: Reader = ({ text }, locale) => t(locale, HEX_ID.test(text) ? 'explain.value.containerId' : 'explain.value.containerName');

/** Readers by the placeholder or argument name they apply to, first match wins. */
const READERS: [RegExp, Reader][] = [
  [/HOST_PORT:CONTAINER_PORT|^HOST:CONTAINER$/, readPort],
  [/CONTAINER_PATH|^SRC:DEST$/, readMount],
  [/^<?[A-Za-z_]*(?:KEY|OPTION|key)>?=<?[A-Za-z_]*(?:VALUE|value)>?$/, readKeyValue],
  [/^\[?(?:NAME\[:TAG|IMAGE\b|REPOSITORY|SOURCE_IMAGE|TARGET_IMAGE|<image>)/, readImage],
  [/^\[?CONTAINER\b/, readContainer],
];

/** Describes `$(...)`, backquotes and variables in a value, which the shell replaces before running. */
function describeExpansions(value: Value, locale: Locale, currentFolderNamed: boolean): string[] {
  if (!value.expands) return [];

  const sentences: string[] = [];
  for (let index = 0; index < value.text.length; index++) {
    const character = value.text[index];
    if (character !== '$' && character !== '`') continue;

    const expansion = scanExpansion(value.text, index);
    if (!expansion) continue;
    index = expansion.end - 1;
    if (CURRENT_FOLDER.has(expansion.text)) {
      if (!currentFolderNamed) sentences.push(t(locale, 'explain.value.pwd', { text: expansion.text }));
    } else if (expansion.kind === 'command' || expansion.kind === 'backquote') {
      sentences.push(t(locale, 'explain.value.commandSubstitution', { text: shortWord(expansion.text), command: shortWord(expansion.inner) }));
    } else if (expansion.kind === 'parameter') {
      sentences.push(t(locale, 'explain.value.variable', { text: shortWord(expansion.text), name: shortWord(expansion.inner) }));
    }
  }
  return sentences;
}

function describePath(text: string, locale: Locale): string | undefined {
  if (text === '.' || text === './') return t(locale, 'explain.value.dot');
  if (text === '..' || text === '../') return t(locale, 'explain.value.dotDot');
  if (text === '~' || text.startsWith('~/')) return t(locale, 'explain.value.home');
  return undefined;
}

/**
 * Reads a value by the format its placeholder or argument name announces, and adds what the shell
 * does to it (`.` and `..`, `$(pwd)`, `$HOME`). Returns the sentences to append to the meaning.
 */
export function interpretValue(placeholder: string, value: Value, locale: Locale): string[] {
  const reader = READERS.find(([pattern]) => pattern.test(placeholder))?.[1];
  const reading = reader?.(value, locale);
  const sentences = reading ? [reading] : [];

  const path = describePath(value.text, locale);
  if (path) sentences.push(path);
  // A mount whose source is `$(pwd)` already names the current folder, so it is not described twice.
  const folderNamed = reader === readMount && CURRENT_FOLDER.has(splitOutsideExpansions(value.text, ':')[0] ?? '');
  return [...sentences, ...describeExpansions(value, locale, folderNamed)];
}
