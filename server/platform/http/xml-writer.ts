/**
 * A small XML writer for the few XML answers the platform gives (Open311 GeoReport v2: FixMyStreet reads XML only).
 * Writing needs no library: every text node goes through `escapeXmlText`, which also drops what XML 1.0 cannot carry
 * at all (most control characters, lone surrogates, U+FFFE/U+FFFF) — a character reference would not make them legal.
 */

/** Characters XML 1.0 forbids even as references: C0 controls except tab/LF/CR, lone surrogates, U+FFFE, U+FFFF. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"'\r\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text safe inside an element or an attribute. CR and the C1 controls are written as character references (a parser
 * would otherwise fold CR into LF, and C1 controls are "discouraged" raw); forbidden characters become U+FFFD so a
 * reader sees that something was there.
 */
export function escapeXmlText(text: string): string {
  // Most values need nothing: one scan decides, and a 1,000-request answer writes ~17,000 of them.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(FORBIDDEN, '\uFFFD')
    .replace(SPECIAL, (c) => ENTITIES[c] ?? `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** A value as it is written: a scalar is text; null, undefined and '' are an empty element. */
export type XmlScalar = string | number | boolean | null | undefined;
export interface XmlObject {
  [key: string]: XmlScalar | XmlObject | XmlObject[] | XmlScalar[];
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Element names already checked: a document repeats the same few thousands of times. */
const checkedNames = new Set<string>();

function scalarText(value: XmlScalar): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Not a finite number');
    return String(value);
  }
  return escapeXmlText(String(value));
}

/**
 * Writes a JSON-like value as XML, the way GeoReport v2 nests lists: an array under key `k` becomes `<k>` holding one
 * `<itemNames[k]>` element per item. Objects keep their key order, so the XML lists fields as the JSON does.
 */
export function writeXmlValue(
  name: string,
  value: XmlScalar | XmlObject | XmlObject[] | XmlScalar[],
  itemNames: Readonly<Record<string, string>>,
  out: string[],
): void {
  if (!checkedNames.has(name)) {
    if (!XML_NAME.test(name)) throw new Error(`Not an XML element name: ${name}`);
    if (checkedNames.size < 1000) checkedNames.add(name);
  }
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`No item element name for the list ${name}`);
    if (value.length === 0) {
      out.push(`<${name}/>`);
      return;
    }
    out.push(`<${name}>`);
    for (const v of value) writeXmlValue(item, v, itemNames, out);
    out.push(`</${name}>`);
    return;
  }
  if (value !== null && typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value)) writeXmlValue(k, v, itemNames, out);
    out.push(`</${name}>`);
    return;
  }
  const text = scalarText(value);
  out.push(text === '' ? `<${name}/>` : `<${name}>${text}</${name}>`);
}

/** A whole document: the declaration and one root element. */
export function xmlDocument(
  root: string,
  value: XmlObject | XmlObject[],
  itemNames: Readonly<Record<string, string>> = {},
): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  writeXmlValue(root, value, itemNames, out);
  return out.join('');
}
