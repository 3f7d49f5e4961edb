/**
 * The XML form of Open311 GeoReport v2 answers — a tiny serializer, no dependency. The documents are the
 * spec's: `<services><service>…`, `<service_definition>…<attributes/>`, `<service_requests><request>…`,
 * `<errors><error>…`. A field left out of the JSON (undefined) is left out of the XML; null and '' are empty
 * elements; an array's items take the element name the spec gives them.
 */
export type XmlValue =
  string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/** The element name of each array's items, by the array's own name. */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
};

// Characters XML 1.0 cannot carry at all (C0 controls other than tab and line breaks, U+FFFE/U+FFFF, lone
// surrogates): dropped, so a stray one in stored text never makes the document unreadable.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (value === null || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM[name] ?? 'item';
    const inner = value.map((v) => element(item, v)).join('');
    return inner ? `<${name}>${inner}</${name}>` : `<${name}/>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('');
    return inner ? `<${name}>${inner}</${name}>` : `<${name}/>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: the declaration, then `root` holding `value`. */
export function toXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}

export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';
