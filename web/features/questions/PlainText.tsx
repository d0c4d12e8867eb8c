/**
 * User text shown as text: paragraphs at blank lines, line breaks kept by CSS. Nothing is parsed as HTML, so no
 * markup a user typed can run (the API's escaped `bodyHtml` is for other clients).
 */
export function PlainText({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <div className={className}>
      {paragraphs.map((paragraph, i) => (
        <p key={i} style={{ whiteSpace: 'pre-line' }}>
          {paragraph}
        </p>
      ))}
    </div>
  );
}
