/**
 * schema.org JSON-LD in the page (QAPage, FAQPage) for search engines. Its strings are user text, so every "<" is
 * escaped: no "</script>" or "<!--" can end the element, and the block is data (type application/ld+json), never
 * executed. The server's API builds the object; the page only embeds it.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
