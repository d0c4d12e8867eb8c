/**
 * Reads XML the way FixMyStreet does (perllib/Open311.pm `_get_xml_object`: Perl's XML::Simple with `ForceArray` on
 * the list items, `KeyAttr => {}`, `GroupTags` folding each plural element into its items, `SuppressEmpty => undef`):
 * the root element is dropped, a text-only element is its text, an empty one is undefined, a repeated child or a
 * ForceArray name is a list. A small strict parser written for the tests (no XML library is a dependency): it
 * refuses mismatched tags, stray text, unknown entities and anything after the root, so a malformed answer fails.
 */

export type SimpleValue = string | undefined | SimpleObject | SimpleValue[];
export interface SimpleObject {
  [key: string]: SimpleValue;
}

interface Element {
  name: string;
  children: Element[];
  text: string;
}

/** FixMyStreet's settings: `ForceArray => [values %$group_tags]`, `GroupTags => $group_tags`. */
export const FMS_GROUP_TAGS: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  service_request_updates: 'request_update',
  groups: 'group',
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isNameChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    c === '_' ||
    c === '-' ||
    c === '.' ||
    c === ':'
  );
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  fail(what: string): never {
    throw new Error(`XML: ${what} at ${this.i}`);
  }

  private startsWith(t: string): boolean {
    return this.s.startsWith(t, this.i);
  }

  private skipSpace(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i]!)) this.i++;
  }

  private skipUntil(end: string): void {
    const at = this.s.indexOf(end, this.i);
    if (at < 0) this.fail(`unterminated, expected ${end}`);
    this.i = at + end.length;
  }

  private name(): string {
    const start = this.i;
    while (this.i < this.s.length && isNameChar(this.s[this.i]!)) this.i++;
    if (this.i === start) this.fail('expected a name');
    return this.s.slice(start, this.i);
  }

  private entity(): string {
    const end = this.s.indexOf(';', this.i);
    if (end < 0 || end - this.i > 10) this.fail('bad entity');
    const body = this.s.slice(this.i + 1, end);
    this.i = end + 1;
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = ENTITIES[body];
    if (named === undefined) this.fail(`unknown entity &${body};`);
    return named;
  }

  private misc(): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith('<?')) this.skipUntil('?>');
      else if (this.startsWith('<!--')) this.skipUntil('-->');
      else return;
    }
  }

  document(): Element {
    this.misc();
    if (!this.startsWith('<')) this.fail('expected the root element');
    const root = this.element();
    this.misc();
    if (this.i !== this.s.length) this.fail('content after the root element');
    return root;
  }

  private element(): Element {
    this.i++; // <
    const name = this.name();
    this.skipSpace();
    if (this.startsWith('/>')) {
      this.i += 2;
      return { name, children: [], text: '' };
    }
    if (!this.startsWith('>')) this.fail('attributes are not expected in Open311 answers');
    this.i++;
    const children: Element[] = [];
    let text = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail(`unclosed <${name}>`);
      if (this.startsWith('</')) {
        this.i += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.skipSpace();
        if (!this.startsWith('>')) this.fail('bad closing tag');
        this.i++;
        break;
      }
      if (this.startsWith('<!--')) this.skipUntil('-->');
      else if (this.startsWith('<')) children.push(this.element());
      else if (this.s[this.i] === '&') text += this.entity();
      else text += this.s[this.i++];
    }
    if (children.length > 0 && text.trim() !== '') this.fail(`mixed content in <${name}>`);
    return { name, children, text: children.length > 0 ? '' : text };
  }
}

function simplify(
  el: Element,
  groupTags: Readonly<Record<string, string>>,
  forceArray: ReadonlySet<string>,
): SimpleValue {
  if (el.children.length === 0) return el.text === '' ? undefined : el.text;
  const out: SimpleObject = {};
  const lists = new Set<string>();
  for (const child of el.children) {
    const value = simplify(child, groupTags, forceArray);
    if (!(child.name in out)) {
      out[child.name] = forceArray.has(child.name) ? [value] : value;
      if (forceArray.has(child.name)) lists.add(child.name);
    } else if (lists.has(child.name)) {
      (out[child.name] as SimpleValue[]).push(value);
    } else {
      out[child.name] = [out[child.name], value];
      lists.add(child.name);
    }
  }
  // GroupTags: <attributes><attribute/>…</attributes> becomes the list of its items.
  for (const [plural, item] of Object.entries(groupTags)) {
    const v = out[plural];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === item) out[plural] = v[item];
    }
  }
  return out;
}

/** XML::Simple's answer for FixMyStreet's settings: the root's content as nested objects, lists and strings. */
export function parseLikeFixMyStreet(xml: string): SimpleObject {
  const root = new Parser(xml).document();
  const value = simplify(root, FMS_GROUP_TAGS, new Set(Object.values(FMS_GROUP_TAGS)));
  if (value === undefined) return {};
  if (typeof value === 'string' || Array.isArray(value)) throw new Error('XML: the root holds text');
  return value;
}

/** The root element's name (XML::Simple drops it; the tests check it). */
export function rootName(xml: string): string {
  return new Parser(xml).document().name;
}
