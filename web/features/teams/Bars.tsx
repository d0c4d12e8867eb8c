import type { ReactNode } from 'react';

export interface BarItem {
  key: string;
  label: ReactNode;
  value: number;
  /** Written after the number, e.g. "lượt"; the number itself is always shown as text. */
  valueText: string;
}

/**
 * A horizontal bar chart in plain HTML: a list whose items read "label — 12 lượt" to everyone, with the bar as
 * a visual extra (hidden from assistive technology). No chart library, nothing drawn on a canvas.
 */
export function Bars({ items, label }: { items: readonly BarItem[]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="bars" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <span className="bars__label">{item.label}</span>
          <span className="bars__track">
            <span className="bars__area" aria-hidden="true">
              <span className="bars__bar" style={{ width: `${(item.value / max) * 100}%` }} />
            </span>
            <span className="bars__value">{item.valueText}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
